"""crawlers/runs.py: the run lifecycle begins, judges and finishes each crawl run."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

import warehouse
from crawlers.runs import RunLifecycle, judge
from crawlers.signals import run_ending, run_started
from regintel.contracts import RUN_STATUSES, CrawlRun
from regintel.settings import DB_READY


def test_statuses() -> None:
    assert judge({"listed": 5, "documents": 5}, 2, "finished")[0] == "ok"
    status, message = judge({"listed": 0, "issues/http_403": 1, "entry_failures": 1}, 1, "finished")
    assert status == "blocked" and "http_403 1" in message
    assert judge({"listed": 0, "issues/http_404": 1, "entry_failures": 1}, 1, "finished")[0] == "failed"
    assert judge({"listed": 1}, 3, "finished") == (
        "empty",
        "fewer than min_items=3; 1 listed, 0 stored, 0 unchanged",
    )
    assert judge({"listed": 9}, 1, "shutdown")[0] == "interrupted"


def test_every_judged_status_is_a_declared_run_status() -> None:
    cases = [({"listed": 5}, 1, "finished"), ({"listed": 0, "issues/challenge": 2}, 1, "finished"),
             ({"listed": 0, "entry_failures": 1}, 1, "finished"), ({}, 1, "finished"), ({}, 1, "closespider")]
    judged = {judge(stats, minimum, reason)[0] for stats, minimum, reason in cases}
    assert judged == set(RUN_STATUSES) - {"running"}


def test_a_run_is_begun_on_a_fresh_database_and_stale_runs_are_interrupted(
    db: Path, source, crawler_for
) -> None:
    spider = SimpleNamespace(source=source)
    first = RunLifecycle.from_crawler(crawler_for())  # `scrapy crawl` alone: the database is made
    asyncio.run(first.spider_opened(spider))
    assert first.run is not None and warehouse.runs(db, source.id)[0].status == "running"
    second = RunLifecycle.from_crawler(crawler_for(**{DB_READY.name: True}))  # the first was killed
    started: list[str] = []
    second.crawler.signals.connect(lambda run, source: started.append(run.run_id), run_started, weak=False)
    asyncio.run(second.spider_opened(spider))
    assert second.run is not None and started == [second.run.run_id]
    statuses = {r.run_id: (r.status, r.message) for r in warehouse.runs(db, source.id)}
    assert statuses[second.run.run_id] == ("running", "")
    assert statuses[first.run.run_id][0] == "interrupted" and "killed?" in statuses[first.run.run_id][1]


def test_the_run_is_judged_after_its_work_has_ended(db: Path, source, run, crawler_for) -> None:
    crawler = crawler_for()
    lifecycle = RunLifecycle.from_crawler(crawler)
    lifecycle.run = run
    crawler.stats.set_value("regintel/listed", 2)
    crawler.stats.set_value("response_received_count", 3)

    async def parser_drains(run: CrawlRun) -> None:  # what the article parser does on run_ending
        await asyncio.sleep(0.05)
        crawler.stats.inc_value("regintel/documents", 2)

    crawler.signals.connect(parser_drains, run_ending, weak=False)
    asyncio.run(lifecycle.spider_closed(SimpleNamespace(source=source), "finished"))
    (finished,) = warehouse.runs(db, source.id)
    assert finished.status == "ok" and finished.finished_at is not None
    assert finished.stats == {"listed": 2, "documents": 2, "responses": 3}
    assert finished.message == "2 listed, 2 stored, 0 unchanged"


def test_a_run_ended_early_is_interrupted(db: Path, source, run, crawler_for) -> None:
    lifecycle = RunLifecycle.from_crawler(crawler_for())
    lifecycle.run = run
    asyncio.run(lifecycle.spider_closed(SimpleNamespace(source=source), "shutdown"))
    (finished,) = warehouse.runs(db, source.id)
    assert finished.status == "interrupted" and finished.message.startswith("crawl ended early (shutdown)")

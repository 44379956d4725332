"""crawlers/pipelines/store.py: items are buffered and written in batches under the run, then announced."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import warehouse
from crawlers.items import Discovered, Problem, Unchanged
from crawlers.pipelines.store import StorePipeline
from crawlers.signals import batch_stored, run_started
from regintel.contracts import Page
from regintel.settings import FLUSH_ITEMS

AT = datetime(2026, 1, 1, tzinfo=UTC)


def test_items_are_stored_in_batches_under_the_run_and_each_batch_is_announced(
    db: Path, source, run, crawler_for, fetched_article, rows
) -> None:
    crawler = crawler_for(**{FLUSH_ITEMS.name: 2})
    pipeline = StorePipeline.from_crawler(crawler)
    announced: list[list[Page]] = []
    crawler.signals.connect(lambda pages: announced.append(pages), signal=batch_stored, weak=False)
    a, b = "https://news.test/a", "https://news.test/b"

    async def crawl() -> None:
        pipeline.open_spider()
        pipeline.process_item(Discovered([(a, 1), (b, 1)]))
        pipeline.flush(force=True)
        assert not pipeline.writes, "nothing is written before the run has started"
        crawler.signals.send_catch_log(run_started, run=run, source=source)
        pipeline.process_item(fetched_article(a))  # the buffer is full: a batch is written
        pipeline.process_item(Problem(b, source.id, "http_404", "HTTP 404", AT))
        pipeline.process_item(Unchanged("https://news.test/old"))
        await pipeline.close_spider()  # the rest is written, and every write awaited

    asyncio.run(crawl())
    assert [p.url for batch in announced for p in batch] == [a]
    assert {p.run_id for batch in announced for p in batch} == {run.run_id}
    assert rows(db, "SELECT url, run_id, parsed_at FROM pages") == [(a, run.run_id, None)]
    assert rows(db, "SELECT url, run_id, reason FROM crawl_issues") == [(b, run.run_id, "http_404")]
    assert warehouse.frontier(db, source.id) == []  # both listed URLs are done
    stats = crawler.stats.get_stats()
    assert stats["regintel/pages_stored"] == 1 and stats["regintel/issues/http_404"] == 1
    assert stats["regintel/flushes"] >= 2 and stats["regintel/store_ms"] >= 0
    assert "regintel/entry_failures" not in stats


def test_a_failed_entry_point_is_counted(source, run, crawler_for) -> None:
    crawler = crawler_for()
    pipeline = StorePipeline.from_crawler(crawler)
    crawler.signals.send_catch_log(run_started, run=run, source=source)
    feed = source.entry_points[0].url
    pipeline.process_item(Problem(feed, source.id, "http_403", "HTTP 403", AT, entry=True))
    assert crawler.stats.get_value("regintel/entry_failures") == 1
    assert pipeline.pending() == 2  # the issue and its URL, buffered until the next flush


"""RunLifecycle: begin, judge and finish the crawl run of each spider (a Scrapy extension).

On `spider_opened` it prepares the database if the runner did not, closes this source's runs
a killed process left "running" as "interrupted", starts our run and announces it
(`run_started`). On `spider_closed` (after the store pipeline's last flush) it announces
`run_ending` and waits for its handlers (the article parser drains), then judges the run from
the crawl's `regintel/...` stats and finishes it: ok, empty, blocked, failed or interrupted.
A source that lists fewer than `min_items` articles is a recorded failure (zavod-style
assertion), never a silent gap; the message says why in one line.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler

import warehouse
from crawlers import dbthread
from crawlers.signals import run_ending, run_started
from regintel.contracts import CrawlRun, RunStatus, Source, replace
from regintel.settings import DB, DB_READY

logger = logging.getLogger(__name__)
STATS_PREFIX = "regintel/"
BLOCKING = ("http_403", "http_429", "challenge")
STALE_RUNS = 20  # how many of a source's latest runs are checked for a stale "running"


def judge(stats: dict[str, int], min_items: int, finish_reason: str | None) -> tuple[RunStatus, str]:
    """A finished run's status and one-line message from its numbers."""
    listed = stats.get("listed", 0)
    stored = stats.get("documents", 0)
    issues = {k.removeprefix("issues/"): v for k, v in stats.items() if k.startswith("issues/")}
    entry_failures = stats.get("entry_failures", 0)
    summary = f"{listed} listed, {stored} stored, {stats.get('unchanged', 0)} unchanged"
    if issues:
        summary += ", issues: " + ", ".join(f"{k} {v}" for k, v in sorted(issues.items()))
    if finish_reason not in (None, "finished"):
        return "interrupted", f"crawl ended early ({finish_reason}); {summary}"
    if listed >= min_items:
        return "ok", summary
    if any(issues.get(reason) for reason in BLOCKING):
        return "blocked", f"fewer than min_items={min_items} and blocked; {summary}"
    if entry_failures:
        return "failed", f"{entry_failures} entry point(s) failed; {summary}"
    return "empty", f"fewer than min_items={min_items}; {summary}"


def begin(db: Path, source: Source, db_ready: bool) -> CrawlRun:
    """(warehouse thread) Prepare the database if needed, close stale runs, start ours."""
    if not db_ready:  # the runner prepared the database; `scrapy crawl` alone did not
        warehouse.init_db(db)
        warehouse.upsert_sources(db, [source])
    now = datetime.now(UTC)
    for stale in warehouse.runs(db, source.id, limit=STALE_RUNS):
        if stale.status == "running":
            warehouse.finish_run(
                db,
                replace(
                    stale,
                    status="interrupted",
                    finished_at=now,
                    message="the crawl process ended without finishing this run (killed?)",
                ),
            )
    return warehouse.start_run(db, source.id)


def run_numbers(stats: dict[str, object]) -> dict[str, int]:
    """The run's stats: Scrapy's numeric `regintel/...` stats without the prefix, plus responses."""
    numbers = {
        k.removeprefix(STATS_PREFIX): int(v)
        for k, v in stats.items()
        if k.startswith(STATS_PREFIX) and isinstance(v, int | float)
    }
    numbers["responses"] = int(stats.get("response_received_count", 0))  # type: ignore[call-overload]
    return numbers


class RunLifecycle:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db = Path(DB.get(crawler.settings))
        self.db_ready = bool(DB_READY.get(crawler.settings))
        self.run: CrawlRun | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        lifecycle = cls(crawler)
        crawler.signals.connect(lifecycle.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(lifecycle.spider_closed, signal=signals.spider_closed)
        return lifecycle

    async def spider_opened(self, spider: Spider) -> None:
        source: Source = spider.source  # type: ignore[attr-defined]
        self.run = await dbthread.call(begin, self.db, source, self.db_ready)
        await self.crawler.signals.send_catch_log_async(run_started, run=self.run, source=source)

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        """Let the run's work end, then judge and finish it (`reason` is Scrapy's finish reason)."""
        if self.run is None:
            return
        await self.crawler.signals.send_catch_log_async(run_ending, run=self.run)
        source: Source = spider.source  # type: ignore[attr-defined]
        numbers = run_numbers(self.crawler.stats.get_stats())
        status, message = judge(numbers, source.min_items, reason)
        self.run = replace(
            self.run, finished_at=datetime.now(UTC), status=status, stats=numbers, message=message
        )
        await dbthread.call(warehouse.finish_run, self.db, self.run)
        logger.info("run %s of %s: %s (%s)", self.run.run_id, source.id, status, message)

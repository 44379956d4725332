"""StorePipeline: buffer fetched pages and write them to the warehouse in short batches.

Flushes every `REGINTEL_FLUSH_ITEMS` records or `REGINTEL_FLUSH_SECONDS`, each flush one
short write transaction through the warehouse API, so readers keep working during a crawl
and a SIGKILL loses at most the unflushed buffer (the rerun re-fetches it: pending URLs stay
in the frontier until their batch is stored). Writes run on the process's warehouse thread
(`crawlers.dbthread`), so the reactor keeps fetching meanwhile. It stores only: the run it
stores under comes with `run_started` (`crawlers.runs`), and each written batch is announced
with `batch_stored` (the article parser, `crawlers.parsing`, listens).
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from scrapy.crawler import Crawler
from twisted.internet import task

import warehouse
from crawlers import dbthread
from crawlers.items import Discovered, Fetched, Problem, Unchanged
from crawlers.runs import STATS_PREFIX
from crawlers.signals import batch_stored, run_started
from regintel.contracts import CrawlIssue, CrawlRun, Page
from regintel.settings import DB, FLUSH_ITEMS, FLUSH_SECONDS

MAX_BATCH_FACTOR = 10
# (frontier (url, depth) pairs, fetched pages, issues, URLs done)
Batch = tuple[list[tuple[str, int]], list[Fetched], list[CrawlIssue], list[str]]


def _write(db: Path, source_id: str, run_id: str, batch: Batch) -> tuple[float, list[Page]]:
    """(warehouse thread) Store one batch; returns the seconds it took and the pages stored.

    Raw pages are compressed here, not on the reactor thread (zlib releases the GIL)."""
    started = time.perf_counter()
    frontier, fetched, issues, done = batch
    pages = [item.page(run_id) for item in fetched]
    if frontier:
        warehouse.add_frontier(db, source_id, frontier)
    warehouse.store_crawl_batch(db, pages, [], issues, done)
    return time.perf_counter() - started, pages


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.db = Path(DB.get(settings))
        self.flush_items = int(FLUSH_ITEMS.get(settings))
        self.flush_seconds = float(FLUSH_SECONDS.get(settings))
        self.fetched: list[Fetched] = []
        self.issues: list[CrawlIssue] = []
        self.done: list[str] = []
        self.frontier: list[tuple[str, int]] = []
        self.run: CrawlRun | None = None
        self.loop: task.LoopingCall | None = None
        self.writes: list[asyncio.Future[None]] = []
        self.store_seconds = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.run_started, signal=run_started)
        return pipeline

    def run_started(self, run: CrawlRun) -> None:
        self.run = run

    @property
    def run_id(self) -> str:
        assert self.run is not None, "items arrive after run_started"
        return self.run.run_id

    def open_spider(self) -> None:
        self.crawler.stats.set_value(f"{STATS_PREFIX}store_ms", 0)
        self.loop = task.LoopingCall(self.flush)
        self.loop.start(self.flush_seconds, now=False)

    def pending(self) -> int:
        return len(self.fetched) + len(self.issues) + len(self.done) + len(self.frontier)

    def process_item(self, item: object) -> object:
        if isinstance(item, Fetched):
            self.fetched.append(item)
            self.done.extend({item.url, item.requested_url})  # the frontier holds the listed URL
        elif isinstance(item, Problem):
            self.crawler.stats.inc_value(f"{STATS_PREFIX}issues/{item.reason}")
            if item.entry:
                self.crawler.stats.inc_value(f"{STATS_PREFIX}entry_failures")
            self.issues.append(
                CrawlIssue(item.url, item.source_id, self.run_id, item.reason, item.detail, item.at)
            )
            self.done.append(item.url)
        elif isinstance(item, Unchanged):
            self.done.append(item.url)
        elif isinstance(item, Discovered):
            self.frontier.extend(item.urls)
        if self.pending() >= self.flush_items:
            self.flush()
        return item

    def busy(self) -> bool:
        """Our previous batch is still being written: keep buffering, the next batch grows instead."""
        return any(not f.done() for f in self.writes) and self.pending() < self.flush_items * MAX_BATCH_FACTOR

    def flush(self, force: bool = False) -> None:
        """Hand the buffer to the warehouse thread (batches of one process are written in order).

        While a write is in flight the buffer keeps growing (up to MAX_BATCH_FACTOR * flush size),
        so a slow warehouse gets fewer, larger batches instead of a growing queue."""
        if not self.pending() or self.run is None or (self.busy() and not force):
            return
        batch = (self.frontier, self.fetched, self.issues, self.done)
        stats = self.crawler.stats
        stats.inc_value(f"{STATS_PREFIX}pages_stored", len(self.fetched))
        stats.inc_value(f"{STATS_PREFIX}flushes")
        self.fetched, self.issues, self.done, self.frontier = [], [], [], []
        self.writes = [w for w in self.writes if not w.done() or w.exception()]
        self.writes.append(asyncio.ensure_future(self.store(batch)))

    async def store(self, batch: Batch) -> None:
        """Write one batch, then announce its pages (`batch_stored`)."""
        assert self.run is not None
        seconds, pages = await dbthread.call(_write, self.db, self.run.source_id, self.run_id, batch)
        self.store_seconds += seconds
        stats = self.crawler.stats
        stats.set_value(f"{STATS_PREFIX}store_ms", int(self.store_seconds * 1000))
        self.crawler.signals.send_catch_log(batch_stored, pages=pages)
        started = stats.get_value("start_time")
        if started is not None:  # when the pages fetched so far were all stored (benchmarks read it)
            elapsed_ms = int((datetime.now(UTC) - started).total_seconds() * 1000)
            stats.set_value(f"{STATS_PREFIX}stored_after_ms", elapsed_ms)

    async def close_spider(self) -> None:
        """Store what is buffered and wait for every write (a failed write raises)."""
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.flush(force=True)
        for write in self.writes:
            await write

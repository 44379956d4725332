"""StorePipeline: buffer fetched pages and write them to the warehouse in short batches.

Flushes every `REGINTEL_FLUSH_ITEMS` records or `REGINTEL_FLUSH_SECONDS`, each flush one
short write transaction through the warehouse API, so readers keep working during a crawl
and a SIGKILL loses at most the unflushed buffer (the rerun re-fetches it: pending URLs stay
in the frontier until their batch is stored). Writes run on the process's warehouse thread
(`crawlers.dbthread`), so the reactor keeps fetching meanwhile. Each stored batch goes to the
background ArticleParser, which turns pages into documents. Owns the run record: started on
open, judged and finished on close once the parser has drained; runs left "running" by a
killed process become "interrupted".
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

import warehouse
from crawlers import dbthread
from crawlers.items import Discovered, Fetched, Problem, Unchanged
from crawlers.parsing import ArticleParser, options_for
from crawlers.runstatus import judge
from regintel.contracts import CrawlIssue, CrawlRun, Page, Source, replace
from regintel.settings import (
    DB,
    DB_READY,
    FLUSH_ITEMS,
    FLUSH_SECONDS,
    MIN_TEXT_CHARS,
    PARSE_NICE,
    PARSE_PROCESSES,
)

logger = logging.getLogger(__name__)
STATS_PREFIX = "regintel/"
MAX_BATCH_FACTOR = 10


def _write(
    db: Path, source_id: str, run_id: str, batch: tuple[list, list, list, list]
) -> tuple[float, list[Page]]:
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
        self.db_ready = bool(DB_READY.get(settings))
        self.writes: list[asyncio.Future[None]] = []
        self.store_seconds = 0.0
        self.parser: ArticleParser | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def run_id(self) -> str:
        assert self.run is not None
        return self.run.run_id

    async def open_spider(self) -> None:
        source = self.crawler.spider.source  # type: ignore[union-attr]
        settings = self.crawler.settings
        self.parser = ArticleParser(
            self.db,
            options_for(source),
            self.crawler.stats.inc_value,
            min_chars=int(MIN_TEXT_CHARS.get(settings)),
            processes=int(PARSE_PROCESSES.get(settings)),
            nice=int(PARSE_NICE.get(settings)),
        )
        self.run = await dbthread.call(self.begin, source)
        unparsed = await dbthread.call(warehouse.unparsed_pages, self.db, source.id)
        self.crawler.stats.set_value(f"{STATS_PREFIX}parse_resumed", len(unparsed))
        self.parser.submit(unparsed)
        self.loop = task.LoopingCall(self.flush)
        self.loop.start(self.flush_seconds, now=False)

    def begin(self, source: Source) -> CrawlRun:
        """(warehouse thread) Prepare the database if needed, close stale runs, start ours."""
        if not self.db_ready:  # the runner prepared the database; `scrapy crawl` alone did not
            warehouse.init_db(self.db)
            warehouse.upsert_sources(self.db, [source])
        now = datetime.now(UTC)
        for stale in warehouse.runs(self.db, source.id, limit=20):
            if stale.status == "running":
                warehouse.finish_run(
                    self.db,
                    replace(
                        stale,
                        status="interrupted",
                        finished_at=now,
                        message="the crawl process ended without finishing this run (killed?)",
                    ),
                )
        return warehouse.start_run(self.db, source.id)

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

    async def store(self, batch: tuple[list, list, list, list]) -> None:
        """Write one batch, then hand its pages to the article parser."""
        assert self.run is not None and self.parser is not None
        seconds, pages = await dbthread.call(_write, self.db, self.run.source_id, self.run_id, batch)
        self.store_seconds += seconds
        self.parser.submit(pages)
        started = self.crawler.stats.get_value("start_time")
        if started is not None:  # when the pages fetched so far were all stored (benchmarks read it)
            elapsed_ms = int((datetime.now(UTC) - started).total_seconds() * 1000)
            self.crawler.stats.set_value(f"{STATS_PREFIX}stored_after_ms", elapsed_ms)

    async def close_spider(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.flush(force=True)
        for write in self.writes:
            await write  # this crawler's batches are stored; a failed write raises
        if self.parser is not None:
            await self.parser.drain()  # ... and parsed into documents

    async def spider_closed(self, reason: str) -> None:
        """Judge and finish the run (after close_spider's last flush; `reason` is the finish reason)."""
        if self.run is None:
            return
        all_stats = self.crawler.stats.get_stats()
        numbers = {
            k.removeprefix(STATS_PREFIX): int(v)
            for k, v in all_stats.items()
            if k.startswith(STATS_PREFIX) and isinstance(v, int | float)
        }
        numbers["responses"] = int(all_stats.get("response_received_count", 0))
        numbers["store_ms"] = int(self.store_seconds * 1000)
        source = self.crawler.spider.source  # type: ignore[union-attr]
        status, message = judge(numbers, source.min_items, reason)
        self.run = replace(
            self.run, finished_at=datetime.now(UTC), status=status, stats=numbers, message=message
        )
        await dbthread.call(warehouse.finish_run, self.db, self.run)
        logger.info("run %s of %s: %s (%s)", self.run.run_id, source.id, status, message)

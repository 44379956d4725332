"""ArticleParser: parse stored pages into documents in the background while the crawl fetches.

Extraction (`regintel.articles`) costs a few milliseconds of CPU per page; done inline it would
halve fetching on a small machine. `ParsingExtension` hands the parser each batch of pages the
store pipeline has written (`batch_stored`) and drains it before the run is judged (`run_ending`);
worker processes at a lower CPU priority (`REGINTEL_PARSE_NICE`) parse them in chunks, and the
documents and issues are written on the warehouse thread together with the pages' `parsed_at`,
in one transaction. Pages a killed crawl stored but never parsed are queued again when the
source is next crawled (`warehouse.unparsed_pages`), so nothing fetched is lost.
`reparse` runs the same parser without a crawl: stored pages -> documents again, no network.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from pathlib import Path
from typing import Self

from scrapy.crawler import Crawler

import warehouse
from crawlers import dbthread
from crawlers.runs import STATS_PREFIX
from crawlers.signals import batch_stored, run_ending, run_started
from regintel.articles import Options, Parsed, options_for, parse_pages, warm_up
from regintel.contracts import CrawlIssue, CrawlRun, Page, Source
from regintel.settings import DB, MIN_TEXT_CHARS, PARSE_NICE, PARSE_PROCESSES

CHUNK_PAGES = 25  # pages per round trip to a worker
Count = Callable[[str, int], None]  # e.g. Scrapy's `stats.inc_value`: ("regintel/documents", 3)


def _start_worker(nice: int) -> None:
    os.nice(nice)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    warm_up()


def _exit_with(parent_sentinel: int) -> None:
    """A crawl killed with SIGKILL cannot stop its workers, so they watch it and stop themselves
    (the sentinel is ready once the parent is gone, even if it died before this worker started)."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(0)


@lru_cache(maxsize=1)
def pool(processes: int, nice: int) -> ProcessPoolExecutor:
    """Worker processes shared by the crawlers of this process (spawned: never fork a reactor)."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(nice,))


class ArticleParser:
    def __init__(
        self, db: Path, options: Options, count: Count, *, min_chars: int, processes: int, nice: int
    ) -> None:
        self.db = db
        self.options = options
        self.count = count
        self.min_chars = min_chars
        self.processes = processes
        self.nice = nice
        self.tasks: list[asyncio.Future[None]] = []

    def submit(self, pages: list[Page]) -> None:
        """Parse and store these (already stored) pages in the background."""
        if pages:
            self.tasks.append(asyncio.ensure_future(self.parse(pages)))

    async def drain(self) -> None:
        """Wait until every submitted page is parsed and stored; a failed store write raises."""
        while self.tasks:
            await self.tasks.pop(0)

    async def parse(self, pages: list[Page]) -> None:
        chunks = [pages[i : i + CHUNK_PAGES] for i in range(0, len(pages), CHUNK_PAGES)]
        results = await asyncio.gather(*(self.parse_chunk(chunk) for chunk in chunks))
        parsed = [p for chunk in results for p in chunk]
        documents = [p.document for p in parsed if p.document is not None]
        issues = [i for p in parsed for i in p.issues]
        for issue in issues:
            self.count(f"{STATS_PREFIX}issues/{issue.reason}", 1)
        self.count(f"{STATS_PREFIX}documents", len(documents))
        self.count(f"{STATS_PREFIX}undated", sum(d.published is None for d in documents))
        self.count(f"{STATS_PREFIX}parsed", len(parsed))
        await dbthread.call(warehouse.store_parsed, self.db, documents, issues, [p.url for p in parsed])

    async def parse_chunk(self, pages: list[Page]) -> list[Parsed]:
        if self.processes <= 0:
            return parse_pages(pages, self.options, self.min_chars)
        try:
            job = pool(self.processes, self.nice).submit(parse_pages, pages, self.options, self.min_chars)
            return await asyncio.wrap_future(job)
        except BrokenProcessPool as exc:  # a worker died (e.g. killed): record it, start a fresh pool
            pool.cache_clear()
            return [self.failed(page, f"article parser process died: {exc}") for page in pages]
        except Exception as exc:  # a bug on one chunk must not end the crawl
            return [self.failed(page, f"{type(exc).__name__}: {exc}"[:300]) for page in pages]

    @staticmethod
    def failed(page: Page, detail: str) -> Parsed:
        issue = CrawlIssue(page.url, page.source_id, page.run_id, "parse_error", detail, page.fetched_at)
        return Parsed(page.url, None, [issue])


class ParsingExtension:
    """Drives one crawl's ArticleParser from our signals (a Scrapy extension).

    `run_started`: queue the pages a killed crawl of this source stored but never parsed;
    `batch_stored`: parse the batch; `run_ending`: wait until every page is parsed and stored."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.db = Path(DB.get(settings))
        self.min_chars = int(MIN_TEXT_CHARS.get(settings))
        self.processes = int(PARSE_PROCESSES.get(settings))
        self.nice = int(PARSE_NICE.get(settings))
        self.parser: ArticleParser | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.run_started, signal=run_started)
        crawler.signals.connect(extension.batch_stored, signal=batch_stored)
        crawler.signals.connect(extension.run_ending, signal=run_ending)
        return extension

    async def run_started(self, run: CrawlRun, source: Source) -> None:
        stats = self.crawler.stats
        self.parser = ArticleParser(
            self.db,
            options_for(source),
            stats.inc_value,
            min_chars=self.min_chars,
            processes=self.processes,
            nice=self.nice,
        )
        unparsed = await dbthread.call(warehouse.unparsed_pages, self.db, source.id)
        stats.set_value(f"{STATS_PREFIX}parse_resumed", len(unparsed))
        self.parser.submit(unparsed)

    def batch_stored(self, pages: list[Page]) -> None:
        assert self.parser is not None, "batches are stored after run_started"
        self.parser.submit(pages)

    async def run_ending(self, run: CrawlRun) -> None:
        if self.parser is not None:
            await self.parser.drain()


def reparse(db: Path, sources: list[Source], *, min_chars: int, processes: int) -> dict[str, Counter[str]]:
    """Parse the stored pages of `sources` into documents again; returns counts per source."""
    warehouse.mark_unparsed(db, [s.id for s in sources])

    async def run() -> dict[str, Counter[str]]:
        counts: dict[str, Counter[str]] = {}
        for source in sources:
            tally = counts[source.id] = Counter()

            def count(key: str, n: int, tally: Counter[str] = tally) -> None:
                tally[key.removeprefix(STATS_PREFIX)] += n

            parser = ArticleParser(
                db, options_for(source), count, min_chars=min_chars, processes=processes, nice=0
            )
            parser.submit(await dbthread.call(warehouse.unparsed_pages, db, source.id))
            await parser.drain()
        return counts

    return asyncio.run(run())

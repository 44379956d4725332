"""The demo job: crawl, extract and load the bundled sample site, offline and idempotent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from regintel.contracts import CrawlRun, Source
from regintel.jobs import QUIET, Reporter
from regintel.jobs.process import ProcessStats

# The sample site is on loopback: no need for a polite delay, and it is mirrored on purpose.
DEMO_SETTINGS = {
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


@dataclass(frozen=True)
class DemoResult:
    runs: list[CrawlRun]
    processed: ProcessStats


def mirrored_sources(sources: list[Source], serves: Callable[[str], bool]) -> list[Source]:
    """The configured sources whose every entry point the sample site mirrors."""
    return [s for s in sources if s.enabled and all(serves(e.url) for e in s.entry_points)]


def run_demo(db: Path, *, report: Reporter = QUIET) -> DemoResult:
    """Serve the sample site, crawl it with the real spiders, extract and load the facts."""
    from crawlers.sources import load_sources
    from regintel.jobs.crawl import crawl
    from regintel.jobs.process import process_documents
    from regintel.samplesite.server import running

    with running() as sample:
        chosen = mirrored_sources(load_sources(), sample.site.serves)
        report.message(f"sample site at {sample.base}: crawling {len(chosen)} sources into {db}")
        runs = crawl(db, [s.id for s in chosen], settings=DEMO_SETTINGS, rewrite=sample.rewrite())
    return DemoResult(runs=runs, processed=process_documents(db, report=report))

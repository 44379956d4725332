"""Shared crawl test helpers: fast loopback settings, the hostile source, mirrored sources, rows."""

from __future__ import annotations

from pathlib import Path

import duckdb

from crawlers.sources import load_sources
from regintel.contracts import EntryPoint, Source
from regintel.samplesite import hostile
from regintel.samplesite.server import SampleSite

# Loopback politeness: no delays, generous concurrency, short timeouts and backoff.
FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "DOWNLOAD_TIMEOUT": 4,
    "RETRY_TIMES": 1,
    "REGINTEL_BACKOFF_BASE": 0.2,
    "REGINTEL_FLUSH_SECONDS": 0.5,
    "LOG_LEVEL": "WARNING",
}

HOSTILE_SOURCE = Source(
    id="hostile",
    name="Hostile pages",
    publisher_kind="news",
    country="KZ",
    languages=("en", "ru"),
    entry_points=(EntryPoint("listing", f"https://{hostile.HOST}/news/", link_selector="ul.items a"),),
    allowed_domains=(hostile.HOST,),
    min_items=1,
)


def mirrored_sources(site: SampleSite) -> list[Source]:
    """The packaged sources whose every entry point the sample site serves."""
    return [s for s in load_sources() if all(site.site.serves(e.url) for e in s.entry_points)]


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query on a crawled warehouse, read the way any DuckDB client would."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()

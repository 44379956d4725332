"""Crawl fixtures: the sources the sample site mirrors, a DuckDB path and its rows,
and for the crawl components built alone: a source, a crawler on the database, a fetched article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

import warehouse
from crawlers.items import Fetched
from crawlers.sources import load_sources
from regintel.contracts import CrawlRun, Source, replace
from regintel.samplesite.server import SampleSite
from regintel.settings import DB

Rows = Callable[..., list[tuple]]


@pytest.fixture(scope="module")
def mirrored_sources(site: SampleSite) -> list[Source]:
    """The packaged sources whose every entry point the sample site serves."""
    return [s for s in load_sources() if all(site.site.serves(e.url) for e in s.entry_points)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "crawl.duckdb"


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def rows() -> Rows:
    """Rows of a query on a crawled warehouse, read the way any DuckDB client would."""
    return _rows


@pytest.fixture
def source(hostile_source: Source) -> Source:
    """A source for the crawl components built from a bare crawler (nothing is fetched)."""
    return replace(hostile_source, id="news", min_items=2)


@pytest.fixture
def run(db: Path, source: Source) -> CrawlRun:
    """A prepared warehouse with `source` and a started ("running") run of it."""
    warehouse.init_db(db)
    warehouse.upsert_sources(db, [source])
    return warehouse.start_run(db, source.id)


@pytest.fixture
def crawler_for(db: Path) -> Callable[..., Crawler]:
    """A real (unstarted) Scrapy crawler on `db` with these settings; its stats are open."""

    def make(**settings: object) -> Crawler:
        crawler = get_crawler(settings_dict={DB.name: str(db), **settings})
        crawler.stats.open_spider()
        return crawler

    return make


@pytest.fixture
def fetched_article() -> Callable[[str], Fetched]:
    """A fetched article page at a URL (long enough to become a Document)."""

    def make(url: str) -> Fetched:
        paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
        body = f"<html><head><title>Bank fined</title></head><body><article>{paragraphs}</article></body>"
        return Fetched(
            url=url,
            requested_url=url,
            source_id="news",
            fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
            status=200,
            headers={"content-type": "text/html; charset=utf-8"},
            content_type="text/html; charset=utf-8",
            body=body.encode(),
            hint_date="2025-12-30",
        )

    return make


ARTICLE_PARAGRAPHS = (
    "The regulator fined a payment company 12 million tenge for late reports on suspicious transfers.",
    "Inspectors found that the firm had filed 41 reports after the legal deadline last year.",
    "The company has one month to appeal and said it had already replaced its compliance officer.",
)

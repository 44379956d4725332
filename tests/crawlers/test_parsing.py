"""crawlers/parsing.py: stored pages are parsed in the background, resumed, and re-parsed offline."""

from __future__ import annotations

import asyncio
from pathlib import Path

import duckdb
import pytest

import warehouse
from crawlers.parsing import ParsingExtension, reparse
from crawlers.runner import crawl
from crawlers.signals import batch_stored, run_ending, run_started
from regintel.samplesite.server import SampleSite
from regintel.settings import PARSE_PROCESSES

ARTICLES = "SELECT url, title, published, lang, text, content_hash FROM documents ORDER BY url"


@pytest.fixture
def crawled(site: SampleSite, db: Path, mirrored_sources: list, fast_settings: dict) -> tuple[Path, list]:
    sources = [s for s in mirrored_sources if s.id in ("timesca", "afsa_aifc")]
    crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
    return db, sources


@pytest.mark.parametrize("processes", [0, 1])
def test_reparse_rebuilds_the_same_documents_without_fetching(
    site: SampleSite, crawled, processes: int, rows
) -> None:
    db, sources = crawled
    before, requests = rows(db, ARTICLES), len(site.requests)
    counts = reparse(db, sources, min_chars=200, processes=processes)
    assert len(site.requests) == requests  # nothing fetched
    assert rows(db, ARTICLES) == before
    pages = dict(rows(db, "SELECT source_id, count(*) FROM pages GROUP BY ALL"))
    for source in sources:
        assert counts[source.id]["parsed"] == pages[source.id]
        assert counts[source.id]["documents"] >= 4
    assert rows(db, "SELECT count(*) FROM pages WHERE parsed_at IS NULL") == [(0,)]


def test_a_crawl_resumes_pages_stored_but_never_parsed(
    site: SampleSite, crawled, fast_settings, rows
) -> None:
    db, sources = crawled
    before = rows(db, ARTICLES)
    with duckdb.connect(str(db)) as con:  # what a kill between storing and parsing leaves
        con.execute("DELETE FROM documents WHERE source_id = 'timesca'")
    warehouse.mark_unparsed(db, ["timesca"])
    requests = len(site.requests)
    runs = {r.source_id: r for r in crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())}
    articles = {"/" + u.split("://", 1)[1] for u in site.site.articles}
    assert not articles & set(site.requests[requests:])  # resumed from the stored pages, not re-fetched
    assert runs["timesca"].stats["parse_resumed"] == 6 and runs["timesca"].status == "ok"
    assert runs["afsa_aifc"].stats["parse_resumed"] == 0
    assert rows(db, ARTICLES) == before


def test_the_extension_resumes_parses_each_stored_batch_and_drains_at_the_end(
    db: Path, source, run, crawler_for, fetched_article, rows
) -> None:
    left, stored = fetched_article("https://news.test/left"), fetched_article("https://news.test/new")
    warehouse.store_crawl_batch(db, [left.page("killed-run")], [], [], [])  # stored, never parsed
    crawler = crawler_for(**{PARSE_PROCESSES.name: 0})
    extension = ParsingExtension.from_crawler(crawler)

    async def crawl() -> None:
        await crawler.signals.send_catch_log_async(run_started, run=run, source=source)
        warehouse.store_crawl_batch(db, [stored.page(run.run_id)], [], [], [])
        crawler.signals.send_catch_log(batch_stored, pages=[stored.page(run.run_id)])
        await crawler.signals.send_catch_log_async(run_ending, run=run)

    asyncio.run(crawl())
    assert extension.parser is not None and not extension.parser.tasks
    assert rows(db, "SELECT url, title FROM documents ORDER BY url") == [
        ("https://news.test/left", "Bank fined"),
        ("https://news.test/new", "Bank fined"),
    ]
    assert rows(db, "SELECT count(*) FROM pages WHERE parsed_at IS NULL") == [(0,)]
    counts = [crawler.stats.get_value(f"regintel/{key}") for key in ("parse_resumed", "parsed", "documents")]
    assert counts == [1, 2, 2]

"""Crawl state on a real DuckDB file: sources, runs, frontier resume, pages, documents, issues."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import duckdb

import warehouse
from regintel.contracts import CrawlIssue, replace
from tests.warehouse.wh_records import make_doc, make_page, make_source
from warehouse.connection import writing


def test_sources_are_upserted_and_reported(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source("afm_kz"), make_source("sec_us", "US")])
    warehouse.upsert_sources(db, [replace(make_source("afm_kz"), name="Renamed", enabled=False)])
    status = {s.source_id: s for s in warehouse.source_status(db)}
    assert sorted(status) == ["afm_kz", "sec_us"]
    assert status["afm_kz"].name == "Renamed" and status["afm_kz"].enabled is False
    assert status["sec_us"].last_run_id is None and status["sec_us"].documents == 0


def test_run_lifecycle_and_history(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source()])
    first = warehouse.start_run(db, "afm_kz")
    assert first.status == "running"
    warehouse.finish_run(db, replace(first, status="ok", stats={"items": 3}, message="fine"))
    second = warehouse.start_run(db, "afm_kz")
    warehouse.finish_run(db, replace(second, status="blocked", stats={"http_403": 5}, message="403 wall"))
    history = warehouse.runs(db, "afm_kz")
    assert [r.status for r in history] == ["blocked", "ok"]
    assert history[1].stats == {"items": 3} and history[0].message == "403 wall"
    assert history[0].finished_at is not None
    assert warehouse.runs(db, "other") == []
    assert len(warehouse.runs(db, limit=1)) == 1
    status = warehouse.source_status(db)[0]
    assert (status.last_run_id, status.last_status) == (second.run_id, "blocked")


def test_frontier_resume_keeps_pending_urls_only(db: Path) -> None:
    queued = [("https://a.test/1", 0), ("https://a.test/2", 1), ("https://a.test/3", 2)]
    warehouse.add_frontier(db, "afm_kz", queued)
    warehouse.add_frontier(db, "afm_kz", [("https://a.test/2", 0)])  # already queued: unchanged
    warehouse.store_crawl_batch(db, [], [], [], ["https://a.test/1"])
    assert warehouse.frontier(db, "afm_kz") == [("https://a.test/2", 1), ("https://a.test/3", 2)]
    assert warehouse.frontier(db, "sec_us") == []


def test_store_batch_keeps_latest_page_and_document_first_seen(db: Path) -> None:
    url = "https://afm.test/news/1"
    run = warehouse.start_run(db, "afm_kz")
    issue = CrawlIssue(
        url="https://afm.test/x",
        source_id="afm_kz",
        run_id=run.run_id,
        reason="http_403",
        detail="Forbidden",
        at=datetime.now(UTC),
    )
    warehouse.store_crawl_batch(db, [make_page(url)], [make_doc(url, "Fined 5 banks.")], [issue], [url])
    warehouse.store_crawl_batch(
        db, [make_page(url, etag='"v2"', body="<p>new</p>")], [make_doc(url, "Fined 6 banks.")], [], [url]
    )
    state = warehouse.known_pages(db, "afm_kz")
    assert list(state) == [url]
    assert state[url].etag == '"v2"'
    assert state[url].content_hash == make_doc(url, "Fined 6 banks.").content_hash
    with duckdb.connect(str(db), read_only=True) as con:
        (body,) = con.execute("SELECT body_gz FROM pages").fetchall()[0]
        docs = con.execute("SELECT text, first_seen <= last_seen FROM documents").fetchall()
        issues = con.execute("SELECT reason, run_id FROM crawl_issues").fetchall()
    assert gzip.decompress(body) == b"<p>new</p>"
    assert docs == [("Fined 6 banks.", True)]
    assert issues == [("http_403", run.run_id)]
    warehouse.upsert_sources(db, [make_source()])
    status = warehouse.source_status(db)[0]
    assert (status.documents, status.pages, status.issues_last_run) == (1, 1, 1)


def test_pages_wait_for_the_parser_then_are_marked_parsed_with_their_documents(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source()])
    url = "https://a.test/news/1"
    page = replace(
        make_page(url), requested_url="https://a.test/old/1", hint_date="1 March 2025", hint_title="T"
    )
    warehouse.store_crawl_batch(db, [page], [], [], [])
    (waiting,) = warehouse.unparsed_pages(db, "afm_kz")
    assert waiting == page  # everything the parser needs comes back, hints included
    issue = CrawlIssue(url, "afm_kz", "r1", "malformed_html", "3 structure errors", datetime.now(UTC))
    warehouse.store_parsed(db, [make_doc(url, "Fined 5 banks.")], [issue], [url])
    assert warehouse.unparsed_pages(db, "afm_kz") == []
    known = warehouse.known_pages(db, "afm_kz")
    assert known["https://a.test/old/1"] == known[url]  # the listed URL that redirected is known too
    assert warehouse.mark_unparsed(db, ["afm_kz", "other"]) == 1
    assert [p.url for p in warehouse.unparsed_pages(db, "afm_kz")] == [url]


def test_pages_stored_before_version_4_count_as_parsed(tmp_path: Path) -> None:
    db = tmp_path / "v3.duckdb"
    warehouse.init_db(db, target=3)
    with writing(db) as con:
        con.execute("""INSERT INTO pages (page_id, url, source_id, fetched_at)
                       VALUES ('p1', 'https://a.test/1', 'afm_kz', TIMESTAMPTZ '2025-03-01 10:00:00+00')""")
    warehouse.init_db(db)
    assert warehouse.unparsed_pages(db, "afm_kz") == []

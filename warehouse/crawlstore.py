"""Crawl state: sources, runs, frontier, raw pages, documents and issues.

Called by the crawlers' item pipeline and runner. Each call is one short write transaction,
so a reader waits at most one batch; a batch of pages, documents, issues and finished URLs
is stored atomically, which makes an interrupted crawl resumable from `frontier()`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from regintel.contracts import CrawlIssue, CrawlRun, Document, Page, Source, make_id, to_arrow
from warehouse import generation
from warehouse.documents import upsert_documents
from warehouse.schema import reader, writer


@dataclass(frozen=True, slots=True)
class PageState:
    """What a conditional re-fetch needs to know about a page already stored."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One source's health as monitors and `regintel sources` show it."""

    source_id: str
    name: str
    enabled: bool
    last_run_id: str | None
    last_status: str | None
    last_started: datetime | None
    last_finished: datetime | None
    last_message: str | None
    documents: int
    pages: int
    pending: int
    issues_last_run: int
    last_published: date | None


def _now() -> datetime:
    return datetime.now(UTC)


def upsert_sources(db: Path, sources: list[Source]) -> None:
    """Insert or update source definitions (configuration kept as JSON for provenance)."""
    if not sources:
        return
    now = _now()
    rows = [
        {
            "source_id": s.id, "name": s.name, "publisher_kind": s.publisher_kind, "country": s.country,
            "languages": list(s.languages), "enabled": s.enabled,
            "config": json.dumps(dataclasses.asdict(s), default=str, sort_keys=True), "updated_at": now,
        }
        for s in sources
    ]
    with writer(db) as con:
        con.register("batch", pa.Table.from_pylist(rows))
        generation.bump(con)  # a source's country is the country of its facts that name none
        con.execute("DELETE FROM sources WHERE source_id IN (SELECT source_id FROM batch)")
        con.execute("""INSERT INTO sources SELECT source_id, name, publisher_kind, country, languages,
                       enabled, config::JSON, updated_at FROM batch""")


def start_run(db: Path, source_id: str) -> CrawlRun:
    """Record the start of a crawl of one source; the run is "running" until `finish_run`."""
    started = _now()
    run = CrawlRun(run_id=make_id(source_id, started.isoformat()), source_id=source_id,
                   started_at=started, finished_at=None, status="running")
    with writer(db) as con:
        con.execute("INSERT INTO crawl_runs VALUES (?, ?, ?, NULL, ?, ?, ?)",
                    [run.run_id, source_id, started, run.status, json.dumps(run.stats), run.message])
    return run


def finish_run(db: Path, run: CrawlRun) -> None:
    """Store a run's final status, stats and message (finished now unless the run says when)."""
    finished = run.finished_at or _now()
    with writer(db) as con:
        con.execute(
            "UPDATE crawl_runs SET finished_at = ?, status = ?, stats = ?, message = ? WHERE run_id = ?",
            [finished, run.status, json.dumps(run.stats, sort_keys=True), run.message, run.run_id],
        )


def _store_outcomes(con: duckdb.DuckDBPyConnection, documents: list[Document], issues: list[CrawlIssue],
                    now: datetime) -> None:
    """Documents (upserted) and issues (appended), inside the caller's transaction."""
    if documents:
        upsert_documents(con, to_arrow(documents), now)
    if issues:
        con.register("issue_rows", to_arrow(issues))
        con.execute("""INSERT INTO crawl_issues
                       SELECT url, source_id, run_id, reason, detail, "at" FROM issue_rows""")


def store_crawl_batch(db: Path, pages: list[Page], documents: list[Document],
                      issues: list[CrawlIssue], done_urls: list[str]) -> None:
    """Store one crawl batch in one transaction: latest page per URL, documents, issues, done URLs.

    Plain Arrow inserts: documents are indexed for search when their facts are loaded.
    """
    now = _now()
    with writer(db) as con:
        if pages:
            con.register("page_rows", to_arrow(pages))
            con.execute("""CREATE OR REPLACE TEMP TABLE _pages AS
                           SELECT DISTINCT ON (page_id) * FROM page_rows ORDER BY page_id, fetched_at DESC""")
            con.execute("DELETE FROM pages WHERE page_id IN (SELECT page_id FROM _pages)")
            con.execute("""INSERT INTO pages SELECT page_id, url, requested_url, source_id, run_id,
                           fetched_at, status, headers, content_type, body_gz, etag, last_modified,
                           hint_date, hint_title, parsed_at FROM _pages""")
            con.execute("DROP TABLE _pages")
        _store_outcomes(con, documents, issues, now)
        if done_urls:
            con.register("done_rows", pa.table({"url": pa.array(list(done_urls), pa.string())}))
            con.execute("""UPDATE frontier SET done_at = ? FROM (SELECT DISTINCT url FROM done_rows) d
                           WHERE frontier.url = d.url AND frontier.done_at IS NULL""", [now])


def store_parsed(db: Path, documents: list[Document], issues: list[CrawlIssue],
                 parsed_urls: list[str]) -> None:
    """Store what the article parser made of some pages and mark those pages parsed, atomically."""
    now = _now()
    with writer(db) as con:
        _store_outcomes(con, documents, issues, now)
        if parsed_urls:
            con.register("parsed_rows", pa.table({"url": pa.array(list(parsed_urls), pa.string())}))
            con.execute("""UPDATE pages SET parsed_at = ? FROM (SELECT DISTINCT url FROM parsed_rows) p
                           WHERE pages.url = p.url AND pages.parsed_at IS NULL""", [now])


def unparsed_pages(db: Path, source_id: str) -> list[Page]:
    """Pages of a source stored but not yet parsed into articles (left by a killed crawl, or reset)."""
    with reader(db) as con:
        table = con.execute("""SELECT url, source_id, run_id, fetched_at, status, headers, content_type,
                                      body_gz, requested_url, etag, last_modified, hint_date, hint_title
                               FROM pages WHERE source_id = ? AND parsed_at IS NULL
                               ORDER BY fetched_at""", [source_id]).fetchall()
    return [
        Page(url=url, source_id=source, run_id=run_id or "", fetched_at=fetched_at, status=status,
             headers=dict(headers or {}), content_type=content_type, body_gz=body_gz,
             requested_url=requested or "", etag=etag, last_modified=modified,
             hint_date=hint_date, hint_title=hint_title)
        for (url, source, run_id, fetched_at, status, headers, content_type, body_gz, requested, etag,
             modified, hint_date, hint_title) in table
    ]


def mark_unparsed(db: Path, source_ids: list[str]) -> int:
    """Queue the stored pages of these sources for parsing again (after the extractor improved)."""
    with writer(db) as con:
        return con.execute("""UPDATE pages SET parsed_at = NULL
                              WHERE source_id IN (SELECT unnest(?::VARCHAR[]))""",
                           [list(source_ids)]).fetchall()[0][0]


def add_frontier(db: Path, source_id: str, urls: list[tuple[str, int]]) -> None:
    """Queue (url, depth) pairs for a source; URLs already queued or done are left as they are."""
    if not urls:
        return
    batch = pa.table({"url": [u for u, _ in urls], "depth": pa.array([d for _, d in urls], pa.int32())})
    with writer(db) as con:
        con.register("batch", batch)
        con.execute("""INSERT INTO frontier
                       SELECT ?, url, min(depth), ?, NULL FROM batch GROUP BY url
                       ON CONFLICT DO NOTHING""", [source_id, _now()])


def frontier(db: Path, source_id: str) -> list[tuple[str, int]]:
    """Pending URLs of a source, shallowest first (what a resumed crawl should fetch)."""
    with reader(db) as con:
        rows = con.execute("""SELECT url, depth FROM frontier WHERE source_id = ? AND done_at IS NULL
                              ORDER BY depth, added_at, url""", [source_id]).fetchall()
    return [(url, depth) for url, depth in rows]


def known_pages(db: Path, source_id: str) -> dict[str, PageState]:
    """url -> validators and content hash of pages stored for a source (for conditional requests)."""
    with reader(db) as con:
        rows = con.execute("""SELECT p.url, p.requested_url, p.etag, p.last_modified, d.content_hash
                              FROM pages p LEFT JOIN documents d ON d.doc_id = p.page_id
                              WHERE p.source_id = ?""", [source_id]).fetchall()
    known = {}
    for url, requested, etag, modified, content_hash in rows:
        state = PageState(etag, modified, content_hash)
        known[url] = state
        if requested:  # the listed URL that redirected here: a rerun need not follow the hop again
            known.setdefault(requested, state)
    return known


def crawl_issues(db: Path, *, source_id: str | None = None, run_id: str | None = None,
                 reason: str | None = None, limit: int = 100) -> list[CrawlIssue]:
    """Recorded crawl problems, newest first, optionally of one source, run or reason."""
    with reader(db) as con:
        rows = con.execute("""SELECT url, source_id, run_id, reason, detail, "at" FROM crawl_issues
                              WHERE (? IS NULL OR source_id = ?) AND (? IS NULL OR run_id = ?)
                                AND (? IS NULL OR reason = ?)
                              ORDER BY "at" DESC, url LIMIT ?""",
                           [source_id, source_id, run_id, run_id, reason, reason, limit]).fetchall()
    return [CrawlIssue(url, source, run or "", why, detail or "", at)
            for url, source, run, why, detail, at in rows]


def _run(row: tuple) -> CrawlRun:
    run_id, source_id, started, finished, status, stats, message = row
    return CrawlRun(run_id=run_id, source_id=source_id, started_at=started, finished_at=finished,
                    status=status, stats=json.loads(stats) if stats else {}, message=message or "")


def runs(db: Path, source_id: str | None = None, limit: int = 50) -> list[CrawlRun]:
    """Latest runs first, of one source or all."""
    with reader(db) as con:
        rows = con.execute("""SELECT run_id, source_id, started_at, finished_at, status, stats, message
                              FROM crawl_runs WHERE ?::VARCHAR IS NULL OR source_id = ?
                              ORDER BY started_at DESC LIMIT ?""", [source_id, source_id, limit]).fetchall()
    return [_run(r) for r in rows]


def source_status(db: Path) -> list[SourceStatus]:
    """Per configured source: its last run, counts of documents, pages, pending URLs and last-run issues."""
    with reader(db) as con:
        rows = con.execute("""
            WITH last AS (SELECT DISTINCT ON (source_id) * FROM crawl_runs
                           ORDER BY source_id, started_at DESC),
                 docs AS (SELECT source_id, count(*) AS n, max(published) AS last_pub
                          FROM documents GROUP BY ALL),
                 pgs AS (SELECT source_id, count(*) AS n FROM pages GROUP BY ALL),
                 pend AS (SELECT source_id, count(*) AS n FROM frontier WHERE done_at IS NULL GROUP BY ALL),
                 iss AS (SELECT run_id, count(*) AS n FROM crawl_issues GROUP BY ALL)
            SELECT s.source_id, s.name, s.enabled, last.run_id, last.status, last.started_at,
                   last.finished_at, last.message, coalesce(docs.n, 0), coalesce(pgs.n, 0),
                   coalesce(pend.n, 0), coalesce(iss.n, 0), docs.last_pub
            FROM sources s LEFT JOIN last USING (source_id) LEFT JOIN docs USING (source_id)
                 LEFT JOIN pgs USING (source_id) LEFT JOIN pend USING (source_id)
                 LEFT JOIN iss ON iss.run_id = last.run_id
            ORDER BY s.source_id""").fetchall()
    return [SourceStatus(*row) for row in rows]

"""End to end: crawl the sample site with the real source definitions into a real DuckDB file."""

from __future__ import annotations

import gzip
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

import warehouse
from crawlers.runner import SETTINGS_MODULE, crawl, write_job
from crawlers.sources import find_source, load_sources
from regintel.contracts import EntryPoint, Source, replace
from regintel.samplesite import hostile
from regintel.samplesite.server import SampleSite, running


@pytest.fixture(scope="module")
def crawled(
    site: SampleSite,
    tmp_path_factory: pytest.TempPathFactory,
    mirrored_sources: list[Source],
    hostile_source: Source,
    fast_settings: dict,
) -> tuple[Path, list]:
    db = tmp_path_factory.mktemp("e2e") / "crawl.duckdb"
    sources = [*mirrored_sources, hostile_source]
    runs = crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
    return db, runs


def test_every_article_is_stored_with_title_date_language_and_text(site: SampleSite, crawled, rows) -> None:
    db, _ = crawled
    docs = {r[0]: r[1:] for r in rows(db, "SELECT url, title, published, lang, text FROM documents")}
    assert len(site.site.articles) >= 40
    for url, article in site.site.articles.items():
        assert url in docs, f"not stored: {url}"
        title, published, lang, text = docs[url]
        assert title == article.title
        assert published == article.published, url
        assert lang == article.lang, url
        assert article.paragraphs[0][:80] in text


@pytest.mark.parametrize("source", load_sources(), ids=lambda s: s.id)
def test_every_source_is_crawled_from_its_fixture(site: SampleSite, crawled, source, rows) -> None:
    assert all(site.site.serves(e.url) for e in source.entry_points), "entry point not mirrored"
    db, runs = crawled
    (run,) = [r for r in runs if r.source_id == source.id]
    assert run.status == "ok", run.message
    docs = rows(db, "SELECT title, published, lang, text FROM documents WHERE source_id = ?", [source.id])
    assert len(docs) >= source.min_items
    for title, published, lang, text in docs:
        assert title and published is not None and lang in source.languages and len(text) >= 200


def test_tables_are_kept_as_textrows(site: SampleSite, crawled, rows) -> None:
    db, _ = crawled
    with_tables = [
        (u, a) for u, a in site.site.articles.items() if any(not isinstance(b, str) for b in a.blocks)
    ]
    assert with_tables, "the sample site should have articles with tables"
    for url, article in with_tables:
        table = next(b for b in article.blocks if not isinstance(b, str))
        (text,) = rows(db, "SELECT text FROM documents WHERE url = ?", [url])[0]
        assert " | ".join(table[1]) in text, url


def test_pdf_release_is_an_article(site: SampleSite, crawled, rows) -> None:
    db, _ = crawled
    row = rows(
        db,
        "SELECT title, text, published, content_type, lang FROM documents WHERE url = ?",
        [site.site.pdf_url],
    )
    assert row, "PDF press release not stored"
    title, text, published, content_type, lang = row[0]
    assert content_type == "application/pdf" and lang == "en"
    assert "USD 35,000" in text and "42 clients" in text
    assert published.isoformat() == "2025-03-03"
    assert title.startswith("AFSA imposes a fine")


def test_raw_pages_are_kept_compressed_with_headers(site: SampleSite, crawled, rows) -> None:
    db, _ = crawled
    url = next(iter(site.site.articles))
    status, body_gz, headers, etag, source_id = rows(
        db, "SELECT status, body_gz, headers, etag, source_id FROM pages WHERE url = ?", [url]
    )[0]
    assert status == 200 and etag and source_id
    html = gzip.decompress(body_gz).decode("utf-8")
    assert site.site.articles[url].title.split()[0] in html
    assert dict(headers)["content-type"].startswith("text/html")


def test_runs_are_ok_with_counts(crawled) -> None:
    _, runs = crawled
    by_source = {r.source_id: r for r in runs}
    assert len(by_source) >= 10
    for run in runs:
        assert run.status == "ok", (run.source_id, run.message)
        assert run.stats["listed"] >= 1 and run.finished_at is not None
    assert by_source["afm_kz"].stats["documents"] == 8


def test_each_hostile_page_is_a_recorded_issue(site: SampleSite, crawled, rows) -> None:
    db, _ = crawled
    issues = {(u, r) for u, r in rows(db, "SELECT url, reason FROM crawl_issues WHERE source_id = 'hostile'")}
    stored = {u for (u,) in rows(db, "SELECT url FROM documents WHERE source_id = 'hostile'")}
    for page in hostile.pages():
        url = f"https://{hostile.HOST}{page.path}"
        if page.reason:
            assert (url, page.reason) in issues, f"{page.path}: expected issue {page.reason}"
        assert (url in stored) == page.stored, page.path


def test_cp1251_pages_are_decoded_correctly(crawled, rows) -> None:
    db, _ = crawled
    texts = rows(db, "SELECT text, lang FROM documents WHERE url LIKE '%cp1251%'")
    assert len(texts) == 2
    for text, lang in texts:
        assert "финансовому мониторингу" in text or "сотрудников компании" in text
        assert lang == "ru"


def test_robots_disallow_is_obeyed(site: SampleSite, crawled) -> None:
    assert not [r for r in site.requests if "/private/" in r]
    assert any(r.endswith("/robots.txt") for r in site.requests)


def test_sources_status_after_crawl(crawled) -> None:
    db, _ = crawled
    status = {s.source_id: s for s in warehouse.source_status(db)}
    assert status["afm_kz"].last_status == "ok" and status["afm_kz"].documents == 8
    assert status["hostile"].issues_last_run >= 10


def test_rerun_fetches_no_stored_article_again(
    site: SampleSite, crawled, mirrored_sources, fast_settings, rows
) -> None:
    db, _ = crawled
    before = len(site.requests)
    sources = [s for s in mirrored_sources if s.id in ("timesca", "afm_kz", "kursiv_kz")]
    runs = crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
    again = site.requests[before:]
    articles = {"/" + u.split("://", 1)[1] for u in site.site.articles}
    assert not articles & set(again), "stored articles were fetched again"
    assert {r.status for r in runs} == {"ok"}
    assert all(r.stats.get("skipped/known", 0) >= 1 for r in runs)
    (count,) = rows(db, "SELECT count(*) FROM documents WHERE source_id = 'timesca'")[0]
    assert count == 6


def test_redirected_article_is_stored_under_its_final_url_once(
    site: SampleSite, crawled, hostile_source, fast_settings, rows
) -> None:
    db, _ = crawled
    old = f"https://{hostile.HOST}/news/old-address.html"
    final = f"https://{hostile.HOST}/news/2025/moved.html"
    assert rows(db, "SELECT requested_url FROM pages WHERE url = ?", [final]) == [(old,)]
    assert not rows(
        db, "SELECT url FROM pages WHERE url = ? UNION SELECT url FROM documents WHERE url = ?", [old, old]
    )
    assert old not in dict(warehouse.frontier(db, "hostile"))  # the listed URL is done, not pending
    before = len(site.requests)
    only_moved = replace(hostile_source, include=("old-address",))
    (run,) = crawl(db, [only_moved], settings=fast_settings, rewrite=site.rewrite())
    assert not {"/" + u.split("://", 1)[1] for u in (old, final)} & set(site.requests[before:])
    assert run.stats["skipped/known"] == 1 and run.status == "ok", run.message  # not even the hop
    assert rows(db, "SELECT count(*) FROM documents WHERE url IN (?, ?)", [old, final]) == [(1,)]


def test_changed_lastmod_triggers_a_conditional_get(db: Path, mirrored_sources, fast_settings) -> None:
    with running() as site:
        sources = [s for s in mirrored_sources if s.id == "astanatimes"]
        crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
        sitemap = site.site.resources["/astanatimes.com/post-sitemap.xml"]
        sitemap.body = sitemap.body.replace(b"<lastmod>", b"<lastmod>2099-01-01T00:00:00Z<!--").replace(
            b"</lastmod>", b"--></lastmod>"
        )
        before = len(site.conditional)
        (run,) = crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
    assert len(site.conditional) - before == 6  # every changed article asked with If-None-Match
    assert run.stats["unchanged"] == 6 and run.status == "ok"


def _served_articles(site: SampleSite) -> int:
    """Article pages the sample site has served so far (the database may be locked by the crawl)."""
    articles = {"/" + u.split("://", 1)[1] for u in site.site.articles}
    return sum(r in articles for r in list(site.requests))


def _children(pid: int) -> set[int]:
    """Live child processes of `pid` (from /proc: the crawl's article parser workers)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_kill_minus_nine_then_rerun_stores_every_article_once(
    tmp_path: Path, mirrored_sources, fast_settings, rows
) -> None:
    db = tmp_path / "killed.duckdb"
    # Slow responses keep the crawl running well past the first flushes, even on a loaded machine.
    with running(delay=0.3) as site:
        sources = mirrored_sources
        warehouse.init_db(db)
        warehouse.upsert_sources(db, sources)
        settings = {
            **fast_settings,
            "REGINTEL_FLUSH_ITEMS": 3,
            "REGINTEL_FLUSH_SECONDS": 0.2,
            "CONCURRENT_REQUESTS": 4,
        }
        command = write_job(db, sources, tmp_path, settings, site.rewrite())
        child = subprocess.Popen(
            command, env={**os.environ, "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 90
        # a fifth of the articles are fetched (so some batches are stored) and the parser has its worker
        while (_served_articles(site) < 12 or not _children(child.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(child.pid)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        assert workers, "the parser worker should be running at the kill"
        orphans_gone = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < orphans_gone:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "parser workers outlived the killed crawl"
        stored_before = {u for (u,) in rows(db, "SELECT url FROM pages")}
        assert 0 < len(stored_before) < len(site.site.articles), "the kill should land mid-crawl"
        mark = len(site.requests)
        site.delay = 0
        runs = crawl(db, sources, settings=fast_settings, rewrite=site.rewrite())
        refetched = {"https:/" + r for r in site.requests[mark:]} & stored_before
    assert not refetched, f"stored before the kill but fetched again: {sorted(refetched)[:3]}"
    counts = rows(db, "SELECT url, count(*) FROM documents GROUP BY url")
    assert {u for u, _ in counts} >= set(site.site.articles)
    assert all(n == 1 for _, n in counts)
    (duplicates, unparsed) = rows(
        db, "SELECT count(*) - count(DISTINCT url), count(*) - count(parsed_at) FROM pages"
    )[0]
    assert duplicates == 0 and unparsed == 0
    statuses = {r.status for r in warehouse.runs(db, limit=100)}
    assert "interrupted" in statuses
    assert {r.status for r in runs} == {"ok"}, [(r.source_id, r.message) for r in runs]


def test_broken_sources_are_recorded_not_skipped(
    site: SampleSite, db: Path, hostile_source, fast_settings, rows
) -> None:
    blocked = replace(
        hostile_source,
        id="blocked_src",
        entry_points=(EntryPoint("feed", f"https://{hostile.HOST}/news/forbidden.html"),),
    )
    ardfm = find_source(load_sources(), "ardfm_kz")
    archive = replace(ardfm.entry_points[0], url=ardfm.entry_points[0].url.replace("/news?", "/archive?"))
    ardfm = replace(ardfm, entry_points=(archive,))  # a listing the mirror does not serve: HTTP 404
    runs = {
        r.source_id: r for r in crawl(db, [blocked, ardfm], settings=fast_settings, rewrite=site.rewrite())
    }
    assert runs["blocked_src"].status == "blocked" and "http_403 1" in runs["blocked_src"].message
    assert runs["ardfm_kz"].status == "failed" and "http_404" in runs["ardfm_kz"].message
    reasons = {r for (r,) in rows(db, "SELECT reason FROM crawl_issues WHERE source_id = 'ardfm_kz'")}
    assert reasons == {"http_404"}


def test_private_address_is_refused_at_crawl_time_unless_allowed(
    site: SampleSite, db: Path, fast_settings, rows
) -> None:
    """No rewrite: the feed URL's host name resolves to loopback, which the guard refuses."""
    port = site.base.rsplit(":", 1)[1]
    feed = f"http://{socket.gethostname()}:{port}/timesca.com/feed/"
    source = replace(
        find_source(load_sources(), "timesca"),
        id="private_feed",
        entry_points=(EntryPoint("feed", feed),),
        allowed_domains=(socket.gethostname(),),
    )
    (run,) = crawl(db, [source], settings=fast_settings)
    reasons = rows(db, "SELECT reason, detail FROM crawl_issues WHERE source_id = 'private_feed'")
    assert run.status == "failed" and [r for r, _ in reasons] == ["private_address"], run.message
    assert "resolves to non-public address 127.0.0.1" in reasons[0][1]
    allowed = replace(source, politeness={"REGINTEL_ALLOW_PRIVATE": True})
    (run,) = crawl(db, [allowed], settings=fast_settings)
    assert run.stats.get("issues/private_address", 0) == 0 and run.stats["responses"] >= 1  # fetched

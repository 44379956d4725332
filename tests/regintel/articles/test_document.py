"""regintel/articles/document.py: a stored Page -> a Document, or issues that say why not."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

from regintel.articles.document import parse_page, parse_pages
from regintel.articles.options import Options
from regintel.contracts import Page

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)
PARAGRAPHS = (
    "The regulator fined a payment company 12 million tenge for late reports on suspicious transfers.",
    "Inspectors found that the firm had filed 41 reports after the legal deadline last year.",
    "The company has one month to appeal and said it had already replaced its compliance officer.",
    "Two other payment firms were warned in the same review and must submit remediation plans.",
)


def page(body: bytes | None = None, *, body_gz: bytes | None = None, **hints: str) -> Page:
    return Page(
        url="https://news.test/a",
        source_id="news",
        run_id="run-1",
        fetched_at=FETCHED,
        status=200,
        headers={"content-type": "text/html; charset=utf-8"},
        content_type="text/html; charset=utf-8",
        body_gz=body_gz if body_gz is not None else gzip.compress(body or b""),
        **hints,
    )


def html(paragraphs: int) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:paragraphs])
    return f"<html><body><article>{text}</article></body></html>".encode()


def test_an_article_becomes_a_document_using_the_listing_hints() -> None:
    parsed = parse_page(
        page(html(4), hint_date="3 March 2025", hint_title="Payment firm fined"), Options(("en",)), 200
    )
    document = parsed.document
    assert document is not None and not parsed.issues
    assert document.title == "Payment firm fined"
    assert document.published == date(2025, 3, 3) and document.published_raw == "3 March 2025"
    assert document.lang == "en" and "12 million tenge" in document.text
    assert (document.url, document.source_id, document.fetched_at) == ("https://news.test/a", "news", FETCHED)


def test_a_page_without_an_article_is_an_issue_on_its_url_and_run() -> None:
    (parsed,) = parse_pages([page(html(1))], Options(("en",)), 500)
    assert parsed.document is None
    (issue,) = parsed.issues
    assert (issue.reason, issue.url, issue.run_id) == ("no_article", "https://news.test/a", "run-1")
    assert "< 500" in issue.detail


def test_a_corrupt_stored_body_is_a_parse_error_not_a_crash() -> None:
    parsed = parse_page(page(body_gz=b"\x1f\x8b\x08 truncated"), Options(("en",)), 200)
    assert parsed.document is None
    assert [i.reason for i in parsed.issues] == ["parse_error"]

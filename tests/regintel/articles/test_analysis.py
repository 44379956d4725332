"""regintel/articles/analysis.py: one body in, article fields + hashes out (HTML or PDF)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from regintel.articles.analysis import analyse, content_hash
from regintel.articles.options import Options
from regintel.samplesite.pdf import make_pdf
from regintel.samplesite.site import build

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)


def test_html_and_pdf() -> None:
    site = build()
    url, article = next((u, a) for u, a in site.articles.items() if a.host == "decrypt.co")
    body = site.resources["/" + url.split("://")[1]].body
    result = analyse(body, "text/html; charset=utf-8", FETCHED, None, None, Options(("en",)))
    assert result.article.published == article.published and result.content_type == "text/html"
    assert result.content_hash == content_hash(result.article.text.upper())  # case and spacing do not matter
    assert len(result.near_dup_key) == 16
    pdf = make_pdf(
        "Fine notice", ["A fine of USD 9,000 was imposed on a broker for late reporting."], date(2025, 4, 1)
    )
    result = analyse(pdf, "application/pdf", FETCHED, None, None, Options(("en",)))
    assert result.content_type == "application/pdf" and result.article.published == date(2025, 4, 1)
    assert "USD 9,000" in result.article.text

"""regintel/articles/html.py: main text with tables, title, date cascade, language."""

from __future__ import annotations

from datetime import UTC, date, datetime

from regintel.articles.html import extract_html, tidy_tables
from regintel.articles.options import Options

FETCHED = datetime(2025, 6, 1, tzinfo=UTC)
PARAS = "".join(
    f"<p>Paragraph {i}: the regulator said the bank failed to monitor transactions worth millions.</p>"
    for i in range(4)
)


def _page(head: str = "", body: str = "") -> bytes:
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
    return (
        f"<html><head><meta charset='utf-8'><title>Bank fined | Site</title>{head}</head><body>"
        f"<nav><ul>{nav}</ul></nav><article><h1>Bank fined</h1>{PARAS}{body}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    ).encode()


def test_text_keeps_table_rows_and_drops_navigation() -> None:
    table = "<table><tr><th>Year</th><th>Cases</th></tr><tr><td>2023</td><td>64</td></tr></table>"
    art = extract_html(_page(body=table), "text/html", FETCHED, None, None, Options(("en",)))
    assert "Year | Cases" in art.text and "2023 | 64" in art.text and "---" not in art.text
    assert "Section 12" not in art.text and "newsletter" not in art.text
    assert art.title == "Bank fined" and art.lang == "en"


def test_date_cascade_prefers_metadata_and_keeps_the_raw_string() -> None:
    head = '<meta property="article:published_time" content="2025-03-04T10:00:00+05:00">'
    art = extract_html(_page(head), "text/html", FETCHED, "01.01.2020", None, Options())
    assert art.published == date(2025, 3, 4) and art.published_raw == "2025-03-04T10:00:00+05:00"
    hinted = extract_html(_page(), "text/html", FETCHED, "22.01.2025", None, Options(("ru",), ("%d.%m.%Y",)))
    assert hinted.published == date(2025, 1, 22) and hinted.published_raw == "22.01.2025"
    future = '<meta property="article:published_time" content="2030-01-01">'
    later = extract_html(_page(future), "text/html", FETCHED, None, None, Options())
    assert later.published != date(2030, 1, 1)


def test_tidy_tables() -> None:
    assert tidy_tables("| A | B | \n|---|---|\n| 1 | 2 | \ntext") == "A | B\n1 | 2\ntext"

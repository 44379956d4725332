"""Article extraction from HTML: main text (trafilatura, tables kept), title, date, language.

The page is parsed once with lxml and that one tree serves everything: title and date are
read first (metadata elements collected in one pass), then page chrome that is never article
text (navigation, asides, footers, scripts, forms, site headers outside the article) is cut
so trafilatura (`fast=True`: no fallback extractors) works on a small tree. That keeps one
core above 250 pages/s. Tables come out as pipe-separated rows (`2024 | 81`), markdown
separator rows dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import lxml.html
import trafilatura
from htmldate import find_date
from trafilatura.settings import Extractor

from regintel.articles.charset import decode_html
from regintel.articles.dates import parse_date, to_utc
from regintel.articles.language import detect_language
from regintel.articles.options import Options

# lxml error codes for broken tag structure (unknown HTML5 tags are not errors for us)
_STRUCTURE_ERRORS = {76, 68, 513}
MALFORMED_THRESHOLD = 3
_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Date metadata, most precise first: (attribute, value) of a <meta>, then <time> forms.
_META_DATES = (
    ("property", "article:published_time"),
    ("itemprop", "datepublished"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "date"),
    ("name", "pubdate"),
)
_DATE_XPATHS = (
    '//*[@itemprop="datePublished"]/@datetime',
    "//article//time/@datetime",
    "//time[@pubdate]/@datetime",
)
_CHROME = ("nav", "aside", "footer", "script", "style", "noscript", "form", "iframe", "svg", "template")
_CHROME_XPATH = (
    "|".join(f"//{tag}" for tag in _CHROME) + "|//header[not(ancestor::article or ancestor::main)]"
)


@dataclass(slots=True)
class Article:
    title: str
    text: str
    published: date | None
    published_raw: str | None
    lang: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)


def tidy_tables(text: str) -> str:
    """Markdown-ish table rows from trafilatura -> `cell | cell` lines; separator rows dropped."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if _SEPARATOR_ROW.match(stripped):
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            line = " | ".join(c for c in cells if c)
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _trafilatura_options() -> Extractor:
    """Built once: trafilatura's Extractor reads its configuration on every construction."""
    return Extractor(output_format="txt", fast=True, comments=False, tables=True, dedup=False)


def parse_tree(text: str) -> tuple[lxml.html.HtmlElement, int]:
    """(tree, number of tag-structure errors lxml had to repair)."""
    parser = lxml.html.HTMLParser(encoding="utf-8", collect_ids=False)
    tree = lxml.html.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    broken = sum(1 for e in parser.error_log if e.type in _STRUCTURE_ERRORS)
    return tree, broken


def _first(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    for value in found:
        text = value if isinstance(value, str) else value.text_content()
        if text and text.strip():
            return " ".join(text.split())
    return None


def meta_values(tree: lxml.html.HtmlElement) -> dict[tuple[str, str], str]:
    """(attribute, lower-cased value) -> content of every <meta>, in one pass over the tree."""
    found: dict[tuple[str, str], str] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            value = meta.get(attribute)
            if value:
                found.setdefault((attribute, value.lower()), " ".join(content.split()))
    return found


def find_title(tree: lxml.html.HtmlElement, metas: dict[tuple[str, str], str]) -> str | None:
    return metas.get(("property", "og:title")) or _first(tree, "//h1") or _first(tree, "//title")


def strip_chrome(tree: lxml.html.HtmlElement) -> None:
    """Cut elements that are never article text (trafilatura would discard them, slowly)."""
    for element in tree.xpath(_CHROME_XPATH):
        element.drop_tree()  # keeps the tail text, which belongs to the parent


def _json_ld_date(tree: lxml.html.HtmlElement) -> str | None:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and item.get("datePublished"):
                return str(item["datePublished"])
    return None


def _date_candidates(tree: lxml.html.HtmlElement, metas: dict[tuple[str, str], str]) -> Iterator[str | None]:
    """Raw date strings from metadata, most precise first, computed only as far as needed."""
    yield _json_ld_date(tree)
    for key in _META_DATES:
        yield metas.get(key)
    for xpath in _DATE_XPATHS:
        yield _first(tree, xpath)


def find_published(
    tree: lxml.html.HtmlElement,
    metas: dict[tuple[str, str], str],
    fetched_at: datetime,
    hint: str | None,
    options: Options,
) -> tuple[date | None, str | None]:
    """Cascade, precise first: JSON-LD / meta / <time> (raw string kept), htmldate on metadata,
    the feed/listing date, then htmldate's extensive text search; nothing after the fetch time."""
    langs, formats = options.languages, options.date_formats
    for raw in _date_candidates(tree, metas):
        parsed = parse_date(raw, langs, formats, not_after=fetched_at)
        if parsed:
            return parsed, raw
    max_date = to_utc(fetched_at).strftime("%Y-%m-%d")
    found = find_date(tree, extensive_search=False, original_date=True, max_date=max_date)
    if found:
        return date.fromisoformat(found), found
    parsed = parse_date(hint, langs, formats, not_after=fetched_at)
    if parsed:
        return parsed, hint
    found = find_date(tree, extensive_search=True, original_date=True, max_date=max_date)
    return (date.fromisoformat(found), found) if found else (None, None)


def extract_html(
    body: bytes,
    content_type: str | None,
    fetched_at: datetime,
    hint_date: str | None,
    hint_title: str | None,
    options: Options,
) -> Article:
    decoded = decode_html(body, content_type)
    problems = [decoded.problem] if decoded.problem else []
    tree, broken = parse_tree(decoded.text)
    if broken >= MALFORMED_THRESHOLD:
        problems.append(("malformed_html", f"{broken} broken tags repaired by the parser"))
    metas = meta_values(tree)
    published, published_raw = find_published(tree, metas, fetched_at, hint_date, options)
    title = find_title(tree, metas) or hint_title or ""
    strip_chrome(tree)
    scope = tree
    if options.article_selector:
        matches = tree.cssselect(options.article_selector)
        if matches:
            scope = matches[0]
    raw = trafilatura.extract(scope, options=_trafilatura_options()) if len(tree) else None
    text = tidy_tables(raw or "")
    return Article(title, text, published, published_raw, detect_language(text, options.languages), problems)

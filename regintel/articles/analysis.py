"""Turn one fetched body (HTML or PDF) into article fields and the hashes that link reprints."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from regintel.articles.dates import parse_date
from regintel.articles.html import Article, extract_html
from regintel.articles.language import detect_language
from regintel.articles.neardup import near_dup_key
from regintel.articles.options import Options
from regintel.articles.pdf import is_pdf, read_pdf


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    content_hash: str
    near_dup_key: str
    content_type: str  # text/html or application/pdf


def warm_up() -> None:
    """Load the language model and dateparser's tables up front (seconds, once per process)."""
    detect_language("Агентство оштрафовало банк. The regulator fined the bank.", ("kk",))
    parse_date("1 января 2025", ("ru", "kk", "en"))


def content_hash(text: str) -> str:
    normalised = " ".join(text.split()).lower()
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=16).hexdigest()


def analyse(
    body: bytes,
    content_type: str | None,
    fetched_at: datetime,
    hint_date: str | None,
    hint_title: str | None,
    options: Options,
) -> Analysis:
    """Article fields of an HTML page or a PDF; raises ValueError/TypeError on unusable input."""
    if is_pdf(body, content_type):
        pdf = read_pdf(body)
        raw = pdf.date_raw or hint_date
        published = parse_date(raw, options.languages, options.date_formats, not_after=fetched_at)
        lang = detect_language(pdf.text, options.languages)
        article = Article(pdf.title or hint_title or "", pdf.text, published, raw, lang)
        kind = "application/pdf"
    else:
        article = extract_html(body, content_type, fetched_at, hint_date, hint_title, options)
        kind = "text/html"
    return Analysis(article, content_hash(article.text), near_dup_key(article.text), kind)

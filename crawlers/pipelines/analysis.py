"""Turn one fetched body into article fields: the pure, CPU-heavy part of the crawl.

`analyse` runs either in the reactor thread or in a worker process (`REGINTEL_EXTRACT_PROCESSES`),
so that extraction on one core overlaps with fetching and storing on the other.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from crawlers.dates import parse_date
from crawlers.pipelines.article import Article, Options, extract_html
from crawlers.pipelines.language import detect_language
from crawlers.pipelines.neardup import near_dup_key
from crawlers.pipelines.pdf import is_pdf, read_pdf


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
    url: str,
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
        article = extract_html(body, content_type, url, fetched_at, hint_date, hint_title, options)
        kind = "text/html"
    return Analysis(article, content_hash(article.text), near_dup_key(article.text), kind)


@lru_cache(maxsize=1)
def pool(processes: int) -> ProcessPoolExecutor:
    """Worker processes for `analyse`, shared by the crawlers of this process (spawned, warmed up)."""
    context = multiprocessing.get_context("spawn")  # never fork a process that runs a reactor
    return ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=warm_up)

"""One stored Page -> its Document, or the CrawlIssues that explain why there is none.

Pure and picklable both ways, so it runs in worker processes: everything bad about a page
(no article, parse errors, charset problems, malformed HTML) becomes a CrawlIssue on its URL.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field

from regintel.articles.analysis import analyse
from regintel.articles.options import Options
from regintel.contracts import CrawlIssue, Document, Page


@dataclass(frozen=True, slots=True)
class Parsed:
    url: str
    document: Document | None
    issues: list[CrawlIssue] = field(default_factory=list)


def parse_page(page: Page, options: Options, min_chars: int) -> Parsed:
    def issue(reason: str, detail: str) -> CrawlIssue:
        return CrawlIssue(page.url, page.source_id, page.run_id, reason, detail, page.fetched_at)

    try:
        body = gzip.decompress(page.body_gz)
        analysis = analyse(body, page.content_type, page.fetched_at, page.hint_date, page.hint_title, options)
    except (ValueError, TypeError, RecursionError, OSError, EOFError) as exc:  # hostile input
        return Parsed(page.url, None, [issue("parse_error", f"{type(exc).__name__}: {exc}"[:300])])
    article = analysis.article
    issues = [issue(reason, detail) for reason, detail in article.problems]
    if len(article.text) < min_chars:
        issues.append(issue("no_article", f"main text has {len(article.text)} characters (< {min_chars})"))
        return Parsed(page.url, None, issues)
    document = Document(
        url=page.url,
        source_id=page.source_id,
        title=article.title,
        text=article.text,
        lang=article.lang,
        published=article.published,
        published_raw=article.published_raw,
        fetched_at=page.fetched_at,
        content_hash=analysis.content_hash,
        near_dup_key=analysis.near_dup_key,
        content_type=analysis.content_type,
    )
    return Parsed(page.url, document, issues)


def parse_pages(pages: list[Page], options: Options, min_chars: int) -> list[Parsed]:
    """A chunk of pages at once: one round trip to a worker process per chunk."""
    return [parse_page(page, options, min_chars) for page in pages]

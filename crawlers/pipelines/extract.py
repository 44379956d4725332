"""ExtractPipeline: a fetched article -> Document or a CrawlIssue (the store makes its Page).

Everything bad about one page becomes a CrawlIssue on that URL (no_article, parse_error,
charset problems, malformed HTML) and the crawl goes on. With `REGINTEL_EXTRACT_PROCESSES` > 0
the analysis runs in worker processes while the reactor keeps fetching.
"""

from __future__ import annotations

import asyncio
from typing import Self

from scrapy.crawler import Crawler

from contracts import CrawlIssue, Document
from crawlers.items import Fetched
from crawlers.pipelines.analysis import Analysis, analyse, pool
from crawlers.pipelines.article import Options


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.min_chars = crawler.settings.getint("REGINTEL_MIN_TEXT_CHARS")
        self.processes = crawler.settings.getint("REGINTEL_EXTRACT_PROCESSES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def options(self) -> Options:
        source = self.crawler.spider.source  # type: ignore[union-attr]
        return Options(source.languages, source.date_formats, source.article_selector)

    def issue(self, item: Fetched, reason: str, detail: str) -> CrawlIssue:
        self.crawler.stats.inc_value(f"regintel/issues/{reason}")
        return CrawlIssue(item.url, item.source_id, "", reason, detail, item.fetched_at)

    async def analyse(self, item: Fetched) -> Analysis:
        args = (
            item.body,
            item.content_type,
            item.url,
            item.fetched_at,
            item.hint_date,
            item.hint_title,
            self.options(),
        )
        if self.processes <= 0:
            return analyse(*args)
        return await asyncio.wrap_future(pool(self.processes).submit(analyse, *args))

    async def process_item(self, item: object) -> object:
        if not isinstance(item, Fetched):
            return item
        try:
            analysis = await self.analyse(item)
        except (ValueError, TypeError, RecursionError) as exc:  # lxml/pypdf/trafilatura on hostile input
            item.issues.append(self.issue(item, "parse_error", f"{type(exc).__name__}: {exc}"[:300]))
            return item
        article = analysis.article
        item.issues.extend(self.issue(item, reason, detail) for reason, detail in article.problems)
        if len(article.text) < self.min_chars:
            detail = f"main text has {len(article.text)} characters (< {self.min_chars})"
            item.issues.append(self.issue(item, "no_article", detail))
            return item
        item.document = Document(
            url=item.url,
            source_id=item.source_id,
            title=article.title,
            text=article.text,
            lang=article.lang,
            published=article.published,
            published_raw=article.published_raw,
            fetched_at=item.fetched_at,
            content_hash=analysis.content_hash,
            near_dup_key=analysis.near_dup_key,
            content_type=analysis.content_type,
        )
        self.crawler.stats.inc_value("regintel/documents")
        if article.published is None:
            self.crawler.stats.inc_value("regintel/undated")
        return item

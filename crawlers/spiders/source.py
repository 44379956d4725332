"""Generic spiders: one Source in, articles out (`scrapy crawl source -a source=afm_kz`).

Entry points are always read; article URLs already stored are skipped unless the entry
point signals a change (lastmod/updated newer than the stored Last-Modified), in which case
they are re-requested conditionally (ETag / Last-Modified -> 304). URLs about to be fetched
go to the warehouse frontier first and are read back on start, so a killed crawl resumes.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure
from w3lib.url import canonicalize_url

import warehouse
from crawlers import dbthread
from crawlers.items import Discovered, Fetched, Problem, Unchanged
from crawlers.middlewares.breakage import Breakage
from crawlers.middlewares.guard import PrivateAddressRefused
from crawlers.resolver import refusal
from crawlers.sources import ENTRY_KINDS, find_source, load_sources
from crawlers.spiders.discovery import Candidate, feed_candidates, listing_candidates, sitemap_candidates
from regintel.articles.dates import parse_datetime, to_utc
from regintel.contracts import EntryPoint, RegintelError, Source
from regintel.settings import DB, SOURCES

ARTICLE_TYPES = re.compile(r"html|xml|text/plain|pdf", re.IGNORECASE)
ARTICLE_STATUSES = [304, *range(400, 600)]  # the callback records these itself (redirects still followed)


def canonical(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def failure_reason(failure: Failure) -> tuple[str, str]:
    """A download failure -> (short reason code, detail) for a CrawlIssue."""
    exc = failure.value
    text = str(exc) or type(exc).__name__
    if isinstance(exc, Breakage):
        return exc.reason, exc.detail
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", f"HTTP {exc.response.status}"
    if isinstance(exc, PrivateAddressRefused):
        return "private_address", text
    if isinstance(exc, IgnoreRequest):
        lowered = text.lower()
        if "robots.txt" in lowered:
            return "robots", "disallowed by robots.txt"
        if "redirection" in lowered or "redirect" in lowered:
            return "redirect_loop", text
        if "decompression" in lowered or "download_maxsize" in lowered:
            return "decompression_bomb", text
        return "ignored", text
    if isinstance(exc, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return "timeout", text
    if isinstance(exc, CannotResolveHostError | DNSLookupError):
        refused = refusal(urlsplit(failure.request.url).hostname or "")  # type: ignore[attr-defined]
        return ("private_address", refused) if refused else ("dns", text)
    if isinstance(exc, DownloadConnectionRefusedError | ConnectionRefusedError):
        return "connection_refused", text
    if isinstance(exc, DownloadCancelledError):
        return "too_large", text
    return "fetch_error", f"{type(exc).__name__}: {text}"[:300]


class SourceSpider(scrapy.Spider):
    name = "source"
    kinds: tuple[str, ...] = ENTRY_KINDS

    def __init__(self, source: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not source:
            raise RegintelError(
                f"spider {self.name!r} needs a source: scrapy crawl {self.name} -a source=<id>"
            )
        self.source_id = source
        self.scheduled: set[str] = set()  # article URLs requested in this run
        self.seen: set[str] = set()  # article URLs listed by any entry point in this run
        self.known: dict[str, warehouse.PageState] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.source = find_source(
            load_sources(SOURCES.get(crawler.settings)), spider.source_id
        )
        # Settings are not frozen yet: a source's politeness overrides apply to its own crawler.
        crawler.settings.setdict(spider.source.politeness, priority="spider")
        spider.allowed_domains = list(spider.source.allowed_domains)
        spider.db = Path(DB.get(crawler.settings))
        return spider

    source: Source
    db: Path

    # ------------------------------------------------------------------ start
    async def start(self) -> AsyncIterator[Any]:
        self.known = await dbthread.call(warehouse.known_pages, self.db, self.source.id)
        resumed = await dbthread.call(warehouse.frontier, self.db, self.source.id)
        self.crawler.stats.set_value("regintel/resumed", len(resumed))
        for url, depth in resumed:
            if url not in self.known:  # listed by an earlier, interrupted run
                self.scheduled.add(url)
                self.seen.add(url)
                self.crawler.stats.inc_value("regintel/listed")
                yield self.article_request(Candidate(url), depth)
        for entry in self.source.entry_points:
            if entry.kind in self.kinds:
                yield self.entry_request(entry, entry.url, 0)

    def entry_request(self, entry: EntryPoint, url: str, depth: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_entry,
            errback=self.entry_failed,
            dont_filter=True,
            meta={"regintel_kind": entry.kind, "entry": entry, "regintel_depth": depth},
        )

    def article_request(self, candidate: Candidate, depth: int, known: Any = None) -> scrapy.Request:
        meta = {
            "regintel_kind": "article",
            "regintel_depth": depth,
            "candidate": candidate,
            "handle_httpstatus_list": ARTICLE_STATUSES,
        }
        if known is not None:
            meta["regintel_known"] = (known.etag, known.last_modified)
        return scrapy.Request(
            candidate.url,
            callback=self.parse_article,
            errback=self.article_failed,
            meta=meta,
            dont_filter=True,
        )

    # ------------------------------------------------------------------ entry points
    def parse_entry(self, response: Response) -> Iterable[Any]:
        entry: EntryPoint = response.meta["entry"]
        depth: int = response.meta["regintel_depth"]
        if entry.kind == "feed":
            candidates = feed_candidates(response.body, response.url)
        elif entry.kind == "sitemap":
            is_index, candidates = sitemap_candidates(response.body, response.url)
            if is_index:
                if depth < self.source.max_depth:
                    for child in candidates:
                        yield self.entry_request(entry, child.url, depth + 1)
                return
        else:
            if not isinstance(response, TextResponse):
                yield self.problem(response.url, "not_html", "listing page is not HTML", entry=True)
                return
            candidates, next_url = listing_candidates(
                response.text,
                response.url,
                entry.link_selector or "a",
                entry.next_selector,
                entry.date_selector,
            )
            if next_url and depth < self.source.max_depth and next_url != response.url:
                yield self.entry_request(entry, next_url, depth + 1)
        if not candidates:
            self.crawler.stats.inc_value("regintel/empty_entry_pages")
        yield from self.consider(candidates, depth + 1)

    def wanted(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        if not any(host == d or host.endswith("." + d) for d in self.source.allowed_domains):
            return False
        if self.source.include and not any(re.search(p, url) for p in self.source.include):
            return False
        return not any(re.search(p, url) for p in self.source.exclude)

    def too_old(self, candidate: Candidate) -> bool:
        if self.source.max_age_days is None or not candidate.date_raw:
            return False
        when = parse_datetime(candidate.date_raw, self.source.languages, self.source.date_formats)
        return when is not None and to_utc(when) < datetime.now(UTC) - timedelta(
            days=self.source.max_age_days
        )

    def changed(self, candidate: Candidate, state: warehouse.PageState) -> bool:
        """The entry point says the stored page changed since we stored it."""
        if not candidate.lastmod_raw:
            return False
        lastmod = parse_datetime(candidate.lastmod_raw)
        stored = parse_datetime(state.last_modified) if state.last_modified else None
        return lastmod is not None and (stored is None or to_utc(lastmod) > to_utc(stored))

    def consider(self, candidates: list[Candidate], depth: int) -> Iterable[Any]:
        stats = self.crawler.stats
        fresh: list[tuple[str, int]] = []
        requests = []
        for candidate in candidates:
            url = canonical(candidate.url)
            if not self.wanted(url):
                stats.inc_value("regintel/skipped/filtered")
                continue
            if url in self.scheduled:
                continue
            first_sight = url not in self.seen  # feed and sitemap often list the same URL
            self.seen.add(url)
            if self.too_old(candidate):
                stats.inc_value("regintel/skipped/too_old", int(first_sight))
                continue
            stats.inc_value("regintel/listed", int(first_sight))
            state = self.known.get(url)
            if state is not None and not self.changed(candidate, state):
                stats.inc_value("regintel/skipped/known", int(first_sight))
                continue
            self.scheduled.add(url)
            fresh.append((url, depth))
            requests.append(self.article_request(candidate._replace(url=url), depth, state))
        if fresh:
            yield Discovered(fresh)
        yield from requests

    # ------------------------------------------------------------------ articles
    def parse_article(self, response: Response) -> Iterable[Any]:
        """Stores under the final URL after redirects (the listed one becomes `requested_url`)."""
        candidate: Candidate = response.meta["candidate"]
        url = canonical(candidate.url)
        if response.status == 304:
            self.crawler.stats.inc_value("regintel/unchanged")
            yield Unchanged(url)
            return
        if response.status >= 400:
            yield self.problem(url, f"http_{response.status}", f"HTTP {response.status} for {response.url}")
            return
        headers = {
            k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()
        }
        content_type = headers.get("content-type", "")
        if content_type and not ARTICLE_TYPES.search(content_type) and not response.body.startswith(b"%PDF"):
            yield self.problem(url, "unsupported_type", f"content type {content_type} is not an article")
            return
        yield Fetched(
            url=canonical(response.url),
            requested_url=url,
            source_id=self.source.id,
            fetched_at=datetime.now(UTC),
            status=response.status,
            headers=headers,
            content_type=headers.get("content-type"),
            body=response.body,
            hint_date=candidate.date_raw,
            hint_title=candidate.title,
        )

    def problem(self, url: str, reason: str, detail: str, entry: bool = False) -> Problem:
        return Problem(canonical(url), self.source.id, reason, detail, datetime.now(UTC), entry)

    def article_failed(self, failure: Failure) -> Iterable[Any]:
        reason, detail = failure_reason(failure)
        request = failure.request  # type: ignore[attr-defined]
        candidate = request.meta.get("candidate")  # the listed URL, not the last redirect hop
        yield self.problem(candidate.url if candidate else request.url, reason, detail)

    def entry_failed(self, failure: Failure) -> Iterable[Any]:
        reason, detail = failure_reason(failure)
        yield self.problem(failure.request.url, reason, detail, entry=True)  # type: ignore[attr-defined]


class FeedSpider(SourceSpider):
    """Only the source's RSS/Atom feeds."""

    name = "feed"
    kinds = ("feed",)


class SitemapSpider(SourceSpider):
    """Only the source's sitemaps (index, urlset, news sitemap)."""

    name = "sitemap"
    kinds = ("sitemap",)


class ListingSpider(SourceSpider):
    """Only the source's listing pages, following next-page links up to max_depth."""

    name = "listing"
    kinds = ("listing",)

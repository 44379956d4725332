"""Conditional GET: re-fetch a stored page only if it changed (ETag / Last-Modified -> 304).

Validators come from `request.meta["regintel_known"]` (etag, last_modified), set by the spider
for stored URLs. A redirect hop gets the validators of the page stored under its own URL
(the spider's `known` map), so a listed URL that moves to an already stored page costs a
304, not a full download; validators copied from the previous hop are dropped.
"""

from __future__ import annotations

from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from w3lib.url import canonicalize_url

_VALIDATORS = (b"If-None-Match", b"If-Modified-Since")


class ConditionalGetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def validators(self, request: Request) -> tuple[str | None, str | None] | None:
        if not request.meta.get("redirect_urls"):
            return request.meta.get("regintel_known")
        for name in _VALIDATORS:
            request.headers.pop(name, None)
        known = getattr(self.crawler.spider, "known", {})
        state = known.get(canonicalize_url(request.url, keep_fragments=False))
        return (state.etag, state.last_modified) if state is not None else None

    def process_request(self, request: Request) -> None:
        known = self.validators(request)
        if not known:
            return
        etag, last_modified = known
        if etag:
            request.headers.setdefault(b"If-None-Match", etag)
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified)
        if etag or last_modified:
            self.stats.inc_value("regintel/conditional_requests")

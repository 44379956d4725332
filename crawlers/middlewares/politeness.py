"""Politeness: an honest User-Agent with a contact URL, and retries that back off.

Scrapy's RetryMiddleware retries 429/5xx at once; a server that asked us to slow down gets
`Retry-After` honoured, otherwise exponential backoff (`REGINTEL_BACKOFF_BASE` * 2**(n-1),
capped by `REGINTEL_BACKOFF_MAX`). Waiting is asynchronous: other requests go on.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from regintel.contracts import RegintelError
from regintel.settings import BACKOFF_BASE, BACKOFF_MAX, CONTACT_URL, VERSION


class ContactUserAgentMiddleware:
    """Sets `Regintel/<version> (+<REGINTEL_CONTACT_URL>)` so site owners can reach us."""

    def __init__(self, user_agent: str) -> None:
        self.user_agent = user_agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        contact = CONTACT_URL.get(crawler.settings) or ""
        if not contact.startswith(("http://", "https://", "mailto:")):
            raise RegintelError(
                f"{CONTACT_URL.name} {contact!r} is not a URL; give an http(s) or mailto URL"
            )
        return cls(f"Regintel/{VERSION.get(crawler.settings)} (+{contact})")

    def process_request(self, request: Request) -> None:
        request.headers.setdefault(b"User-Agent", self.user_agent)


def retry_after_seconds(value: bytes | None) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date), None if absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings, base: float, cap: float) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        s = crawler.settings
        middleware = cls(s, float(BACKOFF_BASE.get(s)), float(BACKOFF_MAX.get(s)))
        middleware.crawler = crawler
        return middleware

    def delay(self, response: Response, attempt: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        wanted = asked if asked is not None else self.base * 2 ** max(0, attempt - 1)
        return min(self.cap, wanted)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        wait = self.delay(response, retry.meta.get("retry_times", 1))
        self.crawler.stats.inc_value("regintel/backoff_seconds", int(wait))
        if wait > 0:
            await sleep(wait)
        return retry

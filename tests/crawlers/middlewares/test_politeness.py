"""crawlers/middlewares/politeness.py: contact User-Agent and backoff that honours Retry-After."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from crawlers.middlewares.politeness import (
    BackoffRetryMiddleware,
    ContactUserAgentMiddleware,
    retry_after_seconds,
)
from regintel.contracts import RegintelError


def test_user_agent_carries_the_contact_url() -> None:
    crawler = get_crawler(
        settings_dict={"REGINTEL_CONTACT_URL": "https://example.org/bot", "REGINTEL_VERSION": "9"}
    )
    request = Request("https://x.kz/")
    ContactUserAgentMiddleware.from_crawler(crawler).process_request(request)
    assert request.headers["User-Agent"] == b"Regintel/9 (+https://example.org/bot)"
    with pytest.raises(RegintelError, match="REGINTEL_CONTACT_URL 'nobody'"):
        ContactUserAgentMiddleware.from_crawler(get_crawler(settings_dict={"REGINTEL_CONTACT_URL": "nobody"}))


def test_backoff_delay() -> None:
    settings = {"REGINTEL_BACKOFF_BASE": 2.0, "REGINTEL_BACKOFF_MAX": 10.0}
    middleware = BackoffRetryMiddleware.from_crawler(get_crawler(settings_dict=settings))
    plain = Response("https://x.kz/", status=503)
    assert [middleware.delay(plain, n) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 10.0]
    asked = Response("https://x.kz/", status=429, headers={"Retry-After": "7"})
    assert middleware.delay(asked, 1) == 7.0
    assert retry_after_seconds(b"Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds(b"soon") is None

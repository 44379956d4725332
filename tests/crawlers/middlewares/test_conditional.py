"""crawlers/middlewares/conditional.py: stored validators become If-None-Match / If-Modified-Since."""

from __future__ import annotations

from types import SimpleNamespace

from scrapy import Request
from scrapy.utils.test import get_crawler

import warehouse
from crawlers.middlewares.conditional import ConditionalGetMiddleware


def test_validators_become_conditional_headers() -> None:
    crawler = get_crawler()
    crawler.stats.open_spider()
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    known = Request("https://x.kz/a", meta={"regintel_known": ('"abc"', "Wed, 22 Jan 2025 09:00:00 GMT")})
    middleware.process_request(known)
    assert known.headers["If-None-Match"] == b'"abc"'
    assert known.headers["If-Modified-Since"] == b"Wed, 22 Jan 2025 09:00:00 GMT"
    fresh = Request("https://x.kz/b")
    middleware.process_request(fresh)
    assert b"If-None-Match" not in fresh.headers
    assert crawler.stats.get_value("regintel/conditional_requests") == 1


def test_a_redirect_hop_uses_the_validators_stored_for_its_own_url() -> None:
    crawler = get_crawler()
    crawler.stats.open_spider()
    crawler.spider = SimpleNamespace(known={"https://x.kz/new": warehouse.PageState('"n"', None, None)})
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    moved = {"redirect_urls": ["https://x.kz/old"], "regintel_known": ('"old"', None)}
    hop = Request("https://x.kz/new", headers={"If-None-Match": '"old"'}, meta=moved)
    middleware.process_request(hop)
    assert hop.headers["If-None-Match"] == b'"n"'
    elsewhere = Request("https://x.kz/other", headers={"If-None-Match": '"old"'}, meta=moved)
    middleware.process_request(elsewhere)
    assert b"If-None-Match" not in elsewhere.headers

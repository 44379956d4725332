"""samplesite/server.py: loopback serving with conditional GET, gzip and hostile behaviours."""

from __future__ import annotations

import gzip
import http.client
import urllib.request
from urllib.error import HTTPError

import pytest

from regintel.samplesite.server import running, serve


def _get(base: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    host, port = base.removeprefix("http://").split(":")
    con = http.client.HTTPConnection(host, int(port), timeout=5)
    con.request("GET", path, headers=headers or {})
    return con.getresponse()


def test_serve_yields_a_loopback_base_url() -> None:
    with serve() as base:
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{base}/www.gov.kz/robots.txt", timeout=5) as response:
            assert b"Disallow: /search" in response.read()


def test_conditional_get_and_gzip() -> None:
    with running() as site:
        url = next(iter(site.site.articles))
        path = "/" + url.split("://", 1)[1]
        first = _get(site.base, path, {"Accept-Encoding": "gzip"})
        body = first.read()
        assert first.status == 200 and first.getheader("Content-Encoding") == "gzip"
        assert site.site.articles[url].title.encode() in gzip.decompress(body)
        etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
        assert _get(site.base, path, {"If-None-Match": etag}).status == 304
        assert _get(site.base, path, {"If-Modified-Since": modified}).status == 304
        assert _get(site.base, path, {"If-None-Match": '"other"'}).status == 200
        assert site.fetched(url) == 4 and len(site.conditional) == 3


def test_hostile_behaviours() -> None:
    with running() as site:
        base = site.base + "/hostile.regintel.test"
        loop = _get(site.base, "/hostile.regintel.test/news/loop-a.html")
        assert loop.status == 302 and loop.getheader("Location") == "/hostile.regintel.test/news/loop-b.html"
        limited = _get(site.base, "/hostile.regintel.test/news/rate-limited.html")
        assert limited.status == 429 and limited.getheader("Retry-After") == "1"
        bomb = _get(site.base, "/hostile.regintel.test/news/gzip-bomb.html")
        assert bomb.getheader("Content-Encoding") == "gzip" and len(bomb.read()) < 100_000
        huge = _get(site.base, "/hostile.regintel.test/news/oversized.html")
        assert int(huge.getheader("Content-Length")) > 8 * 1024 * 1024
        huge.close()
        with pytest.raises(HTTPError) as err:
            urllib.request.urlopen(f"{base}/news/forbidden.html", timeout=5)
        assert err.value.code == 403
        with pytest.raises(TimeoutError):
            urllib.request.urlopen(f"{base}/news/slow.html", timeout=0.5)

"""Crawl a local mirror with the real source definitions.

`REGINTEL_REWRITE` maps real origins to mirror prefixes. The rewrite happens in the download
handler, below every middleware: robots.txt, politeness slots, allowed domains, redirects and
the stored URLs all see the real URL; only the socket goes to the mirror. A rewrite is the
explicit permission to reach the (loopback) mirror.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response

from regintel.settings import REWRITE


class Rewriter:
    """Bidirectional prefix mapping between real URLs and their mirror."""

    def __init__(self, rules: dict[str, str]) -> None:
        self.rules = sorted(
            ((k.rstrip("/"), v.rstrip("/")) for k, v in rules.items()), key=lambda r: -len(r[0])
        )

    def to_mirror(self, url: str) -> str | None:
        for real, mirror in self.rules:
            if url == real or url.startswith((real + "/", real + "?")):
                return mirror + url[len(real) :]
        return None

    def to_real(self, url: str) -> str:
        for real, mirror in self.rules:
            if url == mirror or url.startswith((mirror + "/", mirror + "?")):
                return real + url[len(mirror) :]
        return url


class RewriteDownloadHandler(BaseDownloadHandler):
    """HTTP(S) handler that fetches rewritten URLs from the mirror and restores the real URL."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.rewriter = Rewriter(REWRITE.get(crawler.settings))
        self.http = HTTP11DownloadHandler.from_crawler(crawler)

    async def download_request(self, request: Request) -> Response:
        mirror = self.rewriter.to_mirror(request.url)
        if mirror is None:
            return await self.http.download_request(request)
        response = await self.http.download_request(request.replace(url=mirror))
        location = response.headers.get("Location")
        headers = response.headers.copy()
        if location:
            target = urljoin(mirror, location.decode("latin-1"))
            headers["Location"] = self.rewriter.to_real(target)
        self.crawler.stats.inc_value("regintel/rewritten")
        return response.replace(url=request.url, headers=headers, request=request)

    async def close(self) -> None:
        await self.http.close()

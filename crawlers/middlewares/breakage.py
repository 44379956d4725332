"""Detect responses that are not what they claim: binary bodies served as text, bot challenges.

Raising `Breakage` (an IgnoreRequest with a reason code) sends the request to the spider's
errback, which records a CrawlIssue: breakage is never silent. Size limits and compression
bombs are enforced by Scrapy itself (DOWNLOAD_MAXSIZE, also applied while decompressing).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Self

import yaml
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from regintel.settings import CHALLENGE_MAX_BYTES

PATTERNS_FILE = Path(__file__).resolve().parent.parent / "data" / "challenges.yaml"
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"MZ")
_CONTROL = bytes([*range(0, 9), 11, *range(14, 32)])


class Breakage(IgnoreRequest):
    """A response we refuse to treat as content; `reason` is the CrawlIssue code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def load_challenge_patterns(path: Path = PATTERNS_FILE) -> list[tuple[str, re.Pattern[bytes]]]:
    """Patterns are written in lower case and searched in the ASCII-lower-cased body: a
    case-sensitive search of a lowered copy is ~8x faster than IGNORECASE on every page."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(p["id"], re.compile(p["regex"].encode("utf-8"))) for p in data["patterns"]]


def looks_binary(body: bytes) -> bool:
    """Known binary magic numbers, or many control bytes near the start."""
    head = body[:2048]
    if not head or head.startswith(b"%PDF"):
        return False
    if head.startswith(_MAGIC):
        return True
    control = len(head) - len(head.translate(None, _CONTROL))  # count in C, not per byte in Python
    return control > len(head) * 0.05


class BreakageMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.patterns = load_challenge_patterns()
        self.max_bytes = int(CHALLENGE_MAX_BYTES.get(crawler.settings))
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def challenge(self, body: bytes) -> str | None:
        if len(body) > self.max_bytes:
            return None
        lowered = body.lower()  # ASCII only, as IGNORECASE does for bytes patterns
        for name, pattern in self.patterns:
            if pattern.search(lowered):
                return name
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if "regintel_kind" not in request.meta or response.status in (204, 304):
            return response
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        textual = (
            not content_type or "html" in content_type or "xml" in content_type or "text" in content_type
        )
        if textual and looks_binary(response.body):
            self.stats.inc_value("regintel/breakage/binary")
            raise Breakage("binary", f"binary body served as {content_type or 'no content type'}")
        marker = self.challenge(response.body)
        if marker:
            self.stats.inc_value("regintel/breakage/challenge")
            raise Breakage("challenge", f"bot challenge page ({marker}) with HTTP {response.status}")
        return response

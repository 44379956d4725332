"""What spiders yield to the item pipelines (before records get the run id)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from datetime import datetime

from regintel.contracts import Page

BODY_GZIP_LEVEL = 3  # raw pages kept for re-extraction: fast level, ~4x smaller than the HTML


@dataclass(slots=True)
class Fetched:
    """A successful article fetch, stored as a Page and parsed into a Document in the background."""

    url: str  # canonical URL
    requested_url: str
    source_id: str
    fetched_at: datetime
    status: int
    headers: dict[str, str]
    content_type: str | None
    body: bytes = field(repr=False)
    hint_date: str | None = None  # feed/listing/sitemap date string
    hint_title: str | None = None

    def page(self, run_id: str) -> Page:
        """The raw fetch as stored (gzip runs outside the GIL: the store calls this off the reactor)."""
        return Page(
            url=self.url,
            source_id=self.source_id,
            run_id=run_id,
            fetched_at=self.fetched_at,
            status=self.status,
            headers=self.headers,
            content_type=self.content_type,
            body_gz=gzip.compress(self.body, compresslevel=BODY_GZIP_LEVEL),
            requested_url=self.requested_url,
            etag=self.headers.get("etag"),
            last_modified=self.headers.get("last-modified"),
            hint_date=self.hint_date,
            hint_title=self.hint_title,
        )


@dataclass(slots=True)
class Problem:
    """A URL that failed before there was content to extract."""

    url: str
    source_id: str
    reason: str
    detail: str
    at: datetime
    entry: bool = False  # an entry point (feed/sitemap/listing), not an article


@dataclass(slots=True)
class Unchanged:
    """A known URL the server confirmed unchanged (HTTP 304)."""

    url: str


@dataclass(slots=True)
class Discovered:
    """Article URLs about to be requested: recorded in the frontier so a killed crawl resumes."""

    urls: list[tuple[str, int]]

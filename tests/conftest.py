"""Fixtures shared across test folders: loopback crawl settings and the hostile source."""

from __future__ import annotations

from typing import Any

import pytest

from regintel.contracts import EntryPoint, Source
from regintel.samplesite import hostile
from regintel.settings import BACKOFF_BASE, FLUSH_SECONDS


@pytest.fixture(scope="session")
def fast_settings() -> dict[str, Any]:
    """Loopback politeness: no delays, generous concurrency, short timeouts and backoff."""
    return {
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_TIMEOUT": 4,
        "RETRY_TIMES": 1,
        BACKOFF_BASE.name: 0.2,
        FLUSH_SECONDS.name: 0.5,
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="session")
def hostile_source() -> Source:
    """A source whose listing links to the sample site's hostile pages (each a recorded issue)."""
    return Source(
        id="hostile",
        name="Hostile pages",
        publisher_kind="news",
        country="KZ",
        languages=("en", "ru"),
        entry_points=(EntryPoint("listing", f"https://{hostile.HOST}/news/", link_selector="ul.items a"),),
        allowed_domains=(hostile.HOST,),
        min_items=1,
    )

"""crawlers/resolver.py: the address a connection really uses is checked (DNS rebinding)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from crawlers.runner import crawl
from regintel.contracts import EntryPoint, Source
from regintel.samplesite.server import SampleSite


@pytest.fixture(scope="module")
def no_guard(fast_settings: dict[str, Any]) -> dict[str, Any]:
    """The guard middleware is switched off, as if a rebinding DNS server had shown it a public
    address first: only the resolver stands between the crawl and the loopback address."""
    guard = "crawlers.middlewares.guard.PrivateAddressGuard"
    return {**fast_settings, "DOWNLOADER_MIDDLEWARES": {guard: None}}


def _local_source(site: SampleSite, **politeness: object) -> Source:
    feed = site.base.replace("127.0.0.1", "localhost") + "/timesca.com/feed/"
    return Source(
        id="local_feed",
        name="A feed on a name that resolves to loopback",
        publisher_kind="news",
        country="KZ",
        languages=("en",),
        entry_points=(EntryPoint("feed", feed),),
        allowed_domains=("localhost", "timesca.com"),
        min_items=1,
        politeness=dict(politeness),
    )


def test_a_name_resolving_to_loopback_is_refused_when_connecting(
    site: SampleSite, db: Path, no_guard: dict[str, Any]
) -> None:
    (run,) = crawl(db, [_local_source(site)], settings=no_guard)
    assert run.status == "failed", run.message
    with duckdb.connect(str(db), read_only=True) as con:
        ((reason, detail),) = con.execute("SELECT reason, detail FROM crawl_issues").fetchall()
    assert reason == "private_address"
    assert "localhost resolved to non-public address 127.0.0.1 when connecting" in detail
    assert not site.requests or "/timesca.com/feed/" not in site.requests


def test_a_source_allowed_private_addresses_reaches_them(
    site: SampleSite, db: Path, no_guard: dict[str, Any]
) -> None:
    before = len(site.requests)
    (run,) = crawl(db, [_local_source(site, REGINTEL_ALLOW_PRIVATE=True)], settings=no_guard)
    assert "/timesca.com/feed/" in site.requests[before:], run.message
    assert run.stats.get("entry_failures", 0) == 0

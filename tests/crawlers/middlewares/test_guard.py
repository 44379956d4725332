"""crawlers/middlewares/guard.py: private addresses are refused, by spelling and after resolving."""

from __future__ import annotations

import asyncio
import socket

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from crawlers.middlewares.guard import (
    PrivateAddressGuard,
    PrivateAddressRefused,
    is_private_host,
    private_reason,
)


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "[::1]", "localhost", "224.0.0.251"]
)
def test_private_literals(host: str) -> None:
    assert is_private_host(host)


@pytest.mark.parametrize("host", ["127.1", "2130706433", "0x7f000001", socket.gethostname(), "LOCALHOST."])
def test_names_that_resolve_to_loopback_are_private(host: str) -> None:
    """Spellings an IP-literal check misses; the system resolver turns them into 127.0.0.1."""
    reason = private_reason(host)
    assert reason is not None and ("127.0.0.1" in reason or "loopback" in reason), reason


def test_public_and_unresolvable_hosts_pass() -> None:
    assert not is_private_host("8.8.8.8")
    assert not is_private_host("no-such-host.invalid")  # fails later, as a recorded DNS error


def _guard(**settings: object) -> PrivateAddressGuard:
    return PrivateAddressGuard.from_crawler(get_crawler(settings_dict=settings))


def test_guard_refuses_private_targets_unless_allowed_or_mirrored() -> None:
    guard = _guard()
    asyncio.run(guard.process_request(Request("https://www.sec.gov/news")))
    with pytest.raises(PrivateAddressRefused, match=r"169\.254\.169\.254 is a non-public address"):
        asyncio.run(guard.process_request(Request("http://169.254.169.254/latest/meta-data")))
    with pytest.raises(PrivateAddressRefused, match=r"127\.1 resolves to non-public address 127\.0\.0\.1"):
        asyncio.run(guard.process_request(Request("http://127.1:8000/admin")))
    asyncio.run(_guard(REGINTEL_ALLOW_PRIVATE=True).process_request(Request("http://127.0.0.1:8000/x")))
    mirrored = _guard(REGINTEL_REWRITE={"https://www.gov.kz": "http://127.0.0.1:9/www.gov.kz"})
    asyncio.run(mirrored.process_request(Request("https://www.gov.kz/news")))

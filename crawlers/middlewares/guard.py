"""Refuse requests to private, loopback, link-local, multicast and reserved addresses.

User-added sources must not turn the crawler into a probe of the local network. Host names
are resolved (getaddrinfo on a small thread pool, with a short timeout, cached per process),
so `vm`, `127.1` or `2130706433` are caught as well as IP literals and localhost names; a
name that does not resolve passes (the download then fails with a recorded DNS error).
Allowed by `REGINTEL_ALLOW_PRIVATE` (globally or as a source politeness override) or by a
`REGINTEL_REWRITE` mirror (the rewrite handler connects there, below this check).
Scrapy resolves again when it connects; `crawlers.resolver` checks that answer too, so a
rebinding DNS server cannot slip a private address in between.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from typing import Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from crawlers.rewrite import Rewriter
from regintel.settings import ALLOW_PRIVATE, REWRITE

ALLOW_HINT = f"set {ALLOW_PRIVATE.name} or the source's politeness option {ALLOW_PRIVATE.name}: true"

_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
RESOLVE_TIMEOUT = 2.0  # seconds per host name; a slow resolver must not stall the crawl
_RESOLVER = ThreadPoolExecutor(max_workers=4, thread_name_prefix="regintel-dns")
_RESOLVED: dict[str, tuple[str, ...]] = {}


class PrivateAddressRefused(IgnoreRequest):
    """The request targets a private address and private addresses are not allowed."""


def _lookup(host: str) -> tuple[str, ...]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return ()
    return tuple(sorted({str(info[4][0]) for info in infos}))


async def resolve_async(host: str, timeout: float = RESOLVE_TIMEOUT) -> tuple[str, ...]:
    """The host's addresses ((): unresolvable or timed out), without blocking the event loop."""
    if host not in _RESOLVED:
        try:
            found = await asyncio.wait_for(asyncio.wrap_future(_RESOLVER.submit(_lookup, host)), timeout)
        except TimeoutError:
            found = ()
        _RESOLVED[host] = found
    return _RESOLVED[host]


def resolve(host: str, timeout: float = RESOLVE_TIMEOUT) -> tuple[str, ...]:
    """Blocking variant of `resolve_async` for the CLI."""
    if host not in _RESOLVED:
        try:
            _RESOLVED[host] = _RESOLVER.submit(_lookup, host).result(timeout)
        except TimeoutError:
            _RESOLVED[host] = ()
    return _RESOLVED[host]


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _literal_reason(host: str) -> str | None:
    """Why a host is private judging by its spelling alone (IP literal or localhost name)."""
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return f"{host} is a loopback name"
    try:
        return None if is_public_address(host) else f"{host} is a non-public address"
    except ValueError:
        return None


def _resolved_reason(host: str, addresses: tuple[str, ...]) -> str | None:
    private = [a for a in addresses if not is_public_address(a)]
    return f"{host} resolves to non-public address {private[0]}" if private else None


def clean_host(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def private_reason(host: str) -> str | None:
    """Why `host` is private ("... resolves to non-public address 10.0.0.5"), None if public."""
    host = clean_host(host)
    literal = _literal_reason(host)
    if literal or _is_ip(host):
        return literal
    return _resolved_reason(host, resolve(host))


def is_private_host(host: str) -> bool:
    return private_reason(host) is not None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class PrivateAddressGuard:
    def __init__(self, crawler: Crawler) -> None:
        self.allowed = bool(ALLOW_PRIVATE.get(crawler.settings))
        self.rewriter = Rewriter(REWRITE.get(crawler.settings))
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if self.allowed or self.rewriter.to_mirror(request.url) is not None:
            return
        host = clean_host(urlsplit(request.url).hostname or "")
        reason = _literal_reason(host)
        if reason is None and not _is_ip(host):
            reason = _resolved_reason(host, await resolve_async(host))
        if reason:
            self.stats.inc_value("regintel/refused/private_address")
            raise PrivateAddressRefused(
                f"private address refused: {reason}; {ALLOW_HINT}"
            )

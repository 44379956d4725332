"""A name resolver that drops non-public addresses at connection time (no DNS rebinding).

The guard middleware checks a host before the request is scheduled, but Scrapy resolves the
name again when it connects, and a hostile DNS server can answer with a public address first
and a private one second. Installed as Scrapy's `TWISTED_DNS_RESOLVER`, this resolver filters
the very addresses the connection will use: a name left with none fails as a DNS error, which
`refusal(host)` explains as a private-address refusal. Allowed: everything with
`REGINTEL_ALLOW_PRIVATE`, the hosts of `REGINTEL_REWRITE` mirrors, and the domains of sources
whose politeness overrides set `REGINTEL_ALLOW_PRIVATE: true` (one resolver serves every
crawler of the process).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.resolver import CachingHostnameResolver
from twisted.internet.base import ReactorBase
from twisted.internet.interfaces import IAddress, IHostResolution, IResolutionReceiver
from zope.interface import provider

from crawlers.middlewares.guard import ALLOW_HINT, clean_host, is_public_address
from crawlers.sources import host_allowed, load_sources
from regintel.contracts import RegintelError
from regintel.settings import ALLOW_PRIVATE, REWRITE, SOURCES

_REFUSED: dict[str, str] = {}  # host name -> the non-public address it resolved to


def refusal(host: str) -> str | None:
    """Why connecting to `host` failed, if this resolver dropped its address."""
    address = _REFUSED.get(clean_host(host))
    if address is None:
        return None
    return (
        f"private address refused: {host} resolved to non-public address {address} when connecting; "
        + ALLOW_HINT
    )


@provider(IResolutionReceiver)
class _PublicOnly:
    """Passes public addresses on to the real receiver and records the others."""

    def __init__(self, receiver: IResolutionReceiver, host: str) -> None:
        self.receiver = receiver
        self.host = clean_host(host)

    def resolutionBegan(self, resolution: IHostResolution) -> None:  # Twisted names these
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address: IAddress) -> None:
        host = getattr(address, "host", "")
        if is_public_address(host):
            self.receiver.addressResolved(address)
        else:
            _REFUSED[self.host] = host

    def resolutionComplete(self) -> None:
        self.receiver.resolutionComplete()


class PublicOnlyResolver(CachingHostnameResolver):
    def __init__(
        self, reactor: ReactorBase, cache_size: int, *, allow_all: bool, allowed: frozenset[str]
    ) -> None:
        super().__init__(reactor, cache_size)
        self.allow_all = allow_all
        self.allowed = allowed

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: ReactorBase) -> Self:
        """`crawler` is the CrawlerProcess: the resolver serves every crawler of the process."""
        settings = crawler.settings
        mirrors = {urlsplit(m).hostname or "" for m in REWRITE.get(settings).values()}
        try:
            sources = load_sources(SOURCES.get(settings))
        except RegintelError:  # the spider reports a bad sources file; nothing is allowed here
            sources = []
        trusted = {
            domain.lower()
            for source in sources
            if source.politeness.get(ALLOW_PRIVATE.name)
            for domain in source.allowed_domains
        }
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(
            reactor,
            cache_size,
            allow_all=bool(ALLOW_PRIVATE.get(settings)),
            allowed=frozenset((mirrors | trusted) - {""}),
        )

    def allows(self, host: str) -> bool:
        return self.allow_all or host_allowed(clean_host(host), self.allowed)

    def resolveHostName(
        self,
        resolutionReceiver: IResolutionReceiver,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> IHostResolution:
        receiver = resolutionReceiver if self.allows(hostName) else _PublicOnly(resolutionReceiver, hostName)
        return super().resolveHostName(receiver, hostName, portNumber, addressTypes, transportSemantics)

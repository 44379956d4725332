"""Serve the sample site on 127.0.0.1 in a background thread.

`serve()` yields the base URL; `running()` yields a `SampleSite` handle that also exposes the
request log (tests check robots.txt is obeyed and that nothing is fetched twice) and the
rewrite map for `crawlers.runner.crawl(..., rewrite=...)`. Supports ETag/Last-Modified
conditional GET (304), gzip, and the hostile behaviours of `samplesite.hostile`.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from regintel.samplesite import hostile
from regintel.samplesite.site import Resource, Site, build


@dataclass
class SampleSite:
    site: Site
    base: str = ""
    delay: float = 0.0  # seconds before each response (to slow a crawl down on purpose)
    requests: list[str] = field(default_factory=list)  # "/host/path?query" in arrival order
    conditional: list[str] = field(default_factory=list)  # requests that carried If-None-Match/-Since
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def rewrite(self) -> dict[str, str]:
        """Real origin -> mirror prefix, for every mirrored host."""
        return {f"https://{host}": f"{self.base}/{host}" for host in self.site.hosts()}

    def fetched(self, url: str) -> int:
        """How many times a real URL was requested."""
        key = url.split("://", 1)[1]
        return sum(1 for r in self.requests if r == "/" + key)


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'


class _Handler(BaseHTTPRequestHandler):
    server_version = "RegintelSample/1.0"
    protocol_version = "HTTP/1.1"
    sample: SampleSite

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        sample = self.sample
        with sample.lock:
            sample.requests.append(self.path)
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                sample.conditional.append(self.path)
        if sample.delay:
            time.sleep(sample.delay)
        resource = sample.site.resources.get(self.path)
        if resource is None:
            self._send(404, b"not found", "text/plain")
            return
        behaviour = resource.behaviour or ""
        if behaviour.startswith("redirect:"):
            host = self.path.split("/", 2)[1]
            self._send(302, b"", "text/plain", {"Location": f"/{host}{behaviour.split(':', 1)[1]}"})
        elif behaviour == "slow":
            sample.stopping.wait(30)
            self._send(200, resource.body, resource.content_type)
        elif behaviour == "oversized":
            self._oversized()
        elif behaviour == "gzip":
            self._send(200, resource.body, resource.content_type, {"Content-Encoding": "gzip"})
        elif behaviour == "retry-after":
            self._send(resource.status, resource.body, "text/plain", {"Retry-After": "1"})
        else:
            self._static(resource)

    def _static(self, resource: Resource) -> None:
        headers = {"ETag": _etag(resource.body)}
        if resource.last_modified:
            headers["Last-Modified"] = format_datetime(resource.last_modified, usegmt=True)
        if resource.status == 200 and self._not_modified(headers["ETag"], resource):
            self._send(304, b"", None, headers)
            return
        body = resource.body
        textual = any(t in resource.content_type for t in ("html", "xml", "text"))
        if textual and len(body) > 512 and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self._send(resource.status, body, resource.content_type, headers)

    def _not_modified(self, etag: str, resource: Resource) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match:
            return etag in [t.strip() for t in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since and resource.last_modified:
            try:
                return resource.last_modified <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def _oversized(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(hostile.OVERSIZED_BYTES))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(hostile.OVERSIZED_BYTES // len(chunk)):
                self.wfile.write(chunk)
        except OSError:  # the client hung up at the size limit, as it should
            return

    def _send(
        self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:
            return


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up (size limits, timeouts, killed crawls) are expected here."""
        return


@contextmanager
def running(site: Site | None = None, delay: float = 0.0) -> Iterator[SampleSite]:
    """Serve the sample site (built now unless given) on a free loopback port."""
    sample = SampleSite(site or build(), delay=delay)
    handler = type("Handler", (_Handler,), {"sample": sample})
    server = _Server(("127.0.0.1", 0), handler)
    sample.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="samplesite", daemon=True)
    thread.start()
    try:
        yield sample
    finally:
        sample.stopping.set()
        server.shutdown()
        server.server_close()


@contextmanager
def serve(site: Site | None = None) -> Iterator[str]:
    """Context manager yielding the base URL `http://127.0.0.1:<port>` of the running sample site."""
    with running(site) as sample:
        yield sample.base


def main() -> None:
    """`python -m samplesite.server`: serve until interrupted and print the base URL."""
    with running() as sample:
        print(
            f"sample site at {sample.base}/<host>/... (hosts: {', '.join(sample.site.hosts())})", flush=True
        )
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()

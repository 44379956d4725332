"""Real local receivers for alert delivery (an aiosmtpd SMTP server and an http.server webhook),
a small sources file, and an alerts config pointing at both."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from regintel.settings import ALERTS

SOURCE = """
  - id: {sid}
    name: Test source {sid}
    publisher_kind: news
    country: KZ
    languages: [en]
    entry_points:
      - {{kind: feed, url: "https://timesca.com/feed/"}}
    allowed_domains: [timesca.com]
    exclude: ['/tag/', '/author/', '/category/']
    schedule: "{cron}"
    politeness: {{DOWNLOAD_DELAY: 0, AUTOTHROTTLE_ENABLED: false, RETRY_TIMES: 0}}
    min_items: 1
    max_age_days: 3650
"""


def write_sources(path: Path, cron: str = "0 * * * *", ids: tuple[str, ...] = ("timesca",),
                  monitors: str = "") -> Path:
    path.write_text("sources:" + "".join(SOURCE.format(sid=s, cron=cron) for s in ids) + monitors,
                    encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Inbox:
    messages: list[object] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
        return "250 OK"

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@dataclass
class Hook:
    posts: list[dict] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    fail_next: int = 0  # answer this many requests with HTTP 500 first
    lock: threading.Lock = field(default_factory=threading.Lock)

    def texts(self) -> list[str]:
        return [p["text"] for p in self.posts]


@pytest.fixture
def webhook() -> Iterator[tuple[Hook, str]]:
    hook = Hook()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with hook.lock:
                failing = hook.fail_next > 0
                hook.fail_next -= failing
                if not failing:
                    hook.posts.append(json.loads(body))
                    hook.headers.append(dict(self.headers))
            self.send_response(500 if failing else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hook, f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def alerts_file(tmp_path: Path, smtp: tuple[Inbox, int], webhook: tuple[Hook, str],
                monkeypatch: pytest.MonkeyPatch) -> Path:
    """Log, webhook and email channels on the local receivers (allowed as a local relay)."""
    path = tmp_path / "alerts.yaml"
    path.write_text(f"""
retry: {{attempts: 3, backoff_s: 0.01}}
channels:
  - {{name: log, kind: log}}
  - {{name: hook, kind: webhook, url: "{webhook[1]}", token_env: TEST_HOOK_TOKEN, allow_private: true,
     timeout_s: 5}}
  - {{name: mail, kind: email, host: 127.0.0.1, port: {smtp[1]}, tls: none, sender: regintel@example.org,
     recipients: [ops@example.org], allow_private: true, timeout_s: 5}}
""", encoding="utf-8")
    monkeypatch.setenv("TEST_HOOK_TOKEN", "s3cret-token-value")
    monkeypatch.setenv(ALERTS.name, str(path))
    return path

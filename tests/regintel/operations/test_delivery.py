"""Delivery: retried with backoff, recorded, never raising; secrets named, never shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import RegintelError
from regintel.operations.channels import AlertConfig, Channel, load_config
from regintel.operations.delivery import Notice, deliver
from tests.regintel.operations.conftest import free_port


def notice() -> Notice:
    now = datetime.now(UTC)
    alert = warehouse.Alert("a1", "timesca", "zero_items", "critical", "r1", "no items listed", now, now, 1,
                            None, None)
    return Notice("opened", alert)


def test_a_failing_webhook_is_retried_with_backoff_and_recorded(tmp_path: Path, webhook: tuple) -> None:
    hook, url = webhook
    hook.fail_next = 2
    db = tmp_path / "d.duckdb"
    warehouse.init_db(db)
    waits: list[float] = []
    channel = Channel("hook", "webhook", url=url, allow_private=True)
    config = AlertConfig((channel,), attempts=3, backoff_s=0.5)
    [(_n, name, ok, error)] = deliver(db, [notice()], config, sleep=waits.append)
    assert (name, ok, error) == ("hook", True, None) and waits == [0.5, 1.0]
    assert len(hook.posts) == 1 and hook.posts[0]["text"].startswith("[regintel] CRITICAL zero_items")
    (record,) = warehouse.deliveries(db)
    assert (record.attempts, record.ok) == (3, True)


def test_an_unreachable_mail_server_is_recorded_not_raised(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    warehouse.init_db(db)
    mail = Channel("mail", "email", host="127.0.0.1", port=free_port(), tls="none", sender="a@b.org",
                   recipients=("c@d.org",), allow_private=True, timeout_s=2)
    [(_n, _c, ok, error)] = deliver(db, [notice()], AlertConfig((mail,), attempts=2, backoff_s=0),
                                    sleep=lambda _s: None)
    assert not ok and "ConnectionRefusedError" in str(error)
    (record,) = warehouse.deliveries(db)
    assert (record.channel, record.attempts, record.ok) == ("mail", 2, False)


def test_a_missing_secret_is_named_and_no_secret_is_ever_shown(
    tmp_path: Path, webhook: tuple, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hook, url = webhook
    monkeypatch.delenv("NO_SUCH_TOKEN", raising=False)
    missing = Channel("hook", "webhook", url=url, token_env="NO_SUCH_TOKEN", allow_private=True)
    [(_n, _c, ok, error)] = deliver(None, [notice()], AlertConfig((missing,), attempts=1))
    assert not ok and error == "environment variable NO_SUCH_TOKEN named by channel 'hook' is not set"
    monkeypatch.setenv("HOOK_URL", f"http://127.0.0.1:{free_port()}/missing-port-zero")
    secret_url = Channel("hook2", "webhook", url_env="HOOK_URL", allow_private=True, timeout_s=2)
    [(_n, _c, ok, error)] = deliver(None, [notice()], AlertConfig((secret_url,), attempts=1))
    assert not ok and "missing-port-zero" not in str(error) and "missing-port-zero" not in caplog.text
    assert hook.posts == []


def test_a_private_webhook_host_is_refused_at_send_time_without_allow(tmp_path: Path, webhook: tuple) -> None:
    hook, url = webhook
    guarded = Channel("hook", "webhook", url=url)
    [(_n, _c, ok, error)] = deliver(None, [notice()], AlertConfig((guarded,), attempts=1))
    assert not ok and "private address refused" in str(error) and hook.posts == []


def test_alerts_config_errors_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "alerts.yaml"
    cases = {
        "channels: [{name: x, kind: pager}]":
            "alerts.yaml: channel 'x': bad kind 'pager'; allowed: log, webhook, email",
        "channels: [{name: x, kind: webhook}]": "give exactly one of url and url_env",
        "channels: [{name: x, kind: webhook, url: 'http://127.0.0.1:9/h'}]": "private address refused",
        "channels: [{name: x, kind: webhook, url: 'https://h.example.org', token_env: 'a b'}]":
            "bad token_env 'a b'; expected the NAME of an environment variable",
        "channels: [{name: m, kind: email, host: smtp.example.org, sender: a@b.org, recipients: [nope]}]":
            "bad recipients ['nope']",
        "channels: [{name: m, kind: email, host: smtp.example.org, sender: a@b.org, recipients: [c@d.org], "
        "password: x}]": "bad key 'password'",
        "retry: {attempts: 0}\nchannels: [{name: l, kind: log}]": "bad attempts 0",
        "channels: [{name: m, kind: email, host: smtp.example.org, tls: none, username: u, password_env: P, "
        "sender: a@b.org, recipients: [c@d.org]}]": "bad tls 'none'; a password is never sent unencrypted",
    }
    for text, expected in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RegintelError) as caught:
            load_config(path)
        message = str(caught.value)
        assert expected in message and "\n" not in message, message


def test_a_webhook_redirect_is_not_followed(tmp_path: Path) -> None:
    """A public hook answering 302 to a private address must not make us post there."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    hits: list[str] = []

    class Redirect(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_POST(self) -> None:
            hits.append(self.path)
            self.send_response(302)
            self.send_header("Location", "/internal")
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        channel = Channel("hook", "webhook", url=url, allow_private=True)
        [(_n, _c, ok, error)] = deliver(None, [notice()], AlertConfig((channel,), attempts=1))
    finally:
        server.shutdown()
        server.server_close()
    assert not ok and "302" in str(error) and hits == ["/hook"]

"""Alert delivery: turn verdicts into alert records and notices, and tell every channel.

A notice is sent when an alert opens, when it resolves, and for `regintel alerts test`. Each
channel gets `attempts` tries, `backoff_s * 2**n` seconds apart; the outcome is recorded in
the warehouse; nothing here raises, so a dead mail server never stops the scheduler. Error
texts are stripped of every secret the channel read from the environment before they are
logged or stored.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import ssl
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from regintel.contracts import RegintelError
from regintel.operations.channels import AlertConfig, Channel, guard_host
from regintel.operations.monitors import SEVERITY, Verdict

logger = logging.getLogger("regintel.alerts")


@dataclass(frozen=True, slots=True)
class Notice:
    """What an alert event tells the channels. (A watchlist digest has the same methods.)"""

    event: str  # opened, resolved, test
    alert: object  # warehouse.Alert

    @property
    def key(self) -> str:
        return self.alert.alert_id

    @property
    def urgent(self) -> bool:
        return self.event == "opened" and self.alert.severity == "critical"

    def subject(self) -> str:
        a = self.alert
        if self.event == "resolved":
            return f"[regintel] RESOLVED {a.rule} on {a.source_id}"
        return f"[regintel] {a.severity.upper()} {a.rule} on {a.source_id}"

    def text(self) -> str:
        a = self.alert
        seen = a.first_seen.strftime("%Y-%m-%d %H:%M UTC")
        if self.event == "resolved":
            return f"{self.subject()}: healthy again (open since {seen}, {a.occurrences} failing run(s))"
        run = f" (run {a.run_id})" if a.run_id else ""
        return f"{self.subject()}: {a.message}{run}"

    def payload(self) -> dict[str, object]:
        a = self.alert
        fields = ("alert_id", "source_id", "rule", "severity", "run_id", "message", "first_seen", "last_seen",
                  "occurrences", "resolved_at")
        alert = {k: (v.isoformat() if isinstance(v, datetime) else v) for k in fields
                 for v in [getattr(a, k, None)]}
        return {"text": self.text(), "event": self.event, "alert": alert}


def alert_notices(db: Path, source_id: str, run_id: str | None, verdicts: Sequence[Verdict]) -> list[Notice]:
    """Record the verdicts as alerts (opened, updated or resolved); the notices to send."""
    import warehouse

    notices = []
    for verdict in verdicts:
        if verdict.broken:
            alert, new = warehouse.raise_alert(db, source_id, verdict.rule, SEVERITY[verdict.rule], run_id,
                                               verdict.message)
            if new:
                notices.append(Notice("opened", alert))
    healthy = [v.rule for v in verdicts if not v.broken]
    notices += [Notice("resolved", a) for a in warehouse.resolve_alerts(db, source_id, healthy)]
    return notices


def _secret(name: str | None, channel: Channel) -> str | None:
    if name is None:
        return None
    value = os.environ.get(name)
    if not value:
        raise RegintelError(f"environment variable {name} named by channel {channel.name!r} is not set")
    return value


def _webhook(channel: Channel, notice: Notice) -> list[str]:
    url = _secret(channel.url_env, channel) if channel.url_env else channel.url
    assert url is not None
    secrets = [url] if channel.url_env else []
    host = urlsplit(url).hostname or ""
    if urlsplit(url).scheme not in ("http", "https") or not host:
        raise RegintelError(f"channel {channel.name!r}: the URL in {channel.url_env} is not an http(s) URL")
    guard_host(channel, host)
    headers = {"Content-Type": "application/json", "User-Agent": "regintel-alerts"}
    token = _secret(channel.token_env, channel)
    if token:
        headers["Authorization"] = f"Bearer {token}"
        secrets.append(token)
    body = json.dumps(notice.payload()).encode()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _NO_REDIRECTS.open(request, timeout=channel.timeout_s) as response:
            response.read()
    except Exception as exc:
        raise _Redacted(exc, secrets) from None
    return secrets


class _Refuse(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: a public webhook must not bounce us to a private address."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_NO_REDIRECTS = urllib.request.build_opener(_Refuse)


def _email(channel: Channel, notice: Notice) -> None:
    assert channel.host is not None and channel.sender is not None
    guard_host(channel, channel.host)
    password = _secret(channel.password_env, channel)
    message = EmailMessage()
    message["Subject"] = notice.subject()
    message["From"] = channel.sender
    message["To"] = ", ".join(channel.recipients)
    details = {k: v for k, v in notice.payload().items() if k != "text"}
    message.set_content(notice.text() + "\n\n" + json.dumps(details, indent=2, default=str) + "\n")
    context = ssl.create_default_context()
    try:
        if channel.tls == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(channel.host, channel.port, timeout=channel.timeout_s,
                                                    context=context)
        else:
            client = smtplib.SMTP(channel.host, channel.port, timeout=channel.timeout_s)
        with client:
            if channel.tls == "starttls":
                client.starttls(context=context)
            if channel.username and password:
                client.login(channel.username, password)
            client.send_message(message)
    except Exception as exc:
        raise _Redacted(exc, [password] if password else []) from None


class _Redacted(Exception):
    """A delivery error whose text had every secret replaced by `***`."""

    def __init__(self, exc: Exception, secrets: list[str]) -> None:
        text = f"{type(exc).__name__}: {exc}"
        for secret in secrets:
            text = text.replace(secret, "***")
        super().__init__(" ".join(text.split()))


def send(channel: Channel, notice: Notice) -> None:
    """One attempt to tell one channel; raises with a redacted one-line message on failure."""
    if channel.kind == "log":
        (logger.error if notice.urgent else logger.warning)("%s", notice.text())
    elif channel.kind == "webhook":
        _webhook(channel, notice)
    else:
        _email(channel, notice)


def deliver(db: Path | None, notices: Sequence[Notice | Any], config: AlertConfig,
            *, sleep: Callable[[float], None] = time.sleep) -> list[tuple[Notice, str, bool, str | None]]:
    """Send each notice to each channel with retries; record each outcome; never raises."""
    import warehouse

    outcomes = []
    for notice in notices:
        for channel in config.channels:
            error: str | None = None
            attempts = 0
            for attempts in range(1, config.attempts + 1):
                try:
                    send(channel, notice)
                    error = None
                    break
                except Exception as exc:  # a channel's failure must never stop the others
                    error = " ".join(str(exc).split()) or type(exc).__name__
                    logger.warning("alert delivery to %s failed (attempt %d of %d): %s",
                                   channel.name, attempts, config.attempts, error)
                    if attempts < config.attempts:
                        sleep(config.backoff_s * 2 ** (attempts - 1))
            outcomes.append((notice, channel.name, error is None, error))
            if db is None:
                continue
            try:
                outcome = warehouse.Delivery(notice.key, notice.event, channel.name, attempts, error is None,
                                             error, datetime.now(UTC))
                warehouse.record_delivery(db, outcome)
            except Exception as exc:  # the warehouse busy or gone: the log still has it
                logger.warning("could not record the delivery to %s: %s", channel.name, exc)
    return outcomes

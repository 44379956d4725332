"""Alert channels: a small YAML file (`REGINTEL_ALERTS`) validated into typed channels.

    retry: {attempts: 3, backoff_s: 2}        # a failed delivery is retried, 2 s, 4 s apart
    channels:
      - {name: log, kind: log}
      - name: ops-hook                         # JSON POST with a Slack-compatible "text"
        kind: webhook
        url_env: OPS_HOOK_URL                  # or url: https://...; the URL may itself be a secret
        token_env: OPS_HOOK_TOKEN              # optional: "Authorization: Bearer <token>"
      - name: ops-mail
        kind: email
        host: smtp.example.org
        port: 587
        tls: starttls                          # starttls (default), ssl or none
        username: alerts@example.org
        password_env: SMTP_PASSWORD
        sender: alerts@example.org
        recipients: [ops@example.org]

Secrets are never in the file: it names environment variables, read when sending. Webhook
and SMTP hosts must be public addresses (the crawlers' private-address guard) unless the
channel says `allow_private: true` (a local relay). Errors are one line naming the channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from regintel.contracts import RegintelError

KINDS = ("log", "webhook", "email")
TLS_MODES = ("starttls", "ssl", "none")
_ENV = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_KEYS = {
    "log": {"name", "kind"},
    "webhook": {"name", "kind", "url", "url_env", "token_env", "timeout_s", "allow_private"},
    "email": {"name", "kind", "host", "port", "tls", "username", "password_env", "sender", "recipients",
              "timeout_s", "allow_private"},
}


@dataclass(frozen=True, slots=True)
class Channel:
    name: str
    kind: str
    url: str | None = None
    url_env: str | None = None
    token_env: str | None = None
    host: str | None = None
    port: int = 587
    tls: str = "starttls"
    username: str | None = None
    password_env: str | None = None
    sender: str | None = None
    recipients: tuple[str, ...] = ()
    timeout_s: float = 10.0
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class AlertConfig:
    channels: tuple[Channel, ...]
    attempts: int = 3
    backoff_s: float = 2.0


LOG_ONLY = AlertConfig(channels=(Channel("log", "log"),))


class _Where:
    def __init__(self, file: str, place: str) -> None:
        self.where = f"{file}: {place}"

    def fail(self, field: str, value: object, allowed: str) -> RegintelError:
        return RegintelError(f"{self.where}: bad {field} {value!r}; {allowed}")


def _channel(file: str, index: int, raw: object, seen: set[str]) -> Channel:
    if not isinstance(raw, dict):
        raise RegintelError(f"{file}: channels[{index}]: expected a mapping with name and kind")
    name = raw.get("name")
    check = _Where(file, f"channel {name!r}" if isinstance(name, str) else f"channels[{index}]")
    if not isinstance(name, str) or not name or name in seen:
        raise check.fail("name", name, "expected a non-empty name, unique in the file")
    seen.add(name)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise check.fail("kind", kind, f"allowed: {', '.join(KINDS)}")
    unknown = sorted(set(raw) - _KEYS[kind])
    if unknown:
        raise check.fail("key", unknown[0], f"allowed for {kind}: {', '.join(sorted(_KEYS[kind]))}")
    for key in ("url_env", "token_env", "password_env"):
        if raw.get(key) is not None and not (isinstance(raw[key], str) and _ENV.match(raw[key])):
            raise check.fail(key, raw[key], "expected the NAME of an environment variable")
    timeout = raw.get("timeout_s", 10.0)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 300:
        raise check.fail("timeout_s", timeout, "expected seconds, more than 0 and at most 300")
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise check.fail("allow_private", allow_private, "expected true or false")
    common = {"name": name, "kind": kind, "timeout_s": float(timeout), "allow_private": allow_private}
    if kind == "log":
        return Channel(name, kind)
    if kind == "webhook":
        url = raw.get("url")
        if (url is None) == (raw.get("url_env") is None):
            raise check.fail("url", url, "give exactly one of url and url_env")
        if url is not None:
            parts = urlsplit(url) if isinstance(url, str) else None
            if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
                raise check.fail("url", url, "expected an absolute http(s) URL")
            _guard(check, parts.hostname, allow_private)
        return Channel(**common, url=url, url_env=raw.get("url_env"), token_env=raw.get("token_env"))
    host = raw.get("host")
    if not isinstance(host, str) or not host or "/" in host:
        raise check.fail("host", host, "expected an SMTP server host name")
    _guard(check, host, allow_private)
    port = raw.get("port", 465 if raw.get("tls") == "ssl" else 587)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise check.fail("port", port, "expected a TCP port number")
    tls = raw.get("tls", "starttls")
    if tls not in TLS_MODES:
        raise check.fail("tls", tls, f"allowed: {', '.join(TLS_MODES)}")
    if (raw.get("username") is None) != (raw.get("password_env") is None):
        raise check.fail("username", raw.get("username"), "give username and password_env together")
    if raw.get("username") is not None and tls == "none":
        raise check.fail("tls", tls, "a password is never sent unencrypted: use starttls or ssl")
    sender = raw.get("sender")
    if not isinstance(sender, str) or not _EMAIL.match(sender):
        raise check.fail("sender", sender, "expected an email address")
    recipients = raw.get("recipients")
    if not isinstance(recipients, list) or not recipients or not all(
        isinstance(r, str) and _EMAIL.match(r) for r in recipients
    ):
        raise check.fail("recipients", recipients, "expected a list of email addresses")
    return Channel(**common, host=host, port=port, tls=tls, username=raw.get("username"),
                   password_env=raw.get("password_env"), sender=sender, recipients=tuple(recipients))


def _guard(check: _Where, host: str, allow_private: bool) -> None:
    """Refuse a private or loopback host unless the channel allows it (a local relay)."""
    if allow_private:
        return
    from crawlers.middlewares.guard import private_reason

    reason = private_reason(host)
    if reason:
        raise check.fail("host", host, f"private address refused ({reason}); set allow_private: true "
                                       "for a local relay")


def guard_host(channel: Channel, host: str) -> None:
    """The same check at send time (a name may resolve elsewhere by then)."""
    _guard(_Where("alerts", f"channel {channel.name!r}"), host, channel.allow_private)


def parse_config(data: object, file: str) -> AlertConfig:
    if not isinstance(data, dict) or set(data) - {"channels", "retry"}:
        raise RegintelError(f"{file}: expected a mapping with 'channels' (and optionally 'retry')")
    raw_channels = data.get("channels")
    if not isinstance(raw_channels, list) or not raw_channels:
        raise RegintelError(f"{file}: channels: expected a non-empty list of channels")
    seen: set[str] = set()
    channels = tuple(_channel(file, i, raw, seen) for i, raw in enumerate(raw_channels))
    retry = data.get("retry") or {}
    if not isinstance(retry, dict) or set(retry) - {"attempts", "backoff_s"}:
        raise RegintelError(f"{file}: retry: expected a mapping with attempts and backoff_s")
    attempts, backoff = retry.get("attempts", 3), retry.get("backoff_s", 2.0)
    if isinstance(attempts, bool) or not isinstance(attempts, int) or not 1 <= attempts <= 10:
        raise RegintelError(f"{file}: retry: bad attempts {attempts!r}; expected an integer from 1 to 10")
    if isinstance(backoff, bool) or not isinstance(backoff, int | float) or not 0 <= backoff <= 600:
        raise RegintelError(f"{file}: retry: bad backoff_s {backoff!r}; expected seconds from 0 to 600")
    return AlertConfig(channels, attempts, float(backoff))


def load_config(path: Path | None) -> AlertConfig:
    """The channels of an alerts YAML file; no file: the log only."""
    if path is None:
        return LOG_ONLY
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegintelError(f"alerts file not found: {path}; give an existing YAML file") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise RegintelError(
            f"{path.name}: not valid YAML (line {line and line + 1}); fix the syntax"
        ) from None
    return parse_config(data, path.name)

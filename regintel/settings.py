"""Every `REGINTEL_*` setting, declared once: name, type, default and help.

A setting is read when it is used, never at import time: from the process environment
(`REGINTEL_DB=team.duckdb regintel search ...`), or inside a crawl from Scrapy's settings,
which start from these declarations (`crawlers/settings.py`) and take per-run overrides.
Nothing else in the project spells a `REGINTEL_` name; `docs/settings.md` is generated from
this module (`python -m regintel.settings`) and a test fails when it is out of date.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from regintel import __version__

Scope = Literal["everywhere", "crawl"]
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word not in _TRUE | _FALSE:
        raise ValueError(f"expected one of {', '.join(sorted(_TRUE | _FALSE - {''}))}")
    return word in _TRUE


def _mapping(raw: str) -> dict[str, str]:
    value = json.loads(raw)
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value


def _optional_path(raw: str) -> Path | None:
    return Path(raw) if raw else None


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: `get()` reads it from a mapping (Scrapy settings) or the environment."""

    name: str
    default: Any
    parse: Callable[[str], Any]
    help: str
    scope: Scope = "everywhere"

    def get(self, values: Mapping[str, Any] | None = None) -> Any:
        """The value in `values` (Scrapy settings) if set there, else in the environment, else the default.

        Strings (environment, `scrapy crawl -s`) are parsed to the declared type; a bad one is a
        one-line RegintelError naming the setting."""
        raw = values.get(self.name) if values is not None else None
        if raw is None:
            raw = os.environ.get(self.name)
        if raw is None:
            return self.default
        if not isinstance(raw, str):
            return raw
        try:
            return self.parse(raw)
        except ValueError as exc:
            from regintel.contracts import RegintelError

            raise RegintelError(f"bad {self.name}={raw!r}: {exc}") from None


DB = Setting("REGINTEL_DB", Path("regintel.duckdb"), Path, "The warehouse: a DuckDB file.")
SOURCES = Setting(
    "REGINTEL_SOURCES", None, _optional_path, "Sources YAML; unset: the packaged `crawlers/sources.yaml`."
)
LOCK_TIMEOUT_S = Setting(
    "REGINTEL_LOCK_TIMEOUT_S", 60.0, float, "Seconds to wait for a locked warehouse before giving up."
)
CONTACT_URL = Setting(
    "REGINTEL_CONTACT_URL", "https://github.com/regintel/regintel", str,
    "http(s) or mailto URL put in the User-Agent, so site owners can reach us.", "crawl",
)
VERSION = Setting("REGINTEL_VERSION", __version__, str, "Version named in the User-Agent.", "crawl")
ALLOW_PRIVATE = Setting(
    "REGINTEL_ALLOW_PRIVATE", False, _bool,
    "Allow private and loopback addresses (also a per-source politeness override).", "crawl",
)
REWRITE = Setting(
    "REGINTEL_REWRITE", {}, _mapping,
    'Real origin -> local mirror prefix (JSON), e.g. `{"https://www.gov.kz": "http://127.0.0.1:8000/www.gov.kz"}`.',
    "crawl",
)
DB_READY = Setting(
    "REGINTEL_DB_READY", False, _bool,
    "The runner already created the warehouse and registered the sources (`scrapy crawl` alone did not).",
    "crawl",
)
FLUSH_ITEMS = Setting(
    "REGINTEL_FLUSH_ITEMS", 500, int, "Store pipeline: write to the warehouse every N records ...", "crawl"
)
FLUSH_SECONDS = Setting(
    "REGINTEL_FLUSH_SECONDS", 5.0, float, "... or every this many seconds, whichever comes first.", "crawl"
)
MIN_TEXT_CHARS = Setting(
    "REGINTEL_MIN_TEXT_CHARS", 200, int, "A page whose main text is shorter is recorded as `no_article`.",
    "crawl",
)
PARSE_PROCESSES = Setting(
    "REGINTEL_PARSE_PROCESSES", 1, int, "Article parser worker processes; 0 parses on the reactor thread.",
    "crawl",
)
PARSE_NICE = Setting(
    "REGINTEL_PARSE_NICE", 19, int, "CPU priority lowered this much for the parser: fetching comes first.",
    "crawl",
)
BACKOFF_BASE = Setting(
    "REGINTEL_BACKOFF_BASE", 2.0, float,
    "Retry backoff: base * 2**(attempt-1) seconds, unless the site sends Retry-After.", "crawl",
)
BACKOFF_MAX = Setting("REGINTEL_BACKOFF_MAX", 60.0, float, "Longest retry backoff, seconds.", "crawl")
CHALLENGE_MAX_BYTES = Setting(
    "REGINTEL_CHALLENGE_MAX_BYTES", 200_000, int,
    "Pages up to this size are checked for challenge interstitials (captchas); larger ones are not.",
    "crawl",
)

SCHEDULER_MAX_RUNS = Setting(
    "REGINTEL_SCHEDULER_MAX_RUNS", 2, int, "Scheduler: most source runs (crawl + process) at the same time."
)
SCHEDULER_JITTER_S = Setting(
    "REGINTEL_SCHEDULER_JITTER_S", 300.0, float,
    "Scheduler: longest stable per-source delay after each cron fire (at most a tenth of the interval).",
)
SCHEDULER_BEAT_S = Setting(
    "REGINTEL_SCHEDULER_BEAT_S", 30.0, float,
    "Scheduler: heartbeat interval, seconds; it also rereads schedule overrides this often.",
)
SCHEDULER_STOP_S = Setting(
    "REGINTEL_SCHEDULER_STOP_S", 60.0, float,
    "Scheduler: on SIGTERM/SIGINT, seconds running crawls get to close cleanly before they are killed.",
)
ALERTS = Setting(
    "REGINTEL_ALERTS", None, _optional_path,
    "Alert channels YAML (log, webhook, email); unset: alerts go to the log only.",
)

SETTINGS: tuple[Setting, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Setting))


def crawl_defaults() -> dict[str, Any]:
    """Scrapy's starting values for the crawl settings: the environment's, else the defaults."""
    return {s.name: s.get() for s in SETTINGS}


def markdown() -> str:
    """The settings table of `docs/settings.md`."""
    lines = [
        "| setting | default | where | what |",
        "|---|---|---|---|",
    ]
    where = {"everywhere": "environment", "crawl": "environment, Scrapy setting"}
    for s in SETTINGS:
        default = "unset" if s.default is None else json.dumps(s.default, default=str)
        lines.append(f"| `{s.name}` | `{default}` | {where[s.scope]} | {s.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")

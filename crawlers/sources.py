"""Sources are data: load `sources.yaml` (or a user file) into validated `Source` records.

Every problem is reported as one `RegintelError` line naming the file, the source id and the
field, so a broken config is fixed without reading code (zavod-style YAML, Fundus-style
declarative publishers).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from croniter import croniter
from parsel.csstranslator import HTMLTranslator

from regintel.contracts import EntryPoint, RegintelError, Source
from regintel.settings import ALLOW_PRIVATE

DEFAULT_PATH = Path(__file__).with_name("sources.yaml")

ENTRY_KINDS = ("feed", "sitemap", "listing")
PUBLISHER_KINDS = ("official", "news")
# Scrapy/Regintel settings a source may override; anything else is a config error.
POLITENESS_KEYS = (
    "DOWNLOAD_DELAY",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_START_DELAY",
    "AUTOTHROTTLE_MAX_DELAY",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "DOWNLOAD_TIMEOUT",
    "DOWNLOAD_MAXSIZE",
    "RETRY_TIMES",
    ALLOW_PRIVATE.name,
)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
_LANG = re.compile(r"^[a-z]{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_FIELDS = {f.name for f in fields(Source)}
_ENTRY_FIELDS = {f.name for f in fields(EntryPoint)}
_CSS = HTMLTranslator()


class _Checker:
    """Collects the context (file, source id) every error line must name."""

    def __init__(self, path: Path, sid: str) -> None:
        self.where = f"{path.name}: source '{sid}'"

    def fail(self, field: str, value: object, allowed: str) -> RegintelError:
        return RegintelError(f"{self.where}: bad {field} {value!r}; {allowed}")

    def url(self, field: str, value: object) -> str:
        if (
            not isinstance(value, str)
            or urlsplit(value).scheme not in ("http", "https")
            or not urlsplit(value).hostname
        ):
            raise self.fail(field, value, "expected an absolute http(s) URL")
        return value

    def css(self, field: str, value: object) -> str | None:
        if value is None:
            return None
        try:
            _CSS.css_to_xpath(str(value))
        except Exception as exc:  # cssselect raises several parse error types
            raise self.fail(field, value, f"expected a CSS selector ({exc})") from None
        return str(value)

    def regexes(self, field: str, value: object) -> tuple[str, ...]:
        items = self.strings(field, value)
        for item in items:
            try:
                re.compile(item)
            except re.error as exc:
                raise self.fail(field, item, f"expected a regular expression ({exc})") from None
        return items

    def strings(self, field: str, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise self.fail(field, value, "expected a list of strings")
        if not all(isinstance(v, str) and v for v in value):
            raise self.fail(field, value, "expected a list of non-empty strings")
        return tuple(value)

    def integer(self, field: str, value: object, minimum: int, optional: bool = False) -> int | None:
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(field, value, f"expected an integer >= {minimum}")
        return value


def _entry(check: _Checker, index: int, raw: object) -> EntryPoint:
    field = f"entry_points[{index}]"
    if not isinstance(raw, dict):
        raise check.fail(field, raw, "expected a mapping with kind and url")
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise check.fail(f"{field} key", sorted(unknown)[0], f"allowed: {', '.join(sorted(_ENTRY_FIELDS))}")
    kind = raw.get("kind")
    if kind not in ENTRY_KINDS:
        raise check.fail(f"{field}.kind", kind, f"allowed: {', '.join(ENTRY_KINDS)}")
    link = check.css(f"{field}.link_selector", raw.get("link_selector"))
    if kind == "listing" and not link:
        raise check.fail(f"{field}.link_selector", None, "a listing needs a CSS selector for article links")
    return EntryPoint(
        kind=kind,
        url=check.url(f"{field}.url", raw.get("url")),
        link_selector=link,
        next_selector=check.css(f"{field}.next_selector", raw.get("next_selector")),
        date_selector=check.css(f"{field}.date_selector", raw.get("date_selector")),
    )


def host_allowed(host: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    """The host is one of `domains` or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains)


def parse_source(raw: object, path: Path, index: int) -> Source:
    """One YAML mapping -> a validated Source (errors name the file, id and field)."""
    if not isinstance(raw, dict):
        raise RegintelError(f"{path.name}: entry #{index} is {type(raw).__name__}; expected a mapping")
    sid = raw.get("id")
    if not isinstance(sid, str) or not _ID.match(sid):
        raise RegintelError(
            f"{path.name}: entry #{index}: bad id {sid!r}; expected lowercase letters, digits, underscore"
        )
    check = _Checker(path, sid)
    unknown = set(raw) - _FIELDS
    if unknown:
        raise check.fail("key", sorted(unknown)[0], f"allowed: {', '.join(sorted(_FIELDS))}")
    for required in ("name", "publisher_kind", "country", "languages", "entry_points", "allowed_domains"):
        if raw.get(required) in (None, "", []):
            raise check.fail(required, raw.get(required), "this field is required")
    if raw["publisher_kind"] not in PUBLISHER_KINDS:
        raise check.fail("publisher_kind", raw["publisher_kind"], f"allowed: {', '.join(PUBLISHER_KINDS)}")
    if not isinstance(raw["country"], str) or not _COUNTRY.match(raw["country"]):
        raise check.fail("country", raw["country"], "expected an ISO 3166 alpha-2 code like KZ")
    languages = check.strings("languages", raw["languages"])
    bad_lang = [lang for lang in languages if not _LANG.match(lang)]
    if bad_lang:
        raise check.fail("languages", bad_lang[0], "expected ISO 639-1 codes like en, ru, kk")
    if not isinstance(raw["entry_points"], list):
        raise check.fail("entry_points", raw["entry_points"], "expected a list")
    entries = tuple(_entry(check, i, e) for i, e in enumerate(raw["entry_points"]))
    domains = check.strings("allowed_domains", raw["allowed_domains"])
    for entry in entries:
        host = urlsplit(entry.url).hostname or ""
        if not host_allowed(host, domains):
            raise check.fail("allowed_domains", list(domains), f"must cover the entry point host {host}")
    schedule = raw.get("schedule", "0 */6 * * *")
    if not isinstance(schedule, str) or not croniter.is_valid(schedule):
        raise check.fail("schedule", schedule, "expected a 5-field cron expression like '0 */6 * * *'")
    politeness = raw.get("politeness") or {}
    if not isinstance(politeness, dict):
        raise check.fail("politeness", politeness, "expected a mapping of Scrapy settings")
    for key in politeness:
        if key not in POLITENESS_KEYS:
            raise check.fail("politeness key", key, f"allowed: {', '.join(POLITENESS_KEYS)}")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise check.fail("enabled", enabled, "expected true or false")
    return Source(
        id=sid,
        name=str(raw["name"]),
        publisher_kind=raw["publisher_kind"],
        country=raw["country"],
        languages=languages,
        entry_points=entries,
        allowed_domains=domains,
        include=check.regexes("include", raw.get("include")),
        exclude=check.regexes("exclude", raw.get("exclude")),
        date_formats=check.strings("date_formats", raw.get("date_formats")),
        schedule=schedule,
        politeness=dict(politeness),
        min_items=check.integer("min_items", raw.get("min_items", 1), 0) or 0,
        max_age_days=check.integer("max_age_days", raw.get("max_age_days"), 1, optional=True),
        max_depth=check.integer("max_depth", raw.get("max_depth", 5), 0) or 0,
        article_selector=check.css("article_selector", raw.get("article_selector")),
        enabled=enabled,
    )


def load_sources(path: Path | str | None = None) -> list[Source]:
    """Read and validate a sources file (YAML or JSON); default: the packaged `sources.yaml`."""
    file = Path(path) if path is not None else DEFAULT_PATH
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegintelError(f"sources file not found: {file}; give an existing YAML file") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise RegintelError(
            f"{file.name}: not valid YAML (line {line and line + 1}); fix the syntax"
        ) from None
    items = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise RegintelError(f"{file.name}: expected a list of sources (or a 'sources:' key with a list)")
    sources = [parse_source(raw, file, i) for i, raw in enumerate(items)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise RegintelError(f"{file.name}: duplicate source id {source.id!r}; ids must be unique")
        seen.add(source.id)
    return sources


def find_source(sources: list[Source], source_id: str) -> Source:
    """The source with this id, or a RegintelError listing the known ids."""
    for source in sources:
        if source.id == source_id:
            return source
    known = ", ".join(s.id for s in sources)
    raise RegintelError(f"unknown source {source_id!r}; known: {known}")


def source_to_dict(source: Source) -> dict[str, Any]:
    """A Source as plain YAML/JSON data (the inverse of `parse_source`)."""
    return json.loads(json.dumps(asdict(source)))


def dump_sources(sources: list[Source], path: Path) -> None:
    """Write sources in the file format `load_sources` reads."""
    data = {"sources": [source_to_dict(s) for s in sources]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

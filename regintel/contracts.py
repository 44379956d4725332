"""Typed records that flow between Regintel's stages, and their Arrow schemas.

sources -> crawl -> Page -> Document -> extract -> Fact / AgencyMention -> warehouse.

Every stage imports these records and nothing of another stage's internals, so a
stage can be rewritten without touching its neighbours. The Arrow schemas are what
the warehouse loads in bulk; `to_arrow` turns a list of records into a table.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pyarrow as pa

EntryKind = Literal["feed", "sitemap", "listing"]
PublisherKind = Literal["official", "news"]
FactKind = Literal["money", "count", "duration", "percent", "person", "period"]
Action = Literal[
    "seizure",
    "freeze",
    "fine",
    "shutdown",
    "dissolution",
    "detection",
    "recovery",
    "arrest",
    "threshold",
    "statistic",
    "other",
]
ACTIONS: tuple[str, ...] = get_args(Action)
# A crawl run is "running" until judged: ok, or why not (see crawlers/runs.py).
RunStatus = Literal["running", "ok", "failed", "blocked", "empty", "interrupted"]
RUN_STATUSES: tuple[str, ...] = get_args(RunStatus)
FACT_KINDS: tuple[str, ...] = get_args(FactKind)


class RegintelError(Exception):
    """An error the user can cause and fix: its message is one precise line for them."""


def make_id(*parts: object) -> str:
    """Stable 16-hex-digit id from raw parts (statement-style: same input, same id)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


# --------------------------------------------------------------------------- sources
@dataclass(frozen=True, slots=True)
class EntryPoint:
    """Where a crawl of a source starts: a feed, a sitemap (index) or a listing page."""

    kind: EntryKind
    url: str
    link_selector: str | None = None  # listing: CSS selector of article links
    next_selector: str | None = None  # listing: CSS selector of the next-page link
    date_selector: str | None = None  # listing: CSS selector of each item's date


@dataclass(frozen=True, slots=True)
class Source:
    """A configured publisher: data, not code (Fundus/zavod style)."""

    id: str
    name: str
    publisher_kind: PublisherKind
    country: str
    languages: tuple[str, ...]
    entry_points: tuple[EntryPoint, ...]
    allowed_domains: tuple[str, ...]
    include: tuple[str, ...] = ()  # regexes an article URL must match (any)
    exclude: tuple[str, ...] = ()  # regexes that reject a URL
    date_formats: tuple[str, ...] = ()
    schedule: str = "0 */6 * * *"  # cron
    politeness: dict[str, Any] = field(default_factory=dict)  # Scrapy setting overrides
    min_items: int = 1  # expected minimum items per run; fewer is a recorded failure
    max_age_days: int | None = None
    max_depth: int = 5
    article_selector: str | None = None  # optional CSS scope for the main text
    enabled: bool = True


# --------------------------------------------------------------------------- crawl
@dataclass(frozen=True, slots=True)
class Page:
    """One raw fetch, kept compressed so documents can be re-extracted without re-crawling."""

    url: str  # canonical URL (courlan/w3lib normalised)
    source_id: str
    run_id: str
    fetched_at: datetime
    status: int
    headers: dict[str, str]
    content_type: str | None
    body_gz: bytes  # gzip-compressed response body
    requested_url: str = ""
    etag: str | None = None
    last_modified: str | None = None
    hint_date: str | None = None  # the feed/listing/sitemap date string, for the article parser
    hint_title: str | None = None
    parsed_at: datetime | None = None  # None: the article is still to be parsed

    @property
    def page_id(self) -> str:
        return make_id(self.url)


@dataclass(frozen=True, slots=True)
class Document:
    """A clean article extracted from a Page."""

    url: str  # canonical URL; the document's identity
    source_id: str
    title: str
    text: str
    lang: str | None
    published: date | None
    published_raw: str | None  # the string the date came from, kept as provenance
    fetched_at: datetime
    content_hash: str  # hash of the normalised text: detects changes
    near_dup_key: str  # simhash-style key: reprints across outlets share it
    content_type: str = "text/html"

    @property
    def doc_id(self) -> str:
        return make_id(self.url)


@dataclass(frozen=True, slots=True)
class CrawlIssue:
    """A URL that did not yield an article, with the reason (never a silent gap)."""

    url: str
    source_id: str
    run_id: str
    reason: str  # short code: http_403, challenge, no_article, too_large, binary, timeout, ...
    detail: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CrawlRun:
    """One crawl of one source: its outcome and the numbers monitors read."""

    run_id: str
    source_id: str
    started_at: datetime
    finished_at: datetime | None
    status: RunStatus
    stats: dict[str, int] = field(default_factory=dict)
    message: str = ""


# --------------------------------------------------------------------------- facts
@dataclass(frozen=True, slots=True)
class AgencyMention:
    """One mention of a public body in a document, linked to its registry entry."""

    agency_id: str  # registry id, or a learned id for bodies recognised by shape
    name: str  # canonical English name
    acronym: str | None
    country: str | None
    kind: str | None  # regulator, ministry, court, central_bank, law_enforcement, ...
    text: str  # surface text
    start: int
    end: int
    learned: bool = False  # True when not in the registry (definition or shape)


@dataclass(slots=True)
class Fact:
    """One extracted fact with its provenance.

    Numeric kinds carry `value` (money in whole units, durations in days); ranges keep
    `value_max`; hedges ("over", "около") go to `qualifier`, never into the value.
    The one record built by the ten thousand on the extraction hot path, so it is not frozen:
    a frozen 26-field dataclass costs ten times as much to construct (a few percent of all
    extraction). Treat it as immutable all the same: derive changed copies with `replace`.
    """

    kind: FactKind
    text: str  # original surface text
    start: int  # character offsets into Document.text, end exclusive
    end: int
    sentence: str
    value: float | None = None
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None  # count: singular English lemma; duration: original unit
    noun_phrase: str | None = None  # count: the counted phrase as written
    currency: str | None = None  # ISO 4217 or token ticker
    usd: float | None = None
    usd_basis: str | None = None  # "identity", "stated", or "rate:<table>:<yyyy-mm-dd>"
    restates: bool = False  # a parenthetical restatement of the previous amount
    action: str | None = None
    agency_id: str | None = None
    agency_name: str | None = None
    agency_acronym: str | None = None
    country: str | None = None
    person: str | None = None
    role: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_text: str | None = None
    confidence: float = 1.0
    extractor_version: str = ""

    def content_key(self) -> tuple[object, ...]:
        """What makes two facts the same statement, independent of wording elsewhere."""
        return (self.kind, self.start, self.end, self.value, self.value_max, self.currency, self.unit)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the NLP stage found in one document."""

    facts: tuple[Fact, ...]
    agencies: tuple[AgencyMention, ...]


# --------------------------------------------------------------------------- arrow
_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int32(),
    float: pa.float64(),
    bool: pa.bool_(),
    bytes: pa.binary(),
    date: pa.date32(),
    datetime: pa.timestamp("us", tz="UTC"),
}


def _arrow_type(hint: object) -> pa.DataType:
    """Arrow type of a field's type hint: Optional[X] is X; Literal is string; dict is a map."""
    args = [a for a in get_args(hint) if a is not type(None)]
    origin = get_origin(hint)
    if origin is Literal:
        return pa.string()
    if origin is dict:
        return pa.map_(_arrow_type(args[0]), _arrow_type(args[1]))
    if args and origin is not tuple:
        return _arrow_type(args[0])
    return _ARROW_TYPES[hint]


def _schema(record: type, ids: tuple[str, ...] = ()) -> pa.Schema:
    """A record's Arrow schema, derived from its fields so the two can never drift apart."""
    hints = get_type_hints(record)
    names = [*ids, *(f.name for f in dataclasses.fields(record))]
    return pa.schema([(name, pa.string() if name in ids else _arrow_type(hints[name])) for name in names])


SCHEMAS: dict[type, pa.Schema] = {
    Page: _schema(Page, ids=("page_id",)),
    Document: _schema(Document, ids=("doc_id",)),
    Fact: _schema(Fact),
    AgencyMention: _schema(AgencyMention),
    CrawlIssue: _schema(CrawlIssue),
}


def _row(record: object, schema: pa.Schema) -> dict[str, Any]:
    out = {}
    for name in schema.names:
        value = getattr(record, name)
        out[name] = list(value.items()) if isinstance(value, dict) else value
    return out


def to_arrow(records: Sequence[object], extra: dict[str, Iterable[object]] | None = None) -> pa.Table:
    """Records of one contract type -> Arrow table in its schema (plus optional extra columns)."""
    if not records:
        raise ValueError("to_arrow needs at least one record to know its type")
    schema = SCHEMAS[type(records[0])]
    table = pa.Table.from_pylist([_row(r, schema) for r in records], schema=schema)
    for name, values in (extra or {}).items():
        table = table.append_column(name, pa.array(list(values)))
    return table


def empty_table(record_type: type) -> pa.Table:
    """An empty Arrow table in a contract's schema (for loads of nothing)."""
    return SCHEMAS[record_type].empty_table()


def replace(record: Any, **changes: Any) -> Any:
    """dataclasses.replace, re-exported so stages need not import dataclasses for it."""
    return dataclasses.replace(record, **changes)

"""The search request and its answer: `Query` (hashable, validated) and `Result`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from regintel.contracts import ACTIONS, FACT_KINDS, RegintelError

SORTS = ("relevance", "date", "usd")
FACET_NAMES = ("kinds", "agencies", "countries", "actions", "currencies", "sources", "langs", "years",
               "amounts", "values", "periods", "corroboration")
MAX_PAGE_SIZE = 1000
MAX_TEXT_CHARS = 10_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _allowed(name: str, values: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    for value in values:
        if value not in allowed:
            raise RegintelError(f"unknown {name} {value!r}; allowed: {', '.join(allowed)}")


@dataclass(frozen=True, slots=True)
class Query:
    """A search: free text, filters, sort, page and the facets to count. Lists become tuples."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # agency id, name or acronym (case-insensitive)
    countries: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    currencies: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    usd_min: float | None = None
    usd_max: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    published_from: date | None = None
    published_to: date | None = None
    period_from: date | None = None
    period_to: date | None = None
    corroborated_only: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = 50
    facets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list | set | frozenset):
                object.__setattr__(self, f.name, tuple(value))
        object.__setattr__(self, "text", self.text or "")
        _allowed("kind", self.kinds, FACT_KINDS)
        _allowed("action", self.actions, ACTIONS)
        _allowed("sort", (self.sort,), SORTS)
        _allowed("facet", self.facets, FACET_NAMES)
        if not isinstance(self.page, int) or self.page < 1:
            raise RegintelError(f"page must be a whole number >= 1, got {self.page!r}")
        if not isinstance(self.page_size, int) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise RegintelError(f"page size must be 1..{MAX_PAGE_SIZE}, got {self.page_size!r}")
        for low, high in (("usd_min", "usd_max"), ("value_min", "value_max"),
                          ("published_from", "published_to"), ("period_from", "period_to")):
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                raise RegintelError(f"{low} ({a}) is after {high} ({b}); give a range that is not empty")


@dataclass(frozen=True, slots=True)
class Result:
    """One page of facts with the total, facet counts and a sentence describing the filters."""

    rows: list[dict[str, Any]]
    total: int
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    truncated: tuple[str, ...] = ()  # facets with more values than the limit
    description: str = ""


def clean_text(text: str) -> str:
    """The searchable part of a query's text: at most MAX_TEXT_CHARS, control characters blanked."""
    return _CONTROL.sub(" ", text[:MAX_TEXT_CHARS]).strip()


def effective_sort(q: Query) -> str:
    """Relevance needs text; without it, newest first."""
    return q.sort if clean_text(q.text) or q.sort != "relevance" else "date"

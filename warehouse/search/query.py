"""The search request and its answer: `Query` (hashable, validated) and `Result`.

`Query`'s filter attributes are those of the filters declared in fields.py, in their order,
followed by the text, the sort, the page and the facets to count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, make_dataclass
from typing import Any

from regintel.contracts import RegintelError
from warehouse.search.fields import FACET_NAMES, FIELDS, GROUPS, SORTS
from warehouse.search.filters import Clause

MAX_PAGE_SIZE = 1000
MAX_TEXT_CHARS = 10_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _allowed(name: str, values: tuple[str, ...], allowed: tuple[str, ...]) -> None:
    for value in values:
        if value not in allowed:
            raise RegintelError(f"unknown {name} {value!r}; allowed: {', '.join(allowed)}")


def _post_init(self: Any) -> None:
    for f in fields(self):
        value = getattr(self, f.name)
        if isinstance(value, list | set | frozenset):
            object.__setattr__(self, f.name, tuple(value))
    object.__setattr__(self, "text", self.text or "")
    for declared in FIELDS:
        declared.check(self.__getattribute__)
    _allowed("sort", (self.sort,), SORTS)
    _allowed("grouping", (self.group,), GROUPS)
    _allowed("facet", self.facets, FACET_NAMES)
    if not isinstance(self.page, int) or self.page < 1:
        raise RegintelError(f"page must be a whole number >= 1, got {self.page!r}")
    if not isinstance(self.page_size, int) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
        raise RegintelError(f"page size must be 1..{MAX_PAGE_SIZE}, got {self.page_size!r}")


Query = make_dataclass(
    "Query",
    [("text", str, field(default="")),
     *((a.name, a.type, field(default=a.default)) for declared in FIELDS for a in declared.attributes()),
     ("sort", str, field(default="relevance")),
     ("group", str, field(default=GROUPS[0])),
     ("page", int, field(default=1)),
     ("page_size", int, field(default=50)),
     ("facets", tuple[str, ...], field(default=()))],
    namespace={"__post_init__": _post_init, "__module__": __name__,
               "__doc__": "A search: free text, the filters of fields.FIELDS, sort, grouping (what a "
                          "row is), page and the facets to count. Lists become tuples."},
    frozen=True, slots=True,
)


@dataclass(frozen=True, slots=True)
class Result:
    """One page of rows with the total, facet counts and a sentence describing the query.

    Under a grouping (Query.group) the total, the rows and the facets count rows, not facts."""

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


def clauses(q: Query) -> list[Clause]:
    """The filter clauses of a query, in declaration order (free text is scored apart, by BM25)."""
    return [clause for declared in FIELDS for clause in declared.clauses(q.__getattribute__)]

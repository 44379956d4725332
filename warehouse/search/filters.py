"""The kinds of search filter: each turns its Query values into clauses, a SQL condition, the same
test on a snapshot (a numpy mask) and a sentence.

The SQL refers to the aliases of columns.py: `f` (facts), and only when a clause says so in
`joins`, `s` (sources) and `c` (fact_clusters); values only ever travel as parameters. `mask`
is the same condition over a search snapshot's columns (snapshot.py): a NULL fails every
comparison in both. Tests run each filter both ways and compare. The filters themselves are
declared in fields.py.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from regintel.contracts import RegintelError

if TYPE_CHECKING:
    from warehouse.search.snapshot import Snapshot

Mask = Callable[["Snapshot"], np.ndarray]
Values = Callable[[str], Any]  # a Query attribute's value by name


@dataclass(frozen=True, slots=True)
class Clause:
    sql: str  # "list_contains($kinds, f.kind)"
    params: dict[str, Any]
    describe: str  # 'kind is money'
    mask: Mask  # the rows of a snapshot that pass
    joins: tuple[str, ...] = ()  # aliases besides `f` the SQL reads: "s", "c"


@dataclass(frozen=True, slots=True)
class Attribute:
    """One attribute of `Query` that a filter adds."""

    name: str
    type: Any
    default: Any


def _listed(values: tuple[str, ...]) -> str:
    return " or ".join(values)


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """Facts whose column is one of the chosen values: a repeatable option, a multiselect."""

    name: str  # the Query attribute ("kinds")
    option: str  # the CLI flag ("--kind")
    what: str  # CLI help: "Only facts with this <what> (repeatable)."
    label: str  # the sidebar's multiselect
    said: str  # how descriptions and errors name it ("kind")
    sql: str  # its SQL over the aliases of columns.py
    column: str  # its snapshot category (columns.CATEGORIES)
    facet: str  # the facet that lists its values (fields.FACETS)
    allowed: tuple[str, ...] = ()  # the only valid values, always offered (empty: any value)
    fold: Callable[[str], str] | None = None  # how values are compared (str.upper for ISO codes)
    joins: tuple[str, ...] = ()

    def attributes(self) -> tuple[Attribute, ...]:
        return (Attribute(self.name, tuple[str, ...], ()),)

    def check(self, value: Values) -> None:
        for chosen in value(self.name):
            if self.allowed and chosen not in self.allowed:
                raise RegintelError(f"unknown {self.said} {chosen!r}; allowed: {', '.join(self.allowed)}")

    def clauses(self, value: Values) -> list[Clause]:
        chosen = value(self.name)
        if not chosen:
            return []
        if self.fold:
            chosen = tuple(self.fold(c) for c in chosen)
        return [Clause(f"list_contains(${self.name}, {self.sql})", {self.name: list(chosen)},
                       f"{self.said} is {_listed(chosen)}", lambda snap: snap.isin(self.column, chosen),
                       self.joins)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Agencies(Choice):
    """Agencies named by id, name or acronym (case-insensitive), resolved through the registry
    table: a semi-join instead of per-row lower()."""

    def clauses(self, value: Values) -> list[Clause]:
        chosen = value(self.name)
        if not chosen:
            return []
        wanted = [a.strip().lower() for a in chosen]
        named = f"IN (SELECT unnest(${self.name}))"
        return [Clause(
            f"f.agency_id IN (SELECT agency_id FROM agencies "
            f"WHERE lower(agency_id) {named} OR lower(acronym) {named} OR lower(name) {named})",
            {self.name: wanted}, f"{self.said} is {_listed(chosen)}",
            lambda snap: snap.isin(self.column, snap.agencies_named(wanted)))]


_BOUNDS = {">=": operator.ge, "<=": operator.le}


@dataclass(frozen=True, slots=True, kw_only=True)
class Bound:
    """One end of a range: `sql op value`, e.g. a minimum (">=") or a maximum ("<=")."""

    name: str  # the Query attribute ("usd_min")
    option: str  # the CLI flag ("--usd-min")
    help: str  # its CLI help
    op: str  # ">=" or "<="
    sql: str
    column: str  # its snapshot number (columns.NUMBERS)
    says: str  # the description before the value ("USD amount >=")

    def clause(self, bound: Any) -> Clause:
        test = _BOUNDS[self.op]
        return Clause(f"{self.sql} {self.op} ${self.name}", {self.name: bound}, f"{self.says} {bound}",
                      lambda snap: test(snap.number(self.column), snap.as_number(bound)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Range:
    """Facts between two optional bounds: two options, one pair of sidebar inputs."""

    key: str  # the sidebar's widget key ("usd": inputs "usd_min" and "usd_max"; a date range: "period")
    label: str  # the sidebar's caption
    type: type  # float or date
    low: Bound
    high: Bound
    facet: str
    hint: str | None = None  # the sidebar's help
    tucked: bool = False  # in the sidebar's "Amounts and periods" expander

    def attributes(self) -> tuple[Attribute, ...]:
        return tuple(Attribute(end.name, self.type | None, None) for end in (self.low, self.high))

    def check(self, value: Values) -> None:
        a, b = value(self.low.name), value(self.high.name)
        if a is not None and b is not None and a > b:
            raise RegintelError(f"{self.low.name} ({a}) is after {self.high.name} ({b}); "
                                "give a range that is not empty")

    def clauses(self, value: Values) -> list[Clause]:
        return [end.clause(value(end.name)) for end in (self.low, self.high) if value(end.name) is not None]

    @property
    def widget_keys(self) -> tuple[str, ...]:
        """The session keys of its sidebar inputs."""
        return (self.key,) if self.type is date else (self.low.name, self.high.name)


@dataclass(frozen=True, slots=True, kw_only=True)
class Flag:
    """Only facts that meet a condition: a CLI flag, a sidebar toggle."""

    name: str  # the Query attribute ("corroborated_only")
    option: str  # the CLI flag ("--corroborated")
    help: str  # its CLI help
    key: str  # the sidebar toggle's key
    label: str  # the sidebar toggle's label
    hint: str  # the sidebar toggle's help
    says: str  # the description
    sql: str
    mask: Mask
    joins: tuple[str, ...] = ()
    facet: str | None = None

    def attributes(self) -> tuple[Attribute, ...]:
        return (Attribute(self.name, bool, False),)

    def check(self, value: Values) -> None:
        del value  # a flag is on or off

    def clauses(self, value: Values) -> list[Clause]:
        return [Clause(self.sql, {}, self.says, self.mask, self.joins)] if value(self.name) else []


Filter = Choice | Range | Flag

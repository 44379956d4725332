"""Search filters: each a parameterised SQL clause, the same test on a snapshot, and a description.

The SQL refers to the aliases of the exported relation (relation.py): `f` (facts), and only
when a clause says so in `joins`, `s` (sources) and `c` (fact_clusters); values only ever travel
as parameters. `mask` is the same condition over a search snapshot's columns (snapshot.py):
a NULL fails every comparison in both. Tests run each filter both ways and compare.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from warehouse.query import Query

if TYPE_CHECKING:
    from warehouse.snapshot import Snapshot

COUNTRY = "coalesce(f.country, s.country)"
AGENCY_LABEL = "coalesce(f.agency_acronym, f.agency_name, f.agency_id)"
Mask = Callable[["Snapshot"], np.ndarray]


@dataclass(frozen=True, slots=True)
class Clause:
    sql: str  # "list_contains($kinds, f.kind)"
    params: dict[str, Any]
    describe: str  # 'kind is money'
    mask: Mask  # the rows of a snapshot that pass
    joins: tuple[str, ...] = ()  # aliases besides `f` the SQL reads: "s", "c"


def _listed(values: tuple[str, ...]) -> str:
    return " or ".join(values)


def _in(name: str, sql: str, column: str, values: tuple[str, ...], label: str,
        joins: tuple[str, ...] = ()) -> Clause:
    return Clause(f"list_contains(${name}, {sql})", {name: list(values)}, f"{label} is {_listed(values)}",
                  lambda snap: snap.isin(column, values), joins)


_BOUNDS = {">=": operator.ge, "<=": operator.le}


def _bound(name: str, sql: str, column: str, op: str, value: Any, label: str) -> Clause:
    """`sql op value`, e.g. a range filter's minimum (">=") or maximum ("<=")."""
    test = _BOUNDS[op]
    return Clause(f"{sql} {op} ${name}", {name: value}, f"{label} {value}",
                  lambda snap: test(snap.number(column), snap.as_number(value)))


def _agencies(values: tuple[str, ...]) -> Clause:
    """Resolved through the registry table: a semi-join instead of per-row lower()."""
    wanted = [a.strip().lower() for a in values]
    return Clause(
        "f.agency_id IN (SELECT agency_id FROM agencies "
        "WHERE lower(agency_id) IN (SELECT unnest($agencies)) "
        "OR lower(acronym) IN (SELECT unnest($agencies)) OR lower(name) IN (SELECT unnest($agencies)))",
        {"agencies": wanted}, f"agency is {_listed(values)}",
        lambda snap: snap.isin("agency_id", snap.agencies_named(wanted)))


def clauses(q: Query) -> list[Clause]:
    """The filter clauses of a query (free text is scored apart, by BM25)."""
    out: list[Clause] = []
    if q.kinds:
        out.append(_in("kinds", "f.kind", "kind", q.kinds, "kind"))
    if q.agencies:
        out.append(_agencies(q.agencies))
    if q.countries:
        out.append(_in("countries", COUNTRY, "country", tuple(c.upper() for c in q.countries), "country",
                       ("s",)))
    if q.actions:
        out.append(_in("actions", "f.action", "action", q.actions, "action"))
    if q.currencies:
        out.append(_in("currencies", "f.currency", "currency", tuple(c.upper() for c in q.currencies),
                       "currency"))
    if q.sources:
        out.append(_in("sources", "f.source_id", "source_id", q.sources, "source"))
    if q.langs:
        out.append(_in("langs", "f.lang", "lang", tuple(c.lower() for c in q.langs), "language"))
    ranges = (  # (parameter, SQL, snapshot column, low, high, what the description says)
        ("usd", "f.usd", "usd", q.usd_min, q.usd_max, ("USD amount >=", "USD amount <=")),
        ("value", "f.value", "value", q.value_min, q.value_max, ("value >=", "value <=")),
        ("published", "f.published", "published", q.published_from, q.published_to,
         ("published on or after", "published on or before")),
        ("period", "coalesce(f.period_end, f.period_start)", "period_last", q.period_from, None,
         ("fact period ends on or after", "")),
        ("period", "coalesce(f.period_start, f.period_end)", "period_first", None, q.period_to,
         ("", "fact period starts on or before")),
    )
    for name, sql, column, low, high, (says_low, says_high) in ranges:
        if low is not None:
            out.append(_bound(f"{name}_min", sql, column, ">=", low, says_low))
        if high is not None:
            out.append(_bound(f"{name}_max", sql, column, "<=", high, says_high))
    if q.corroborated_only:
        out.append(Clause("c.corroboration >= 2", {}, "reported by at least two independent stories",
                          lambda snap: snap.number("corroboration") >= 2, ("c",)))
    return out

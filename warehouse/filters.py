"""Search filters: each a parameterised SQL clause plus a human description (Datasette-style).

Clauses refer to the aliases of the search relation: `f` (facts), and only when they say so
in `joins`, `s` (sources) and `c` (fact_clusters). Values only ever travel as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from warehouse.query import Query

COUNTRY = "coalesce(f.country, s.country)"
AGENCY_LABEL = "coalesce(f.agency_acronym, f.agency_name, f.agency_id)"


@dataclass(frozen=True, slots=True)
class Clause:
    sql: str  # "list_contains($kinds, f.kind)"
    params: dict[str, Any]
    describe: str  # 'kind is money'
    joins: tuple[str, ...] = ()  # aliases besides `f` the clause reads: "s", "c"


def _listed(values: tuple[str, ...]) -> str:
    return " or ".join(values)


def _in(name: str, column: str, values: tuple[str, ...], label: str) -> Clause:
    return Clause(f"list_contains(${name}, {column})", {name: list(values)}, f"{label} is {_listed(values)}")


def _range(name: str, column: str, low: Any, high: Any, label: str) -> list[Clause]:
    out = []
    if low is not None:
        out.append(Clause(f"{column} >= ${name}_min", {f"{name}_min": low}, f"{label} >= {low}"))
    if high is not None:
        out.append(Clause(f"{column} <= ${name}_max", {f"{name}_max": high}, f"{label} <= {high}"))
    return out


def clauses(q: Query) -> list[Clause]:
    """The filter clauses of a query (free text is handled by search.py with the FTS scores)."""
    out: list[Clause] = []
    if q.kinds:
        out.append(_in("kinds", "f.kind", q.kinds, "kind"))
    if q.agencies:  # resolved through the registry table: a semi-join instead of per-row lower()
        wanted = [a.strip().lower() for a in q.agencies]
        out.append(Clause(
            "f.agency_id IN (SELECT agency_id FROM agencies "
            "WHERE lower(agency_id) IN (SELECT unnest($agencies)) "
            "OR lower(acronym) IN (SELECT unnest($agencies)) OR lower(name) IN (SELECT unnest($agencies)))",
            {"agencies": wanted}, f"agency is {_listed(q.agencies)}"))
    if q.countries:
        out.append(replace(_in("countries", COUNTRY, tuple(c.upper() for c in q.countries), "country"),
                           joins=("s",)))
    if q.actions:
        out.append(_in("actions", "f.action", q.actions, "action"))
    if q.currencies:
        out.append(_in("currencies", "f.currency", tuple(c.upper() for c in q.currencies), "currency"))
    if q.sources:
        out.append(_in("sources", "f.source_id", q.sources, "source"))
    if q.langs:
        out.append(_in("langs", "f.lang", tuple(c.lower() for c in q.langs), "language"))
    out += _range("usd", "f.usd", q.usd_min, q.usd_max, "USD amount")
    out += _range("value", "f.value", q.value_min, q.value_max, "value")
    if q.published_from is not None:
        out.append(Clause("f.published >= $published_from", {"published_from": q.published_from},
                          f"published on or after {q.published_from}"))
    if q.published_to is not None:
        out.append(Clause("f.published <= $published_to", {"published_to": q.published_to},
                          f"published on or before {q.published_to}"))
    if q.period_from is not None:
        out.append(Clause("coalesce(f.period_end, f.period_start) >= $period_from",
                          {"period_from": q.period_from}, f"fact period ends on or after {q.period_from}"))
    if q.period_to is not None:
        out.append(Clause("coalesce(f.period_start, f.period_end) <= $period_to",
                          {"period_to": q.period_to}, f"fact period starts on or before {q.period_to}"))
    if q.corroborated_only:
        out.append(Clause("c.corroboration >= 2", {}, "reported by at least two independent stories", ("c",)))
    return out

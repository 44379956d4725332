"""Facet counts over the filtered search relation (Datasette-style).

Each facet groups the same filtered relation by one column, fetches `FACET_SIZE + 1` values
to know whether it is truncated, and runs under `FACET_TIME_LIMIT_MS`: a facet that runs out
of time is interrupted and listed in `timed_out` instead of failing the search.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse.filters import AGENCY_LABEL, COUNTRY

if TYPE_CHECKING:
    from warehouse.search import Prepared

FACET_SIZE = 30
FACET_TIME_LIMIT_MS = 200
FACET_JOINS = {"countries": ("s",)}
FACET_SQL = {
    "kinds": "f.kind",
    "agencies": AGENCY_LABEL,
    "countries": COUNTRY,
    "actions": "f.action",
    "currencies": "f.currency",
    "sources": "f.source_id",
    "langs": "f.lang",
    "years": "year(f.published)",
}


@dataclass(slots=True)
class FacetCounts:
    values: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    truncated: tuple[str, ...] = ()
    timed_out: tuple[str, ...] = ()


def count(con: duckdb.DuckDBPyConnection, prepared: Prepared, names: tuple[str, ...],
          size: int = FACET_SIZE, time_limit_ms: int = FACET_TIME_LIMIT_MS) -> FacetCounts:
    """Value counts of each named facet, most frequent first."""
    out = FacetCounts()
    truncated, timed_out = [], []
    for name in names:
        expr = FACET_SQL[name]
        timer = threading.Timer(time_limit_ms / 1000, con.interrupt)
        timer.start()
        try:
            rows = con.execute(
                f"""SELECT {expr} AS facet_value, count(*) AS n {prepared.relation(FACET_JOINS.get(name, ()))}
                    AND {expr} IS NOT NULL
                    GROUP BY 1 ORDER BY n DESC, 1 LIMIT {size + 1}""", prepared.params).fetchall()
        except duckdb.InterruptException:
            timed_out.append(name)
            continue
        finally:
            timer.cancel()
        if len(rows) > size:
            truncated.append(name)
        out.values[name] = [(value, n) for value, n in rows[:size]]
    out.truncated, out.timed_out = tuple(truncated), tuple(timed_out)
    return out

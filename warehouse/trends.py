"""Trends of a search: the aggregated rows behind the app's charts, for the same Query.

The facts are the search's own SQL relation (search/relation.py, the one export streams), so a
chart counts exactly the facts the Search page lists for the same query and filters. Charts are
faces of these rows; the rows are what a chart's CSV download holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb

from warehouse.schema import reader
from warehouse.search.columns import AGENCY_LABEL, COUNTRY
from warehouse.search.query import Query
from warehouse.search.relation import prepare

GROUPS = {"agency": AGENCY_LABEL, "country": COUNTRY}  # what the amounts over time are split by
NOT_ENFORCEMENT = ("statistic", "threshold", "other")  # actions whose amounts are not a measure taken
ENFORCEMENT = (f"f.kind = 'money' AND f.usd IS NOT NULL AND f.published IS NOT NULL AND NOT f.restates "
               f"AND coalesce(f.action, 'other') NOT IN {NOT_ENFORCEMENT}")
TOP = 8  # groups drawn one by one; the rest are summed as OTHER
OTHER = "other"
NONE = "unknown"


@dataclass(frozen=True, slots=True)
class Trends:
    """The rows of each chart: amounts over time, counts by measure, top agencies, currency mix."""

    by: str  # "agency" | "country"
    amounts: list[dict[str, Any]]  # month, group, usd, facts (enforcement money, restatements left out)
    measures: list[dict[str, Any]]  # action, facts, usd
    agencies: list[dict[str, Any]]  # agency, facts, usd
    currencies: list[dict[str, Any]]  # currency, facts, usd (money facts)
    empty: bool  # the query's text has no searchable word


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def trends(db: Path, query: Query, by: str = "agency") -> Trends:
    """Aggregate the facts matching `query` (paging, sort and facets do not apply)."""
    if by not in GROUPS:
        raise ValueError(f"unknown trend grouping {by!r}; allowed: {', '.join(GROUPS)}")
    with reader(db) as con:
        prepared = prepare(con, query)
        p = replace(prepared, joins=(*prepared.joins, "s"))  # the country reads the source's
        where = f"{p.relation()}{' AND false' if p.empty else ''}"
        amounts = _dicts(con.execute(f"""
            WITH m AS (SELECT date_trunc('month', f.published)::DATE AS month,
                              coalesce({GROUPS[by]}, '{NONE}') AS grp, f.usd
                       {where} AND {ENFORCEMENT}),
                 top AS (SELECT grp FROM m GROUP BY grp ORDER BY sum(usd) DESC, grp LIMIT {TOP})
            SELECT month, CASE WHEN grp IN (SELECT grp FROM top) THEN grp ELSE '{OTHER}' END AS "group",
                   sum(usd) AS usd, count(*) AS facts
            FROM m GROUP BY ALL ORDER BY month, "group" """, p.params))
        measures = _dicts(con.execute(f"""
            SELECT coalesce(f.action, '{NONE}') AS action, count(*) AS facts, sum(f.usd) AS usd
            {where} GROUP BY 1 ORDER BY facts DESC, action""", p.params))
        agencies = _dicts(con.execute(f"""
            SELECT {AGENCY_LABEL} AS agency, count(*) AS facts, sum(f.usd) AS usd
            {where} AND f.agency_id IS NOT NULL GROUP BY 1 ORDER BY facts DESC, agency LIMIT {TOP * 2}""",
                                      p.params))
        currencies = _dicts(con.execute(f"""
            SELECT f.currency AS currency, count(*) AS facts, sum(f.usd) AS usd
            {where} AND f.kind = 'money' AND f.currency IS NOT NULL
            GROUP BY 1 ORDER BY facts DESC, currency""", p.params))
    return Trends(by=by, amounts=amounts, measures=measures, agencies=agencies, currencies=currencies,
                  empty=p.empty)

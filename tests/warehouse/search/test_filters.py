"""Every declared filter selects the same facts in SQL (the export relation) as its snapshot mask."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from warehouse import FIELDS, Choice, Flag, Query
from warehouse.schema import reader
from warehouse.search import cache
from warehouse.search.query import clauses
from warehouse.search.relation import prepare
from warehouse.search.search import select

SAMPLES = {float: (100.0, 250.0), date: (date(2025, 1, 2), date(2025, 1, 3))}  # bounds in the corpus


def _queries(db: Path) -> list[Query]:
    """Each filter alone, with values found in the corpus (so a new declaration is tested too)."""
    snap = cache.current(db)
    out = []
    for declared in FIELDS:
        if isinstance(declared, Choice):
            found = [v for v in snap.categories[declared.column].labels if v is not None]
            out.append(Query(**{declared.name: tuple(found[:2])}))
        elif isinstance(declared, Flag):
            out.append(Query(**{declared.name: True}))
        else:
            low, high = SAMPLES[declared.type]
            out += [Query(**{declared.low.name: low}), Query(**{declared.high.name: high}),
                    Query(**{declared.low.name: low, declared.high.name: high})]
    return out


def test_every_filter_selects_the_same_facts_in_sql_and_in_the_snapshot(corpus_db: Path) -> None:
    snap = cache.current(corpus_db)
    for query in _queries(corpus_db):
        with reader(corpus_db) as con:
            p = prepare(con, query)
            rows = con.execute(f"SELECT f.fact_id {p.relation()}", p.params).fetchall()
        in_sql = sorted(fact_id for fact_id, in rows)
        in_snapshot = sorted(snap.rows["fact_id"].take(select(snap, query).facts.nonzero()[0]).to_pylist())
        assert in_sql == in_snapshot, query
        said = clauses(query)
        assert said and all(clause.describe in select(snap, query).described for clause in said)


@pytest.mark.parametrize(("query", "described"), [
    (Query(countries=("kz", "us")), ["country is KZ or US"]),
    (Query(langs=("RU",)), ["language is ru"]),
    (Query(agencies=("AFM",)), ["agency is AFM"]),
    (Query(usd_min=5, published_to=date(2025, 1, 1)),
     ["USD amount >= 5", "published on or before 2025-01-01"]),
    (Query(corroborated_only=True), ["reported by at least two independent stories"]),
])
def test_each_clause_says_what_it_keeps(query: Query, described: list[str]) -> None:
    assert [c.describe for c in clauses(query)] == described


def test_values_only_travel_as_parameters() -> None:
    hostile = "x'); DROP TABLE facts; --"
    (clause,) = clauses(Query(sources=(hostile,)))
    assert hostile not in clause.sql and clause.params == {"sources": [hostile]}

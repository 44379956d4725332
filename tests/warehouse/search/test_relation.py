"""The export relation: its SQL selects and orders what search answers from the snapshot."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

import warehouse
from warehouse import Query
from warehouse.schema import reader
from warehouse.search.columns import ORDER, TIE
from warehouse.search.query import effective_sort
from warehouse.search.relation import prepare

QUERIES = [
    Query(),
    Query(sort="usd"),
    Query(text="crypto bank"),
    Query(text="fined", sort="date"),
    Query(text="seized assets", sort="usd"),
    Query(text="regulator", kinds=("money",), currencies=("kzt",)),
    Query(agencies=("AFM_KZ",), sort="date"),
    Query(countries=("us", "GB"), actions=("fine",)),
    Query(sources=("s1",), langs=("ru",)),
    Query(usd_min=250, usd_max=1000, sort="usd"),
    Query(value_min=100, value_max=250),
    Query(published_from=date(2025, 1, 2), published_to=date(2025, 1, 3), text="court"),
    Query(period_from=date(2024, 6, 1), period_to=date(2024, 6, 30)),
    Query(text="licence fraud", corroborated_only=False, kinds=("count", "percent")),
    Query(text='"seized assets" OR fraud -court'),  # phrase, OR, exclusion
    Query(text="seizure kzt", sort="date"),  # words naming an action and a currency match their facts too
    Query(text="how were the banks fined"),  # stop words ignored
    Query(text='штраф "bank" -"crypto exchange"', sort="usd"),
]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_search_pages_equal_the_sql_order(corpus_db: Path, query: Query) -> None:
    """Every filter, sort and page answered from the snapshot as the exported SQL relation orders it
    (fact by fact: groupings are compared with exports in test_export.py)."""
    sort = effective_sort(query)
    for page in (1, 2, 5):
        q = dataclasses.replace(query, page=page, page_size=20, group="mention")
        result = warehouse.search(corpus_db, q)
        with reader(corpus_db) as con:
            p = prepare(con, q)
            rows = con.execute(f"""
                SELECT fact_id, score FROM (
                    SELECT f.fact_id, f.doc_key, f.start, f."end", f.published, f.usd, {p.score} AS score
                    {p.relation()})
                ORDER BY {ORDER[sort].format(tie=TIE)}""", p.params | p.score_params).fetchall()
        assert result.total == len(rows) > 0
        expected = rows[(page - 1) * 20: page * 20]
        assert [r["fact_id"] for r in result.rows] == [fact_id for fact_id, _ in expected]
        assert [r["score"] for r in result.rows] == pytest.approx([score for _, score in expected])

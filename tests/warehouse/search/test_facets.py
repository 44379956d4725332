"""Facets: truncation at the limit, counted together as alone, equal to SQL's GROUP BY, range labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import warehouse
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, story_a, story_b
from warehouse.schema import reader
from warehouse.search import cache, facets
from warehouse.search.columns import CATEGORIES
from warehouse.search.relation import prepare
from warehouse.search.search import select
from warehouse.search.snapshot import Snapshot


def _selected(db: Path, query: warehouse.Query) -> tuple[Snapshot, np.ndarray]:
    snap = cache.current(db)
    return snap, select(snap, query).facts


def test_truncated_when_more_values_than_the_limit(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a())])
    snap, selected = _selected(db, warehouse.Query())
    counts = facets.count(snap, selected, ("kinds", "actions"), size=1)
    assert counts.truncated == ("kinds", "actions")
    assert counts.values["kinds"] == [("money", 3)] and counts.values["actions"] == [("detection", 3)]


def test_facets_counted_together_match_each_alone_and_sql(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a()),
                                    (make_doc("https://b.test/2", STORY_B, source_id="wire_b"), story_b())])
    query = warehouse.Query(text="exchanges", kinds=("money", "count"), facets=warehouse.FACET_NAMES)
    result = warehouse.search(db, query)
    snap, selected = _selected(db, query)
    together = facets.count(snap, selected, (*warehouse.FACET_NAMES, "kinds"))
    alone = {name: facets.count(snap, selected, (name,)).values[name] for name in warehouse.FACET_NAMES}
    assert together.values == alone == result.facets  # a repeated name is counted once
    with reader(db) as con:
        p = prepare(con, query)
        assert not p.joins  # the joins below are the only ones
        for name, column in facets.FACET_COLUMNS.items():
            rows = con.execute(f"""
                SELECT v, count(*) FROM (
                    SELECT {CATEGORIES[column]} AS v FROM facts f {p.text_join}
                    LEFT JOIN sources s ON s.source_id = f.source_id
                    LEFT JOIN fact_clusters c ON c.cluster_id = f.cluster_id WHERE {p.where})
                WHERE v IS NOT NULL GROUP BY v""", p.params).fetchall()
            assert sorted(result.facets[name]) == sorted((facets.label(name, v), n) for v, n in rows), name
    assert all(result.facets[name] for name in ("kinds", "agencies", "amounts", "values", "corroboration"))
    assert sum(n for _, n in result.facets["kinds"]) == result.total > 0


def test_range_facets_are_listed_small_to_large_with_their_filter_bounds(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a()),
                                    (make_doc("https://b.test/2", STORY_B, source_id="wire_b"), story_b())])
    result = warehouse.search(db, warehouse.Query(facets=("amounts", "corroboration")))
    assert result.facets["amounts"] == [("10M–100M", 5)]  # $16.7M (x2), $43M (x2), $51.36M: every money fact
    assert facets.magnitude_range(7) == (1e7, 1e8) and facets.magnitude_range(0) == (None, 10.0)
    assert warehouse.search(db, warehouse.Query(usd_min=1e7, usd_max=1e8)).total == 5
    assert dict(result.facets["corroboration"]) == {"corroborated (2+ stories)": 8, "one story": 1}
    values = warehouse.search(db, warehouse.Query(facets=("values",))).facets["values"]
    assert [label for label, _ in values] == ["10–100", "100–1K", "10M–100M", "10B–100B"]  # small to large

"""Facets: one scan for all, truncation at the limit, the time budget (over budget: listed, not fatal)."""

from __future__ import annotations

from pathlib import Path

import warehouse
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, story_a, story_b
from warehouse import facets
from warehouse.connection import reading
from warehouse.search import Prepared, prepare


def test_truncated_when_more_values_than_the_limit(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a())])
    with reading(db) as con:
        counts = facets.count(con, prepare(con, warehouse.Query()), ("kinds", "actions"), size=1)
    assert counts.truncated == ("kinds", "actions")
    assert counts.values["kinds"] == [("money", 3)] and counts.values["actions"] == [("detection", 3)]


def test_slow_facet_times_out_and_others_still_count(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a())])
    with reading(db) as con:
        fast = prepare(con, warehouse.Query())
        slow = Prepared(text_join="CROSS JOIN range(400000000) r(x)", where="x % 7 <> 3", joins=(),
                        score="0.0", params={}, description="", empty=False)
        timed = facets.count(con, slow, ("langs",), time_limit_ms=50)
        after = facets.count(con, fast, ("langs",))
    assert timed.timed_out == ("langs",) and "langs" not in timed.values
    assert after.values["langs"] == [("en", 5)] and after.timed_out == ()


def test_facets_counted_together_match_each_alone_and_give_the_total(db: Path) -> None:
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a()),
                                    (make_doc("https://b.test/2", STORY_B, source_id="wire_b"), story_b())])
    names = ("kinds", "sources", "years", "currencies")
    with reading(db) as con:
        p = prepare(con, warehouse.Query(text="exchanges", kinds=("money", "count")))
        together = facets.count(con, p, (*names, "kinds"))  # a repeated name is counted once
        alone = {name: facets.count(con, p, (name,)).values[name] for name in names}
        total = con.execute(f"SELECT count(*) {p.relation()}", p.params).fetchall()[0][0]
    assert together.values == alone and together.total == total > 0
    assert sum(n for _, n in together.values["kinds"]) == total

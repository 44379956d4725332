"""Summary: documents, facts by kind, top agencies, sources and clusters."""

from __future__ import annotations

from pathlib import Path

import warehouse
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, make_source, story_a, story_b


def test_summary_counts(db: Path) -> None:
    assert warehouse.summary(db).documents == 0
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b")])
    warehouse.load_extractions(db, [
        (make_doc("https://desk-a.test/1", STORY_A, source_id="desk_a"), story_a()),
        (make_doc("https://wire-b.test/2", STORY_B, source_id="wire_b"), story_b()),
    ])
    s = warehouse.summary(db)
    assert (s.documents, s.facts) == (2, 9)
    assert dict(s.facts_by_kind) == {"money": 5, "count": 4}
    assert s.top_agencies == (("AFM", 5),)
    assert s.sources == (("desk_a", 1, 5), ("wire_b", 1, 4))
    assert (s.clusters, s.corroborated, s.conflicts) == (4, 4, 1)

"""Consolidation: two outlets, one story, different words and currencies -> corroborated clusters."""

from __future__ import annotations

from pathlib import Path

import duckdb

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, make_source, story_a, story_b
from warehouse.consolidate import consolidate


def _clusters(db: Path) -> dict[tuple, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""SELECT kind, action, facts, corroboration, sources, conflict, usd_min, usd_max
                              FROM fact_clusters""").fetchall()
    return {(kind, action, usd_min): (facts, corr, sources, conflict, usd_max)
            for kind, action, facts, corr, sources, conflict, usd_min, usd_max in rows}


def test_two_outlets_form_clusters_and_flag_the_usd_conflict(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b")])
    doc_a = make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a")
    doc_b = make_doc("https://wire-b.test/astana", STORY_B, source_id="wire_b")
    stats = warehouse.load_extractions(db, [(doc_a, story_a()), (doc_b, story_b())])
    assert stats.clusters == 4
    clusters = _clusters(db)
    assert clusters[("money", "detection", 43e6)] == (2, 2, ["desk_a", "wire_b"], True, 51.36e6)
    assert clusters[("money", "seizure", 16.7e6)] == (2, 2, ["desk_a", "wire_b"], False, 16.7e6)
    counts = {k[:2]: v[:4] for k, v in clusters.items() if k[0] == "count"}
    assert counts == {("count", "shutdown"): (2, 2, ["desk_a", "wire_b"], False),
                      ("count", "detection"): (2, 2, ["desk_a", "wire_b"], False)}
    with duckdb.connect(str(db), read_only=True) as con:
        restated = con.execute("SELECT cluster_id FROM facts WHERE restates").fetchall()
    assert restated == [(None,)]  # the "(about $43 million)" restatement is not a second report


def test_a_reprint_counts_once(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b"), make_source("mirror_c")])
    doc_a = make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a", near_dup_key="story-a")
    reprint = make_doc("https://mirror-c.test/copy", STORY_A, source_id="mirror_c", near_dup_key="story-a")
    doc_b = make_doc("https://wire-b.test/astana", STORY_B, source_id="wire_b")
    warehouse.load_extractions(db, [(doc_a, story_a()), (reprint, story_a()), (doc_b, story_b())])
    seizure = _clusters(db)[("money", "seizure", 16.7e6)]
    assert seizure[:3] == (3, 2, ["desk_a", "mirror_c", "wire_b"])


def test_unrelated_figures_do_not_cluster(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source("desk_a")])
    doc_a = make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a")
    assert warehouse.load_extractions(db, [(doc_a, story_a())]).clusters == 0
    assert _clusters(db) == {}


def test_incremental_loads_agree_with_a_full_recluster(db: Path) -> None:
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b")])
    doc_a = make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a")
    doc_b = make_doc("https://wire-b.test/astana", STORY_B, source_id="wire_b")
    warehouse.load_extractions(db, [(doc_a, story_a())])
    assert warehouse.load_extractions(db, [(doc_b, story_b())]).clusters == 4  # joins A's facts
    incremental = _clusters(db)
    assert consolidate(db) == 4
    assert _clusters(db) == incremental
    changed = Extraction(facts=tuple(f for f in story_b().facts if f.kind == "count"), agencies=())
    warehouse.load_extractions(db, [(doc_b, changed)])  # B no longer reports the amounts
    assert sorted(k[0] for k in _clusters(db)) == ["count", "count"]
    with duckdb.connect(str(db), read_only=True) as con:
        orphans = con.execute("""SELECT count(*) FROM facts WHERE cluster_id IS NOT NULL
                                 AND cluster_id NOT IN (SELECT cluster_id FROM fact_clusters)""").fetchall()
    assert orphans == [(0,)]

"""The per-process snapshot cache: kept until a write changes search, never confused by a new file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import warehouse
from tests.warehouse.wh_records import make_source
from warehouse import Query
from warehouse.search import cache


def test_snapshot_is_kept_until_a_write_changes_search(tmp_path: Path,
                                                       corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    items = corpus(4)
    warehouse.load_extractions(db, items[:2])
    first = cache.current(db)
    assert cache.current(db) is first  # nothing written: the same snapshot
    assert warehouse.search(db, Query()).total == 8
    warehouse.load_extractions(db, items[2:])
    assert warehouse.search(db, Query(), fresh=True).total == 16 and cache.current(db) is not first
    warehouse.upsert_sources(db, [make_source("s1", "DE")])  # a source's country reaches its facts
    assert warehouse.search(db, Query(countries=("DE",)), fresh=True).total > 0


def test_a_search_after_a_write_answers_from_the_previous_snapshot_until_the_new_one_is_built(
        tmp_path: Path, corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    items = corpus(4)
    warehouse.load_extractions(db, items[:2])
    first = cache.current(db)
    stamp = warehouse.snapshot_stamp(db)
    warehouse.load_extractions(db, items[2:])
    assert warehouse.search(db, Query()).total == 8  # at once, from the previous snapshot
    cache.settle(db)  # the new one was being built meanwhile
    assert cache.current(db) is not first and warehouse.snapshot_stamp(db) != stamp
    assert warehouse.search(db, Query()).total == 16


def test_a_recreated_file_at_the_same_path_is_not_confused(tmp_path: Path,
                                                          corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, corpus(2))
    assert warehouse.search(db, Query()).total == 8
    for path in tmp_path.glob("regintel.duckdb*"):
        path.unlink()
    warehouse.init_db(db)
    warehouse.load_extractions(db, corpus(1))  # the same number of writes: only the file id differs
    assert warehouse.search(db, Query()).total == 4  # a new file is never answered from the old one

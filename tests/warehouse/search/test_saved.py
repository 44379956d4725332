"""A snapshot's on-disk form: mapped by the next process, rebuilt when damaged, optional."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import warehouse
from warehouse import Query
from warehouse.search import cache, saved
from warehouse.search.snapshot import Snapshot


def test_a_saved_snapshot_is_mapped_by_the_next_process_until_a_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    items = corpus(6)
    warehouse.load_extractions(db, items[:3])
    query = Query(text="bank crypto", facets=("kinds", "years"))
    built = warehouse.search(db, query, save_snapshot=True)  # what `regintel search` does
    folder = saved.folder_of(db.resolve(), cache.current(db).stamp)
    assert (folder / "meta.json").exists()
    cache._FILES.clear()  # as a new process: nothing in memory

    def no_build(*_: object) -> None:
        raise AssertionError("the saved snapshot should have been mapped, not rebuilt")

    with monkeypatch.context() as patched:
        patched.setattr(Snapshot, "build", no_build)
        mapped = warehouse.search(db, query)
    assert mapped == built and mapped.total > 0
    warehouse.load_extractions(db, items[3:])  # a new generation: built again, saved, the old one removed
    after = warehouse.search(db, Query(), save_snapshot=True, fresh=True)
    assert after.total == 24 and not folder.exists()
    newest = saved.folder_of(db.resolve(), cache.current(db).stamp)
    assert [p.name for p in folder.parent.iterdir()] == [newest.name]


def test_a_damaged_saved_snapshot_is_rebuilt(tmp_path: Path, corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, corpus(2))
    warehouse.search(db, Query(), save_snapshot=True)
    folder = saved.folder_of(db.resolve(), cache.current(db).stamp)
    (folder / "arrays.arrow").write_bytes(b"not arrow")
    cache._FILES.clear()
    assert warehouse.search(db, Query()).total == 8
    assert not folder.exists()  # removed; the next saving search writes it again


def test_a_snapshot_that_cannot_be_saved_still_searches(tmp_path: Path,
                                                        corpus: Callable[[int], list[tuple]]) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, corpus(1))
    blocker = db.with_name(db.name + ".snapshot")
    blocker.write_text("a file where the snapshot folder would go")  # as a read-only folder would
    assert warehouse.search(db, Query(), save_snapshot=True).total == 4
    assert blocker.read_text().startswith("a file") and not list(tmp_path.glob(".building-*"))

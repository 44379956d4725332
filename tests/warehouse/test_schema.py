"""Schema versions: a version-1 file with data is upgraded in place and becomes searchable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

import warehouse
from contracts import Extraction, RegintelError
from tests.warehouse.wh_records import fact, make_doc
from warehouse.migrations import LATEST_VERSION


def test_new_file_is_latest_and_init_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert warehouse.init_db(db) == LATEST_VERSION == warehouse.init_db(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT list(version ORDER BY version) FROM schema_version").fetchall() == [
            (list(range(1, LATEST_VERSION + 1)),)]


def test_version_1_file_with_data_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    assert warehouse.init_db(db, target=1) == 1
    now = datetime(2025, 1, 2, tzinfo=UTC)
    with duckdb.connect(str(db)) as con:  # a v1 writer stored one document and one fact
        con.execute("""INSERT INTO documents VALUES ('d1', 'https://old.test/1', 'old_src', 'Old title',
                       'The regulator fined 7 brokers in 2023.', 'en', DATE '2024-03-01', '2024-03-01', ?,
                       'h1', 'k1', 'text/html', ?, ?)""", [now, now, now])
        con.execute("""INSERT INTO facts (fact_id, doc_id, source_id, published, lang, kind, text, start,
                       "end", sentence, value, unit, action, extractor_version, first_seen, last_seen)
                       VALUES ('f1', 'd1', 'old_src', DATE '2024-03-01', 'en', 'count', '7 brokers', 20, 29,
                       'The regulator fined 7 brokers in 2023.', 7, 'broker', 'fine', 'v0', ?, ?)""",
                    [now, now])
    assert warehouse.init_db(db) == LATEST_VERSION
    result = warehouse.search(db, warehouse.Query(text="brokers fined"))
    assert [r["fact_id"] for r in result.rows] == ["f1"] and result.rows[0]["doc_title"] == "Old title"
    assert result.rows[0]["doc_id"] == "d1" and result.total == 1
    with duckdb.connect(str(db), read_only=True) as con:  # the document got a key its fact and postings share
        keys = con.execute("""SELECT (SELECT list(doc_key) FROM documents), (SELECT list(doc_key) FROM facts),
                                     (SELECT list(DISTINCT doc_key) FROM postings)""").fetchall()
        assert keys == [([1], [1], [1])]
    new = make_doc("https://new.test/2", "The regulator fined 9 brokers.", title="New title")
    ex = Extraction(facts=(fact("The regulator fined 9 brokers.", "9 brokers", "count", 9, unit="broker",
                                action="fine"),), agencies=())
    warehouse.load_extractions(db, [(new, ex)])  # a load after the migration: a new key, searchable
    warehouse.load_extractions(db, [(new, ex)])  # and an idempotent reload
    found = warehouse.search(db, warehouse.Query(text="brokers fined", sort="date"))
    assert [r["doc_title"] for r in found.rows] == ["New title", "Old title"] and found.total == 2


def test_newer_or_unknown_versions_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with pytest.raises(RegintelError, match="unknown schema version 9"):
        warehouse.init_db(db, target=9)
    warehouse.init_db(db)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(RegintelError, match="schema version 99, newer"):
        warehouse.init_db(db)


def test_bad_path_is_clear(tmp_path: Path) -> None:
    with pytest.raises(RegintelError, match="database folder does not exist"):
        warehouse.init_db(tmp_path / "nope" / "w.duckdb")
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(RegintelError, match="cannot open database"):
        warehouse.init_db(garbage)

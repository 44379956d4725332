"""Schema versions: a version-1 file with data is upgraded in place and becomes searchable."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

import warehouse
from regintel.contracts import Extraction, RegintelError
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
    found = warehouse.search(db, warehouse.Query(text="brokers fined", sort="date"), fresh=True)
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


def test_version_6_facts_become_rows_read_through_a_view(tmp_path: Path) -> None:
    db = tmp_path / "v6.duckdb"
    assert warehouse.init_db(db, target=6) == 6
    now = datetime(2025, 5, 6, tzinfo=UTC)
    with duckdb.connect(str(db)) as con:  # a v6 writer stored two documents and three facts
        for key, doc_id in enumerate(("d1", "d2"), start=1):
            con.execute("""INSERT INTO documents VALUES (?, ?, 'src', 'Title', 'The agency fined 3 banks.',
                           'en', DATE '2025-01-02', NULL, ?, 'hash-' || ?, NULL, 'text/html', ?, ?, ?)""",
                        [doc_id, f"https://v6.test/{doc_id}", now, doc_id, now, now, key])
        for fact_id, doc_id, key, version in (("f1", "d1", 1, "old"), ("f2", "d1", 1, "old"),
                                              ("f3", "d2", 2, "v6")):
            con.execute("""INSERT INTO facts (fact_id, doc_id, source_id, published, lang, kind, text, start,
                           "end", value, extractor_version, first_seen, last_seen, doc_key)
                           VALUES (?, ?, 'src', DATE '2025-01-02', 'en', 'count', '3 banks', 17, 24, 3,
                                   ?, ?, ?, ?)""", [fact_id, doc_id, version, now, now, key])
        # d1 was extracted twice (two records), d2's record is missing
        con.execute("""INSERT INTO extractions VALUES ('d1', 'old', 'hash-d1', ?, 2),
                       ('d1', 'new', 'hash-d1', ?, 2)""", [now, now.replace(day=7)])
        generation = con.execute("SELECT generation FROM search_generation").fetchall()
        before = con.execute("SELECT * FROM facts ORDER BY fact_id")
        columns = [c[0] for c in before.description]
        rows = before.fetchall()
    assert warehouse.init_db(db) == LATEST_VERSION
    with duckdb.connect(str(db)) as con:
        after = con.execute("SELECT * FROM facts ORDER BY fact_id")
        assert [c[0] for c in after.description] == columns  # readers see the table they knew
        version_at = columns.index("extractor_version")
        expected = [(*row[:version_at], "new" if row[1] == "d1" else "v6", *row[version_at + 1:])
                    for row in rows]
        assert after.fetchall() == expected
        assert con.execute("SELECT generation - 1 FROM search_generation").fetchall() == generation
        assert con.execute("SELECT doc_id, extractor_version, content_hash, facts FROM extractions ORDER BY 1"
                           ).fetchall() == [("d1", "new", "hash-d1", 2), ("d2", "v6", None, 1)]
        con.execute("UPDATE documents SET published = '2025-01-03', source_id = 'moved' WHERE doc_id = 'd1'")
        moved = con.execute("SELECT DISTINCT published, source_id FROM facts WHERE doc_id = 'd1'").fetchall()
        assert moved == [(date(2025, 1, 3), "moved")]  # the document's date and source, now
    assert [d.url for batch in warehouse.documents_to_extract(db) for d in batch] == ["https://v6.test/d2"]

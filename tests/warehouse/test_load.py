"""Loading extractions: stable ids, idempotent reloads, atomic replace, what needs extraction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import warehouse
from regintel.contracts import Extraction, RegintelError, replace
from tests.warehouse.wh_records import EXTRACTOR, STORY_A, STORY_B, make_doc, story_a, story_b
from warehouse.connection import _INSTANCE


def _facts(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "SELECT fact_id, kind, value, first_seen, last_seen FROM facts ORDER BY fact_id"
        return con.execute(sql).fetchall()


def test_reload_is_idempotent_and_keeps_first_seen(db: Path) -> None:
    doc = make_doc("https://news.test/a", STORY_A)
    stats = warehouse.load_extractions(db, [(doc, story_a())])
    assert (stats.documents, stats.facts, stats.agency_mentions, stats.rejected) == (1, 5, 1, ())
    first = _facts(db)
    warehouse.load_extractions(db, [(doc, story_a())])
    second = _facts(db)
    assert [r[:3] for r in second] == [r[:3] for r in first] and len(second) == 5
    assert all(b[3] == a[3] and b[4] > a[4] for a, b in zip(first, second, strict=True))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(1,)]
        assert con.execute("SELECT agency_id, acronym, learned FROM agencies").fetchall() == [
            ("afm_kz", "AFM", False)]
        assert con.execute("SELECT count(*) FROM agency_mentions").fetchall() == [(1,)]
        assert con.execute("""SELECT DISTINCT a.acronym, count(*) OVER () FROM fact_agencies
                              JOIN agencies a USING (agency_id)""").fetchall() == [("AFM", 5)]


def test_a_document_listed_twice_or_a_fact_repeated_is_loaded_once(db: Path) -> None:
    doc = make_doc("https://news.test/a", STORY_A)
    warehouse.load_extractions(db, [(doc, story_a()), (doc, story_a())])
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM extractions)"
                           ).fetchall() == [(1, 1)]
        assert con.execute("SELECT count(*), count(DISTINCT fact_id) FROM facts").fetchall() == [(5, 5)]
    repeated = story_a()
    warehouse.load_extractions(db, [(doc, replace(repeated, facts=repeated.facts + repeated.facts[:2]))])
    assert len(_facts(db)) == 5


def test_facts_show_their_document_fields_and_leave_no_setting_behind(db: Path) -> None:
    doc = make_doc("https://news.test/a", STORY_A, source_id="afm_kz", lang="en")
    warehouse.load_extractions(db, [(doc, story_a())])  # a pure append: its checkpoint skips compaction
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT DISTINCT doc_id, source_id, published, lang FROM facts").fetchall()
    assert rows == [(doc.doc_id, "afm_kz", doc.published, "en")]
    cur = _INSTANCE.cursor()  # the process-wide instance the warehouse calls ran on
    try:
        assert cur.execute("SELECT current_setting('max_vacuum_tasks')").fetchall() == [(100,)]
        default = duckdb.connect().execute("SELECT current_setting('threads')").fetchall()
        assert cur.execute("SELECT current_setting('threads')").fetchall() == default
    finally:
        cur.close()


def test_failed_row_leaves_previous_facts_intact(db: Path) -> None:
    doc_a = make_doc("https://news.test/a", STORY_A)
    doc_b = make_doc("https://news.test/b", STORY_B)
    warehouse.load_extractions(db, [(doc_a, story_a())])
    before = _facts(db)
    good = story_a().facts[0]
    broken = Extraction(facts=(replace(good, value=1.0), replace(good, kind="bogus", start=3)), agencies=())
    stats = warehouse.load_extractions(db, [(doc_a, broken), (doc_b, story_b())])
    assert [url for url, _ in stats.rejected] == ["https://news.test/a"]
    assert "kind" in stats.rejected[0][1] or "CHECK" in stats.rejected[0][1]
    assert stats.documents == 1 and stats.facts == 4
    with duckdb.connect(str(db), read_only=True) as con:
        kept = con.execute("SELECT fact_id, kind, value, first_seen, last_seen FROM facts "
                           "WHERE doc_id = ? ORDER BY fact_id", [doc_a.doc_id]).fetchall()
        assert con.execute("SELECT count(*) FROM facts WHERE doc_id = ?", [doc_b.doc_id]).fetchall() == [(4,)]
    assert kept == before


def test_documents_to_extract_tracks_new_changed_and_versions(db: Path) -> None:
    doc_a = make_doc("https://news.test/a", STORY_A)
    doc_b = make_doc("https://news.test/b", STORY_B)
    warehouse.store_crawl_batch(db, [], [doc_a, doc_b], [], [])
    pending = [d.url for batch in warehouse.documents_to_extract(db, batch_size=1) for d in batch]
    assert sorted(pending) == ["https://news.test/a", "https://news.test/b"]
    first = next(iter(warehouse.documents_to_extract(db)))
    assert {d.url: d for d in first}["https://news.test/a"] == doc_a
    items = [(doc_a, story_a()), (doc_b, Extraction((), ()))]
    warehouse.load_extractions(db, items, extractor_version=EXTRACTOR)
    assert list(warehouse.documents_to_extract(db)) == []
    assert list(warehouse.documents_to_extract(db, extractor_version=EXTRACTOR)) == []
    assert len(next(iter(warehouse.documents_to_extract(db, extractor_version="test-2")))) == 2
    assert len(next(iter(warehouse.documents_to_extract(db, reextract=True)))) == 2
    warehouse.store_crawl_batch(db, [], [make_doc("https://news.test/b", STORY_B + " Updated.")], [], [])
    assert [d.url for b in warehouse.documents_to_extract(db) for d in b] == ["https://news.test/b"]


def test_reading_an_unmigrated_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RegintelError, match="database not found"):
        list(warehouse.documents_to_extract(tmp_path / "missing.duckdb"))
    old = tmp_path / "old.duckdb"
    warehouse.init_db(old, target=1)
    with pytest.raises(RegintelError, match="schema version 1"):
        warehouse.runs(old)


def test_compacting_the_index_keeps_search_results(db: Path) -> None:
    docs = [(make_doc("https://news.test/a", STORY_A), story_a()), (make_doc("https://news.test/b", STORY_B),
                                                                    story_b())]
    warehouse.load_extractions(db, docs)
    query = warehouse.Query(text="exchanges 16.7 groups")
    before = warehouse.search(db, query)
    warehouse.compact_index(db)
    after = warehouse.search(db, query)
    assert before.total == after.total == 9
    assert [(r["fact_id"], r["score"]) for r in before.rows] == [
        (r["fact_id"], r["score"]) for r in after.rows]

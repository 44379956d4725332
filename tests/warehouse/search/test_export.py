"""Exports: each format written by COPY, read back and compared with the search's rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

import warehouse
from regintel.contracts import RegintelError
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, make_source, story_a, story_b
from warehouse import Query

PROVENANCE = {"doc_url", "doc_title", "published", "source_id", "sentence", "start", "end",
              "extractor_version", "first_seen", "last_seen", "fact_id", "corroboration", "conflict"}
QUERY = Query(text="crypto exchanges", kinds=("money", "count"), sort="usd", page_size=2)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b")])
    warehouse.load_extractions(db, [
        (make_doc("https://desk-a.test/1", STORY_A, source_id="desk_a", title="Crypto \"exchanges\", closed"),
         story_a()),
        (make_doc("https://wire-b.test/2", STORY_B, source_id="wire_b", title="Astana; exchanges shut"),
         story_b()),
    ])
    return db


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx", "jsonl"])
def test_export_matches_search(loaded: Path, tmp_path: Path, fmt: str,
                               read_export: Callable[[str, bytes], list[dict]]) -> None:
    every = warehouse.search(loaded, Query(**{**_fields(QUERY), "page_size": 1000}))
    out = tmp_path / f"facts.{fmt}"
    assert warehouse.export(loaded, QUERY, fmt, out) == every.total == 5  # no paging; both words needed
    rows = read_export(fmt, out.read_bytes())
    assert set(rows[0]) >= PROVENANCE
    assert [r["fact_id"] for r in rows] == [r["fact_id"] for r in every.rows]
    assert [r["doc_url"] for r in rows] == [r["doc_url"] for r in every.rows]
    assert [str(r["sentence"]) for r in rows] == [r["sentence"] for r in every.rows]
    assert [int(r["start"]) for r in rows] == [r["start"] for r in every.rows]
    assert [float(r["usd"]) if r["usd"] not in (None, "") else None for r in rows] == [
        r["usd"] for r in every.rows]
    assert str(rows[0]["published"])[:10] == str(every.rows[0]["published"])


def _fields(q: Query) -> dict:
    return {name: getattr(q, name) for name in q.__slots__}


def test_export_of_nothing_and_bad_arguments(loaded: Path, tmp_path: Path) -> None:
    assert warehouse.export(loaded, Query(text="'"), "csv", tmp_path / "none.csv") == 0
    with pytest.raises(RegintelError, match="unknown export format 'xml'"):
        warehouse.export(loaded, QUERY, "xml", tmp_path / "x.xml")
    with pytest.raises(RegintelError, match="export folder does not exist"):
        warehouse.export(loaded, QUERY, "csv", tmp_path / "missing" / "x.csv")
    odd = tmp_path / "it's; DROP TABLE facts.csv"
    assert warehouse.export(loaded, QUERY, "csv", odd) == 5 and odd.exists()
    with duckdb.connect(str(loaded), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchall() == [(9,)]


@pytest.mark.parametrize("group", warehouse.GROUPS)
@pytest.mark.parametrize("sort", warehouse.SORTS)
@pytest.mark.parametrize("text", ["", "regulator fined", "seizure OR court -crypto"])
def test_every_grouping_exports_the_rows_search_shows(
        corpus_db: Path, tmp_path: Path, group: str, sort: str, text: str,
        read_export: Callable[[str, bytes], list[dict]]) -> None:
    query = Query(text=text, sort=sort, group=group, page_size=1000)
    shown = warehouse.search(corpus_db, query)
    out = tmp_path / "rows.jsonl"
    assert warehouse.export(corpus_db, query, "jsonl", out) == shown.total > 0
    rows = read_export("jsonl", out.read_bytes())
    def rows_of(rows: list[dict]) -> list[tuple]:
        return [(r["fact_id"], r["mentions"]) for r in rows]

    assert rows_of(rows) == rows_of(shown.rows)
    assert [r["cluster_usd"] for r in rows] == pytest.approx([r["cluster_usd"] for r in shown.rows])

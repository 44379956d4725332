"""The search snapshot: pages equal to SQL's order for every filter and sort, and freshness after writes."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import fact, make_doc, make_source
from warehouse import Query, snapshot
from warehouse.query import effective_sort
from warehouse.relation import ORDER, TIE, prepare
from warehouse.schema import reader

WORDS = ("regulator", "fined", "bank", "crypto", "exchange", "seized", "assets", "court", "licence", "fraud")
KINDS = ("money", "count", "percent")


def _corpus(n_docs: int) -> list[tuple]:
    """Documents of a few words each, with many equal dates, amounts and scores (ties to break)."""
    rng = random.Random(7)
    items = []
    for i in range(n_docs):
        sentences, facts = [], []
        for k in range(4):
            words = " ".join(rng.choice(WORDS) for _ in range(3))
            amount = rng.choice((100, 250, 1000))
            sentences.append(f"The {words} case {i} item {k} cost {amount} units.")
        text = " ".join(sentences)
        for k in range(4):
            kind = KINDS[(i + k) % 3]
            money = kind == "money"
            usd = float(rng.choice((100, 250, 1000))) if money and rng.random() < 0.8 else None
            facts.append(fact(text, f"item {k} cost", kind, float(rng.choice((100, 250, 1000))),
                              currency=rng.choice(("USD", "KZT")) if money else None,
                              usd=usd,
                              action=rng.choice(("fine", "seizure", None)),
                              agency_id=rng.choice(("afm_kz", "sec_us", None)),
                              period_start=date(2024, 1, 1) if k == 1 else None,
                              period_end=date(2024, 12, 31) if k == 1 else None))
            facts[-1] = dataclasses.replace(facts[-1], country=rng.choice(("KZ", None)))  # None: the source's
        published = None if i % 17 == 0 else date(2025, 1, 1) + timedelta(days=i % 5)
        doc = make_doc(f"https://s{i % 3}.test/{i}", text, source_id=f"s{i % 3}", published=published,
                       title=" ".join(rng.choice(WORDS) for _ in range(2)), lang="ru" if i % 7 == 0 else "en")
        items.append((doc, Extraction(facts=tuple(facts), agencies=())))
    return items


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("snapshot") / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, [make_source("s0", "KZ"), make_source("s1", "US"), make_source("s2", "GB")])
    warehouse.load_extractions(db, _corpus(150))
    return db


QUERIES = [
    Query(),
    Query(sort="usd"),
    Query(text="crypto bank"),
    Query(text="fined", sort="date"),
    Query(text="seized assets", sort="usd"),
    Query(text="regulator", kinds=("money",), currencies=("kzt",)),
    Query(agencies=("AFM_KZ",), sort="date"),
    Query(countries=("us", "GB"), actions=("fine",)),
    Query(sources=("s1",), langs=("ru",)),
    Query(usd_min=250, usd_max=1000, sort="usd"),
    Query(value_min=100, value_max=250),
    Query(published_from=date(2025, 1, 2), published_to=date(2025, 1, 3), text="court"),
    Query(period_from=date(2024, 6, 1), period_to=date(2024, 6, 30)),
    Query(text="licence fraud", corroborated_only=False, kinds=("count", "percent")),
]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_search_pages_equal_the_sql_order(corpus_db: Path, query: Query) -> None:
    """Every filter, sort and page answered from the snapshot as the exported SQL relation orders it."""
    sort = effective_sort(query)
    for page in (1, 2, 5):
        q = dataclasses.replace(query, page=page, page_size=20)
        result = warehouse.search(corpus_db, q)
        with reader(corpus_db) as con:
            p = prepare(con, q)
            rows = con.execute(f"""
                SELECT fact_id, score FROM (
                    SELECT f.fact_id, f.doc_key, f.start, f."end", f.published, f.usd, {p.score} AS score
                    {p.relation()})
                ORDER BY {ORDER[sort].format(tie=TIE)}""", p.params).fetchall()
        assert result.total == len(rows) > 0
        expected = rows[(page - 1) * 20: page * 20]
        assert [r["fact_id"] for r in result.rows] == [fact_id for fact_id, _ in expected]
        assert [r["score"] for r in result.rows] == pytest.approx([score for _, score in expected])


def test_snapshot_is_kept_until_a_write_changes_search(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    items = _corpus(4)
    warehouse.load_extractions(db, items[:2])
    first = snapshot.current(db)
    assert snapshot.current(db) is first  # nothing written: the same snapshot
    assert warehouse.search(db, Query()).total == 8
    warehouse.load_extractions(db, items[2:])
    assert snapshot.current(db) is not first and warehouse.search(db, Query()).total == 16
    warehouse.upsert_sources(db, [make_source("s1", "DE")])  # a source's country reaches its facts
    assert warehouse.search(db, Query(countries=("DE",))).total > 0


def test_a_recreated_file_at_the_same_path_is_not_confused(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, _corpus(2))
    assert warehouse.search(db, Query()).total == 8
    for path in tmp_path.glob("regintel.duckdb*"):
        path.unlink()
    warehouse.init_db(db)
    warehouse.load_extractions(db, _corpus(1))  # the same number of writes: only the file id differs
    assert warehouse.search(db, Query()).total == 4


def test_a_saved_snapshot_is_mapped_by_the_next_process_until_a_load(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    items = _corpus(6)
    warehouse.load_extractions(db, items[:3])
    query = Query(text="bank crypto", facets=("kinds", "years"))
    built = warehouse.search(db, query, save_snapshot=True)  # what `regintel search` does
    saved = snapshot.saved_folder(db.resolve(), snapshot.current(db).stamp)
    assert (saved / "meta.json").exists()
    snapshot._FILES.clear()  # as a new process: nothing in memory

    def no_build(*_: object) -> None:
        raise AssertionError("the saved snapshot should have been mapped, not rebuilt")

    with monkeypatch.context() as patched:
        patched.setattr(snapshot.Snapshot, "build", no_build)
        mapped = warehouse.search(db, query)
    assert mapped == built and mapped.total > 0
    warehouse.load_extractions(db, items[3:])  # a new generation: built again, saved, the old one removed
    after = warehouse.search(db, Query(), save_snapshot=True)
    assert after.total == 24 and not saved.exists()
    newest = snapshot.saved_folder(db.resolve(), snapshot.current(db).stamp)
    assert [p.name for p in saved.parent.iterdir()] == [newest.name]


def test_a_damaged_saved_snapshot_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, _corpus(2))
    warehouse.search(db, Query(), save_snapshot=True)
    saved = snapshot.saved_folder(db.resolve(), snapshot.current(db).stamp)
    (saved / "arrays.arrow").write_bytes(b"not arrow")
    snapshot._FILES.clear()
    assert warehouse.search(db, Query()).total == 8
    assert not saved.exists()  # removed; the next saving search writes it again


def test_a_snapshot_that_cannot_be_saved_still_searches(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, _corpus(1))
    blocker = db.with_name(db.name + ".snapshot")
    blocker.write_text("a file where the snapshot folder would go")  # as a read-only folder would
    assert warehouse.search(db, Query(), save_snapshot=True).total == 4
    assert blocker.read_text().startswith("a file") and not list(tmp_path.glob(".building-*"))

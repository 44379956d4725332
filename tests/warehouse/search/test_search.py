"""Search on a real file: BM25 text, digits, Russian stemming, filters, sorting, paging, hostile input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

import warehouse
from regintel.contracts import Extraction, RegintelError
from tests.warehouse.wh_records import STORY_A, STORY_B, fact, make_doc, make_source, story_a, story_b
from warehouse import Query

RU_TEXT = "Агентство по финансовому мониторингу оштрафовало биржу на 5 000 000 тенге за отмывание денег."


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b"), make_source("afm_ru")])
    ru = Extraction(facts=(fact(RU_TEXT, "5 000 000 тенге", "money", 5e6, currency="KZT", usd=9.1e3,
                                action="fine", agency_id="afm_kz", agency_acronym="AFM"),), agencies=())
    warehouse.load_extractions(db, [
        (make_doc("https://desk-a.test/1", STORY_A, source_id="desk_a", title="Crypto exchanges closed",
                  published=date(2025, 2, 18)), story_a()),
        (make_doc("https://wire-b.test/2", STORY_B, source_id="wire_b", title="Astana confiscation",
                  published=date(2025, 2, 20)), story_b()),
        (make_doc("https://afm.test/ru/3", RU_TEXT, source_id="afm_ru", title="Штраф для биржи", lang="ru",
                  published=date(2024, 11, 5)), ru),
    ])
    return db


def _texts(result: warehouse.Result) -> list[str]:
    return [r["text"] for r in result.rows]


def test_text_search_ranks_matching_sentences_first(loaded: Path) -> None:
    result = warehouse.search(loaded, Query(text="seized crypto"))
    assert result.total == 5  # every fact of the one document mentioning both words
    assert set(_texts(result)[:2]) == {"$16.7 million", "130 unregistered crypto exchanges"}
    assert result.rows[0]["score"] > result.rows[-1]["score"]
    row = result.rows[0]
    assert row["doc_title"] == "Crypto exchanges closed" and row["doc_url"] == "https://desk-a.test/1"
    assert row["published"] == date(2025, 2, 18) and row["source_id"] == "desk_a"
    assert row["corroboration"] == 2 and row["cluster_id"] is not None and row["conflict"] is False
    assert result.description.startswith(
        'facts with action seizure or a word for it ("seized"), the word "crypto"')


def test_digits_titles_and_russian_stemming(loaded: Path) -> None:
    assert set(_texts(warehouse.search(loaded, Query(text="51.36")))) == set(_texts(
        warehouse.search(loaded, Query(sources=("wire_b",)))))
    confiscation = warehouse.search(loaded, Query(text="confiscation"))  # a title word, and a seizure
    assert confiscation.rows[0]["action"] == "seizure"  # its own fact first
    # every fact of the document titled with the word (5) and of the one saying "seized" (4)
    assert confiscation.total == 9 == warehouse.search(loaded, Query(text="seized")).total
    russian = warehouse.search(loaded, Query(text="биржа штрафы"))  # other inflections than the text
    assert _texts(russian) == ["5 000 000 тенге"]


def test_words_reach_the_facts_carrying_what_they_name(loaded: Path) -> None:
    assert "5 000 000 тенге" in _texts(warehouse.search(loaded, Query(text="fine")))  # English to Russian
    assert "5 000 000 тенге" in _texts(warehouse.search(loaded, Query(text="теңге AFM")))  # Kazakh
    seizure = warehouse.search(loaded, Query(text="seizure"))  # the word the Action column shows
    assert seizure.total >= 1 and seizure.rows[0]["action"] == "seizure"


def test_words_for_one_value_find_the_same_facts(loaded: Path) -> None:
    def ids(text: str) -> set[str]:
        return {r["fact_id"] for r in warehouse.search(loaded, Query(text=text, page_size=500)).rows}

    seized = ids("seized")
    assert seized and ids("seizure") == seized == ids("изъятие") == ids("confiscated")
    assert ids("fine") == ids("штраф") == ids("penalty") and ids("tenge") == ids("KZT")
    carrying = warehouse.search(loaded, Query(text="seized"))
    said_only = [r for r in carrying.rows if r["action"] != "seizure"]
    assert said_only and carrying.rows[0]["action"] == "seizure"  # carrying the value ranks first
    assert all(r["score"] < carrying.rows[0]["score"] for r in said_only)


def test_all_words_phrases_or_and_exclusions(loaded: Path) -> None:
    def ids(text: str) -> set[str]:
        return {r["fact_id"] for r in warehouse.search(loaded, Query(text=text)).rows}

    crypto, million = ids("crypto"), ids("million")
    assert crypto != million and ids("crypto million") == crypto & million
    astana = ids("astana")
    assert ids("crypto OR astana") == crypto | astana and ids("crypto -astana") == crypto - astana
    phrase = warehouse.search(loaded, Query(text='"unregistered crypto exchanges"'))
    assert set(_texts(phrase)) == {"130 unregistered crypto exchanges", "$16.7 million"}  # their sentence
    assert warehouse.search(loaded, Query(text='"exchanges crypto unregistered"')).total == 0


def test_mentions_of_one_fact_in_a_document_are_one_row(db: Path) -> None:
    text = ("AFM seized 9 billion tenge. The Financial Monitoring Agency said on Monday it had seized "
            "9 billion tenge in crypto assets, and 9 billion tenge more in 2023 was fined.")
    mentions = (fact(text, "9 billion tenge", "money", 9e9, currency="KZT", action="seizure"),  # headline
                fact(text, "9 billion tenge", "money", 9e9, occurrence=1, currency="KZT", action="seizure",
                     agency_id="afm_kz"),  # body: the same fact
                fact(text, "9 billion tenge", "money", 9e9, occurrence=2, currency="KZT", action="fine"))
    warehouse.load_extractions(db, [(make_doc("https://x.test/9", text), Extraction(mentions, ()))])
    per_fact = warehouse.search(db, Query(sort="date"))
    assert per_fact.total == 2 and [r["mentions"] for r in per_fact.rows] == [2, 1]
    assert per_fact.rows[0]["start"] == text.index("9 billion")  # the first mention stands for the row
    assert per_fact.description.endswith("one row per fact of a document")
    every = warehouse.search(db, Query(group="mention"))
    assert every.total == 3 and {r["mentions"] for r in every.rows} == {1}
    agency = warehouse.search(db, Query(agencies=("afm_kz",)))  # a filter keeps the body mention only
    assert agency.total == 1 and agency.rows[0]["mentions"] == 1
    counted = warehouse.search(db, Query(facets=("actions",)))
    assert dict(counted.facets["actions"]) == {"seizure": 1, "fine": 1}  # rows, not mentions


def test_a_corroborated_fact_is_one_row_with_its_sources_and_one_usd_figure(loaded: Path) -> None:
    clusters = warehouse.search(loaded, Query(group="cluster", kinds=("money",), sort="usd"))
    tenge = next(r for r in clusters.rows if r["currency"] == "KZT" and r["corroboration"] == 2)
    assert tenge["mentions"] == 2 and set(tenge["cluster_sources"]) == {"desk_a", "wire_b"}
    assert tenge["cluster_usd"] == 43e6 and tenge["cluster_usd_basis"] == "stated"  # the lower median
    assert tenge["cluster_usd_others"] == [{"usd": 51.36e6, "basis": "rate:nbk:2025-02-18"}]
    seized = next(r for r in clusters.rows if r["action"] == "seizure")
    assert seized["cluster_usd"] == 16.7e6 and seized["cluster_usd_others"] is None  # they agree
    facts = warehouse.search(loaded, Query(kinds=("money",)))
    assert clusters.total < facts.total


@pytest.mark.parametrize(("query", "expected"), [
    (Query(kinds=("count",)), 4),
    (Query(agencies=("afm",)), 6),
    (Query(agencies=("Financial Monitoring Agency",)), 6),  # through the agencies registry
    (Query(countries=("kz",)), 10),
    (Query(actions=("seizure", "fine")), 3),
    (Query(currencies=("kzt",)), 3),
    (Query(sources=("wire_b",)), 4),
    (Query(langs=("ru",)), 1),
    (Query(usd_min=16e6, usd_max=50e6), 4),
    (Query(value_min=100, value_max=200), 2),
    (Query(published_from=date(2025, 2, 19)), 4),
    (Query(published_to=date(2024, 12, 31)), 1),
    (Query(corroborated_only=True), 8),
    (Query(has_usd=True), 6),
    (Query(text="crypto", kinds=("money",), currencies=("USD",)), 2),
])
def test_filters(loaded: Path, query: Query, expected: int) -> None:
    result = warehouse.search(loaded, query)
    assert result.total == expected
    assert len(result.rows) == expected


def test_period_filter(db: Path) -> None:
    text = "In 2024 the agency fined 12 banks."
    ex = Extraction(facts=(
        fact(text, "12 banks", "count", 12, unit="bank", period_start=date(2024, 1, 1),
             period_end=date(2024, 12, 31)),), agencies=())
    warehouse.load_extractions(db, [(make_doc("https://x.test/p", text), ex)])
    assert warehouse.search(db, Query(period_from=date(2024, 6, 1))).total == 1
    assert warehouse.search(db, Query(period_from=date(2025, 1, 1))).total == 0
    assert warehouse.search(db, Query(period_to=date(2023, 12, 31))).total == 0


def test_sort_and_paging(loaded: Path) -> None:
    by_usd = warehouse.search(loaded, Query(sort="usd", kinds=("money",)))
    usd = [r["usd"] for r in by_usd.rows]
    assert usd == sorted(usd, reverse=True) and usd[0] == 51.36e6
    by_date = warehouse.search(loaded, Query(sort="date"))
    assert by_date.rows[-1]["published"] == date(2024, 11, 5)
    pages = [warehouse.search(loaded, Query(sort="date", page=n, page_size=4)) for n in (1, 2, 3)]
    ids = [r["fact_id"] for p in pages for r in p.rows]
    assert len(ids) == len(set(ids)) == 10 and all(p.total == 10 for p in pages)


def test_facets_count_the_filtered_query(loaded: Path) -> None:
    result = warehouse.search(loaded, Query(kinds=("money",), facets=("sources", "currencies", "years")))
    assert dict(result.facets["sources"]) == {"desk_a": 3, "wire_b": 2, "afm_ru": 1}
    assert dict(result.facets["currencies"]) == {"USD": 3, "KZT": 3}
    assert dict(result.facets["years"]) == {2025: 5, 2024: 1}
    assert result.truncated == ()
    assert "kind is money" in result.description


HOSTILE = ['"; DROP TABLE facts; --', "' OR 1=1 --", "crypto AND NOT \"x\" OR *", "a" * 10_000, "x " * 5_000,
           "\x00\x1b[31m\x7f", "", "   ", "%_\\", "$(rm -rf /)", "NEAR(a b)", "ставка' --"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_inert(loaded: Path, text: str) -> None:
    result = warehouse.search(loaded, Query(text=text, facets=("kinds",)))
    assert result.total >= 0 and len(result.rows) <= 50
    with duckdb.connect(str(loaded), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchall() == [(10,)]


def test_search_of_missing_file_is_clear(tmp_path: Path) -> None:
    with pytest.raises(RegintelError, match="database not found"):
        warehouse.search(tmp_path / "none.duckdb", Query())

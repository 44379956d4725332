"""The Search page, run headless with Streamlit's AppTest on a real warehouse file.

The warehouse is built through its public API (init_db, load_extractions) from contract
records written here; the page must only reflect what `warehouse.search` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import warehouse
from regintel.app.results import COLUMNS, DOWNLOADS, export_bytes, results_frame
from regintel.contracts import AgencyMention, Document, EntryPoint, Extraction, Fact, Source, make_id

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "app.py"
FETCHED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
VERSION = "app-test"

# Our own short texts: two outlets report one seizure; the rest are distinct events.
STORIES: dict[str, tuple[str, str, str, date, str]] = {  # key -> source, lang, title, published, text
    "kz_seizure": ("timesca", "en", "Kazakhstan closes unlicensed crypto exchanges", date(2025, 10, 14),
                   "The Financial Monitoring Agency shut 130 unlicensed crypto exchanges this autumn. "
                   "Investigators seized digital assets worth $16.7 million from their operators."),
    "kz_seizure_again": ("decrypt", "en", "Crypto platforms closed in Kazakhstan", date(2025, 10, 15),
                         "Officials in Astana confirmed that $16.7 million in crypto was confiscated. "
                         "Illegal trading fell by 18% over nine months, the agency added."),
    "sec_judgment": ("sec_us", "en", "Court orders stablecoin issuer to pay", date(2024, 6, 13),
                     "The Securities and Exchange Commission obtained a judgment of $4.47 billion against "
                     "the issuer. The agency filed 583 enforcement actions in the fiscal year."),
    "fca_fine": ("fca_gb", "en", "Digital bank fined over screening gaps", date(2024, 10, 2),
                 "The Financial Conduct Authority fined the bank £28,959,426 for weak sanctions screening. "
                 "The firm had opened accounts for 49,000 high-risk customers."),
    "ardfm_fine": ("kursiv_kz", "ru", "Регулятор оштрафовал банк", date(2025, 3, 11),
                   "Агентство по регулированию финансового рынка оштрафовало банк на 112 млн тенге. "
                   "На устранение нарушений банку дали 90 дней."),
}
# A statistics release with many counted figures, so the table has more than one page.
CITIES = ("Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen",
          "Semey", "Atyrau", "Kostanay", "Kyzylorda", "Oral", "Petropavl", "Aktau", "Temirtau",
          "Turkistan", "Kokshetau", "Taldykorgan", "Ekibastuz", "Rudny", "Zhezkazgan")

AGENCIES = {
    "timesca": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "decrypt": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "afm_stats": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "sec_us": ("sec_us", "Securities and Exchange Commission", "SEC", "US"),
    "fca_gb": ("fca_gb", "Financial Conduct Authority", "FCA", "GB"),
    "kursiv_kz": ("ardfm_kz", "Agency for Regulation and Development of the Financial Market", "ARDFM", "KZ"),
}


def _fact(text: str, surface: str, kind: str, source: str, **fields: object) -> Fact:
    """A Fact pointing at `surface` in `text`, with the sentence around it and the source's agency."""
    start = text.index(surface)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(". ", start)
    sentence = text[sentence_start:sentence_end + 1 if sentence_end >= 0 else len(text)]
    agency_id, name, acronym, country = AGENCIES[source]
    return Fact(kind=kind, text=surface, start=start, end=start + len(surface), sentence=sentence,
                agency_id=agency_id, agency_name=name, agency_acronym=acronym, country=country,
                extractor_version=VERSION, **fields)  # type: ignore[arg-type]


SEIZED = {"value": 16.7e6, "currency": "USD", "usd": 16.7e6, "usd_basis": "identity", "action": "seizure"}
FACTS: dict[str, list[tuple[str, str, dict[str, object]]]] = {  # story -> (surface, kind, fields)
    "kz_seizure": [
        ("130 unlicensed crypto exchanges", "count", {"value": 130, "unit": "exchange", "action": "shutdown",
                                                      "noun_phrase": "unlicensed crypto exchanges"}),
        ("$16.7 million", "money", SEIZED),
    ],
    "kz_seizure_again": [
        ("$16.7 million", "money", SEIZED),
        ("18%", "percent", {"value": 18, "action": "statistic", "period_start": date(2025, 1, 1),
                            "period_end": date(2025, 9, 30), "period_text": "over nine months"}),
        ("nine months", "duration", {"value": 270, "unit": "month", "action": "statistic"}),
    ],
    "sec_judgment": [
        ("$4.47 billion", "money", {"value": 4.47e9, "currency": "USD", "usd": 4.47e9,
                                    "usd_basis": "identity", "action": "fine"}),
        ("583 enforcement actions", "count", {"value": 583, "unit": "enforcement action",
                                              "action": "statistic"}),
    ],
    "fca_fine": [
        ("£28,959,426", "money", {"value": 28959426, "currency": "GBP", "usd": 36.7e6,
                                  "usd_basis": "rate:test:2024-10-02", "action": "fine"}),
        ("49,000 high-risk customers", "count", {"value": 49000, "unit": "customer", "action": "other"}),
    ],
    "ardfm_fine": [
        ("112 млн тенге", "money", {"value": 112e6, "currency": "KZT", "usd": 224000,
                                    "usd_basis": "rate:test:2025-03-11", "action": "fine"}),
        ("90 дней", "duration", {"value": 90, "unit": "день", "action": "fine"}),
    ],
}


def _stats_story() -> tuple[Document, Extraction]:
    text = " ".join(f"In {city} the agency closed {n} illegal exchange offices."
                    for n, city in enumerate(CITIES, start=3))
    doc = _document("afm_stats", "afm_kz", "en", "Exchange offices closed by region", date(2025, 2, 10), text)
    facts = tuple(_fact(text, f"{n} illegal exchange offices", "count", "afm_stats", value=n,
                        unit="exchange office", action="shutdown")
                  for n, _ in enumerate(CITIES, start=3))
    return doc, Extraction(facts=facts, agencies=())


def _document(key: str, source: str, lang: str, title: str, published: date, text: str) -> Document:
    return Document(url=f"https://{source}.example/news/{key}", source_id=source, title=title, text=text,
                    lang=lang, published=published, published_raw=published.isoformat(), fetched_at=FETCHED,
                    content_hash=make_id(text), near_dup_key=make_id("dup", key))


def build_warehouse(db: Path) -> int:
    """Create a warehouse with the stories above; returns the number of facts loaded."""
    warehouse.init_db(db)
    sources = {source: AGENCIES[source][3] for source, *_ in STORIES.values()}
    warehouse.upsert_sources(db, [
        Source(id=sid, name=sid, publisher_kind="news", country=country, languages=("en", "ru"),
               entry_points=(EntryPoint(kind="feed", url=f"https://{sid}.example/rss"),),
               allowed_domains=(f"{sid}.example",))
        for sid, country in {**sources, "afm_kz": "KZ"}.items()
    ])
    items = []
    for key, (source, lang, title, published, text) in STORIES.items():
        agency_id, name, acronym, country = AGENCIES[source]
        mention = AgencyMention(agency_id=agency_id, name=name, acronym=acronym, country=country,
                                kind="regulator", text=text[4:10], start=4, end=10)
        items.append((_document(key, source, lang, title, published, text),
                      Extraction(facts=tuple(_fact(text, surface, kind, source, **fields)
                                       for surface, kind, fields in FACTS[key]),
                                 agencies=(mention,))))
    items.append(_stats_story())
    stats = warehouse.load_extractions(db, items)
    assert not stats.rejected, stats.rejected
    return stats.facts


@pytest.fixture(scope="module")
def facts_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("app") / "regintel.duckdb"
    return db, build_warehouse(db)


def _run(db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("REGINTEL_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def _table(at: AppTest) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if "Sentence" in df.value.columns)


def _count_text(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "facts found" in m.value)


def test_first_page_lists_facts_with_their_provenance(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = _run(db, monkeypatch)
    assert f"**{total:,} facts found**" in _count_text(at)
    table = _table(at)
    assert list(table.columns) == list(COLUMNS.values())
    assert len(table) == 20 < total  # first page of the default page size
    assert table["Link"].str.startswith("https://").all()
    assert table["Sentence"].str.len().gt(10).all()


def test_query_text_narrows_the_table(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.text_input(key="q").set_value("stablecoin judgment").run()
    table = _table(at)
    assert 0 < len(table) < 20
    assert set(table["Agency"]) == {"SEC"}
    at.text_input(key="q").set_value("screening").run()
    assert set(_table(at)["Currency"].dropna()) == {"GBP"}


def test_filters_kind_currency_and_dates(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.multiselect(key="kinds").set_value(["money"]).run()
    table = _table(at)
    assert set(table["Kind"]) == {"money"} and len(table) == 5
    at.multiselect(key="currencies").set_value(["KZT"]).run()
    table = _table(at)
    assert list(table["Fact"]) == ["112 млн тенге"]
    at.multiselect(key="currencies").set_value([]).run()
    at.date_input(key="published").set_value((date(2025, 1, 1), date(2025, 12, 31))).run()
    published = pd.to_datetime(_table(at)["Published"])
    assert len(published) == 3
    assert published.between(pd.Timestamp(2025, 1, 1), pd.Timestamp(2025, 12, 31)).all()


def test_agency_and_action_filters_use_the_facet_values(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    agencies = at.multiselect(key="agencies")
    label = next(option for option in agencies.options if "fca" in option.lower())  # "value (count)"
    agencies.set_value([label.rsplit(" (", 1)[0]]).run()
    assert set(_table(at)["Agency"]) == {"FCA"}
    at.multiselect(key="agencies").set_value([]).run()
    at.multiselect(key="actions").set_value(["fine"]).run()
    assert set(_table(at)["Agency"]) == {"SEC", "FCA", "ARDFM"}


def test_corroborated_only_keeps_the_story_two_outlets_report(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.toggle(key="corroborated").set_value(True).run()
    table = _table(at)
    assert list(table["Fact"]) == ["$16.7 million", "$16.7 million"]
    assert set(table["Sources"]) == {2}


def test_paging_moves_through_the_results_and_resets_on_a_new_filter(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = _run(db, monkeypatch)
    first = set(_table(at)["Fact"] + _table(at)["Link"])
    at.number_input(key="page").set_value(2).run()
    second = _table(at)
    assert len(second) == total - 20
    assert not first & set(second["Fact"] + second["Link"])
    assert "page 2 of 2" in _count_text(at)
    at.multiselect(key="kinds").set_value(["count"]).run()
    assert "page 1 of" in _count_text(at)


def test_facet_counts_are_shown_for_the_results(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = _run(db, monkeypatch)
    kinds = at.pills(key="narrow_kinds")
    assert kinds.value is None and "money · 5" in kinds.options
    assert sum(int(option.rsplit(" · ", 1)[1]) for option in kinds.options) == total
    amounts = next(df.value for df in at.dataframe if list(df.value.columns) == ["USD amount", "facts"])
    assert amounts["facts"].sum() == 5 and all("–" in a or a[0] in "<≥" for a in amounts["USD amount"])


def test_a_clicked_facet_value_becomes_a_filter(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.pills(key="narrow_kinds").set_value("money").run()
    assert at.multiselect(key="kinds").value == ["money"] and set(_table(at)["Kind"]) == {"money"}
    assert at.pills(key="narrow_kinds").value is None  # ready for the next click
    assert at.pills(key="narrow_countries").options == ["KZ · 3", "GB · 1", "US · 1"]
    at.pills(key="narrow_countries").set_value("GB").run()
    assert list(_table(at)["Fact"]) == ["£28,959,426"]
    at.multiselect(key="kinds").set_value([])
    at.multiselect(key="countries").set_value([]).run()
    at.pills(key="narrow_years").set_value(2024).run()
    assert at.date_input(key="published").value == (date(2024, 1, 1), date(2024, 12, 31))
    assert set(pd.to_datetime(_table(at)["Published"]).dt.year) == {2024}


def test_country_source_and_language_filters(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    assert "GB" in " ".join(at.multiselect(key="countries").options)  # "GB (2)": a facet value with its count
    at.multiselect(key="countries").set_value(["GB"]).run()
    assert set(_table(at)["Agency"]) == {"FCA"} and len(_table(at)) == 2
    at.multiselect(key="countries").set_value([]).run()
    at.multiselect(key="langs").set_value(["ru"]).run()
    assert list(_table(at)["Fact"]) == ["112 млн тенге", "90 дней"]
    at.multiselect(key="langs").set_value([]).run()
    at.multiselect(key="sources").set_value(["decrypt"]).run()
    assert set(_table(at)["Document"]) == {"Crypto platforms closed in Kazakhstan"}


def test_amount_value_and_period_ranges(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.number_input(key="usd_min").set_value(1e7).run()
    table = _table(at)
    assert set(table["Fact"]) == {"$16.7 million", "$4.47 billion", "£28,959,426"}
    at.number_input(key="usd_max").set_value(1e8).run()
    assert set(_table(at)["Fact"]) == {"$16.7 million", "£28,959,426"}
    at.number_input(key="usd_min").set_value(None)
    at.number_input(key="usd_max").set_value(None).run()
    at.number_input(key="value_min").set_value(500).run()
    at.number_input(key="value_max").set_value(600).run()
    assert list(_table(at)["Fact"]) == ["583 enforcement actions"]
    at.number_input(key="value_min").set_value(None)
    at.number_input(key="value_max").set_value(None).run()
    at.date_input(key="period").set_value((date(2025, 6, 1), date(2025, 6, 30))).run()
    assert list(_table(at)["Fact"]) == ["18%"]  # its period, January to September 2025, overlaps June


def test_an_empty_range_is_one_clear_message(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.number_input(key="usd_min").set_value(100).run()
    at.number_input(key="usd_max").set_value(10).run()
    assert not at.exception and [e.value for e in at.error] == [
        "usd_min (100.0) is after usd_max (10.0); give a range that is not empty"]


@pytest.mark.parametrize("fmt", list(DOWNLOADS))
def test_downloads_hold_every_filtered_row(facts_db, fmt: str,
                                          read_export: Callable[[str, bytes], list[dict]]) -> None:
    db, total = facts_db
    everything = read_export(fmt, export_bytes(db, warehouse.Query(page_size=20, page=2), fmt))
    assert len(everything) == total  # not one page: every matching fact
    assert {"sentence", "doc_url", "usd", "kind", "source_id", "extractor_version"} <= set(everything[0])
    tenge = read_export(fmt, export_bytes(db, warehouse.Query(currencies=("KZT",)), fmt))
    assert [row["text"] for row in tenge] == ["112 млн тенге"]


def test_download_button_follows_the_chosen_format(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]
    at.selectbox(key="download_format").set_value("parquet").run()
    assert [b.label for b in at.get("download_button")] == ["Download Parquet"]


def test_table_keeps_crawled_text_as_plain_text() -> None:
    hostile = {"kind": "money", "text": "<script>alert(1)</script>", "sentence": "**bold** <b>x</b>",
               "agency_name": "Agency <img src=x>", "doc_url": "https://x.example/a"}
    frame = results_frame([hostile])
    assert frame.loc[0, "Fact"] == hostile["text"] and frame.loc[0, "Agency"] == hostile["agency_name"]
    assert frame.loc[0, "Sentence"] == hostile["sentence"]


def test_empty_warehouse_says_so(tmp_path, monkeypatch) -> None:
    db = tmp_path / "empty.duckdb"
    warehouse.init_db(db)
    at = _run(db, monkeypatch)
    assert any("no facts yet" in info.value for info in at.info)
    assert not at.dataframe


def test_missing_database_says_how_to_build_one(tmp_path, monkeypatch) -> None:
    at = _run(tmp_path / "absent.duckdb", monkeypatch)
    assert any("No warehouse found" in info.value and "regintel demo" in info.value for info in at.info)


def test_unreadable_database_is_one_error_line_not_a_traceback(tmp_path, monkeypatch) -> None:
    db = tmp_path / "garbage.duckdb"
    db.write_bytes(b"this is not a DuckDB file\n" * 200)
    at = _run(db, monkeypatch)
    assert [str(db) in err.value for err in at.error] == [True]


def test_sidebar_has_a_widget_for_every_declared_filter(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    for declared in warehouse.FIELDS:
        if isinstance(declared, warehouse.Choice):
            assert at.multiselect(key=declared.name).label == declared.label
        elif isinstance(declared, warehouse.Flag):
            assert at.toggle(key=declared.key).label == declared.label
        elif declared.type is date:
            assert at.date_input(key=declared.key).label == declared.label
        else:
            assert all(at.number_input(key=key) for key in declared.widget_keys)
    tabs = {tab.label for tab in at.sidebar.tabs}
    assert {"Kind", "Agency", "Usd amount", "Corroboration"} <= tabs


def test_has_usd_toggle_keeps_facts_with_a_usd_amount(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = _run(db, monkeypatch)
    at.selectbox(key="page_size").set_value(100)
    at.toggle(key="has_usd").set_value(True).run()
    table = _table(at)
    assert 0 < len(table) < total and table["USD"].notna().all()
    assert "has a USD equivalent" in " ".join(t.value for t in at.text)

"""The Search page, run headless with Streamlit's AppTest on a real warehouse file.

The warehouse is built through its public API (init_db, load_extractions) from contract
records written here; the page must only reflect what `warehouse.search` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.proto.Dataframe_pb2 import Dataframe as DataframeProto
from streamlit.testing.v1 import AppTest

import warehouse
from regintel.app.results import (
    COLUMNS,
    DOWNLOADS,
    ROW_HEIGHT,
    SHOWN,
    export_bytes,
    results_frame,
    table_height,
)

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "app.py"
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


def test_rows_switch_groups_facts_per_corroborated_story(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    at.toggle(key="corroborated").set_value(True).run()
    at.radio(key="group").set_value("cluster").run()
    table = _table(at)
    assert list(table["Fact"]) == ["$16.7 million"] and list(table["Mentions"]) == [2]  # one row, two stories
    assert "one row per corroborated fact" in next(t.value for t in at.text if "sorted by" in t.value)


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


def test_the_table_reads_well_and_sorts_only_on_the_server(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _run(db, monkeypatch)
    grid = next(df for df in at.dataframe if "Sentence" in df.value.columns)
    assert list(grid.proto.column_order) == list(SHOWN)  # the rest behind the column picker
    assert grid.proto.placeholder == ""  # empty cells are empty, never "None"
    # a header click selects its column instead of sorting the rows on screen
    assert list(grid.proto.selection_mode) == [DataframeProto.SelectionMode.SINGLE_COLUMN]
    assert table_height(50) - table_height(20) == 30 * ROW_HEIGHT  # every row of the page, no inner scroll
    table = _table(at)
    assert table["Evidence"].str.fullmatch(r"fact\?fact=[0-9a-f]+").all()
    at.multiselect(key="columns").set_value([*SHOWN, "Link"]).run()
    grid = next(df for df in at.dataframe if "Sentence" in df.value.columns)
    assert list(grid.proto.column_order)[-1] == "Link"
    at.selectbox(key="sort").set_value("usd").run()
    assert list(_table(at)["Figure"][:3]) == ["$4.5 bn", "GBP 29.0 M · $36.7 M", "$16.7 M"]


def test_figures_are_formatted_and_links_only_web() -> None:
    frame = results_frame([{"fact_id": "ab12", "kind": "money", "value": 9e9, "currency": "KZT",
                            "usd": 16.9e6, "doc_url": "javascript:alert(1)", "agency_acronym": None}])
    assert frame.loc[0, "Figure"] == "KZT 9.0 bn · $16.9 M" and frame.loc[0, "Evidence"] == "fact?fact=ab12"
    assert pd.isna(frame.loc[0, "Link"]) and pd.isna(frame.loc[0, "Agency"])

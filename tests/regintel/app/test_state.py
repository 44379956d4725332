"""A search's state in the URL: every declared filter, the text, sort, page and page size go into
`st.query_params` and come back from a pasted link (the Search page run headless)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

import warehouse
from regintel.app import state
from regintel.settings import DB
from tests.regintel.app.test_search import APP, _count_text, _table

EVERY_FILTER = warehouse.Query(
    text="crypto", kinds=("money", "count"), agencies=("AFM",), countries=("KZ",), actions=("seizure",),
    currencies=("USD",), sources=("decrypt",), langs=("en",), usd_min=1e6, usd_max=2.5e7, value_min=1.0,
    value_max=1e9, published_from=date(2025, 1, 1), published_to=date(2025, 12, 31),
    period_from=date(2024, 1, 1), period_to=date(2026, 1, 1), corroborated_only=True, has_usd=True,
    sort="usd", group="cluster", page=2, page_size=100)


def test_url_keys_are_the_declared_query_attributes() -> None:
    params = state.to_params(EVERY_FILTER)
    declared = {a.name for f in warehouse.FIELDS for a in f.attributes()}
    assert set(params) == declared | {"q", "sort", "group", "page", "page_size"}
    assert params["kinds"] == ["money", "count"] and params["usd_max"] == ["25000000"]
    assert params["published_from"] == ["2025-01-01"] and params["corroborated_only"] == ["1"]
    assert state.to_params(warehouse.Query(page_size=20)) == {}  # defaults stay out of the URL


def test_widget_values_read_back_what_to_params_wrote() -> None:
    values, bad = state.widget_values(state.to_params(EVERY_FILTER))
    assert not bad
    assert values["q"] == "crypto" and values["kinds"] == ["money", "count"]
    assert values["usd_min"] == 1e6 and values["usd_max"] == 2.5e7
    assert values["published"] == (date(2025, 1, 1), date(2025, 12, 31))
    assert values["corroborated"] is True and values["has_usd"] is True
    assert (values["sort"], values["group"]) == ("usd", "cluster")
    assert (values["page"], values["page_size"]) == (2, 100)


def test_unreadable_values_are_reported_and_left_at_their_defaults() -> None:
    values, bad = state.widget_values({"usd_min": ["lots"], "page": ["-3"], "page_size": ["7"],
                                       "sort": ["random"], "published_from": ["yesterday"], "group": ["x"]})
    assert sorted(bad) == ["group", "page", "page_size", "published_from", "sort", "usd_min"]
    assert values["usd_min"] is None and values["page"] == 1 and values["sort"] == "relevance"


def _open(db, monkeypatch: pytest.MonkeyPatch, **params: str | list[str]) -> AppTest:
    monkeypatch.setenv(DB.name, str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_pasted_link_restores_the_filtered_view(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    link = {"kinds": ["money"], "countries": ["KZ", "GB"], "usd_min": "1000000", "sort": "usd"}
    at = _open(db, monkeypatch, **link)
    assert at.multiselect(key="kinds").value == ["money"]
    assert at.multiselect(key="countries").value == ["KZ", "GB"]
    assert at.number_input(key="usd_min").value == 1e6 and at.selectbox(key="sort").value == "usd"
    assert list(_table(at)["Fact"]) == ["£28,959,426", "$16.7 million", "$16.7 million"]  # by USD, all pages
    assert at.query_params == {**link, "kinds": "money"}  # one value: AppTest shows it bare


def test_page_and_page_size_survive_a_reload(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = _open(db, monkeypatch, page="2")
    assert "page 2 of 2" in _count_text(at) and len(_table(at)) == total - 20
    again = _open(db, monkeypatch, **at.query_params)
    assert list(_table(again)["Evidence"]) == list(_table(at)["Evidence"])
    past_the_end = _open(db, monkeypatch, page="9", page_size="100")
    assert "page 1 of 1" in _count_text(past_the_end)
    assert past_the_end.query_params == {"page_size": "100"}


def test_changing_the_view_rewrites_the_url(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _open(db, monkeypatch)
    assert at.query_params == {}
    at.text_input(key="q").set_value("stablecoin judgment").run()
    at.toggle(key="corroborated").set_value(False)
    at.date_input(key="published").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    assert at.query_params == {"q": "stablecoin judgment", "published_from": "2024-01-01",
                               "published_to": "2024-12-31"}
    restored = _open(db, monkeypatch, **at.query_params)
    assert restored.text_input(key="q").value == "stablecoin judgment"
    assert restored.date_input(key="published").value == (date(2024, 1, 1), date(2024, 12, 31))
    assert list(_table(restored)["Evidence"]) == list(_table(at)["Evidence"])


def test_a_link_with_unreadable_values_says_which(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = _open(db, monkeypatch, usd_min="lots", kinds="money")
    assert [w.value for w in at.warning] == ["Ignored unreadable values in the link: usd_min"]
    assert set(_table(at)["Kind"]) == {"money"}

"""Trends aggregate exactly the facts a search selects, for the same Query."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import warehouse
from tests.warehouse.wh_records import STORY_A, STORY_B, make_doc, make_source, story_a, story_b


@pytest.fixture
def two_outlets(db: Path) -> Path:
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b", country="US")])
    warehouse.load_extractions(db, [
        (make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a"), story_a()),
        (make_doc("https://wire-b.test/astana", STORY_B, source_id="wire_b"), story_b())])
    return db


@pytest.mark.parametrize("query", [warehouse.Query(), warehouse.Query(text="crypto exchanges"),
                                   warehouse.Query(sources=("wire_b",)), warehouse.Query(kinds=("money",))])
def test_trends_count_the_facts_the_search_selects(two_outlets: Path, query: warehouse.Query) -> None:
    total = warehouse.search(two_outlets, query).total
    trends = warehouse.trends(two_outlets, query)
    assert sum(row["facts"] for row in trends.measures) == total > 0


def test_amounts_over_time_are_enforcement_money_in_usd_by_agency(two_outlets: Path) -> None:
    trends = warehouse.trends(two_outlets, warehouse.Query())
    months = {row["month"] for row in trends.amounts}
    assert len(months) == 1 and next(iter(months)).day == 1
    by_group = {row["group"]: (row["usd"], row["facts"]) for row in trends.amounts}
    # desk_a names the agency, wire_b does not; "(about $43 million)" restates an amount: not counted twice
    assert by_group == {"AFM": (43e6 + 16.7e6, 2), "unknown": (16.7e6 + 51.36e6, 2)}
    assert {row["currency"]: row["facts"] for row in trends.currencies} == {"USD": 3, "KZT": 2}
    assert trends.agencies == [{"agency": "AFM", "facts": 4, "usd": 43e6 + 16.7e6},
                               {"agency": "afm_kz", "facts": 1, "usd": 43e6}]  # the search's label rule


def test_amounts_by_country_use_the_source_country_when_the_fact_has_none(two_outlets: Path) -> None:
    trends = warehouse.trends(two_outlets, warehouse.Query(published_from=date(2000, 1, 1)), by="country")
    assert {row["group"] for row in trends.amounts} == {"KZ"}  # every fact here carries its own country
    with pytest.raises(ValueError, match="allowed: agency, country"):
        warehouse.trends(two_outlets, warehouse.Query(), by="source")


def test_text_without_a_searchable_word_charts_nothing(two_outlets: Path) -> None:
    trends = warehouse.trends(two_outlets, warehouse.Query(text="*** !!!"))
    assert trends.empty and not trends.measures and not trends.amounts

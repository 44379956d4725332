"""The Trends page, run headless: the same filters as Search drive four charts, each with the
rows behind it as CSV and the chart as PNG and SVG; the grouping and filters live in the URL."""

from __future__ import annotations

import csv
import io
import json

import altair as alt
import pandas as pd
import pytest

import warehouse
from regintel.app.trends import CHARTS, image
from tests.regintel.app.pages import run_page, trends_page


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def test_four_charts_of_the_filtered_facts(facts_db, monkeypatch) -> None:
    db, total = facts_db
    at = run_page(trends_page, db, monkeypatch)
    assert len(_specs(at)) == len(CHARTS) == 4
    assert [s.value for s in at.subheader] == [chart.title for chart in CHARTS]
    assert any(f"**{total:,} facts charted**" in m.value for m in at.markdown)
    labels = [button.label for button in at.get("download_button")]
    assert labels == ["CSV", "PNG", "SVG"] * 4


def test_filters_and_grouping_come_from_the_url_and_go_back_to_it(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = run_page(trends_page, db, monkeypatch, countries=["KZ"], by="country")
    assert at.multiselect(key="countries").value == ["KZ"]
    assert any("country is KZ" in t.value for t in at.text)
    expected = warehouse.trends(db, warehouse.Query(countries=("KZ",)), "country")
    assert {row["group"] for row in expected.amounts} == {"KZ"}
    at.multiselect(key="kinds").set_value(["money"]).run()
    assert at.query_params == {"countries": "KZ", "kinds": "money", "by": "country"}


def test_chart_data_is_the_warehouse_rows(facts_db) -> None:
    db, _ = facts_db
    trends = warehouse.trends(db, warehouse.Query(kinds=("money",)))
    rows = list(csv.DictReader(io.StringIO(pd.DataFrame(trends.currencies).to_csv(index=False))))
    assert {row["currency"]: int(row["facts"]) for row in rows} == {"USD": 3, "GBP": 1, "KZT": 1}


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<svg")])
def test_a_chart_exports_as_an_image(facts_db, fmt: str, magic: bytes) -> None:
    db, _ = facts_db
    trends = warehouse.trends(db, warehouse.Query())
    chart = CHARTS[0].draw(pd.DataFrame(trends.amounts), trends.by).properties(width=400)
    assert isinstance(chart, alt.Chart)
    assert image(chart, fmt).lstrip()[:len(magic)] == magic

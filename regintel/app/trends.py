"""The Trends page: charts of the facts a search selects, with the Search page's filters.

Enforcement amounts in USD over time (by agency or country), counts by measure, top agencies and
the currency mix, all from `warehouse.trends` for the same Query. Each chart downloads as PNG or
SVG (rendered by vl-convert) and as the CSV of the rows behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd
import streamlit as st
import vl_convert

import warehouse
from regintel.app import links, reading, sidebar, state
from regintel.app.search import PLACEHOLDER
from regintel.contracts import RegintelError

BY = "by"  # URL and widget key: what the amounts over time are split by
HEIGHT = 300
BILLIONS = "replace(format(datum.value, '$.2~s'), 'G', ' bn')"  # SI's G reads as billions


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    name: str  # the download files' name
    rows: Callable[[warehouse.Trends], list[dict]]
    draw: Callable[[pd.DataFrame, str], alt.Chart]


def _amounts(frame: pd.DataFrame, by: str) -> alt.Chart:
    frame = frame.assign(month=pd.to_datetime(frame["month"]))  # a timestamp the chart's JSON can hold
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonth(month):T", title="month"),
        y=alt.Y("sum(usd):Q", title="USD", axis=alt.Axis(labelExpr=BILLIONS)),
        color=alt.Color("group:N", title=by),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), alt.Tooltip("group:N", title=by),
                 alt.Tooltip("sum(usd):Q", title="USD", format="$,.0f"),
                 alt.Tooltip("sum(facts):Q", title="facts")])


def _bars(category: str, value: str, title: str) -> Callable[[pd.DataFrame, str], alt.Chart]:
    def draw(frame: pd.DataFrame, by: str) -> alt.Chart:
        del by
        return alt.Chart(frame).mark_bar().encode(
            y=alt.Y(f"{category}:N", sort="-x", title=title), x=alt.X(f"{value}:Q", title=value),
            tooltip=[alt.Tooltip(f"{category}:N", title=title), alt.Tooltip("facts:Q"),
                     alt.Tooltip("usd:Q", title="USD", format="$,.0f")])
    return draw


def _currencies(frame: pd.DataFrame, by: str) -> alt.Chart:
    del by
    return alt.Chart(frame).mark_arc(innerRadius=60).encode(
        theta=alt.Theta("facts:Q"), color=alt.Color("currency:N"),
        tooltip=["currency:N", "facts:Q", alt.Tooltip("usd:Q", title="USD", format="$,.0f")])


CHARTS = (
    Chart("Enforcement amounts in USD over time", "amounts", lambda t: t.amounts, _amounts),
    Chart("Facts by measure", "measures", lambda t: t.measures, _bars("action", "facts", "measure")),
    Chart("Top agencies", "agencies", lambda t: t.agencies, _bars("agency", "facts", "agency")),
    Chart("Currency mix (money facts)", "currencies", lambda t: t.currencies, _currencies),
)


def image(chart: alt.Chart, fmt: str) -> bytes:
    """The chart as a PNG or SVG file, rendered without a browser."""
    spec = chart.to_json()
    if fmt == "png":
        return vl_convert.vegalite_to_png(spec, scale=2)
    return vl_convert.vegalite_to_svg(spec).encode()


def _chart(where: st.delta_generator.DeltaGenerator, chart: Chart, trends: warehouse.Trends) -> None:
    frame = pd.DataFrame(chart.rows(trends))
    where.subheader(chart.title)
    if frame.empty:
        where.caption("No facts to chart.")
        return
    drawn = chart.draw(frame, trends.by).properties(height=HEIGHT, width="container")
    where.altair_chart(drawn, width="stretch")
    csv, png, svg = where.columns(3)
    csv.download_button("CSV", frame.to_csv(index=False).encode(), f"regintel-{chart.name}.csv", "text/csv",
                        key=f"csv_{chart.name}", icon=":material/download:", on_click="ignore")
    fixed = drawn.properties(width=720)  # a file has no container to fill
    for column, fmt, mime in ((png, "png", "image/png"), (svg, "svg", "image/svg+xml")):
        column.download_button(fmt.upper(), lambda f=fmt: image(fixed, f),
                               f"regintel-{chart.name}.{fmt}", mime, key=f"{fmt}_{chart.name}",
                               icon=":material/download:", on_click="ignore")


def render() -> None:
    """Draw the Trends page."""
    st.title("Trends")
    db = reading.db_path()
    if reading.missing(db):
        return
    state.restore(links.TRENDS)
    wanted = st.query_params.get(BY)
    st.session_state.setdefault(BY, wanted if wanted in warehouse.TREND_GROUPS else "agency")
    text = st.text_input("Search", key=state.TEXT, placeholder=PLACEHOLDER)
    try:
        stamp, searched = reading.stamp(db), reading.search_stamp(db)
        options = reading.run_search(str(db), searched, warehouse.Query(text=text, page_size=1,
                                                                     facets=sidebar.OPTION_FACETS))
        query = sidebar.filters(text, options, paged=False)
        by = st.segmented_control("Amounts by", list(warehouse.TREND_GROUPS), key=BY) or "agency"
        trends = reading.trends(str(db), stamp, query, by)
        selected = reading.run_search(str(db), searched, replace(query, page_size=1, facets=()))
    except RegintelError as err:
        st.error(str(err))
        return
    state.publish(links.TRENDS, query, {BY: [by]} if by != "agency" else None)
    st.markdown(f"**{selected.total:,} facts charted**")
    st.text(selected.description.rsplit(", sorted by", 1)[0])  # a chart has no order
    top, bottom = st.columns(2), st.columns(2)
    for where, chart in zip((*top, *bottom), CHARTS, strict=True):
        _chart(where, chart, trends)

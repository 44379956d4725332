"""The Search page: a query box, filters, facet counts, a paged results table and downloads.

The page only builds a `warehouse.Query` and renders the `Result` of `warehouse.search`; its
downloads are `warehouse.export` files. Results are cached per (database file state, query);
the warehouse opens and closes its own short-lived connection on each call, so a running crawl
is never blocked by the app.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import warehouse
from regintel.app.results import COLUMN_CONFIG, DOWNLOAD_MAX_ROWS, DOWNLOADS, export_bytes, results_frame
from regintel.contracts import RegintelError
from regintel.settings import DB

CHOICES = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Choice))  # sidebar multiselects
RANGES = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Range))
FLAGS = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Flag))  # sidebar toggles
FACET_LABELS = {facet.name: facet.label for facet in warehouse.FACETS}  # breakdown column labels
OPTION_FACETS = tuple(choice.facet for choice in CHOICES)  # counted for the multiselects' options
# facets whose values a filter selects exactly (a magnitude bucket is half-open, a range filter is not)
CLICKABLE_FACETS = (*OPTION_FACETS, "years")
PAGE_SIZES = (20, 50, 100)
CACHE_TTL_S = 60


def db_path() -> Path:
    """The warehouse this app reads (the DB setting: environment, else ./regintel.duckdb)."""
    return Path(DB.get())


def _state_stamp(db: Path) -> tuple[str, int]:
    """The generation searches answer from: cached results refresh when a newer one replaces it."""
    return warehouse.snapshot_stamp(db)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=512)
def run_search(db: str, stamp: tuple[str, int], query: warehouse.Query) -> warehouse.Result:
    """One cached call of the warehouse's search (the Query is a frozen dataclass: a cache key)."""
    del stamp  # only part of the cache key
    return warehouse.search(Path(db), query)


def _labelled(counts: dict[str, int]) -> Callable[[str], str]:
    return lambda value: f"{value} ({counts[value]})" if value in counts else str(value)


def _facet_select(label: str, key: str, facet: list[tuple[Any, int]],
                  known: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A multiselect whose options are the facet's values (with counts), the known values and the
    current selection, so a chosen value never disappears from its own list."""
    counts = {str(value): count for value, count in facet if value is not None}
    chosen = st.session_state.get(key, [])
    options = list(dict.fromkeys([*counts, *known, *chosen]))
    return tuple(st.sidebar.multiselect(label, options, key=key, format_func=_labelled(counts)))


def _date_range(where: DeltaGenerator, label: str, key: str,
                hint: str | None = None) -> tuple[date | None, date | None]:
    value = where.date_input(label, value=(), key=key, format="YYYY-MM-DD", help=hint)
    picked = tuple(value) if isinstance(value, list | tuple) else (value,)
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return start, end


def _number_range(where: DeltaGenerator, label: str, key: str,
                  hint: str) -> tuple[float | None, float | None]:
    """Two optional bounds side by side (empty: open)."""
    where.caption(label, help=hint)
    low, high = where.columns(2)
    return (low.number_input("from", min_value=0.0, value=None, step=1.0, key=f"{key}_min", format="%g"),
            high.number_input("to", min_value=0.0, value=None, step=1.0, key=f"{key}_max", format="%g"))


def _range(where: DeltaGenerator, declared: warehouse.Range) -> dict[str, Any]:
    """A range filter's inputs -> its two Query attributes."""
    if declared.type is date:
        low, high = _date_range(where, declared.label, declared.key, hint=declared.hint)
    else:
        low, high = _number_range(where, declared.label, declared.key, declared.hint or "")
    return {declared.low.name: low, declared.high.name: high}


def _filters(text: str, options: warehouse.Result) -> warehouse.Query:
    """The sidebar widgets -> a Query (page 1); option lists come from the text search's facets."""
    st.sidebar.header("Filters")
    chosen: dict[str, Any] = {
        choice.name: _facet_select(choice.label, choice.name, options.facets.get(choice.facet, []),
                                   choice.allowed)
        for choice in CHOICES}
    for declared in RANGES:
        if not declared.tucked:
            chosen |= _range(st.sidebar, declared)
    in_use = any(st.session_state.get(key) not in (None, ())
                 for declared in RANGES if declared.tucked for key in declared.widget_keys)
    tucked = st.sidebar.expander("Amounts and periods", expanded=in_use)
    for declared in RANGES:
        if declared.tucked:
            chosen |= _range(tucked, declared)
    for flag in FLAGS:
        chosen[flag.name] = st.sidebar.toggle(flag.label, key=flag.key, help=flag.hint)
    sort = st.sidebar.selectbox("Sort by", warehouse.SORTS, key="sort")
    labels = {grouping.name: grouping.label for grouping in warehouse.GROUPINGS}
    group = st.sidebar.radio("Rows", warehouse.GROUPS, format_func=labels.__getitem__, key="group")
    page_size = st.sidebar.selectbox("Rows per page", PAGE_SIZES, key="page_size")
    return warehouse.Query(text=text, **chosen, sort=sort, group=group, page=1, page_size=page_size,
                           facets=warehouse.FACET_NAMES)


def _narrow(name: str) -> None:
    """A clicked facet value becomes a filter: added to its multiselect, or (a year) the date range."""
    picked = st.session_state.get(f"narrow_{name}")
    if picked is None:
        return
    if name == "years":
        st.session_state["published"] = (date(picked, 1, 1), date(picked, 12, 31))
    else:
        st.session_state[name] = list(dict.fromkeys([*st.session_state.get(name, []), str(picked)]))
    st.session_state[f"narrow_{name}"] = None


def _facet_counts(result: warehouse.Result) -> None:
    """Facet counts of the current results in the sidebar, one facet per tab: values that a filter
    selects exactly are buttons that apply it (Datasette's facet links); the others a table."""
    shown = [(name, values) for name, values in result.facets.items() if values]
    if not shown:
        return
    st.sidebar.subheader("In these results")
    tabs = st.sidebar.tabs([FACET_LABELS.get(name, name).capitalize() for name, _ in shown])
    for tab, (name, values) in zip(tabs, shown, strict=True):
        counts = {value: count for value, count in values if value is not None}
        if name in CLICKABLE_FACETS and counts:
            tab.pills("Click a value to filter by it", list(counts), key=f"narrow_{name}", on_change=_narrow,
                      args=(name,), format_func=lambda value, c=counts: f"{value} · {c[value]:,}")
        else:
            frame = pd.DataFrame(values, columns=[FACET_LABELS.get(name, name), "facts"])
            tab.dataframe(frame, hide_index=True, width="stretch")


def _page_number(query: warehouse.Query) -> int:
    """The page to show: back to 1 whenever the filters change."""
    if st.session_state.get("last_query") != query:
        st.session_state["last_query"] = query
        st.session_state["page"] = 1
    return int(st.session_state.get("page", 1))


def render() -> None:
    """Draw the Search page."""
    st.title("Search enforcement facts")
    db = db_path()
    if not db.exists():
        st.info(f"No warehouse found at {db}. Build one with `regintel demo` (or `regintel crawl` "
                f"then `regintel process`), or point the {DB.name} environment variable at it.")
        return
    text = st.text_input("Search", key="q", placeholder="e.g. crypto exchange seized, штраф, SEC penalty")
    try:
        stamp = _state_stamp(db)
        options = run_search(str(db), stamp, warehouse.Query(text=text, page_size=1,
                                                             facets=OPTION_FACETS))
        if not options.total and not text:
            st.info(f"The warehouse at {db} has no facts yet. Run `regintel process` after a crawl, "
                    "or `regintel demo` to load the sample site.")
            return
        query = _filters(text, options)
        page = _page_number(query)
        result = run_search(str(db), stamp, replace(query, page=page))
    except RegintelError as err:
        st.error(str(err))
        return

    pages = max(1, math.ceil(result.total / query.page_size))
    st.markdown(f"**{result.total:,} facts found** · page {page} of {pages}")
    st.text(result.description)
    _facet_counts(result)
    st.dataframe(results_frame(result.rows), hide_index=True, width="stretch",
                 column_config=COLUMN_CONFIG)
    _paging_and_downloads(db, query, result.total, pages)


def _paging_and_downloads(db: Path, query: warehouse.Query, total: int, pages: int) -> None:
    """The page number, and every matching fact as a file in the chosen format."""
    page, fmt, button, _ = st.columns([1, 1, 1, 2], vertical_alignment="bottom")
    page.number_input("Page", min_value=1, max_value=pages, step=1, key="page")
    chosen = fmt.selectbox("Download as", list(DOWNLOADS), key="download_format",
                           format_func=lambda name: DOWNLOADS[name].label)
    download = DOWNLOADS[chosen]
    too_many = total > DOWNLOAD_MAX_ROWS
    with button:
        st.download_button(f"Download {download.label}", data=lambda: export_bytes(db, query, chosen),
                           file_name=f"regintel-facts.{chosen}", mime=download.mime,
                           icon=":material/download:", disabled=not total or too_many, on_click="ignore")
    if too_many:
        st.caption(f"Downloads stop at {DOWNLOAD_MAX_ROWS:,} facts: narrow the filters, or run "
                   "`regintel export` with the same filters (it streams any number of rows).")

"""The Search page: a query box, filters, facet counts, a paged results table and a CSV download.

The page only builds a `warehouse.Query` and renders the `Result` of `warehouse.search`. Results
are cached per (database file state, query); the warehouse opens and closes its own short-lived
connection on each call, so a running crawl is never blocked by the app.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import warehouse
from appviews.results import COLUMN_CONFIG, csv_bytes, results_frame
from contracts import ACTIONS, FACT_KINDS, RegintelError

DEFAULT_DB = "regintel.duckdb"
# facet name -> label of its column in the breakdown
FACETS = {"kinds": "kind", "agencies": "agency", "actions": "action", "currencies": "currency",
          "sources": "source", "langs": "language", "years": "year", "amounts": "USD amount",
          "periods": "fact period", "corroboration": "corroboration"}
OPTION_FACETS = ("kinds", "agencies", "actions", "currencies")  # the filters offered in the sidebar
PAGE_SIZES = (20, 50, 100)
CACHE_TTL_S = 60
CSV_PAGE_SIZE = 500  # rows fetched per search call while building the download
CSV_MAX_ROWS = 20_000  # a download is capped here; the CLI's `regintel export` has no cap


def db_path() -> Path:
    """The warehouse this app reads: $REGINTEL_DB, else ./regintel.duckdb."""
    return Path(os.environ.get("REGINTEL_DB") or DEFAULT_DB)


def _state_stamp(db: Path) -> int:
    """Changes whenever the database file (or its WAL) is written, so cached results refresh."""
    wal = db.with_name(db.name + ".wal")
    return sum(p.stat().st_mtime_ns + p.stat().st_size for p in (db, wal) if p.exists())


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=512)
def run_search(db: str, stamp: int, query: warehouse.Query) -> warehouse.Result:
    """One cached call of the warehouse's search (the Query is a frozen dataclass: a cache key)."""
    del stamp  # only part of the cache key
    return warehouse.search(Path(db), query)


def _csv_download(db: Path, query: warehouse.Query) -> bytes:
    """All rows of the filtered search (up to CSV_MAX_ROWS), fetched page by page."""
    rows: list[dict[str, Any]] = []
    page = 1
    while len(rows) < CSV_MAX_ROWS:
        result = warehouse.search(db, replace(query, page=page, page_size=CSV_PAGE_SIZE, facets=()))
        rows.extend(result.rows)
        if not result.rows or len(rows) >= result.total:
            break
        page += 1
    return csv_bytes(rows[:CSV_MAX_ROWS])


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


def _date_range(value: Any) -> tuple[date | None, date | None]:
    picked = tuple(value) if isinstance(value, list | tuple) else (value,)
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return start, end


def _filters(text: str, options: warehouse.Result) -> warehouse.Query:
    """The sidebar widgets -> a Query (page 1); option lists come from the text search's facets."""
    st.sidebar.header("Filters")
    facets = options.facets
    kinds = _facet_select("Kind", "kinds", facets.get("kinds", []), FACT_KINDS)
    agencies = _facet_select("Agency", "agencies", facets.get("agencies", []))
    actions = _facet_select("Action", "actions", facets.get("actions", []), ACTIONS)
    currencies = _facet_select("Currency", "currencies", facets.get("currencies", []))
    start, end = _date_range(st.sidebar.date_input("Published between", value=(), key="published",
                                                   format="YYYY-MM-DD"))
    corroborated = st.sidebar.toggle("Corroborated only", key="corroborated",
                                     help="Only facts reported by two or more outlets")
    sort = st.sidebar.selectbox("Sort by", warehouse.SORTS, key="sort")
    page_size = st.sidebar.selectbox("Rows per page", PAGE_SIZES, key="page_size")
    return warehouse.Query(
        text=text, kinds=kinds, agencies=agencies, actions=actions, currencies=currencies,
        published_from=start, published_to=end, corroborated_only=corroborated, sort=sort,
        page=1, page_size=page_size, facets=tuple(FACETS),
    )


def _facet_counts(result: warehouse.Result) -> None:
    """Facet counts of the current results in the sidebar, one small table per facet in tabs."""
    shown = [(name, values) for name, values in result.facets.items() if values]
    if not shown:
        return
    st.sidebar.subheader("In these results")
    tabs = st.sidebar.tabs([FACETS.get(name, name).capitalize() for name, _ in shown])
    for tab, (name, values) in zip(tabs, shown, strict=True):
        frame = pd.DataFrame(values, columns=[FACETS.get(name, name), "facts"])
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
                "then `regintel process`), or point the REGINTEL_DB environment variable at it.")
        return
    text = st.text_input("Search", key="q", placeholder="e.g. crypto exchange seized, штраф, SEC penalty")
    stamp = _state_stamp(db)
    try:
        options = run_search(str(db), stamp, warehouse.Query(text=text, page_size=1, facets=OPTION_FACETS))
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
    left, right, _ = st.columns([1, 1, 3], vertical_alignment="bottom")
    left.number_input("Page", min_value=1, max_value=pages, step=1, key="page")
    with right:
        st.download_button("Download CSV", data=lambda: _csv_download(db, query),
                           file_name="regintel-facts.csv", mime="text/csv", icon=":material/download:",
                           disabled=not result.total, on_click="ignore")

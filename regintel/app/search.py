"""The Search page: a query box, filters, facet counts, a paged results table and downloads.

The page only builds a `warehouse.Query` and renders the `Result` of `warehouse.search`; its
downloads are `warehouse.export` files. The query lives in the URL (state.py), so a link to
the page reopens the same view; each row links to its fact page.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import streamlit as st

import warehouse
from regintel.app import links, markup, reading, sidebar, state
from regintel.app.results import (
    COLUMN_CONFIG,
    COLUMNS,
    DOWNLOAD_MAX_ROWS,
    DOWNLOADS,
    ROW_HEIGHT,
    SHOWN,
    export_bytes,
    results_frame,
    table_height,
)
from regintel.contracts import RegintelError

PLACEHOLDER = "e.g. crypto exchange seized, штраф, SEC penalty"
PICKED = "columns"  # session key of the column picker


def _page_number(query: warehouse.Query) -> int:
    """The page to show: back to 1 whenever the filters change (not when they are restored)."""
    last = st.session_state.get("last_query")
    if last is not None and last != query:
        st.session_state[state.PAGE] = 1
    st.session_state["last_query"] = query
    return int(st.session_state.get(state.PAGE, 1))


def render() -> None:
    """Draw the Search page."""
    st.title("Search enforcement facts")
    db = reading.db_path()
    if reading.missing(db):
        return
    state.restore(links.SEARCH)
    text = st.text_input("Search", key=state.TEXT, placeholder=PLACEHOLDER)
    try:
        stamp = reading.search_stamp(db)
        options = reading.run_search(str(db), stamp, warehouse.Query(text=text, page_size=1,
                                                                     facets=sidebar.OPTION_FACETS))
        if not options.total and not text:
            st.info(f"The warehouse at {db} has no facts yet. Run `regintel process` after a crawl, "
                    "or `regintel demo` to load the sample site.")
            return
        query = sidebar.filters(text, options)
        page = _page_number(query)
        result = reading.run_search(str(db), stamp, replace(query, page=page))
        pages = max(1, math.ceil(result.total / query.page_size))
        if page > pages:  # a link or a narrower filter past the last page
            page = st.session_state[state.PAGE] = pages
            result = reading.run_search(str(db), stamp, replace(query, page=page))
    except RegintelError as err:
        st.error(str(err))
        return
    params = state.publish(links.SEARCH, replace(query, page=page))

    count, chart = st.columns([4, 1], vertical_alignment="bottom")
    count.markdown(f"**{result.total:,} facts found** · page {page} of {pages}")
    with chart:
        trends = {key: values for key, values in params.items() if key != state.PAGE}
        st.html(markup.internal_link(links.page_url(links.TRENDS, trends), "Chart these facts"))
    st.text(result.description)
    sidebar.facet_counts(result)
    _table(result)
    _paging_and_downloads(db, query, result.total, pages)


def _table(result: warehouse.Result) -> None:
    """The page's facts: as many rows as the page holds, the picked columns, no header sorting
    (it would order only this page; the sidebar's sort orders every match)."""
    shown = st.popover("Columns", icon=":material/view_column:").multiselect(
        "Columns shown", list(COLUMNS.values()), default=list(SHOWN), key=PICKED)
    st.dataframe(results_frame(result.rows), hide_index=True, width="stretch", column_config=COLUMN_CONFIG,
                 column_order=shown or list(SHOWN), height=table_height(len(result.rows)),
                 row_height=ROW_HEIGHT, placeholder="", on_select="rerun", selection_mode="single-column",
                 key="table")


def _paging_and_downloads(db: Path, query: warehouse.Query, total: int, pages: int) -> None:
    """The page number, and every matching fact as a file in the chosen format."""
    page, fmt, button, _ = st.columns([1, 1, 1, 2], vertical_alignment="bottom")
    page.number_input("Page", min_value=1, max_value=pages, step=1, key=state.PAGE)
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

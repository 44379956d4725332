"""The search sidebar shared by the Search and Trends pages: a widget per declared filter
(`warehouse.FIELDS`), the sort, and the facet counts whose values apply a filter when clicked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import warehouse
from regintel.app import state
from regintel.app.state import GROUP, PAGE_SIZE, PAGE_SIZES, SORT

CHOICES = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Choice))  # sidebar multiselects
RANGES = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Range))
FLAGS = tuple(f for f in warehouse.FIELDS if isinstance(f, warehouse.Flag))  # sidebar toggles
FACET_LABELS = {facet.name: facet.label for facet in warehouse.FACETS}  # breakdown column labels
OPTION_FACETS = tuple(choice.facet for choice in CHOICES)  # counted for the multiselects' options
# facets whose values a filter selects exactly (a magnitude bucket is half-open, a range filter is not)
CLICKABLE_FACETS = (*OPTION_FACETS, "years")


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


def _number_range(where: DeltaGenerator, label: str, low: str, high: str,
                  hint: str) -> tuple[float | None, float | None]:
    """Two optional bounds side by side (empty: open)."""
    where.caption(label, help=hint)
    left, right = where.columns(2)
    return (left.number_input("from", min_value=0.0, value=None, step=1.0, key=low, format="%g"),
            right.number_input("to", min_value=0.0, value=None, step=1.0, key=high, format="%g"))


def _range(where: DeltaGenerator, declared: warehouse.Range) -> dict[str, Any]:
    """A range filter's inputs -> its two Query attributes."""
    if declared.type is date:
        low, high = _date_range(where, declared.label, declared.key, hint=declared.hint)
    else:
        low, high = _number_range(where, declared.label, declared.low.name, declared.high.name,
                                  declared.hint or "")
    return {declared.low.name: low, declared.high.name: high}


def filters(text: str, options: warehouse.Result, *, paged: bool = True) -> warehouse.Query:
    """The sidebar widgets -> a Query (page 1); option lists come from the text search's facets.
    `paged`: offer the sort and the page size (the Search page's; Trends has no pages)."""
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
    if paged:
        chosen[SORT] = st.sidebar.selectbox("Sort by", warehouse.SORTS, key=SORT,
                                            help="Orders every matching fact, not only this page")
        labels = {grouping.name: grouping.label for grouping in warehouse.GROUPINGS}
        chosen[GROUP] = st.sidebar.radio("Rows", warehouse.GROUPS, format_func=labels.__getitem__, key=GROUP)
        chosen[PAGE_SIZE] = st.sidebar.selectbox("Rows per page", PAGE_SIZES, key=PAGE_SIZE)
    else:  # kept for the URL, so going back to Search restores them
        chosen |= {key: st.session_state.get(key, state.PAGING[key]) for key in (SORT, GROUP, PAGE_SIZE)}
    return warehouse.Query(text=text, **chosen, page=1, facets=warehouse.FACET_NAMES)


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


def facet_counts(result: warehouse.Result) -> None:
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

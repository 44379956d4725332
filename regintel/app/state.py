"""A search's state in the URL (`st.query_params`), so reload, back and a pasted link restore it.

The URL keys are the `Query` attribute names of the filters declared in `warehouse.FIELDS`
(repeated for several values: `?kinds=money&kinds=count&usd_min=1000000`), plus `q`, `sort`,
`page` and `page_size`; no second list of keys exists. The sidebar widgets are seeded from the
URL when a page is opened (or the URL changes under it), and the URL is rewritten from the
`Query` the widgets build on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

import warehouse

# URL keys and widget keys alike
TEXT, SORT, GROUP, PAGE, PAGE_SIZE = "q", "sort", "group", "page", "page_size"
PAGE_SIZES = (20, 50, 100)
DEFAULTS = warehouse.Query()
# the app's defaults, left out of URLs
PAGING = {SORT: DEFAULTS.sort, GROUP: DEFAULTS.group, PAGE: 1, PAGE_SIZE: PAGE_SIZES[0]}
SEEN = "_url_state"  # session key: (page, URL state) last seeded or written


def _text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):  # whole amounts as written by people: 1000000, not 1e+06
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def to_params(query: warehouse.Query) -> dict[str, list[str]]:
    """The URL state of a query: only what differs from the defaults, values as text."""
    params: dict[str, list[str]] = {TEXT: [query.text]} if query.text else {}
    for declared in warehouse.FIELDS:
        for attribute in declared.attributes():
            value = getattr(query, attribute.name)
            if value in (None, (), False):
                continue
            params[attribute.name] = ["1"] if value is True else [_text(v) for v in value] \
                if isinstance(value, tuple) else [_text(value)]
    for key, default in PAGING.items():
        if getattr(query, key) != default:
            params[key] = [str(getattr(query, key))]
    return params


def _parse(kind: Any, values: list[str]) -> Any:
    if kind is bool:
        return values[-1].lower() in ("1", "true", "yes", "on")
    if kind is date or kind == date | None:
        return date.fromisoformat(values[-1])
    if kind is float or kind == float | None:
        return float(values[-1])
    return tuple(values)


def widget_values(params: Mapping[str, list[str]]) -> tuple[dict[str, Any], list[str]]:
    """URL state -> the sidebar's session values (by widget key), and the URL keys it could not read."""
    values: dict[str, Any] = {TEXT: params.get(TEXT, [""])[-1]}
    bad: list[str] = []
    for declared in warehouse.FIELDS:
        parsed: dict[str, Any] = {}
        for attribute in declared.attributes():
            try:
                parsed[attribute.name] = _parse(attribute.type, params[attribute.name]) \
                    if params.get(attribute.name) else attribute.default
            except ValueError:
                bad.append(attribute.name)
                parsed[attribute.name] = attribute.default
        if isinstance(declared, warehouse.Choice):
            values[declared.name] = list(parsed[declared.name])
        elif isinstance(declared, warehouse.Flag):
            values[declared.key] = bool(parsed[declared.name])
        elif declared.type is date:
            ends = (parsed[declared.low.name], parsed[declared.high.name])
            values[declared.key] = tuple(e for e in ends if e is not None) if ends[0] else ()
        else:
            for end in (declared.low, declared.high):
                values[end.name] = parsed[end.name]
    values |= PAGING
    for key, allowed in ((SORT, warehouse.SORTS), (GROUP, warehouse.GROUPS)):
        chosen = params.get(key, [PAGING[key]])[-1]
        if chosen in allowed:
            values[key] = chosen
        else:
            bad.append(key)
    for key, allowed in ((PAGE, None), (PAGE_SIZE, PAGE_SIZES)):
        text = params.get(key, [str(PAGING[key])])[-1]
        if text.isdigit() and int(text) >= 1 and (allowed is None or int(text) in allowed):
            values[key] = int(text)
        else:
            bad.append(key)
    return values, bad


def _current() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def restore(page: str) -> None:
    """Seed the sidebar from the URL when this page is opened or its URL changed under it (a pasted
    link, back/forward). Opened from the navigation with no state in its URL, the page keeps the
    session's last search."""
    current = _current()
    last = st.session_state.get(SEEN)
    if last == (page, current):
        return
    if not current and last is not None and last[0] != page:
        current = last[1]
    values, bad = widget_values(current)
    for key, value in values.items():  # an empty value is the widget's own default: set only to clear
        if key in st.session_state or value not in ((), [], None, "", False):
            st.session_state[key] = value
    st.session_state[SEEN] = (page, current)
    if bad:
        st.warning(f"Ignored unreadable values in the link: {', '.join(sorted(set(bad)))}")


def publish(page: str, query: warehouse.Query,
            extra: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Write the query's state (and the page's own `extra` keys) to the URL, unless it is already
    there; returns it."""
    params = to_params(query) | (extra or {})
    if _current() != params:
        st.query_params.from_dict(params)
    st.session_state[SEEN] = (page, params)
    return params

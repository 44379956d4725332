"""Regintel's Streamlit app: the router. Each page lives in `appviews/` and reads the warehouse
only through `warehouse.search`, so the app never holds a DuckDB connection open."""

from __future__ import annotations

import streamlit as st

from appviews import search

st.set_page_config(page_title="Regintel", page_icon=":material/policy:", layout="wide")
page = st.navigation([
    st.Page(search.render, title="Search", icon=":material/search:", url_path="search", default=True),
])
page.run()

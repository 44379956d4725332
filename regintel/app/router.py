"""Regintel's Streamlit app: the router. `regintel app` runs this file; `streamlit run app.py` too.

Each page lives beside it in `regintel/app/` and reads the warehouse only through
`warehouse.search` and `warehouse.export`, so the app never holds a DuckDB connection open.
"""

from __future__ import annotations

import streamlit as st

from regintel.app import search


def run() -> None:
    """Configure the page and run the one chosen in the navigation."""
    st.set_page_config(page_title="Regintel", page_icon=":material/policy:", layout="wide")
    page = st.navigation([
        st.Page(search.render, title="Search", icon=":material/search:", url_path="search", default=True),
    ])
    page.run()


if __name__ == "__main__":
    run()

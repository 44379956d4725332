"""Regintel's Streamlit app: the router. `regintel app` runs this file; `streamlit run app.py` too.

Each page lives beside it in `regintel/app/` and reads the warehouse only through its read
functions (search, export, fact and document detail, trends), so the app never holds a DuckDB
connection open. Every page has its own URL (links.py).
"""

from __future__ import annotations

import streamlit as st

from regintel.app import document, fact, links, search, trends


def run() -> None:
    """Configure the page and run the one chosen in the navigation."""
    st.set_page_config(page_title="Regintel", page_icon=":material/policy:", layout="wide")
    page = st.navigation([
        st.Page(search.render, title="Search", icon=":material/search:", default=True),  # at the root
        st.Page(trends.render, title="Trends", icon=":material/insights:", url_path=links.TRENDS),
        st.Page(fact.render, title="Fact", icon=":material/fact_check:", url_path=links.FACT),
        st.Page(document.render, title="Document", icon=":material/article:", url_path=links.DOCUMENT),
    ])
    page.run()


if __name__ == "__main__":
    run()

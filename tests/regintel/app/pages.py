"""Run one page of the app headless: AppTest on a small script that renders only that page
(AppTest cannot switch to a page that st.navigation registers as a function)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from regintel.settings import DB


def fact_page() -> None:
    from regintel.app import fact

    fact.render()


def document_page() -> None:
    from regintel.app import document

    document.render()


def trends_page() -> None:
    from regintel.app import trends

    trends.render()


def run_page(page, db: Path, monkeypatch: pytest.MonkeyPatch, **params: str | list[str]) -> AppTest:
    """`page` rendered on `db` with `params` in its URL."""
    monkeypatch.setenv(DB.name, str(db))
    at = AppTest.from_function(page, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def html(at: AppTest) -> str:
    """Everything the page drew with st.html, joined."""
    return "\n".join(element.proto.body for element in at.get("html"))

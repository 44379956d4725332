"""How a search Result is shown and downloaded: the table's columns and the CSV bytes.

Kept apart from the page so it can be tested without Streamlit. Crawled text only ever goes
into DataFrame cells (rendered as plain text by st.dataframe), never into markdown or HTML.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

# row key -> column label, in display order
COLUMNS: dict[str, str] = {
    "kind": "Kind",
    "text": "Fact",
    "value": "Value",
    "currency": "Currency",
    "usd": "USD",
    "action": "Action",
    "agency": "Agency",
    "sentence": "Sentence",
    "doc_title": "Document",
    "published": "Published",
    "corroboration": "Sources",
    "doc_url": "Link",
}

COLUMN_CONFIG: dict[str, Any] = {
    "Fact": st.column_config.TextColumn(width="medium", help="The words the figure was found in"),
    "Value": st.column_config.NumberColumn(format="localized", width=120,
                                           help="Money in units of its currency, durations in days"),
    "USD": st.column_config.NumberColumn(format="localized", width=120, help="US dollar equivalent"),
    "Sentence": st.column_config.TextColumn(width="large"),
    "Document": st.column_config.TextColumn(width="medium"),
    "Published": st.column_config.DateColumn(format="YYYY-MM-DD"),
    "Sources": st.column_config.NumberColumn(help="How many outlets report this fact"),
    "Link": st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
}


def agency_label(row: dict[str, Any]) -> str | None:
    """The shortest name a reader recognises: acronym, else name, else registry id."""
    return row.get("agency_acronym") or row.get("agency_name") or row.get("agency_id")


def results_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Search rows -> the table the page shows (one row per fact, labelled columns)."""
    shaped = [{**row, "agency": agency_label(row)} for row in rows]
    frame = pd.DataFrame(shaped, columns=list(COLUMNS))
    return frame.rename(columns=COLUMNS)


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Every field of every row as UTF-8 CSV (with BOM, so spreadsheet apps read Cyrillic right)."""
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig")

"""How a search Result is shown and downloaded: the table's columns and the export files.

Kept apart from the page so it can be tested without Streamlit. Crawled text only ever goes
into DataFrame cells (rendered as plain text by st.dataframe) or export files, never into
markdown or HTML.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import warehouse

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
    "mentions": "Mentions",
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
    "Mentions": st.column_config.NumberColumn(help="How many of the matching facts this row stands for"),
    "Link": st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
}


def results_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Search rows -> the table the page shows (one row per fact, labelled columns)."""
    shaped = [{**row, "agency": warehouse.agency_label(row)} for row in rows]
    frame = pd.DataFrame(shaped, columns=list(COLUMNS))
    return frame.rename(columns=COLUMNS)


@dataclass(frozen=True, slots=True)
class Download:
    label: str
    mime: str


DOWNLOADS: dict[str, Download] = {  # warehouse export format -> how the page offers it
    "csv": Download("CSV", "text/csv"),
    "xlsx": Download("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "parquet": Download("Parquet", "application/vnd.apache.parquet"),
    "jsonl": Download("JSON Lines", "application/jsonl"),
}
DOWNLOAD_MAX_ROWS = 100_000  # a download is held in memory once; `regintel export` streams any size


def export_bytes(db: Path, query: warehouse.Query, fmt: str) -> bytes:
    """Every row of the search in `fmt`, written by the warehouse's streamed export."""
    with tempfile.TemporaryDirectory(prefix="regintel-download-") as folder:
        out = Path(folder) / f"facts.{fmt}"
        warehouse.export(db, query, fmt, out)  # paging and facets do not apply to an export
        return out.read_bytes()

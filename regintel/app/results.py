"""How a search Result is shown and downloaded: the table's columns and the export files.

Kept apart from the page so it can be tested without Streamlit. Crawled text only ever goes
into DataFrame cells (rendered as plain text by st.dataframe) or export files, never into
markdown or HTML. Figures are formatted for reading (formatting.py); the raw numbers stay in
columns behind the column picker and in the downloads.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import warehouse
from regintel.app import formatting
from regintel.app.links import fact_url, is_web

# row key -> column label, in the picker's order; the first ones are shown unless the reader picks
COLUMNS: dict[str, str] = {
    "figure": "Figure",
    "sentence": "Sentence",
    "agency": "Agency",
    "published": "Published",
    "action": "Action",
    "corroboration": "Sources",
    "evidence": "Evidence",
    "kind": "Kind",
    "text": "Fact",
    "value": "Value",
    "currency": "Currency",
    "usd": "USD",
    "country": "Country",
    "source_id": "Source",
    "lang": "Language",
    "doc_title": "Document",
    "doc_url": "Link",
    "confidence": "Confidence",
    "mentions": "Mentions",
}
SHOWN = ("Figure", "Sentence", "Agency", "Published", "Action", "Sources", "Evidence")
ROW_HEIGHT = 66  # above 4rem the grid wraps text: three lines of a sentence
HEADER_HEIGHT = 38

COLUMN_CONFIG: dict[str, Any] = {
    "Figure": st.column_config.TextColumn(width=160, help="The amount in its currency and in US dollars, "
                                          "a duration in human units, a count with what it counts"),
    "Sentence": st.column_config.TextColumn(width="large", help="The sentence the figure was found in"),
    "Agency": st.column_config.TextColumn(width=90),
    "Published": st.column_config.DateColumn(format="YYYY-MM-DD", width=100),
    "Action": st.column_config.TextColumn(width=90),
    "Sources": st.column_config.NumberColumn(width=70, help="How many outlets report this fact"),
    "Evidence": st.column_config.LinkColumn(display_text="open", width=75,
                                            help="The fact page: sentence, article, other sources"),
    "Fact": st.column_config.TextColumn(width="medium", help="The words the figure was found in"),
    "Value": st.column_config.NumberColumn(format="compact", width=100,
                                           help="Money in units of its currency, durations in days"),
    "USD": st.column_config.NumberColumn(format="compact", width=100, help="US dollar equivalent"),
    "Confidence": st.column_config.NumberColumn(format="percent", width=90),
    "Mentions": st.column_config.NumberColumn(width=80,
                                              help="How many of the matching facts this row stands for"),
    "Document": st.column_config.TextColumn(width="medium"),
    "Link": st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)"),
}


def results_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Search rows -> the table the page shows (one row per fact, labelled columns)."""
    shaped = [{**row, "agency": warehouse.agency_label(row), "figure": formatting.figure(row),
               "evidence": fact_url(row["fact_id"]) if row.get("fact_id") else None,
               "doc_url": row.get("doc_url") if is_web(row.get("doc_url")) else None}
              for row in rows]
    frame = pd.DataFrame(shaped, columns=list(COLUMNS))
    return frame.rename(columns=COLUMNS)


def table_height(rows: int) -> int:
    """Pixels that show `rows` rows without an inner scrollbar."""
    return HEADER_HEIGHT + ROW_HEIGHT * max(rows, 1)


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

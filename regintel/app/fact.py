"""The fact page (`fact?fact=<fact_id>`): the evidence behind one fact, to be checked.

Its sentence with the figure and the agencies named highlighted, the fact's fields (period,
confidence, extractor version, USD basis), its document (title, source, dates, the original
link) and its cluster: every other source reporting it, their figures side by side, conflicts
marked. Crawled text reaches the page only escaped (markup.py) or as DataFrame cells.
"""

from __future__ import annotations

from html import escape
from typing import Any

import pandas as pd
import streamlit as st

import warehouse
from regintel.app import formatting, links, markup, reading

FIELDS = (  # the fact's own fields, in the order shown: (label, how to read it from the fact)
    ("Figure", formatting.figure),
    ("As written", lambda f: f["text"]),
    ("Kind", lambda f: f["kind"]),
    ("Action", lambda f: f["action"]),
    ("Agency", lambda f: " · ".join(v for v in (f["agency_acronym"], f["agency_name"]) if v)),
    ("Country", lambda f: f["country"]),
    ("USD basis", lambda f: f["usd_basis"]),
    ("Period", lambda f: " to ".join(str(d) for d in dict.fromkeys((f["period_start"], f["period_end"])) if d)
     + (f" ({f['period_text']})" if f["period_text"] else "")),
    ("Confidence", lambda f: f"{f['confidence']:.0%}" if f["confidence"] is not None else None),
    ("Extractor version", lambda f: f["extractor_version"]),
    ("Fact id", lambda f: f["fact_id"]),
)
REPORT_COLUMNS = {"source_id": "Source", "published": "Published", "figure": "Figure", "agency": "Agency",
                  "agrees": "Agrees", "doc_title": "Document", "evidence": "Evidence", "doc_url": "Link"}


def _field_table(fact: dict[str, Any]) -> pd.DataFrame:
    rows = [(label, formatting.text(read(fact))) for label, read in FIELDS]
    return pd.DataFrame([(label, value) for label, value in rows if value], columns=["Field", "Value"])


def _agrees(report: dict[str, Any]) -> str:
    return "this fact" if report["this"] else "⚠ differs" if report["differs"] else "✓ same"


def reports_frame(reports: list[dict[str, Any]]) -> pd.DataFrame:
    """The cluster's reports side by side; a USD figure apart from this fact's is marked."""
    shaped = [{**r, "figure": formatting.figure({**r, "kind": "money" if r["currency"] else "count"}),
               "agrees": _agrees(r), "evidence": None if r["this"] else links.fact_url(r["fact_id"]),
               "doc_url": r["doc_url"] if links.is_web(r["doc_url"]) else None} for r in reports]
    return pd.DataFrame(shaped, columns=list(REPORT_COLUMNS)).rename(columns=REPORT_COLUMNS)


def _document(document: dict[str, Any]) -> str:
    """The document's title, source, dates and links, as escaped HTML."""
    seen = f"first seen {document['first_seen']:%Y-%m-%d}, last seen {document['last_seen']:%Y-%m-%d}"
    return (f"<p><strong>{escape(document['title'] or '(untitled)')}</strong><br>"
            f"{escape(document['source_name'] or document['source_id'])} · published "
            f"{escape(str(document['published'] or 'unknown'))} · {seen}<br>"
            f"Original: {markup.link(document['url'])} · "
            f"{markup.internal_link(links.document_url(document['doc_id']), 'Read the article here')}</p>")


def _cluster(detail: warehouse.FactDetail) -> None:
    st.subheader("Other sources")
    cluster = detail.cluster
    if len(detail.reports) < 2:
        st.caption("No other source reports this fact yet.")
        return
    stories = cluster["corroboration"] if cluster else len(detail.reports)
    st.markdown(f"Reported by **{stories}** independent stories.")
    if cluster and cluster["conflict"]:
        low, high = (formatting.amount(cluster[end], "USD", None) for end in ("usd_min", "usd_max"))
        st.warning(f"The sources disagree: USD figures range from {low} to {high}.",
                   icon=":material/warning:")
    st.dataframe(reports_frame(detail.reports), hide_index=True, width="stretch", placeholder="",
                 column_config={"Evidence": st.column_config.LinkColumn(display_text="open"),
                                "Link": st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)")})


def render() -> None:
    """Draw the fact page for the fact in the URL."""
    detail = reading.by_id("Fact", links.FACT_KEY, reading.fact_detail,
                           "Open a fact from the Search page: each result links to its evidence.",
                           "No fact with id {id} in this warehouse (re-extraction gives facts new ids).")
    if detail is None:
        return
    fact = detail.fact
    st.html(markup.STYLE + f"<h2>{escape(formatting.figure(fact) or fact['text'] or '')}"
            f" <small>{escape(fact['action'] or '')}</small></h2>")
    st.html(markup.highlighted(fact["sentence"] or "", detail.sentence_marks) + markup.KEY)
    left, right = st.columns([1, 1])
    with left:
        st.subheader("The fact")
        st.dataframe(_field_table(fact), hide_index=True, width="stretch")
    with right:
        st.subheader("Its document")
        st.html(_document(detail.document))
    _cluster(detail)

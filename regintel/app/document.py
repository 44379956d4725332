"""The document page (`document?doc=<doc_id>`): the article's text with every fact highlighted
(each figure links to its fact page) and the facts table beside it."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from regintel.app import formatting, links, markup, reading

FACT_ROW = 35  # the grid's row height: the table shows every fact without an inner scroll
COLUMNS = {"figure": "Figure", "action": "Action", "agency": "Agency", "corroboration": "Sources",
           "evidence": "Evidence", "text": "As written", "kind": "Kind"}


def render() -> None:
    """Draw the document page for the document in the URL."""
    detail = reading.by_id("Document", links.DOC_KEY, reading.document_detail,
                           "Open a document from a fact page.", "No document with id {id} in this warehouse.")
    if detail is None:
        return
    document = detail.document
    st.html(markup.STYLE + f"<h2>{escape(document['title'] or '(untitled)')}</h2>"
            f"<p>{escape(document['source_name'] or document['source_id'])} · published "
            f"{escape(str(document['published'] or 'unknown'))} · {escape(document['lang'] or '')} · "
            f"original: {markup.link(document['url'])}</p>")
    text, facts = st.columns([3, 2])
    with text:
        st.html(markup.KEY + markup.highlighted(document["text"] or "", detail.marks, link_facts=True))
    with facts:
        st.subheader(f"{len(detail.facts)} fact{'' if len(detail.facts) == 1 else 's'}")
        shaped = [{**f, "figure": formatting.figure(f), "evidence": links.fact_url(f["fact_id"])}
                  for f in detail.facts]
        st.dataframe(pd.DataFrame(shaped, columns=list(COLUMNS)).rename(columns=COLUMNS), hide_index=True,
                     width="stretch", placeholder="", height=FACT_ROW * (len(shaped) + 1) + 3,
                     column_config={"Evidence": st.column_config.LinkColumn(display_text="open")})

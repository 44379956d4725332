"""The document page, run headless: the article with every fact highlighted (linked to its fact
page) and the facts table beside it; hostile markup in the article stays text."""

from __future__ import annotations

import warehouse
from tests.regintel.app.pages import document_page, html, run_page


def _doc_id(db, source: str) -> str:
    return warehouse.search(db, warehouse.Query(sources=(source,))).rows[0]["doc_id"]


def test_the_article_highlights_every_fact_beside_the_facts_table(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = run_page(document_page, db, monkeypatch, doc=_doc_id(db, "kursiv_kz"))
    drawn = html(at)
    facts = warehouse.search(db, warehouse.Query(sources=("kursiv_kz",))).rows
    for fact in facts:
        assert (f'<mark class="figure"><a href="fact?fact={fact["fact_id"]}" target="_self">'
                f'{fact["text"]}</a></mark>') in drawn
    table = next(df.value for df in at.dataframe if "Figure" in df.value.columns)
    assert list(table["Figure"]) == ["KZT 112.0 M · $224.0 K", "3 months"]
    assert [s.value for s in at.subheader] == ["2 facts"]
    assert "<h2>Регулятор оштрафовал банк</h2>" in drawn


def test_hostile_article_stays_inert_text(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    drawn = html(run_page(document_page, db, monkeypatch, doc=_doc_id(db, "hostile_news")))
    for tag in ("<script", "<img", 'href="javascript', "<a href=\"javascript"):
        assert tag not in drawn
    assert "&lt;script&gt;window.pwned = &#x27;text&#x27;&lt;/script&gt;" in drawn
    assert "[the ruling](javascript:window.pwned=&#x27;md&#x27;)" in drawn  # st.html: no markdown
    assert '<mark class="figure"><a href="fact?fact=' in drawn


def test_an_unknown_document_says_so(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = run_page(document_page, db, monkeypatch, doc="nope")
    assert [w.value for w in at.warning] == ["No document with id 'nope' in this warehouse."]

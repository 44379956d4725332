"""The fact page, run headless: the sentence with its figure and agency highlighted, the fact's
fields, its document with a link to the original, and the other sources of its cluster."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import warehouse
from regintel.app.fact import reports_frame
from tests.regintel.app.conftest import HOSTILE_TITLE
from tests.regintel.app.pages import fact_page, html, run_page


def _fact(db: Path, **where: object) -> dict:
    rows = warehouse.search(db, warehouse.Query(page_size=100)).rows
    return next(row for row in rows if all(row[key] == value for key, value in where.items()))


def _fields(at) -> dict[str, str]:
    table = next(df.value for df in at.dataframe if list(df.value.columns) == ["Field", "Value"])
    return dict(zip(table["Field"], table["Value"], strict=True))


def test_the_sentence_shows_its_figure_and_agency_highlighted(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    fine = _fact(db, currency="GBP")
    at = run_page(fact_page, db, monkeypatch, fact=fine["fact_id"])
    drawn = html(at)
    assert ('The <mark class="agency">Financial Conduct Authority</mark> fined the bank '
            '<mark class="figure">£28,959,426</mark> for weak sanctions screening.') in drawn
    assert "GBP 29.0 M · $36.7 M" in drawn  # the heading: the amount in its currency and in dollars
    fields = _fields(at)
    assert fields["Action"] == "fine" and fields["Agency"] == "FCA · Financial Conduct Authority"
    assert fields["Extractor version"] == "app-test" and fields["Confidence"] == "100%"
    assert fields["USD basis"] == "rate:test:2024-10-02"
    assert '<a href="https://fca_gb.example/news/fca_fine" target="_blank"' in drawn
    assert f'href="document?doc={fine["doc_id"]}"' in drawn
    assert any("No other source" in caption.value for caption in at.caption)


def test_a_corroborated_fact_shows_every_source_side_by_side(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    seized = _fact(db, source_id="decrypt", currency="USD")
    at = run_page(fact_page, db, monkeypatch, fact=seized["fact_id"])
    assert any("**2** independent stories" in m.value for m in at.markdown)
    reports = next(df.value for df in at.dataframe if "Agrees" in df.value.columns)
    assert list(reports["Source"]) == ["decrypt", "timesca"]
    assert list(reports["Agrees"]) == ["this fact", "✓ same"]
    assert list(reports["Figure"]) == ["$16.7 M", "$16.7 M"]
    assert reports["Evidence"].iloc[1].startswith("fact?fact=") and pd.isna(reports["Evidence"].iloc[0])


def test_conflicting_reports_are_marked() -> None:
    reports = [{"fact_id": "a", "source_id": "desk", "currency": "KZT", "value": 24e9, "usd": 43e6,
                "this": True, "differs": False, "doc_url": "https://desk.example/a"},
               {"fact_id": "b", "source_id": "wire", "currency": "KZT", "value": 24e9, "usd": 51.36e6,
                "this": False, "differs": True, "doc_url": "javascript:alert(1)"}]
    frame = reports_frame(reports)
    assert list(frame["Agrees"]) == ["this fact", "⚠ differs"]
    assert list(frame["Figure"]) == ["KZT 24.0 bn · $43.0 M", "KZT 24.0 bn · $51.4 M"]
    assert frame["Link"].iloc[0] == "https://desk.example/a" and pd.isna(frame["Link"].iloc[1])


def test_hostile_text_stays_text_and_a_javascript_url_is_not_a_link(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    hostile = _fact(db, source_id="hostile_news")
    drawn = html(run_page(fact_page, db, monkeypatch, fact=hostile["fact_id"]))
    assert "<img" not in drawn and "<script" not in drawn and 'href="javascript' not in drawn
    assert "&lt;img src=x onerror=&quot;window.pwned=&#x27;img&#x27;&quot;&gt;" in drawn
    assert "<strong>&lt;script&gt;window.pwned = &#x27;title&#x27;&lt;/script&gt;" in drawn
    assert HOSTILE_TITLE not in drawn
    assert '<span class="rg-unlinked">javascript:window.pwned=&#x27;url&#x27;</span>' in drawn


def test_an_unknown_or_missing_fact_says_so(facts_db, monkeypatch) -> None:
    db, _ = facts_db
    at = run_page(fact_page, db, monkeypatch, fact="nope")
    assert [w.value for w in at.warning] == [
        "No fact with id 'nope' in this warehouse (re-extraction gives facts new ids)."]
    at = run_page(fact_page, db, monkeypatch)
    assert any("Open a fact from the Search page" in i.value for i in at.info)

"""The fact and document pages' data: a fact's sentence marks, its document, its cluster's reports
(conflicts marked); a document's facts and marks. Two outlets report one story (wh_records)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import AFM, STORY_A, STORY_B, make_doc, make_source, story_a, story_b

NAMED = STORY_A.index(AFM.name)  # where story A names the agency


@pytest.fixture
def two_outlets(db: Path) -> Path:
    warehouse.upsert_sources(db, [make_source("desk_a"), make_source("wire_b")])
    warehouse.load_extractions(db, [
        (make_doc("https://desk-a.test/kz-crypto", STORY_A, source_id="desk_a", title="Desk A"),
         Extraction(story_a().facts, (replace(AFM, start=NAMED, end=NAMED + len(AFM.name)),))),
        (make_doc("https://wire-b.test/astana", STORY_B, source_id="wire_b", title="Wire B"), story_b())])
    return db


def _fact_id(db: Path, source: str, text: str) -> str:
    rows = warehouse.search(db, warehouse.Query(sources=(source,), page_size=100)).rows
    return next(row["fact_id"] for row in rows if row["text"] == text)


def _marked(text: str, marks: tuple[warehouse.Mark, ...]) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start:m.end]) for m in marks]


def test_fact_detail_marks_the_figure_and_the_agency_in_its_sentence(two_outlets: Path) -> None:
    fact_id = _fact_id(two_outlets, "desk_a", "24 billion tenge")
    detail = warehouse.fact_detail(two_outlets, fact_id)
    assert detail is not None and detail.fact["fact_id"] == fact_id
    assert _marked(detail.fact["sentence"], detail.sentence_marks) == [
        ("agency", "Financial Monitoring Agency"), ("figure", "24 billion tenge")]
    assert detail.document["title"] == "Desk A" and detail.document["url"] == "https://desk-a.test/kz-crypto"
    assert "text" not in detail.document


def test_fact_detail_lists_every_report_of_its_cluster_and_marks_the_conflict(two_outlets: Path) -> None:
    detail = warehouse.fact_detail(two_outlets, _fact_id(two_outlets, "desk_a", "24 billion tenge"))
    assert detail is not None and detail.cluster is not None and detail.cluster["conflict"]
    reports = [(r["source_id"], r["text"], r["usd"], r["this"], r["differs"]) for r in detail.reports]
    assert reports == [("desk_a", "24 billion tenge", 43e6, True, False),
                       ("wire_b", "KZT 24 billion", 51.36e6, False, True)]
    seizure = warehouse.fact_detail(two_outlets, _fact_id(two_outlets, "wire_b", "$16.7 million"))
    assert seizure is not None and not seizure.cluster["conflict"]
    assert [(r["source_id"], r["differs"]) for r in seizure.reports] == [("wire_b", False), ("desk_a", False)]
    assert seizure.reports[1]["agency"] == "AFM"  # its own agency label


def test_a_sentence_not_found_in_the_text_still_marks_its_figure() -> None:
    fact = {"fact_id": "f", "sentence": "The FCA fined it £5m.", "start": 999, "end": 1002, "text": "£5m",
            "agency_acronym": "FCA", "agency_name": None}
    marks = warehouse.detail.sentence_marks(fact, "an unrelated text", [])
    assert _marked(fact["sentence"], marks) == [("agency", "FCA"), ("figure", "£5m")]


def test_document_detail_marks_every_fact_and_agency(two_outlets: Path) -> None:
    doc_id = warehouse.search(two_outlets, warehouse.Query(sources=("desk_a",))).rows[0]["doc_id"]
    detail = warehouse.document_detail(two_outlets, doc_id)
    assert detail is not None and detail.document["text"] == STORY_A
    assert [f["text"] for f in detail.facts] == [
        "81 underground cash-out groups", "24 billion tenge", "$43 million",
        "130 unregistered crypto exchanges", "$16.7 million"]
    marked = _marked(STORY_A, detail.marks)
    assert ("agency", "Financial Monitoring Agency") in marked
    assert [text for kind, text in marked if kind == "figure"] == [f["text"] for f in detail.facts]


def test_unknown_ids_are_none(two_outlets: Path) -> None:
    assert warehouse.fact_detail(two_outlets, "no-such-fact") is None
    assert warehouse.document_detail(two_outlets, "no-such-doc") is None

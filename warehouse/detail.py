"""The evidence behind a fact and the facts of a document: the data of the app's fact and
document pages (one data function per view).

Highlights are character offsets (`Mark`) into the text they belong to, never markup: a face
escapes the text and wraps the marked ranges itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from warehouse.consolidate import settings as consolidation
from warehouse.schema import reader
from warehouse.search.columns import agency_label

DOCUMENT = """SELECT d.doc_id, d.url, d.source_id, s.name AS source_name, s.country AS source_country,
                     d.title, d.lang, d.published, d.published_raw, d.fetched_at, d.first_seen,
                     d.last_seen, d.text
              FROM documents d LEFT JOIN sources s USING (source_id)"""
MENTIONS = """SELECT start, "end" FROM agency_mentions WHERE doc_id = ? AND start IS NOT NULL
              ORDER BY start"""
CLUSTER = "SELECT * FROM fact_clusters WHERE cluster_id = ?"
MEMBERS = """SELECT f.fact_id, f.doc_id, f.source_id, d.title AS doc_title, d.url AS doc_url, f.published,
                    f.text, f.value, f.currency, f.unit, f.usd, f.usd_basis, f.action, f.agency_id,
                    f.agency_name, f.agency_acronym, f.confidence
             FROM facts f JOIN documents d ON d.doc_key = f.doc_key
             WHERE f.cluster_id = ? ORDER BY f.published, f.source_id, f.fact_id"""


@dataclass(frozen=True, slots=True)
class Mark:
    """A range of a text to highlight: the fact's figure, an agency named, or a fact (in an article)."""

    start: int
    end: int
    kind: str  # "figure" | "agency"
    fact_id: str | None = None


@dataclass(frozen=True, slots=True)
class FactDetail:
    """A fact with its document, the highlights of its sentence and every report of its cluster."""

    fact: dict[str, Any]
    document: dict[str, Any]  # without its text
    sentence_marks: tuple[Mark, ...]
    cluster: dict[str, Any] | None
    # the cluster's facts, this one first, each with "this" and "differs" (its USD is apart from this one's)
    reports: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document (with its text), its facts in reading order and the highlights of its text."""

    document: dict[str, Any]
    facts: list[dict[str, Any]]
    marks: tuple[Mark, ...]


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _sentence_offset(text: str, fact: dict[str, Any]) -> int | None:
    """Where the fact's sentence starts in its document's text (the occurrence holding the fact)."""
    sentence, start, end = fact["sentence"] or "", fact["start"], fact["end"]
    at = text.rfind(sentence, 0, start + 1) if sentence else -1
    return at if at >= 0 and at + len(sentence) >= end else None


def _find(text: str, words: str | None) -> Mark | None:
    at = text.find(words) if words else -1
    return Mark(at, at + len(words), "agency") if words and at >= 0 else None


def sentence_marks(fact: dict[str, Any], text: str, mentions: list[tuple[int, int]]) -> tuple[Mark, ...]:
    """The figure and the agencies named in the fact's sentence, as offsets into the sentence.

    Offsets come from the document when the sentence is found at the fact's place in it; else the
    figure and the agency's acronym or name are looked up in the sentence itself.
    """
    sentence = fact["sentence"] or ""
    at = _sentence_offset(text, fact)
    if at is not None:
        marks = [Mark(fact["start"] - at, fact["end"] - at, "figure", fact["fact_id"])]
        marks += [Mark(s - at, e - at, "agency") for s, e in mentions if at <= s and e <= at + len(sentence)]
    else:
        figure = sentence.find(fact["text"] or "\0")
        marks = [Mark(figure, figure + len(fact["text"]), "figure", fact["fact_id"])] if figure >= 0 else []
    if not any(m.kind == "agency" for m in marks):
        found = _find(sentence, fact.get("agency_acronym")) or _find(sentence, fact.get("agency_name"))
        marks += [found] if found else []
    return tuple(sorted(marks, key=lambda m: m.start))


def _apart(usd: float | None, other: float | None) -> bool:
    """Two USD figures further apart than consolidation's conflict tolerance."""
    if usd is None or other is None:
        return False
    return abs(usd - other) > consolidation().conflict_tolerance * max(abs(usd), abs(other))


def fact_detail(db: Path, fact_id: str) -> FactDetail | None:
    """Everything the fact page shows about `fact_id`, or None if the warehouse has no such fact."""
    with reader(db) as con:
        found = _dicts(con.execute("SELECT * EXCLUDE (doc_key) FROM facts WHERE fact_id = ?", [fact_id]))
        if not found:
            return None
        fact = found[0]
        document = _dicts(con.execute(f"{DOCUMENT} WHERE d.doc_id = ?", [fact["doc_id"]]))[0]
        mentions = con.execute(MENTIONS, [fact["doc_id"]]).fetchall()
        cluster, members = None, []
        if fact["cluster_id"]:
            clusters = _dicts(con.execute(CLUSTER, [fact["cluster_id"]]))
            cluster = clusters[0] if clusters else None
            members = _dicts(con.execute(MEMBERS, [fact["cluster_id"]]))
    text = document.pop("text") or ""
    reports = [{**m, "agency": agency_label(m), "this": m["fact_id"] == fact_id,
                "differs": _apart(fact["usd"], m["usd"])} for m in members]
    reports.sort(key=lambda m: not m["this"])  # this fact first, the others by date
    return FactDetail(fact=fact, document=document, sentence_marks=sentence_marks(fact, text, mentions),
                      cluster=cluster, reports=reports)


def document_detail(db: Path, doc_id: str) -> DocumentDetail | None:
    """The document page's data: the document, its facts and the marks of its text, or None."""
    with reader(db) as con:
        found = _dicts(con.execute(f"{DOCUMENT} WHERE d.doc_id = ?", [doc_id]))
        if not found:
            return None
        facts = _dicts(con.execute("""
            SELECT f.* EXCLUDE (doc_key), coalesce(c.corroboration, 1) AS corroboration,
                   coalesce(c.conflict, false) AS conflict
            FROM facts f LEFT JOIN fact_clusters c USING (cluster_id)
            WHERE f.doc_id = ? ORDER BY f.start, f."end", f.fact_id""", [doc_id]))
        mentions = con.execute(MENTIONS, [doc_id]).fetchall()
    document = found[0]
    size = len(document["text"] or "")
    marks = [Mark(f["start"], f["end"], "figure", f["fact_id"]) for f in facts if f["end"] <= size]
    marks += [Mark(s, e, "agency") for s, e in mentions if e <= size]
    return DocumentDetail(document=document, facts=[{**f, "agency": agency_label(f)} for f in facts],
                          marks=tuple(sorted(marks, key=lambda m: (m.start, -m.end))))

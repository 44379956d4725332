"""Run checks: what the monitors measured of each finished run, and the facts a run brought.

Pages keep only their latest fetch, so an earlier run's documents cannot be counted again
later: each run's numbers are stored once, when its monitors run, and the trailing median
of a source's recent healthy runs reads them back from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warehouse.schema import reader, writer


@dataclass(frozen=True, slots=True)
class RunCheck:
    run_id: str
    source_id: str
    trigger: str  # schedule, catch-up, manual
    status: str  # the run's status
    items: int
    documents: int
    facts: int
    facts_per_document: float | None
    block_rate: float | None
    checked_at: datetime


def record_check(db: Path, check: RunCheck) -> None:
    with writer(db) as con:
        con.execute("DELETE FROM run_checks WHERE run_id = ?", [check.run_id])
        con.execute("INSERT INTO run_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [check.run_id, check.source_id, check.trigger, check.status, check.items, check.documents,
                     check.facts, check.facts_per_document, check.block_rate, check.checked_at])


def run_checks(db: Path, source_id: str | None = None, *, status: str | None = None,
               limit: int = 50) -> list[RunCheck]:
    """Checks of finished runs, newest first, optionally of one source and run status."""
    with reader(db) as con:
        rows = con.execute("""SELECT * FROM run_checks WHERE (?::VARCHAR IS NULL OR source_id = ?)
                              AND (?::VARCHAR IS NULL OR status = ?) ORDER BY checked_at DESC LIMIT ?""",
                           [source_id, source_id, status, status, limit]).fetchall()
    return [RunCheck(*r) for r in rows]


def run_facts(db: Path, run_id: str) -> tuple[int, int]:
    """(documents, facts) of the pages this run fetched that became documents with extractions."""
    with reader(db) as con:
        documents, facts = con.execute("""SELECT count(*), coalesce(sum(e.facts), 0)
                                          FROM pages p JOIN documents d ON d.doc_id = p.page_id
                                          JOIN extractions e ON e.doc_id = d.doc_id
                                          WHERE p.run_id = ?""", [run_id]).fetchone()
    return int(documents), int(facts)

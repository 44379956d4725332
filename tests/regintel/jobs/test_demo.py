"""`regintel demo --no-app` end to end: sample site -> crawl -> extract -> warehouse, twice; then reparse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import warehouse


def regintel(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regintel", *args, "--db", "demo.duckdb"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def run_demo(cwd: Path) -> subprocess.CompletedProcess[str]:
    return regintel(cwd, "demo", "--no-app")


def test_demo_loads_the_sample_site_idempotently(tmp_path: Path) -> None:
    first = run_demo(tmp_path)
    assert first.returncode == 0, first.stderr[-3000:]
    summary = warehouse.summary(tmp_path / "demo.duckdb")
    assert summary.documents >= 40
    assert summary.facts >= 200
    assert {"money", "count", "agency"} & set(dict(summary.facts_by_kind)) >= {"money", "count"}
    assert "facts" in first.stdout and "documents" in first.stdout
    shown = warehouse.search(tmp_path / "demo.duckdb", warehouse.Query(page_size=1000))  # the default view
    said = [(r["doc_id"], r["kind"], r["value"], r["value_max"], r["unit"], r["currency"], r["action"],
             r["person"], (r["period_start"], r["period_end"]) if r["kind"] == "period" else None)
            for r in shown.rows]
    assert len(said) == len(set(said)) == shown.total  # no fact twice for one document
    assert shown.total < summary.facts and any(r["mentions"] > 1 for r in shown.rows)

    second = run_demo(tmp_path)
    assert second.returncode == 0, second.stderr[-3000:]
    again = warehouse.summary(tmp_path / "demo.duckdb")
    assert again.documents == summary.documents
    assert again.facts_by_kind == summary.facts_by_kind

    reparsed = regintel(tmp_path, "reparse")  # stored pages -> the same documents, offline
    assert reparsed.returncode == 0, reparsed.stderr[-3000:]
    assert "timesca: 6 pages parsed, 6 documents" in reparsed.stdout
    assert "0 documents processed" in reparsed.stdout  # nothing changed, nothing re-extracted
    assert warehouse.summary(tmp_path / "demo.duckdb").facts_by_kind == summary.facts_by_kind

"""`regintel runs list|issues`: maintainers see each run and every recorded problem with its reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crawlers.runner import crawl
from regintel.samplesite import hostile
from regintel.samplesite.server import running


def regintel(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regintel", *args], capture_output=True, text=True, timeout=120, check=True
    )


def test_runs_and_their_issues_are_listed(tmp_path: Path, hostile_source, fast_settings) -> None:
    db = tmp_path / "w.duckdb"
    with running() as site:
        (run,) = crawl(db, [hostile_source], settings=fast_settings, rewrite=site.rewrite())
    (listed,) = json.loads(regintel("runs", "list", "--format", "json", "--db", str(db)).stdout)
    assert (listed["run_id"], listed["status"]) == (run.run_id, run.status)

    issues = json.loads(
        regintel("runs", "issues", "--run", run.run_id, "--format", "json", "--db", str(db)).stdout
    )
    expected = {(f"https://{hostile.HOST}{p.path}", p.reason) for p in hostile.pages() if p.reason}
    assert expected <= {(i["url"], i["reason"]) for i in issues}
    assert all(i["detail"] and i["source_id"] == "hostile" for i in issues)

    only = json.loads(
        regintel("runs", "issues", "--reason", "no_article", "--format", "json", "--db", str(db)).stdout
    )
    assert only and {i["reason"] for i in only} == {"no_article"}
    table = regintel("runs", "issues", "--source", "hostile", "--db", str(db)).stdout
    assert "no_article" in table and "issues" in table

"""One writer process loading in a loop while reader processes search: no failed reads, no lost rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

DURATION_S = 30  # the issue requires 30 s of concurrent load and search
READERS = 2
WORKERS = Path(__file__).with_name("wh_workers.py")
ROOT = Path(__file__).resolve().parents[2]


def _start(role: str, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(WORKERS.parent)])}
    return subprocess.Popen([sys.executable, str(WORKERS), role, str(db), str(DURATION_S)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


@pytest.mark.slow
def test_readers_keep_working_while_a_writer_loads(db: Path) -> None:
    procs = [_start("writer", db)] + [_start("reader", db) for _ in range(READERS)]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=DURATION_S + 120)
        assert proc.returncode == 0, err[-2000:]
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    written, *readers = outputs
    assert written["docs"] >= 3  # throughput depends on the machine; correctness is what is asserted
    for r in readers:
        assert r["failed"] == 0, r["errors"]
        assert r["torn"] == 0
        assert r["ok"] >= 5
    with duckdb.connect(str(db), read_only=True) as con:
        facts, docs = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM facts").fetchall()[0]
    assert (facts, docs) == (written["facts"], written["docs"])

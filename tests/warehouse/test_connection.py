"""Connections: extensions from wheels, and a lock held by another process is waited out."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import warehouse
from regintel.contracts import RegintelError
from warehouse.connection import extension_path, open_with_retry

HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep({s})"


def test_extensions_come_from_wheels() -> None:
    for name in ("fts", "excel"):
        assert extension_path(name).is_file() and "site-packages" in str(extension_path(name))
    with pytest.raises(RegintelError, match="'nosuch' is not installed"):
        extension_path("nosuch")


def _hold(db: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD.format(s=seconds), str(db)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_reader_waits_for_a_writer_process(db: Path) -> None:
    proc = _hold(db, 0.8)
    started = time.monotonic()
    assert warehouse.runs(db) == []  # blocked while the other process holds the file, then succeeds
    assert time.monotonic() - started > 0.3
    proc.wait(timeout=10)


def test_lock_wait_gives_up_with_a_clear_error(db: Path) -> None:
    proc = _hold(db, 5)
    try:
        with pytest.raises(RegintelError, match="database is locked"):
            open_with_retry(db, read_only=True, timeout_s=0.3)
    finally:
        proc.kill()
        proc.wait()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchall() == [(0,)]

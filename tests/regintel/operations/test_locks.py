"""Per-source locks: exclusive across processes, released by the kernel when the holder dies."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from regintel.operations.locks import holder, is_locked, try_lock

HOLD = """
import sys, time
from pathlib import Path
from regintel.operations.locks import try_lock
lock = try_lock(Path(sys.argv[1]), "timesca", trigger="test")
print("held" if lock else "busy", flush=True)
time.sleep(60)
"""


def test_a_lock_is_exclusive_and_a_killed_holder_leaves_none(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert try_lock(db, "timesca") is None and is_locked(db, "timesca")
        assert holder(db, "timesca")["pid"] == child.pid
        assert try_lock(db, "other") is not None  # locks are per source
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    lock = try_lock(db, "timesca")
    assert lock is not None
    lock.release()

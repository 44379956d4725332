"""Per-source run locks: at most one run of a source at a time, across processes.

A lock is an exclusive `fcntl.flock` on `<db>.ops/locks/<source>.lock`. The kernel drops a
flock when the last descriptor of its open file is closed, which includes the death of every
process holding it: a holder killed with SIGKILL cannot leave a lock behind, and no lease
expiry has to be guessed. The scheduler hands the locked descriptor to the run's worker as its
standard input, which the crawl child inherits in turn, so the lock lives exactly as long as
some process of the run does (chosen over a lease row in the warehouse: DuckDB allows one
writer at a time, a lease would need renewing during long crawls, and a dead holder's lease
would block its source until it expired). The file also names the holder, for messages.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


def ops_dir(db: Path) -> Path:
    """The folder beside the warehouse for the scheduler's heartbeat and locks."""
    db = Path(db).resolve()
    return db.with_name(db.name + ".ops")


def _lock_file(db: Path, name: str) -> Path:
    folder = ops_dir(db) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.lock"


@dataclass
class SourceLock:
    """A held lock: its open descriptor (pass it on, or `release`)."""

    source_id: str
    fd: int

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def try_lock(db: Path, source_id: str, *, trigger: str = "") -> SourceLock | None:
    """Take the source's run lock without waiting; None when another process holds it."""
    fd = os.open(_lock_file(db, source_id), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    info = {"pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds"), "trigger": trigger}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode(), 0)
    return SourceLock(source_id, fd)


def holder(db: Path, source_id: str) -> dict[str, object]:
    """Who took the source's lock last (pid, since, trigger), as written in its file."""
    try:
        return json.loads(_lock_file(db, source_id).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def is_locked(db: Path, source_id: str) -> bool:
    lock = try_lock(db, source_id)
    if lock is None:
        return True
    lock.release()
    return False


@contextmanager
def processing_lock(db: Path) -> Iterator[None]:
    """Waits for and holds the warehouse's processing lock: one fact extraction at a time, so two
    runs finishing together do not extract the same new documents twice."""
    fd = os.open(_lock_file(db, "_processing"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)

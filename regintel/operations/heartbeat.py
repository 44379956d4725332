"""The scheduler's heartbeat: a small JSON file beside the warehouse, rewritten atomically.

It says who the scheduler is (pid, since), when it last beat, what runs now and what is next.
A file rather than a warehouse row: `regintel scheduler status` (and the app) can read it while
a crawl holds the warehouse, and beating never queues behind a crawl's writes.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from regintel.operations.locks import ops_dir

STALE_BEATS = 3  # a heartbeat older than this many intervals (plus a little) means not alive


@dataclass(frozen=True)
class Beat:
    pid: int
    started_at: str
    beat_at: str
    beat_s: float
    state: str  # running, stopping, stopped
    max_runs: int
    running: list[dict[str, object]] = field(default_factory=list)  # source, pid, since, trigger
    next: list[dict[str, object]] = field(default_factory=list)  # source, at, trigger
    paused: list[str] = field(default_factory=list)

    def age_s(self, now: datetime | None = None) -> float:
        return ((now or datetime.now(UTC)) - datetime.fromisoformat(self.beat_at)).total_seconds()

    def alive(self, now: datetime | None = None) -> bool:
        """Beating recently, not stopped, and its process exists."""
        if self.state == "stopped" or self.age_s(now) > STALE_BEATS * self.beat_s + 5:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def beat_file(db: Path) -> Path:
    return ops_dir(db) / "scheduler.json"


def write_beat(db: Path, beat: Beat) -> None:
    path = beat_file(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(beat), indent=1), encoding="utf-8")
    os.replace(temporary, path)


def read_beat(db: Path) -> Beat | None:
    try:
        return Beat(**json.loads(beat_file(db).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None

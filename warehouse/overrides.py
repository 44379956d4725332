"""Schedule overrides: a source's cron set, or the source paused, from the command line.

The sources file stays the user's; `regintel schedule set|pause|resume` write here and the
scheduler applies these on top of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warehouse.schema import reader, writer


@dataclass(frozen=True, slots=True)
class ScheduleOverride:
    source_id: str
    cron: str | None  # None: the sources file's schedule
    paused: bool
    updated_at: datetime


def set_override(db: Path, source_id: str, *, cron: str | None = None, paused: bool | None = None) -> None:
    """Change a source's cron (a value) and/or pause state (a value); what is left None stays as it was."""
    with writer(db) as con:
        con.execute("""INSERT INTO schedule_overrides VALUES (?, ?, coalesce(?, false), ?)
                       ON CONFLICT (source_id) DO UPDATE SET cron = coalesce(excluded.cron, cron),
                       paused = coalesce(?, paused), updated_at = excluded.updated_at""",
                    [source_id, cron, paused, datetime.now(UTC), paused])


def schedule_overrides(db: Path) -> dict[str, ScheduleOverride]:
    """source id -> its override."""
    if not Path(db).is_file():
        return {}
    with reader(db) as con:
        rows = con.execute("SELECT source_id, cron, paused, updated_at FROM schedule_overrides").fetchall()
    return {r[0]: ScheduleOverride(*r) for r in rows}

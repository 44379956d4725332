"""The schedule: which sources are due on their cron schedules, and a run of the due ones.

Each source fires on its cron schedule (or the one `regintel schedule set` stored in the
warehouse) plus a stable jitter: a delay derived from its id, up to `jitter` seconds but at
most a tenth of its interval, so fifty sources on `0 * * * *` do not all start at once and a
source always starts at the same minute past. A source is due when it has not run since its
latest (jittered) fire; fires missed while nothing was running coalesce into one catch-up run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from croniter import croniter

from regintel.contracts import CrawlRun, RegintelError, Source, replace
from regintel.settings import SCHEDULER_JITTER_S

_REFERENCE = datetime(2026, 1, 1, tzinfo=UTC)  # any fixed instant: where a cron's interval is measured
_INSTANT = timedelta(microseconds=1)
MISSED_CAP = 100  # fires counted since the last run; more are reported as this many


@dataclass(frozen=True)
class Slot:
    """One source's place in the schedule (its `source.schedule` is the effective cron)."""

    source: Source
    last_run: datetime | None
    next_due: datetime
    due: bool
    paused: bool = False
    overridden: bool = False  # the cron comes from `regintel schedule set`
    missed: int = 0  # fires since the last run; more than one coalesce into one catch-up run
    offset_s: float = 0.0  # the source's stable jitter after each fire

    @property
    def trigger(self) -> str:
        return "catch-up" if self.missed > 1 else "schedule"


def check_cron(cron: str, source_id: str) -> str:
    """The cron expression, or a one-line error naming the source."""
    if not isinstance(cron, str) or not croniter.is_valid(cron) or len(cron.split()) != 5:
        raise RegintelError(
            f"source {source_id!r}: invalid cron schedule {cron!r}; expected 5 fields like '0 */6 * * *'"
        )
    return cron


def interval_s(cron: str) -> float:
    """Seconds between two consecutive fires of a cron schedule (its first two after a fixed instant)."""
    it = croniter(cron, _REFERENCE)
    first = it.get_next(datetime)
    return (it.get_next(datetime) - first).total_seconds()


def jitter_s(source_id: str, cron: str, longest: float) -> float:
    """The source's stable delay after each fire: from a hash of its id, at most a tenth of the interval."""
    cap = max(0.0, min(longest, interval_s(cron) / 10))
    fraction = int.from_bytes(hashlib.blake2b(source_id.encode(), digest_size=4).digest()) / 2**32
    return round(fraction * cap, 3)


def _missed(cron: str, offset: timedelta, since: datetime, now: datetime) -> int:
    it = croniter(cron, since - offset)
    count = 0
    while count < MISSED_CAP and it.get_next(datetime) + offset <= now:
        count += 1
    return count


def plan(
    sources: Sequence[Source],
    last_runs: Mapping[str, CrawlRun],
    now: datetime,
    *,
    jitter: float = 0.0,
    overrides: Mapping[str, object] | None = None,
) -> list[Slot]:
    """Which sources are due: never run, or not run since their latest (jittered) fire time.

    `overrides` maps source ids to `warehouse.ScheduleOverride`-like records (`cron`, `paused`)."""
    slots = []
    for source in sources:
        override = (overrides or {}).get(source.id)
        cron = getattr(override, "cron", None) or source.schedule
        check_cron(cron, source.id)
        paused = bool(getattr(override, "paused", False))
        offset = timedelta(seconds=jitter_s(source.id, cron, jitter))
        last = last_runs.get(source.id)
        last_start = last.started_at if last else None
        probe = now - offset + _INSTANT  # a fire exactly at `now` is the latest one, not the next
        previous_fire = croniter(cron, probe).get_prev(datetime) + offset
        due = not paused and (last_start is None or last_start < previous_fire)
        next_due = now if due else croniter(cron, probe).get_next(datetime) + offset
        missed = _missed(cron, offset, last_start, now) if last_start is not None and due else 0
        effective = source if cron == source.schedule else replace(source, schedule=cron)
        slots.append(Slot(effective, last_start, next_due, due, paused, cron != source.schedule, missed,
                          offset.total_seconds()))
    return slots


def load_plan(
    db: Path, sources_file: Path | None, now: datetime, *, jitter: float | None = None
) -> list[Slot]:
    """The schedule of the enabled sources at `now`, from their last runs and overrides in the warehouse."""
    import warehouse
    from crawlers.sources import load_sources

    enabled = [s for s in load_sources(sources_file) if s.enabled]
    last_runs: dict[str, CrawlRun] = {}
    overrides = {}
    if db.is_file():
        for run in warehouse.runs(db, limit=10_000):
            last_runs.setdefault(run.source_id, run)
        overrides = warehouse.schedule_overrides(db)
    jitter = SCHEDULER_JITTER_S.get() if jitter is None else jitter
    return plan(enabled, last_runs, now, jitter=jitter, overrides=overrides)


def upcoming(slots: Sequence[Slot], count: int) -> list[tuple[datetime, Slot]]:
    """The next `count` fire times over all unpaused sources, soonest first (a due source: now)."""
    fires: list[tuple[datetime, Slot]] = []
    for slot in slots:
        if slot.paused:
            continue
        fires.append((slot.next_due, slot))
        offset = timedelta(seconds=slot.offset_s)
        it = croniter(slot.source.schedule, slot.next_due - offset)
        fires += [(it.get_next(datetime) + offset, slot) for _ in range(count - 1)]
    fires.sort(key=lambda pair: (pair[0], pair[1].source.id))
    return fires[:count]


def run_due(db: Path, *, sources_file: Path | None = None, now: datetime | None = None) -> list[CrawlRun]:
    """Crawl every source due at `now` (default: the current time); returns their runs."""
    from regintel.jobs.crawl import crawl

    due = [slot.source.id for slot in load_plan(db, sources_file, now or datetime.now(UTC)) if slot.due]
    return crawl(db, due, sources_file=sources_file) if due else []


def seconds_until_next(db: Path, *, sources_file: Path | None = None, longest: float) -> float:
    """How long a loop may sleep before the next source is due: at least 1 s, at most `longest`."""
    now = datetime.now(UTC)
    upcoming_due = min((s.next_due for s in load_plan(db, sources_file, now) if not s.paused), default=None)
    wait = longest if upcoming_due is None else (upcoming_due - now).total_seconds()
    return min(max(wait, 1.0), longest)

"""The schedule: which sources are due on their cron schedules, and a run of the due ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from croniter import croniter

from regintel.contracts import CrawlRun, RegintelError, Source


@dataclass(frozen=True)
class Slot:
    """One source's place in the schedule."""

    source: Source
    last_run: datetime | None
    next_due: datetime
    due: bool


def plan(sources: Sequence[Source], last_runs: dict[str, CrawlRun], now: datetime) -> list[Slot]:
    """Which sources are due: never run, or not run since their last cron fire time."""
    slots = []
    for source in sources:
        if not croniter.is_valid(source.schedule):
            raise RegintelError(f"source {source.id!r}: invalid cron schedule {source.schedule!r}")
        last = last_runs.get(source.id)
        last_start = last.started_at if last else None
        previous_fire = croniter(source.schedule, now).get_prev(datetime)
        due = last_start is None or last_start < previous_fire
        next_due = now if due else croniter(source.schedule, now).get_next(datetime)
        slots.append(Slot(source, last_start, next_due, due))
    return slots


def load_plan(db: Path, sources_file: Path | None, now: datetime) -> list[Slot]:
    """The schedule of the enabled sources at `now`, from their last runs in the warehouse."""
    import warehouse
    from crawlers.sources import load_sources

    enabled = [s for s in load_sources(sources_file) if s.enabled]
    last_runs: dict[str, CrawlRun] = {}
    if db.is_file():
        for run in warehouse.runs(db, limit=10_000):
            last_runs.setdefault(run.source_id, run)
    return plan(enabled, last_runs, now)


def run_due(db: Path, *, sources_file: Path | None = None, now: datetime | None = None) -> list[CrawlRun]:
    """Crawl every source due at `now` (default: the current time); returns their runs."""
    from regintel.jobs.crawl import crawl

    due = [slot.source.id for slot in load_plan(db, sources_file, now or datetime.now(UTC)) if slot.due]
    return crawl(db, due, sources_file=sources_file) if due else []


def seconds_until_next(db: Path, *, sources_file: Path | None = None, longest: float) -> float:
    """How long a loop may sleep before the next source is due: at least 1 s, at most `longest`."""
    now = datetime.now(UTC)
    upcoming = min((s.next_due for s in load_plan(db, sources_file, now)), default=None)
    wait = longest if upcoming is None else (upcoming - now).total_seconds()
    return min(max(wait, 1.0), longest)

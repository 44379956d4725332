"""`regintel schedule`: run each source on its cron schedule; run history lives in the warehouse."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from croniter import croniter

from contracts import CrawlRun, RegintelError, Source
from pipeline.options import DbOption

app = typer.Typer(help="Cron schedules of the sources: what is due, and a runner.", no_args_is_help=True)


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


def _plan(db: Path, sources_file: Path | None, now: datetime) -> list[Slot]:
    import warehouse
    from crawlers.sources import load_sources

    enabled = [s for s in load_sources(sources_file) if s.enabled]
    last_runs: dict[str, CrawlRun] = {}
    if db.is_file():
        for run in warehouse.runs(db, limit=10_000):
            last_runs.setdefault(run.source_id, run)
    return plan(enabled, last_runs, now)


SourcesFile = Annotated[Path | None, typer.Option(help="Sources YAML (default: the packaged one).")]


@app.command("list")
def list_schedule(sources_file: SourcesFile = None, db: DbOption = Path("regintel.duckdb")) -> None:
    """Show each source's cron schedule, last run and next due time."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="schedule")
    for column in ("source", "cron", "last run", "next due"):
        table.add_column(column)
    for slot in _plan(db, sources_file, datetime.now(UTC)):
        last = slot.last_run.strftime("%Y-%m-%d %H:%M") if slot.last_run else "never"
        nxt = "due now" if slot.due else slot.next_due.strftime("%Y-%m-%d %H:%M")
        table.add_row(slot.source.id, slot.source.schedule, last, nxt)
    Console().print(table)


@app.command("run")
def run_schedule(
    loop: Annotated[bool, typer.Option(help="Keep running: wake up when the next source is due.")] = False,
    max_sleep: Annotated[float, typer.Option(help="Longest sleep between checks, seconds.")] = 300.0,
    sources_file: SourcesFile = None,
    db: DbOption = Path("regintel.duckdb"),
) -> None:
    """Crawl (and process) every due source once; with --loop, keep doing so."""
    from pipeline.jobs import crawl_and_process

    while True:
        slots = _plan(db, sources_file, datetime.now(UTC))
        due = [slot.source.id for slot in slots if slot.due]
        if due:
            crawl_and_process(db, due, sources_file=sources_file)
        else:
            typer.echo("nothing due")
        if not loop:
            return
        upcoming = min((s.next_due for s in _plan(db, sources_file, datetime.now(UTC))), default=None)
        wait = max_sleep if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
        time.sleep(min(max(wait, 1.0), max_sleep))

"""`regintel schedule`: what is due on each source's cron schedule, and a runner."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from regintel.cli.options import DbOption, SourcesOption
from regintel.cli.printing import after_crawl
from regintel.jobs.schedule import load_plan, run_due, seconds_until_next
from regintel.settings import DB

app = typer.Typer(help="Cron schedules of the sources: what is due, and a runner.", no_args_is_help=True)


@app.command("list")
def list_schedule(sources_file: SourcesOption = None, db: DbOption = DB.default) -> None:
    """Show each source's cron schedule, last run and next due time."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="schedule")
    for column in ("source", "cron", "last run", "next due"):
        table.add_column(column)
    for slot in load_plan(db, sources_file, datetime.now(UTC)):
        last = slot.last_run.strftime("%Y-%m-%d %H:%M") if slot.last_run else "never"
        nxt = "paused" if slot.paused else "due now" if slot.due else slot.next_due.strftime("%Y-%m-%d %H:%M")
        cron = slot.source.schedule + (" (set)" if slot.overridden else "")
        table.add_row(slot.source.id, cron, last, nxt)
    Console().print(table)


@app.command("run")
def run_schedule(
    loop: Annotated[bool, typer.Option(help="Keep running: wake up when the next source is due.")] = False,
    max_sleep: Annotated[float, typer.Option(help="Longest sleep between checks, seconds.")] = 300.0,
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Crawl (and process) every due source once; with --loop, keep doing so."""
    while True:
        runs = run_due(db, sources_file=sources_file)
        if runs:
            after_crawl(db, runs, process=True)
        else:
            typer.echo("nothing due")
        if not loop:
            return
        time.sleep(seconds_until_next(db, sources_file=sources_file, longest=max_sleep))


def _known_source(source: str, sources_file: Path | None) -> None:
    from crawlers.sources import find_source, load_sources

    find_source(load_sources(sources_file), source)


@app.command("set")
def set_schedule(
    source: Annotated[str, typer.Argument(help="Source id.")],
    cron: Annotated[str, typer.Argument(help="5-field cron expression, e.g. '0 */6 * * *'.")],
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Give a source another cron schedule (stored in the warehouse; the sources file is untouched)."""
    import warehouse
    from regintel.jobs.schedule import check_cron

    _known_source(source, sources_file)
    check_cron(cron, source)
    warehouse.init_db(db)
    warehouse.set_override(db, source, cron=cron)
    typer.echo(f"{source}: schedule set to {cron!r}")


@app.command()
def pause(
    source: Annotated[str, typer.Argument(help="Source id.")],
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Stop scheduling a source (a run in progress finishes) until `schedule resume`."""
    _set_paused(db, source, sources_file, paused=True)


@app.command()
def resume(
    source: Annotated[str, typer.Argument(help="Source id.")],
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Schedule a paused source again."""
    _set_paused(db, source, sources_file, paused=False)


def _set_paused(db: Path, source: str, sources_file: Path | None, *, paused: bool) -> None:
    import warehouse

    _known_source(source, sources_file)
    warehouse.init_db(db)
    warehouse.set_override(db, source, paused=paused)
    typer.echo(f"{source}: {'paused' if paused else 'resumed'}")


@app.command("next")
def next_fires(
    count: Annotated[int, typer.Option(min=1, max=1000, help="How many fire times.")] = 10,
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """The next fire times over all sources (local time and UTC), soonest first."""
    from regintel.jobs.schedule import upcoming

    now = datetime.now(UTC)
    for at, slot in upcoming(load_plan(db, sources_file, now), count):
        when = "due now" if at <= now else _in(at - now)
        local = at.astimezone().strftime("%a %Y-%m-%d %H:%M:%S %Z")
        typer.echo(f"{local}  ({at:%H:%M:%S} UTC, {when})  {slot.source.id}  [{slot.source.schedule}]")


def _in(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 3600:
        return f"in {seconds // 60} min {seconds % 60} s"
    if seconds < 86400:
        return f"in {seconds // 3600} h {seconds % 3600 // 60} min"
    return f"in {seconds // 86400} d {seconds % 86400 // 3600} h"

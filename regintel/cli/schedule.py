"""`regintel schedule`: what is due on each source's cron schedule, and a runner."""

from __future__ import annotations

import time
from datetime import UTC, datetime
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
        nxt = "due now" if slot.due else slot.next_due.strftime("%Y-%m-%d %H:%M")
        table.add_row(slot.source.id, slot.source.schedule, last, nxt)
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

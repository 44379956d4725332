"""`regintel scheduler`: the long-running service, its status, and one run through its lock."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, SourcesOption
from regintel.contracts import RegintelError
from regintel.settings import DB, SCHEDULER_BEAT_S, SCHEDULER_JITTER_S, SCHEDULER_MAX_RUNS, SCHEDULER_STOP_S

app = typer.Typer(
    help="The scheduler service: runs due sources (crawl, process, monitors, alerts) until stopped.",
    invoke_without_command=True,
)


@app.callback()
def serve(
    ctx: typer.Context,
    max_runs: Annotated[int, typer.Option(envvar=SCHEDULER_MAX_RUNS.name, min=1,
                                          help=SCHEDULER_MAX_RUNS.help)] = SCHEDULER_MAX_RUNS.default,
    beat_s: Annotated[float, typer.Option(envvar=SCHEDULER_BEAT_S.name, min=0.1,
                                          help=SCHEDULER_BEAT_S.help)] = SCHEDULER_BEAT_S.default,
    stop_s: Annotated[float, typer.Option(envvar=SCHEDULER_STOP_S.name, min=0,
                                          help=SCHEDULER_STOP_S.help)] = SCHEDULER_STOP_S.default,
    jitter_s: Annotated[float, typer.Option(envvar=SCHEDULER_JITTER_S.name, min=0,
                                            help=SCHEDULER_JITTER_S.help)] = SCHEDULER_JITTER_S.default,
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Run the scheduler in the foreground until SIGTERM or SIGINT (see docs/operations.md)."""
    if ctx.invoked_subcommand is not None:
        return
    from regintel.operations.scheduler import Scheduler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    service = Scheduler(db, sources_file, max_runs=max_runs, beat_s=beat_s, stop_s=stop_s, jitter=jitter_s)
    raise typer.Exit(service.serve())


@app.command()
def status(fmt: ListFormatOption = ListFormat.table, db: DbOption = DB.default) -> None:
    """Is the scheduler alive, what runs now, what is next (from its heartbeat file)."""
    from regintel.operations.heartbeat import beat_file, read_beat

    beat = read_beat(db)
    if beat is None:
        raise RegintelError(f"no scheduler heartbeat at {beat_file(db)}; start one with `regintel scheduler`")
    alive = beat.alive()
    if fmt is ListFormat.json:
        typer.echo(json.dumps({"alive": alive, "age_s": round(beat.age_s(), 1), **beat.__dict__}, indent=2))
        return
    state = "alive" if alive else ("stopped" if beat.state == "stopped" else "NOT RESPONDING")
    typer.echo(f"scheduler pid {beat.pid}: {state} ({beat.state}), last beat {beat.age_s():.0f} s ago, "
               f"started {beat.started_at}, max {beat.max_runs} runs")
    for item in beat.running:
        typer.echo(f"  running  {item['source']:<16} since {item['since']} "
                   f"({item['trigger']}, pid {item['pid']})")
    for item in beat.next:
        typer.echo(f"  next     {item['source']:<16} at {item['at']} ({item['trigger']})")
    for source in beat.paused:
        typer.echo(f"  paused   {source}")
    if not alive and beat.state != "stopped":
        raise typer.Exit(1)


@app.command("run")
def run_now(
    source: Annotated[str, typer.Argument(help="Source id.")],
    sources_file: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Run one source now (crawl, process, monitors, alerts), refused while it runs elsewhere."""
    import warehouse
    from crawlers.sources import find_source, load_sources
    from regintel.operations.locks import holder, try_lock

    find_source(load_sources(sources_file), source)
    warehouse.init_db(db)
    lock = try_lock(db, source, trigger="manual")
    if lock is None:
        other = holder(db, source)
        raise RegintelError(f"source {source!r} is already running (pid {other.get('pid')} since "
                            f"{other.get('since')}); try again when that run ends")
    command = [sys.executable, "-m", "regintel.operations.worker", str(db), source, "--trigger", "manual"]
    if sources_file is not None:
        command += ["--sources", str(sources_file)]
    started = datetime.now(UTC)
    try:
        process = subprocess.Popen(command, stdin=lock.fd)
    finally:
        lock.release()
    while True:
        try:
            code = process.wait()
            break
        except KeyboardInterrupt:  # the worker and its crawl got the same SIGINT: let them close
            continue
    runs = [r for r in warehouse.runs(db, source, limit=1) if r.started_at >= started]
    if not runs:
        raise RegintelError(f"the run of {source!r} failed before it started (worker exit code {code})")
    typer.echo(f"{source}: {runs[0].status} ({runs[0].message})")

"""How the CLI shows what jobs return: runs, processing progress, the warehouse summary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer

from regintel.contracts import CrawlRun
from regintel.jobs import Reporter
from regintel.jobs.process import ProcessStats


def print_runs(runs: Sequence[CrawlRun]) -> None:
    for run in runs:
        typer.echo(f"{run.source_id}: {run.status}" + (f" — {run.message}" if run.message else ""))


@contextmanager
def progress_reporter() -> Iterator[Reporter]:
    """A Reporter that echoes messages and shows documents processed as a bar on the terminal."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("extracting"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        yield Reporter(message=typer.echo, advance=lambda n: progress.update(task, advance=n))


def print_processed(stats: ProcessStats) -> None:
    typer.echo(f"{stats.documents} documents processed, {stats.facts} facts loaded")


def process_with_progress(db: Path, *, reextract: bool = False) -> None:
    """Run the process job behind a progress bar, then say how much it did."""
    from regintel.jobs.process import process_documents

    with progress_reporter() as report:
        stats = process_documents(db, reextract=reextract, report=report)
    print_processed(stats)


def after_crawl(db: Path, runs: Sequence[CrawlRun], *, process: bool) -> None:
    """Each run's outcome, then (optionally) the extraction of the new documents."""
    print_runs(runs)
    if process:
        process_with_progress(db)


def print_summary(db: Path) -> None:
    import warehouse

    s = warehouse.summary(db)
    typer.echo(
        f"\nwarehouse {db}: {s.documents} documents, {s.facts} facts, "
        f"{s.clusters} clusters ({s.corroborated} corroborated, {s.conflicts} with conflicting figures)"
    )
    typer.echo("facts by kind: " + ", ".join(f"{kind} {n}" for kind, n in s.facts_by_kind))
    typer.echo("top agencies:  " + ", ".join(f"{name} {n}" for name, n in s.top_agencies))


def print_table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Crawled text (URLs, messages) goes in as plain Text: never interpreted as console markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    Console().print(table)

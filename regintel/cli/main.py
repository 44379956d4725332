"""The `regintel` command: parses input, calls the library, prints.

Every user error ends as one line on stderr and exit code 2, never a traceback.
Heavy libraries (spaCy, Scrapy, Streamlit) are imported inside the commands that
need them, so `regintel --help` stays instant.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from regintel.cli import alerts, rates, runs, schedule, scheduler, sources, watch
from regintel.cli.options import DbOption, SourcesOption, existing_db
from regintel.cli.printing import (
    after_crawl,
    print_processed,
    print_summary,
    process_with_progress,
    progress_reporter,
)
from regintel.cli.search import (
    STDOUT,
    ExportFormat,
    FilterOptions,
    OutputFormat,
    export_rows,
    print_result,
    with_filters,
)
from regintel.contracts import RegintelError
from regintel.settings import DB

app = typer.Typer(
    name="regintel",
    help="Regulatory intelligence: crawl enforcement news, extract facts, search and export them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(sources.app, name="sources")
app.add_typer(schedule.app, name="schedule")
app.add_typer(runs.app, name="runs")
app.add_typer(rates.app, name="rates")
app.add_typer(scheduler.app, name="scheduler")
app.add_typer(alerts.app, name="alerts")
app.add_typer(watch.app, name="watch")


@app.command()
def init(db: DbOption = DB.default) -> None:
    """Create the warehouse, or migrate an older one to the current schema."""
    import warehouse

    version = warehouse.init_db(db)
    typer.echo(f"warehouse {db} at schema version {version}")


@app.command()
def crawl(
    source_ids: Annotated[list[str] | None, typer.Argument(help="Source ids (default: all enabled).")] = None,
    sources_file: SourcesOption = None,
    process: Annotated[bool, typer.Option(help="Extract facts from new documents after the crawl.")] = True,
    db: DbOption = DB.default,
) -> None:
    """Crawl configured sources politely and incrementally into the warehouse."""
    from regintel.jobs.crawl import crawl as crawl_job

    after_crawl(db, crawl_job(db, source_ids or [], sources_file=sources_file), process=process)


@app.command()
def reparse(
    source_ids: Annotated[list[str] | None, typer.Argument(help="Source ids (default: all enabled).")] = None,
    sources_file: SourcesOption = None,
    processes: Annotated[int, typer.Option(min=0, help="Parser worker processes (0: in this process).")] = 1,
    process: Annotated[bool, typer.Option(help="Extract facts from changed documents afterwards.")] = True,
    db: DbOption = DB.default,
) -> None:
    """Parse the stored raw pages into documents again, without fetching (after the parser improved)."""
    from regintel.jobs.crawl import reparse as reparse_job

    counts = reparse_job(existing_db(db), source_ids or [], sources_file=sources_file, processes=processes)
    for source_id, tally in counts.items():
        issues = sum(n for key, n in tally.items() if key.startswith("issues/"))
        parsed, documents = tally["parsed"], tally["documents"]
        typer.echo(f"{source_id}: {parsed} pages parsed, {documents} documents, {issues} issues")
    if process:
        process_with_progress(db)


@app.command("process")
def process_cmd(
    reextract: Annotated[
        bool, typer.Option(help="Re-extract every document (after the extractor improved).")
    ] = False,
    db: DbOption = DB.default,
) -> None:
    """Extract facts from stored documents and load them into the warehouse."""
    process_with_progress(existing_db(db), reextract=reextract)


@app.command()
def extract(
    files: Annotated[
        list[Path], typer.Argument(help="Text files; a X.meta.json beside X.txt gives published/lang.")
    ],
    published: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Publication date (YYYY-MM-DD).")
    ] = None,
    lang: Annotated[str, typer.Option(help="Language: en, ru or auto.")] = "auto",
) -> None:
    """Print the facts in text files as JSON Lines (the development set's scoring format)."""
    from regintel.jobs.extract import extract_files

    if lang not in ("en", "ru", "auto"):
        raise RegintelError(f"unknown language {lang!r}; allowed: en, ru, auto")
    day: date | None = published.date() if published else None
    extract_files(files, day, None if lang == "auto" else lang, sys.stdout)


@app.command()
@with_filters
def search(
    filters: FilterOptions,
    text: Annotated[str, typer.Argument(help="Full-text query (empty: all facts).")] = "",
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    page: Annotated[int, typer.Option(min=1, help="Result page.")] = 1,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Rows per page.")] = 20,
    db: DbOption = DB.default,
) -> None:
    """Search facts: full text, filters, facets; table, CSV or JSON."""
    import warehouse

    existing_db(db)
    query = filters.to_query(text, page=page, page_size=limit, with_facets=fmt is OutputFormat.table)
    if fmt is OutputFormat.csv:  # the same columns, written the same way, as `export --format csv`
        export_rows(db, query, "csv", STDOUT, paged=True)
        return
    print_result(warehouse.search(db, query, save_snapshot=True, fresh=True), fmt)  # the next call maps it


@app.command()
@with_filters
def export(
    filters: FilterOptions,
    out: Annotated[Path, typer.Option("--out", help='Output file ("-": standard output).')],
    text: Annotated[str, typer.Argument(help="Full-text query (empty: all facts).")] = "",
    fmt: Annotated[ExportFormat, typer.Option("--format", help="File format.")] = ExportFormat.csv,
    db: DbOption = DB.default,
) -> None:
    """Export the facts of a search, with provenance columns, streamed by DuckDB."""

    existing_db(db)
    rows = export_rows(db, filters.to_query(text), fmt.value, out)
    typer.echo(f"{rows} rows written to {'standard output' if out == STDOUT else out}", err=out == STDOUT)


@app.command("app")
def app_cmd(
    port: Annotated[int, typer.Option(help="Port for the web app.")] = 8501,
    db: DbOption = DB.default,
) -> None:
    """Start the Streamlit app on the warehouse."""
    serve_app(existing_db(db), port=port)


@app.command()
def demo(
    no_app: Annotated[bool, typer.Option("--no-app", help="Stop after loading the warehouse.")] = False,
    port: Annotated[int, typer.Option(help="Port for the web app.")] = 8501,
    db: DbOption = DB.default,
) -> None:
    """Serve the offline sample site, crawl it, extract facts, load them, start the app."""
    from regintel.jobs.demo import run_demo

    with progress_reporter() as report:
        done = run_demo(db, report=report)
    after_crawl(db, done.runs, process=False)
    print_processed(done.processed)
    print_summary(db)
    if not no_app:
        serve_app(db, port=port)


def serve_app(db: Path, *, port: int) -> None:
    """Start the app, announce it, and run until it stops or we are stopped (the signal is forwarded)."""
    from regintel.app.launch import serve

    code = serve(db, port=port, ready=lambda url: typer.echo(f"app ready at {url}"))
    if code:
        raise RegintelError(f"the app exited with code {code}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI; user errors become one line and exit code 2."""
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="regintel", standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        typer.echo("regintel: aborted", err=True)
        return 130
    except typer.TyperException as err:  # usage errors: bad option, bad value, missing argument
        message = err.format_message() if hasattr(err, "format_message") else str(err)
        typer.echo(f"regintel: {' '.join(message.split())}", err=True)
        return 2
    except RegintelError as err:
        typer.echo(f"regintel: {err}", err=True)
        return 2
    except KeyboardInterrupt:
        typer.echo("regintel: interrupted", err=True)
        return 130
    return 0


"""`regintel sources`: list, show, validate and add the configured publishers.

`list` joins the configuration with each source's health from the warehouse (last run,
status, counts), so a broken source is visible at a glance (`--format json` for scripts).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, SourcesOption
from regintel.jobs.sources import add_source, load_sources, status_rows
from regintel.settings import DB

app = typer.Typer(help="List, show, validate and add crawl sources.", no_args_is_help=True)


@app.command("list")
def list_sources(
    fmt: ListFormatOption = ListFormat.table,
    sources: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Every configured source with its status, last run and counts."""
    rows = status_rows(db, load_sources(sources))
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("id", "status", "last run", "docs", "pending", "issues"):
        table.add_column(column, no_wrap=True)
    for r in rows:
        last = (r["last_run"] or "-")[:16].replace("T", " ")
        table.add_row(
            r["id"],
            r["status"],
            last,
            str(r["documents"]),
            str(r["pending"]),
            str(r["issues_last_run"]),
        )
    Console().print(table)


@app.command()
def show(
    source_id: Annotated[str, typer.Argument(help="Source id.")],
    sources: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """One source's full configuration and status, as JSON."""
    from crawlers.sources import find_source, source_to_dict

    configured = load_sources(sources)
    source = find_source(configured, source_id)
    row = next(r for r in status_rows(db, [source]) if r["id"] == source_id)
    typer.echo(json.dumps({"config": source_to_dict(source), "status": row}, ensure_ascii=False, indent=2))


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Sources YAML (default: packaged).")] = None,
) -> None:
    """Check a sources file; prints how many sources are valid, or the first error (exit 2)."""
    loaded = load_sources(path)
    typer.echo(f"{len(loaded)} sources valid in {path or 'the packaged sources.yaml'}")


@app.command()
def add(
    source_id: Annotated[str, typer.Argument(help="New source id (lowercase, digits, underscore).")],
    name: Annotated[str, typer.Option(help="Publisher name.")],
    url: Annotated[str, typer.Option(help="Entry point URL (feed, sitemap or listing page).")],
    kind: Annotated[str, typer.Option(help="Entry point kind: feed, sitemap or listing.")] = "feed",
    link_selector: Annotated[str | None, typer.Option(help="Listing: CSS selector of article links.")] = None,
    next_selector: Annotated[str | None, typer.Option(help="Listing: CSS selector of the next page.")] = None,
    publisher_kind: Annotated[str, typer.Option(help="official or news.")] = "news",
    country: Annotated[str, typer.Option(help="ISO 3166 alpha-2 country code.")] = "KZ",
    language: Annotated[list[str] | None, typer.Option(help="Language code (repeatable).")] = None,
    file: Annotated[Path, typer.Option("--file", help="Sources YAML to add to (created if missing).")] = Path(
        "sources.yaml"
    ),
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow a URL on a private or loopback address.")
    ] = False,
) -> None:
    """Add a source to a user sources file; the result is validated before it is written.

    URLs whose host is or resolves to a private, loopback, link-local, multicast or reserved
    address are refused unless `--allow-private` (which the source then carries for its crawls)."""
    entry = {"kind": kind, "url": url, "link_selector": link_selector, "next_selector": next_selector}
    fields = {
        "name": name, "publisher_kind": publisher_kind, "country": country, "languages": language or ["en"]
    }
    source, total = add_source(file, source_id, entry, fields, allow_private=allow_private)
    typer.echo(f"added {source.id} to {file} ({total} sources)")

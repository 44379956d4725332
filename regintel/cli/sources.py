"""`regintel sources`: list, show, validate and add the configured publishers.

`list` joins the configuration with each source's health from the warehouse (last run,
status, counts), so a broken source is visible at a glance (`--format json` for scripts).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, SourcesOption
from regintel.contracts import RegintelError, Source
from regintel.settings import ALLOW_PRIVATE, DB

app = typer.Typer(help="List, show, validate and add crawl sources.", no_args_is_help=True)



def _load(path: Path | None) -> list[Source]:
    from crawlers.sources import load_sources

    return load_sources(path)


def _status_rows(db: Path, sources: list[Source]) -> list[dict[str, Any]]:
    """One row per configured source, with its warehouse status when the warehouse exists."""
    status = {}
    if db.is_file():
        import warehouse

        status = {s.source_id: s for s in warehouse.source_status(db)}
    rows = []
    for source in sources:
        st = status.get(source.id)
        rows.append(
            {
                "id": source.id,
                "name": source.name,
                "publisher_kind": source.publisher_kind,
                "country": source.country,
                "languages": list(source.languages),
                "enabled": source.enabled,
                "entry_points": len(source.entry_points),
                "schedule": source.schedule,
                "min_items": source.min_items,
                "status": (st.last_status if st and st.last_status else "never run"),
                "last_run": st.last_started.isoformat() if st and st.last_started else None,
                "last_message": st.last_message if st else None,
                "documents": st.documents if st else 0,
                "pages": st.pages if st else 0,
                "pending": st.pending if st else 0,
                "issues_last_run": st.issues_last_run if st else 0,
                "last_published": st.last_published.isoformat() if st and st.last_published else None,
            }
        )
    return rows


@app.command("list")
def list_sources(
    fmt: ListFormatOption = ListFormat.table,
    sources: SourcesOption = None,
    db: DbOption = DB.default,
) -> None:
    """Every configured source with its status, last run and counts."""
    rows = _status_rows(db, _load(sources))
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

    configured = _load(sources)
    source = find_source(configured, source_id)
    row = next(r for r in _status_rows(db, [source]) if r["id"] == source_id)
    typer.echo(json.dumps({"config": source_to_dict(source), "status": row}, ensure_ascii=False, indent=2))


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Sources YAML (default: packaged).")] = None,
) -> None:
    """Check a sources file; prints how many sources are valid, or the first error (exit 2)."""
    loaded = _load(path)
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
    from urllib.parse import urlsplit

    from crawlers.middlewares.guard import private_reason
    from crawlers.sources import dump_sources, parse_source

    existing = _load(file) if file.is_file() else []
    if any(s.id == source_id for s in existing):
        raise RegintelError(f"source {source_id!r} already exists in {file}; choose another id")
    entry = {"kind": kind, "url": url, "link_selector": link_selector, "next_selector": next_selector}
    raw = {
        "id": source_id,
        "name": name,
        "publisher_kind": publisher_kind,
        "country": country,
        "languages": language or ["en"],
        "entry_points": [entry],
        "allowed_domains": [urlsplit(url).hostname or ""],
    }
    source = parse_source(raw, file, len(existing))
    reason = private_reason(urlsplit(url).hostname or "")
    if reason and not allow_private:
        raise RegintelError(f"refused URL {url!r}: {reason}; pass --allow-private to crawl it anyway")
    if reason:
        source = parse_source({**raw, "politeness": {ALLOW_PRIVATE.name: True}}, file, len(existing))
    dump_sources([*existing, source], file)
    typer.echo(f"added {source.id} to {file} ({len(existing) + 1} sources)")

"""`regintel runs`: the crawl-run history monitors and maintainers read."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Annotated

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, existing_db
from regintel.cli.printing import print_table
from regintel.settings import DB

app = typer.Typer(
    help="Crawl-run history: status, counts and messages per source, and the problems recorded.",
    no_args_is_help=True,
)


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


@app.command("list")
def list_runs(
    source: Annotated[str | None, typer.Option(help="Only runs of this source id.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many runs, newest first.")] = 20,
    fmt: ListFormatOption = ListFormat.table,
    db: DbOption = DB.default,
) -> None:
    """List recent crawl runs, newest first."""
    import warehouse

    runs = warehouse.runs(existing_db(db), source_id=source, limit=limit)
    if fmt is ListFormat.json:
        rows = [
            {
                "run_id": r.run_id,
                "source_id": r.source_id,
                "started_at": r.started_at.isoformat(),
                "finished_at": r.finished_at.isoformat() if r.finished_at else None,
                "status": r.status,
                "stats": r.stats,
                "message": r.message,
            }
            for r in runs
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print_table(
        f"{len(runs)} runs",
        ("started", "source", "status", "documents", "message"),
        [
            (_minute(r.started_at), r.source_id, r.status, str(r.stats.get("documents", 0)), r.message)
            for r in runs
        ],
    )


@app.command("issues")
def list_issues(
    source: Annotated[str | None, typer.Option(help="Only issues of this source id.")] = None,
    run: Annotated[str | None, typer.Option(help="Only issues of this run id.")] = None,
    reason: Annotated[str | None, typer.Option(help="Only this reason (http_403, no_article, ...).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many issues, newest first.")] = 50,
    fmt: ListFormatOption = ListFormat.table,
    db: DbOption = DB.default,
) -> None:
    """List recorded crawl problems (blocked, broken or empty pages) with their reasons."""
    import warehouse

    issues = warehouse.crawl_issues(existing_db(db), source_id=source, run_id=run, reason=reason, limit=limit)
    if fmt is ListFormat.json:
        rows = [{**dataclasses.asdict(i), "at": i.at.isoformat()} for i in issues]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print_table(
        f"{len(issues)} issues",
        ("at", "source", "reason", "url", "detail"),
        [(_minute(i.at), i.source_id, i.reason, i.url, i.detail) for i in issues],
    )

"""`regintel watch`: saved searches whose new matching facts are delivered once per run."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, existing_db
from regintel.cli.search import FilterOptions, with_filters
from regintel.settings import ALERTS, DB

app = typer.Typer(help="Watchlists: saved searches told to alert channels when new facts match.",
                  no_args_is_help=True)


@app.command()
@with_filters
def add(
    filters: FilterOptions,
    name: Annotated[str, typer.Argument(help="A name for the watchlist.")],
    text: Annotated[str, typer.Argument(help="Full-text query (empty: every fact the filters allow).")] = "",
    channel: Annotated[
        list[str] | None, typer.Option(help="Alert channel to tell (repeat; default: all).")
    ] = None,
    db: DbOption = DB.default,
) -> None:
    """Save a search (text and every filter) as a watchlist; facts first seen from now on are news."""
    import warehouse
    from regintel.operations.channels import load_config
    from regintel.operations.watch import channels_for, saved_query

    config = load_config(ALERTS.get())
    names = list(channel or [c.name for c in config.channels])
    channels_for(name, names, config)  # unknown channel names: one line, before anything is stored
    warehouse.init_db(db)
    warehouse.add_watchlist(db, name, saved_query(filters.to_query(text)), names)
    typer.echo(f"watchlist {name!r} added; tells {', '.join(names)}")


@app.command("list")
def list_watchlists(fmt: ListFormatOption = ListFormat.table, db: DbOption = DB.default) -> None:
    """The watchlists with their saved searches and channels."""
    import warehouse

    found = warehouse.watchlists(existing_db(db))
    if fmt is ListFormat.json:
        typer.echo(json.dumps([{"name": w.name, "query": w.query, "channels": list(w.channels),
                                "created_at": w.created_at.isoformat(),
                                "checked_at": w.checked_at.isoformat() if w.checked_at else None}
                               for w in found], indent=2))
        return
    for w in found:
        search = {k: v for k, v in w.query.items() if v not in (None, "", [], False)}
        typer.echo(f"{w.name}: {json.dumps(search)} -> {', '.join(w.channels)}")


@app.command()
def remove(name: Annotated[str, typer.Argument(help="Watchlist name.")], db: DbOption = DB.default) -> None:
    """Delete a watchlist and its delivery record."""
    import warehouse

    warehouse.remove_watchlist(existing_db(db), name)
    typer.echo(f"watchlist {name!r} removed")


@app.command()
def run(
    name: Annotated[list[str] | None, typer.Argument(help="Watchlists to check (default: all).")] = None,
    db: DbOption = DB.default,
) -> None:
    """Check watchlists now: deliver each one's new matching facts once."""
    from regintel.operations.channels import load_config
    from regintel.operations.watch import run_watchlists

    digests = run_watchlists(existing_db(db), load_config(ALERTS.get()), list(name or []))
    for digest in digests:
        typer.echo(f"{digest.name}: {len(digest.rows)} new fact(s) delivered")
    if not digests:
        typer.echo("no new facts")

"""`regintel alerts`: the alerts monitors raised, acknowledging one, and a test of the channels."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from regintel.cli.options import DbOption, ListFormat, ListFormatOption, existing_db
from regintel.cli.printing import print_table
from regintel.contracts import RegintelError
from regintel.settings import ALERTS, DB

app = typer.Typer(help="Alerts raised by the run monitors: list, acknowledge, test delivery.",
                  no_args_is_help=True)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


@app.command("list")
def list_alerts(
    all_: Annotated[bool, typer.Option("--all", help="Resolved alerts too.")] = False,
    source: Annotated[str | None, typer.Option(help="Only alerts of this source id.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many, latest activity first.")] = 50,
    fmt: ListFormatOption = ListFormat.table,
    db: DbOption = DB.default,
) -> None:
    """Open alerts (with --all, resolved ones too), latest activity first."""
    import warehouse

    found = warehouse.alerts(existing_db(db), open_only=not all_, source_id=source, limit=limit)
    if fmt is ListFormat.json:
        typer.echo(json.dumps([dataclasses.asdict(a) for a in found], default=str, indent=2))
        return
    rows = [(a.alert_id, a.source_id, f"{a.rule} ({a.severity})",
             "resolved " + _when(a.resolved_at) if a.resolved_at else ("acked" if a.acked_at else "open"),
             f"{_when(a.first_seen)} .. {_when(a.last_seen)} ({a.occurrences} runs)", a.message)
            for a in found]
    print_table("alerts", ("id", "source", "rule", "state", "seen", "message"), rows)


@app.command()
def ack(
    alert_id: Annotated[str, typer.Argument(help="Alert id (from `regintel alerts list`).")],
    db: DbOption = DB.default,
) -> None:
    """Acknowledge an alert: someone is on it (it stays open until a healthy run resolves it)."""
    import warehouse

    alert = warehouse.ack_alert(existing_db(db), alert_id)
    typer.echo(f"alert {alert.alert_id} ({alert.source_id} {alert.rule}) acknowledged")


@app.command()
def test(
    channel: Annotated[str | None, typer.Option(help="Only this channel (default: all).")] = None,
    db: DbOption = DB.default,
) -> None:
    """Send a test notice to the channels of REGINTEL_ALERTS; exit 1 if one failed."""
    import warehouse
    from regintel.operations.channels import load_config
    from regintel.operations.delivery import Notice, deliver

    config = load_config(ALERTS.get())
    if channel is not None:
        chosen = tuple(c for c in config.channels if c.name == channel)
        if not chosen:
            known = ", ".join(c.name for c in config.channels)
            raise RegintelError(f"unknown channel {channel!r}; known: {known}")
        config = dataclasses.replace(config, channels=chosen)
    now = datetime.now(UTC)
    alert = warehouse.Alert("test", "regintel", "test", "warning", None, "a test of the alert channels",
                            now, now, 1, None, None)
    outcomes = deliver(db if db.is_file() else None, [Notice("test", alert)], config)
    for _notice, name, ok, error in outcomes:
        typer.echo(f"{name}: {'delivered' if ok else 'FAILED: ' + str(error)}")
    if not all(ok for _n, _c, ok, _e in outcomes):
        raise typer.Exit(1)

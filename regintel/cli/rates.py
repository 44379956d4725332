"""`regintel rates`: refresh the reference exchange rates used for USD equivalents."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from regintel.contracts import RegintelError
from regintel.jobs.rates import ECB_URL, NBK_URL, update_rates

app = typer.Typer(help="Reference exchange rates used for USD equivalents.", no_args_is_help=True)


@app.callback()
def rates() -> None:
    """Reference exchange rates used for USD equivalents (monthly, per currency)."""


@app.command()
def update(
    out: Annotated[
        Path | None, typer.Option(help="Rates CSV to update (default: the shipped table).")
    ] = None,
    nbk_url: Annotated[str, typer.Option(help="NBK feed URL; {date} is formatted as dd.mm.yyyy.")] = NBK_URL,
    ecb_url: Annotated[str, typer.Option(help="ECB daily or historical XML URL.")] = ECB_URL,
    day: Annotated[
        str | None, typer.Option("--date", help="Day to fetch from NBK (YYYY-MM-DD; default today).")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds per request.")] = 30.0,
) -> None:
    """Fetch NBK and ECB rates and merge them into the reference-rate table."""
    try:
        when = date.fromisoformat(day) if day else None
    except ValueError:
        raise RegintelError(f"bad --date {day!r}; expected YYYY-MM-DD") from None
    done = update_rates(out=out, nbk_url=nbk_url, ecb_url=ecb_url, day=when, timeout=timeout)
    typer.echo(
        f"updated {len(done.rows)} rates for {done.months[0]}..{done.months[-1]} from NBK and ECB; "
        f"{done.path} has {done.total} rows"
    )

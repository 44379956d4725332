"""CLI options shared by every command group, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_DB = Path("regintel.duckdb")

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="REGINTEL_DB", help="DuckDB warehouse file.", show_default=True),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


ListFormatOption = Annotated[ListFormat, typer.Option("--format", help="table or json.")]


def existing_db(db: Path) -> Path:
    """Reject a warehouse path that does not exist, for commands that only read."""
    from contracts import RegintelError

    if not db.is_file():
        raise RegintelError(f"no warehouse at {db}: run `regintel init --db {db}` or `regintel demo` first")
    return db

"""CLI options shared by every command group, declared once."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from regintel.contracts import RegintelError
from regintel.settings import DB, SOURCES

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar=DB.name, help=DB.help, show_default=True),
]
SourcesOption = Annotated[
    Path | None,
    typer.Option("--sources", "--sources-file", envvar=SOURCES.name, help=SOURCES.help),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


ListFormatOption = Annotated[ListFormat, typer.Option("--format", help="table or json.")]


def existing_db(db: Path) -> Path:
    """Reject a warehouse path that does not exist, for commands that only read."""
    if not db.is_file():
        raise RegintelError(f"no warehouse at {db}: run `regintel init --db {db}` or `regintel demo` first")
    return db

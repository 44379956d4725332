"""Search filters as CLI options of `search` and `export` (derived from warehouse.FIELDS); result printing."""

from __future__ import annotations

import functools
import inspect
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

import warehouse
from warehouse import FACET_NAMES, FIELDS, GROUPINGS, SORTS, Choice, Flag, Query, agency_label

TABLE_COLUMNS = ("kind", "fact", "usd", "mentions", "action", "agency", "published", "sentence")
STDOUT = Path("-")


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    jsonl = "jsonl"


Sort = StrEnum("Sort", {name: name for name in SORTS})  # type: ignore[misc]
Group = StrEnum("Group", {grouping.name: grouping.name for grouping in GROUPINGS})  # type: ignore[misc]


@dataclass(frozen=True)
class Option:
    """One CLI option of a search filter: its parameter, its typer annotation and how its value
    becomes the Query's."""

    name: str  # the Query attribute it sets
    annotation: Any
    default: Any = None
    convert: Callable[[Any], Any] = lambda value: value


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _options() -> list[Option]:
    """The options of every filter declared in warehouse.FIELDS, in their order, then --sort and
    --group (warehouse.GROUPINGS)."""
    out = []
    for declared in FIELDS:
        if isinstance(declared, Choice):
            help_ = f"Only facts with this {declared.what} (repeatable)."
            annotation = Annotated[list[str] | None, typer.Option(declared.option, help=help_)]
            out.append(Option(declared.name, annotation, convert=lambda value: tuple(value or ())))
        elif isinstance(declared, Flag):
            annotation = Annotated[bool, typer.Option(declared.option, help=declared.help)]
            out.append(Option(declared.name, annotation, False))
        else:
            for end in (declared.low, declared.high):
                if declared.type is date:
                    out.append(Option(end.name, Annotated[datetime | None, typer.Option(
                        end.option, formats=["%Y-%m-%d"], help=end.help)], convert=_day))
                else:
                    out.append(Option(end.name, Annotated[declared.type | None,
                                                          typer.Option(end.option, help=end.help)]))
    sort = Annotated[Sort, typer.Option("--sort", help="Order of results.")]
    out.append(Option("sort", sort, Sort.relevance, convert=lambda value: value.value))
    group = Annotated[Group, typer.Option("--group", help="What a row is: " + "; ".join(
        grouping.help for grouping in GROUPINGS) + ".")]
    out.append(Option("group", group, Group(GROUPINGS[0].name), convert=lambda value: value.value))
    return out


OPTIONS = _options()


@dataclass(frozen=True)
class FilterOptions:
    """The filters a user gave on the command line (Query attribute -> value); `to_query` makes the
    warehouse Query."""

    values: dict[str, Any]

    def to_query(self, text: str, *, page: int = 1, page_size: int = 20, with_facets: bool = False) -> Query:
        return Query(text=text, **self.values, page=page, page_size=page_size,
                     facets=FACET_NAMES if with_facets else ())


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command every filter option; it receives them as one `filters: FilterOptions`."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "filters"]
    added = [inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, default=o.default,
                               annotation=o.annotation) for o in OPTIONS]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        filters = FilterOptions({o.name: o.convert(kwargs.pop(o.name)) for o in OPTIONS})
        command(filters=filters, **kwargs)

    wrapper.__signature__ = inspect.Signature(own + added)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in own + added}
    del wrapper.__wrapped__
    return wrapper


def export_rows(db: Path, query: Query, fmt: str, out: Path, *, paged: bool = False) -> int:
    """`warehouse.export` to `out`, or to stdout when `out` is "-" (through a temporary file, as
    DuckDB's COPY writes files); `paged`: only the query's page. Returns the rows written."""
    if out != STDOUT:
        return warehouse.export(db, query, fmt, out, paged=paged)
    with tempfile.TemporaryDirectory(prefix="regintel-export-") as folder:
        written = Path(folder) / f"rows.{fmt}"
        rows = warehouse.export(db, query, fmt, written, paged=paged)
        sys.stdout.flush()
        with written.open("rb") as source:
            shutil.copyfileobj(source, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return rows


def print_result(result: Any, fmt: OutputFormat) -> None:
    """Print a search Result as a rich table (with facets) or JSON (CSV is an export: export_rows)."""
    if fmt is OutputFormat.json:
        payload = {
            "total": result.total,
            "description": result.description,
            "rows": result.rows,
            "facets": {k: [list(v) for v in vals] for k, vals in result.facets.items()},
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, default=str, indent=1)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    table = Table(title=Text(f"{result.total} facts — {result.description}"), expand=True)
    for column in TABLE_COLUMNS:
        wide = column == "sentence"
        table.add_column(column, overflow="fold", ratio=4 if wide else 1, no_wrap=column == "published")
    for row in result.rows:
        cells = {
            **row,
            "fact": row.get("text"),
            "usd": f"{row['usd']:,.0f}" if row.get("usd") is not None else None,
            "agency": agency_label(row),
        }
        table.add_row(*(Text("" if cells.get(c) is None else str(cells[c])) for c in TABLE_COLUMNS))
    console.print(table)
    for name, counts in result.facets.items():
        shown = ", ".join(f"{value} ({count})" for value, count in counts[:8])
        console.print(Text(f"{name}: {shown}"))

"""Search filters as CLI options, declared once for `search` and `export`, and result printing."""

from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

TABLE_COLUMNS = ("kind", "fact", "usd", "action", "agency", "published", "sentence")


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"
    jsonl = "jsonl"


class Sort(StrEnum):
    relevance = "relevance"
    date = "date"
    usd = "usd"


def _many(flag: str, what: str) -> Any:
    return Annotated[list[str] | None, typer.Option(flag, help=f"Only facts with this {what} (repeatable).")]


def _day(flag: str, what: str) -> Any:
    return Annotated[datetime | None, typer.Option(flag, formats=["%Y-%m-%d"], help=what)]


def _amount(flag: str, what: str) -> Any:
    return Annotated[float | None, typer.Option(flag, help=what)]


@dataclass(frozen=True)
class FilterOptions:
    """The filters a user gave on the command line; `to_query` makes the warehouse Query."""

    kind: list[str] | None = None
    agency: list[str] | None = None
    country: list[str] | None = None
    action: list[str] | None = None
    currency: list[str] | None = None
    source: list[str] | None = None
    lang: list[str] | None = None
    usd_min: float | None = None
    usd_max: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    since: datetime | None = None
    until: datetime | None = None
    period_from: datetime | None = None
    period_to: datetime | None = None
    corroborated: bool = False
    sort: Sort = Sort.relevance

    def to_query(self, text: str, *, page: int = 1, page_size: int = 20, with_facets: bool = False) -> Any:
        from warehouse import FACET_NAMES, Query

        def day(value: datetime | None) -> date | None:
            return value.date() if value else None

        return Query(
            text=text,
            kinds=tuple(self.kind or ()),
            agencies=tuple(self.agency or ()),
            countries=tuple(c.upper() for c in self.country or ()),
            actions=tuple(self.action or ()),
            currencies=tuple(c.upper() for c in self.currency or ()),
            sources=tuple(self.source or ()),
            langs=tuple(self.lang or ()),
            usd_min=self.usd_min,
            usd_max=self.usd_max,
            value_min=self.value_min,
            value_max=self.value_max,
            published_from=day(self.since),
            published_to=day(self.until),
            period_from=day(self.period_from),
            period_to=day(self.period_to),
            corroborated_only=self.corroborated,
            sort=self.sort.value,
            page=page,
            page_size=page_size,
            facets=FACET_NAMES if with_facets else (),
        )


_OPTION_TYPES: dict[str, Any] = {
    "kind": _many("--kind", "kind (money, count, duration, percent, person)"),
    "agency": _many("--agency", "agency (id, name or acronym)"),
    "country": _many("--country", "country (ISO code)"),
    "action": _many("--action", "action (seizure, fine, shutdown, ...)"),
    "currency": _many("--currency", "currency (ISO code)"),
    "source": _many("--source", "source id"),
    "lang": _many("--lang", "document language"),
    "usd_min": _amount("--usd-min", "Minimum USD equivalent."),
    "usd_max": _amount("--usd-max", "Maximum USD equivalent."),
    "value_min": _amount("--value-min", "Minimum value (in the fact's own unit)."),
    "value_max": _amount("--value-max", "Maximum value (in the fact's own unit)."),
    "since": _day("--since", "Published on or after (YYYY-MM-DD)."),
    "until": _day("--until", "Published on or before (YYYY-MM-DD)."),
    "period_from": _day("--period-from", "Fact period ends on or after (YYYY-MM-DD)."),
    "period_to": _day("--period-to", "Fact period starts on or before (YYYY-MM-DD)."),
    "corroborated": Annotated[
        bool, typer.Option("--corroborated", help="Only facts reported by 2+ sources.")
    ],
    "sort": Annotated[Sort, typer.Option("--sort", help="Order of results.")],
}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command every filter option; it receives them as one `filters: FilterOptions`."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "filters"]
    added = [
        inspect.Parameter(
            f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=_OPTION_TYPES[f.name]
        )
        for f in fields(FilterOptions)
    ]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        filters = FilterOptions(**{p.name: kwargs.pop(p.name) for p in added})
        command(filters=filters, **kwargs)

    wrapper.__signature__ = inspect.Signature(own + added)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in own + added}
    del wrapper.__wrapped__
    return wrapper


def print_result(result: Any, fmt: OutputFormat) -> None:
    """Print a search Result as a rich table (with facets), CSV or JSON."""
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
    if fmt is OutputFormat.csv:
        columns = list(result.rows[0].keys()) if result.rows else list(TABLE_COLUMNS)
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(result.rows)
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
            "agency": row.get("agency_acronym") or row.get("agency_name"),
        }
        table.add_row(*(Text("" if cells.get(c) is None else str(cells[c])) for c in TABLE_COLUMNS))
    console.print(table)
    for name, counts in result.facets.items():
        shown = ", ".join(f"{value} ({count})" for value, count in counts[:8])
        console.print(Text(f"{name}: {shown}"))

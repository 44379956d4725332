"""Search options: one per declared filter on `search` and `export`, turned into the warehouse Query."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from typer.testing import CliRunner

import warehouse
from regintel.cli.main import app
from regintel.cli.search import OPTIONS, FilterOptions, Sort


def _flags() -> list[str]:
    return [flag for f in warehouse.FIELDS
            for flag in ((f.low.option, f.high.option) if isinstance(f, warehouse.Range) else (f.option,))]


@pytest.mark.parametrize("command", ["search", "export"])
def test_every_declared_filter_is_an_option(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(flag in result.output for flag in [*_flags(), "--sort"])


def test_options_become_the_query() -> None:
    given = {o.name: o.default for o in OPTIONS} | {
        "kinds": ["money"], "countries": ["kz"], "usd_min": 5.0,
        "published_from": datetime(2025, 1, 2), "corroborated_only": True, "sort": Sort.usd}
    filters = FilterOptions({o.name: o.convert(given[o.name]) for o in OPTIONS})
    query = filters.to_query("fined", page=2, page_size=10, with_facets=True)
    assert query == warehouse.Query(text="fined", kinds=("money",), countries=("kz",), usd_min=5.0,
                                    published_from=date(2025, 1, 2), corroborated_only=True, sort="usd",
                                    page=2, page_size=10, facets=warehouse.FACET_NAMES)
    assert filters.to_query("").facets == () and filters.to_query("").page_size == 20

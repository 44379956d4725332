"""Search options: one per declared filter on `search` and `export`, turned into the warehouse Query."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warehouse
from regintel.cli.main import app
from regintel.cli.search import OPTIONS, FilterOptions, Sort
from tests.warehouse.wh_records import STORY_A, make_doc, story_a


def _flags() -> list[str]:
    return [flag for f in warehouse.FIELDS
            for flag in ((f.low.option, f.high.option) if isinstance(f, warehouse.Range) else (f.option,))]


@pytest.mark.parametrize("command", ["search", "export"])
def test_every_declared_filter_is_an_option(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(flag in result.output for flag in [*_flags(), "--sort", "--group"])


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


def test_has_usd_keeps_facts_with_a_usd_equivalent(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a())])
    runner = CliRunner()
    every = runner.invoke(app, ["search", "--format", "json", "--limit", "1000", "--db", str(db)])
    with_usd = runner.invoke(app, ["search", "--has-usd", "--format", "json", "--limit", "1000",
                                   "--db", str(db)])
    assert every.exit_code == with_usd.exit_code == 0
    rows, kept = json.loads(every.output)["rows"], json.loads(with_usd.output)["rows"]
    assert 0 < len(kept) < len(rows) and [r["fact_id"] for r in kept] == [
        r["fact_id"] for r in rows if r["usd"] is not None]
    assert "has a USD equivalent" in json.loads(with_usd.output)["description"]
    out = tmp_path / "usd.csv"
    assert runner.invoke(app, ["export", "--has-usd", "--out", str(out), "--db", str(db)]).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == len(kept) + 1


def test_search_csv_and_export_csv_write_the_same_columns_the_same_way(tmp_path: Path) -> None:
    db = tmp_path / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.load_extractions(db, [(make_doc("https://a.test/1", STORY_A), story_a())])
    runner = CliRunner()
    args = ["crypto", "--sort", "usd", "--group", "mention", "--db", str(db)]
    page = runner.invoke(app, ["search", *args, "--format", "csv", "--limit", "2", "--page", "2"])
    every = runner.invoke(app, ["export", *args, "--format", "csv", "--out", "-"])
    assert page.exit_code == every.exit_code == 0, page.output
    header, *rows = every.stdout.splitlines()
    assert page.stdout.splitlines() == [header, *rows[2:4]]  # the same header, the page's rows verbatim
    assert "mentions" in header and "cluster_usd" in header
    assert "rows written to standard output" in every.stderr
    shown = json.loads(runner.invoke(app, ["search", *args, "--format", "json", "--limit", "1000"]).stdout)
    assert len(rows) == shown["total"] == len(shown["rows"])

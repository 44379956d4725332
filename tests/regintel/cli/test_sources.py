"""`regintel sources`: list (with warehouse status), show, validate, add — via Typer's CliRunner."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

import warehouse
from crawlers.sources import load_sources
from regintel.cli.sources import app
from regintel.contracts import replace

runner = CliRunner()


def test_list_json_shows_every_source_with_status_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, load_sources())
    run = warehouse.start_run(db, "sec_us")
    warehouse.finish_run(
        db, replace(run, status="blocked", finished_at=datetime.now(UTC), message="HTTP 403")
    )
    result = runner.invoke(app, ["list", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert len(rows) >= 15
    assert rows["sec_us"]["status"] == "blocked" and rows["sec_us"]["last_message"] == "HTTP 403"
    assert rows["sec_us"]["last_run"] is not None
    assert rows["afm_kz"]["status"] == "never run" and rows["afm_kz"]["documents"] == 0
    assert {"documents", "pages", "pending", "issues_last_run"} <= set(rows["fca_gb"])


def test_list_table_without_a_warehouse(tmp_path: Path) -> None:
    result = runner.invoke(app, ["list", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0
    assert "afm_kz" in result.output and "never" in result.output


def test_show_and_unknown_source(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "fca_gb", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0
    shown = json.loads(result.output)
    assert shown["config"]["entry_points"][0]["url"] == "https://www.fca.org.uk/news/rss.xml"
    bad = runner.invoke(app, ["show", "fca_uk"])
    assert bad.exit_code != 0
    assert "unknown source 'fca_uk'" in str(bad.exception)


def test_validate_and_add(tmp_path: Path) -> None:
    assert "15 sources valid" in runner.invoke(app, ["validate"]).output
    file = tmp_path / "mine.yaml"
    args = [
        "add",
        "kapital_kz",
        "--name",
        "Kapital.kz",
        "--url",
        "https://kapital.kz/rss",
        "--language",
        "ru",
        "--file",
        str(file),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    (added,) = load_sources(file)
    assert (
        added.id == "kapital_kz" and added.allowed_domains == ("kapital.kz",) and added.languages == ("ru",)
    )
    assert "1 sources valid" in runner.invoke(app, ["validate", str(file)]).output
    again = runner.invoke(app, args)
    assert again.exit_code != 0 and "already exists" in str(again.exception)
    bad = runner.invoke(app, ["add", "x_y", "--name", "X", "--url", "ftp://x", "--file", str(file)])
    assert "bad entry_points[0].url 'ftp://x'" in str(bad.exception)


def test_add_refuses_private_addresses_unless_allowed(tmp_path: Path) -> None:
    file = tmp_path / "mine.yaml"
    base = ["add", "intranet", "--name", "Intranet", "--file", str(file)]
    refused = runner.invoke(app, [*base, "--url", "http://127.1:8080/feed.xml"])
    assert refused.exit_code != 0 and not file.exists()
    assert str(refused.exception) == (
        "refused URL 'http://127.1:8080/feed.xml': 127.1 resolves to non-public address 127.0.0.1; "
        "pass --allow-private to crawl it anyway"
    )
    metadata = runner.invoke(app, [*base, "--url", "http://169.254.169.254/latest/feed"])
    assert "169.254.169.254 is a non-public address" in str(metadata.exception)
    allowed = runner.invoke(app, [*base, "--url", "http://localhost:8080/feed.xml", "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
    (added,) = load_sources(file)
    assert added.politeness == {"REGINTEL_ALLOW_PRIVATE": True}

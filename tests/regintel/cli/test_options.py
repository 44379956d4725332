"""regintel/cli/options.py: the options every command group shares."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from regintel.cli.options import DbOption, SourcesOption, existing_db
from regintel.contracts import RegintelError
from regintel.settings import DB, SOURCES

probe = typer.Typer()


@probe.command()
def show(db: DbOption = DB.default, sources: SourcesOption = None) -> None:
    typer.echo(f"{db} {sources}")


def test_db_and_sources_come_from_their_settings_when_not_given(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(probe, []).output.strip() == f"{DB.default} None"
    env = {DB.name: str(tmp_path / "team.duckdb"), SOURCES.name: str(tmp_path / "mine.yaml")}
    assert runner.invoke(probe, [], env=env).output.strip() == f"{tmp_path}/team.duckdb {tmp_path}/mine.yaml"
    given = runner.invoke(probe, ["--db", "x.duckdb", "--sources-file", "s.yaml"], env=env)
    assert given.output.strip() == "x.duckdb s.yaml"


def test_a_missing_warehouse_is_one_line_saying_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(RegintelError, match=r"no warehouse at .*: run `regintel init --db"):
        existing_db(tmp_path / "none.duckdb")
    (tmp_path / "here.duckdb").touch()
    assert existing_db(tmp_path / "here.duckdb") == tmp_path / "here.duckdb"

"""`regintel schedule set|pause|resume|next`: overrides kept in the warehouse, the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

import warehouse
from regintel.cli.main import main
from tests.regintel.operations.conftest import write_sources


def test_set_pause_resume_and_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, sources = tmp_path / "w.duckdb", write_sources(tmp_path / "s.yaml", ids=("timesca", "other"))
    before = sources.read_text(encoding="utf-8")
    base = ["--sources", str(sources), "--db", str(db)]
    assert main(["schedule", "set", "timesca", "*/10 * * * *", *base]) == 0
    assert main(["schedule", "pause", "other", *base]) == 0
    assert warehouse.schedule_overrides(db)["timesca"].cron == "*/10 * * * *"
    assert sources.read_text(encoding="utf-8") == before
    capsys.readouterr()
    assert main(["schedule", "next", "--count", "3", *base]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all("timesca  [*/10 * * * *]" in line for line in lines)
    assert "due now" in lines[0] and "min" in lines[1]
    assert main(["schedule", "resume", "other", *base]) == 0
    assert main(["schedule", "list", *base]) == 0
    table = capsys.readouterr().out
    assert "*/10 * * * * (set)" in table and "paused" not in table
    assert main(["schedule", "set", "timesca", "every day", *base]) == 2
    assert "invalid cron schedule 'every day'" in capsys.readouterr().err
    assert main(["schedule", "pause", "nope", *base]) == 2
    assert "unknown source 'nope'; known: timesca, other" in capsys.readouterr().err

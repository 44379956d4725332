"""The `regintel` CLI: every command is there, and user errors are one line with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = (
    "init",
    "crawl",
    "reparse",
    "process",
    "extract",
    "search",
    "export",
    "sources",
    "schedule",
    "runs",
    "app",
    "demo",
    "rates",
)


def regintel(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regintel", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_help_lists_every_command() -> None:
    result = regintel("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert f" {command} " in result.stdout, command


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_and_db_option(command: str) -> None:
    result = regintel(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("search", "x", "--db", "/nonexistent/x.duckdb"), "no warehouse at /nonexistent/x.duckdb"),
        (("search", "x", "--frobnicate"), "No such option"),
        (("search", "x", "--since", "yesterday"), "yesterday"),
        (("export", "--format", "pdf", "--out", "x.pdf"), "pdf"),
        (("extract", "/nonexistent/doc.txt"), "/nonexistent/doc.txt"),
        (("extract", "--lang", "fr", "x.txt"), "fr"),
        (("crawl", "no_such_source", "--db", "unused.duckdb"), "unknown source 'no_such_source'"),
    ],
)
def test_user_errors_are_one_line_exit_2(args: tuple[str, ...], says: str, tmp_path: Path) -> None:
    result = regintel(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("regintel: ")
    assert says in lines[0]
    assert "Traceback" not in result.stderr


def test_init_creates_and_reports_schema(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = regintel("init", "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert db.is_file()
    again = regintel("init", "--db", str(db))
    assert again.returncode == 0
    assert first.stdout == again.stdout


def test_locked_database_is_a_user_error(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert regintel("init", "--db", str(db)).returncode == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = subprocess.run(
            [sys.executable, "-m", "regintel", "search", "x", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**__import__("os").environ, "REGINTEL_LOCK_TIMEOUT_S": "1"},
        )
    finally:
        holder.kill()
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "lock" in result.stderr.lower()

"""Fixture for warehouse tests: a fresh warehouse file in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

import warehouse


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "regintel.duckdb"
    warehouse.init_db(path)
    return path

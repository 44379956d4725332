"""Crawl fixtures: the sample site on loopback and a DuckDB path per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from regintel.samplesite.server import SampleSite, running


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    with running() as sample:
        yield sample


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "crawl.duckdb"

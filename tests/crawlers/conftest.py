"""Crawl fixtures: the sample site on loopback, the sources it mirrors, a DuckDB path and its rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from crawlers.sources import load_sources
from regintel.contracts import Source
from regintel.samplesite.server import SampleSite, running

Rows = Callable[..., list[tuple]]


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    with running() as sample:
        yield sample


@pytest.fixture(scope="module")
def mirrored_sources(site: SampleSite) -> list[Source]:
    """The packaged sources whose every entry point the sample site serves."""
    return [s for s in load_sources() if all(site.site.serves(e.url) for e in s.entry_points)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "crawl.duckdb"


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def rows() -> Rows:
    """Rows of a query on a crawled warehouse, read the way any DuckDB client would."""
    return _rows


"""Fixtures shared across test packages: export readers, the sample site on loopback, loopback crawl
settings, the hostile source."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest

from regintel.contracts import EntryPoint, Source
from regintel.samplesite import hostile
from regintel.samplesite.server import SampleSite, running
from regintel.settings import BACKOFF_BASE, FLUSH_SECONDS


def _read_export(fmt: str, data: bytes) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(data)).to_pylist()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def read_export() -> Callable[[str, bytes], list[dict]]:
    """Reads an export file's bytes back as rows (dicts keyed by column name), whatever its format:
    the export tests and the app's downloads."""
    return _read_export


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    """The offline sample site, served on 127.0.0.1 for the tests of one module."""
    with running() as sample:
        yield sample


@pytest.fixture(scope="session")
def fast_settings() -> dict[str, Any]:
    """Loopback politeness: no delays, generous concurrency, short timeouts and backoff."""
    return {
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_TIMEOUT": 4,
        "RETRY_TIMES": 1,
        BACKOFF_BASE.name: 0.2,
        FLUSH_SECONDS.name: 0.5,
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="session")
def hostile_source() -> Source:
    """A source whose listing links to the sample site's hostile pages (each a recorded issue)."""
    return Source(
        id="hostile",
        name="Hostile pages",
        publisher_kind="news",
        country="KZ",
        languages=("en", "ru"),
        entry_points=(EntryPoint("listing", f"https://{hostile.HOST}/news/", link_selector="ul.items a"),),
        allowed_domains=(hostile.HOST,),
        min_items=1,
    )

"""Fixtures shared across test packages."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import openpyxl
import pyarrow.parquet as pq
import pytest


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

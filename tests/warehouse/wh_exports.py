"""Reading an export file back as rows, whatever its format (export tests and the app's downloads)."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pyarrow.parquet as pq


def read_export(fmt: str, data: bytes) -> list[dict]:
    """The rows of an export file's bytes, as dicts keyed by column name."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(data)).to_pylist()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]

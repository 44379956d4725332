"""A snapshot's on-disk form: its Arrow tables as IPC files and its meta as JSON, beside the
database file, so the next process memory-maps it instead of building it again."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa

from warehouse.search.snapshot import TABLES, Snapshot


def folder_of(db: Path, stamp: tuple[str, int]) -> Path:
    """Where the snapshot of `db` at `stamp` is saved: `<db>.snapshot/<file id>-<generation>`."""
    return db.with_name(db.name + ".snapshot") / f"{stamp[0]}-{stamp[1]}"


def save(snap: Snapshot, folder: Path) -> bool:
    """Write `snap` to `folder` (Arrow IPC files and meta.json), atomically; False if it could not
    (another process saved it first, or the folder is read-only)."""
    scratch: Path | None = None
    try:
        folder.parent.mkdir(exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
        for name, table in snap.tables.items():
            with pa.OSFile(str(scratch / f"{name}.arrow"), "wb") as sink, \
                    pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        (scratch / "meta.json").write_text(json.dumps(snap.meta), encoding="utf-8")
        os.replace(scratch, folder)
    except OSError:  # keep what is there
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        return False
    return True


def load(folder: Path) -> Snapshot:
    """Memory-map a saved snapshot (its pages are read as searches touch them)."""
    tables = {name: pa.ipc.open_file(pa.memory_map(str(folder / f"{name}.arrow"))).read_all()
              for name in TABLES}
    return Snapshot(tables, json.loads((folder / "meta.json").read_text(encoding="utf-8")))

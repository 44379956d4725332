"""Create or upgrade a warehouse file to the latest schema version.

`schema_version` holds one row per applied migration. `init_db` applies the missing ones in
order, each in its own transaction, so an interrupted upgrade leaves a consistent older file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from regintel.contracts import RegintelError
from warehouse import migrations
from warehouse.connection import reading, session, writing
from warehouse.migrations import LATEST_VERSION


def _migration_modules() -> dict[int, str]:
    found = {}
    for info in pkgutil.iter_modules(migrations.__path__):
        if info.name.startswith("v") and info.name[1:4].isdigit():
            found[int(info.name[1:4])] = f"warehouse.migrations.{info.name}"
    if sorted(found) != list(range(1, LATEST_VERSION + 1)):
        raise RuntimeError(f"migrations {sorted(found)} do not match LATEST_VERSION {LATEST_VERSION}")
    return found


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The file's schema version (0 for an empty file)."""
    try:
        return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]
    except duckdb.CatalogException:
        return 0


def init_db(db: Path, *, target: int = LATEST_VERSION) -> int:
    """Create `db` or migrate it up to `target` (default: latest); returns the resulting version."""
    db = Path(db)
    if not 1 <= target <= LATEST_VERSION:
        raise RegintelError(f"unknown schema version {target}; allowed: 1..{LATEST_VERSION}")
    modules = _migration_modules()
    with session(db, read_only=False) as con:
        version = current_version(con)
        if version > LATEST_VERSION:
            raise RegintelError(
                f"database {db} has schema version {version}, newer than this Regintel ({LATEST_VERSION})"
            )
        for step in range(version + 1, target + 1):
            con.execute("BEGIN TRANSACTION")
            try:
                importlib.import_module(modules[step]).upgrade(con)
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [step, datetime.now(UTC)])
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
            version = step
        return version


def check_version(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    """Readers cannot migrate: tell the user to run `regintel init` on an old or foreign file."""
    version = current_version(con)
    if version != LATEST_VERSION:
        raise RegintelError(
            f"database {db} has schema version {version}; this Regintel needs {LATEST_VERSION}: "
            "run `regintel init`"
        )


@contextmanager
def reader(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short read-only connection on a file at the latest schema version."""
    with reading(db) as con:
        check_version(con, Path(db))
        yield con


@contextmanager
def writer(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short write transaction on a file at the latest schema version."""
    with writing(db) as con:
        check_version(con, Path(db))
        yield con

"""Short-lived attachments of the warehouse file, retried on lock errors, with extensions from wheels.

DuckDB lets one process write a file and no other process read it meanwhile (or many
read-only readers and no writer). So every call attaches the file, works and detaches it,
and any attach that meets a conflicting lock backs off and retries; nobody holds the file
between calls. Creating a DuckDB instance costs 70-90 ms here (catalog, built-in extensions,
thread pool), so each process keeps one in-memory instance and ATTACHes the file to a fresh
cursor for each call (10-15 ms); DETACH closes the file and releases its lock.
Cooperating Regintel processes also queue on two sidecar `flock` files (`<db>.turnstile`,
`<db>.lock`) so a waiting writer is not starved by a stream of readers: a writer holds the
turnstile while it waits for readers in flight to finish; new readers wait at the turnstile.
Extensions (fts, excel) come from the `duckdb-extension-*` PyPI wheels, never from the network.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from regintel.contracts import RegintelError
from regintel.settings import LOCK_TIMEOUT_S

try:
    import fcntl
except ImportError:  # not POSIX: DuckDB's own lock plus retries still keep readers and writers apart
    fcntl = None  # type: ignore[assignment]

BACKOFF_FIRST_S = 0.005  # first retry delay; doubles up to BACKOFF_MAX_S, with jitter
BACKOFF_MAX_S = 0.2
FLOCK_POLL_S = 0.004  # sidecar lock poll interval (jittered); short, so queued readers get in quickly
WRITER_COURTESY_S = 0.015  # a process that just wrote waits this long (> 3 polls) before writing again
ALIAS = "wh"  # the attached file (+ a per-file suffix), made the default catalog of the call's cursor
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def extension_path(name: str) -> Path:
    """The extension binary shipped in the `duckdb-extension-<name>` wheel for this DuckDB version."""
    spec = importlib.util.find_spec(f"duckdb_extension_{name}")
    if spec is None or spec.origin is None:
        raise RegintelError(f"DuckDB extension '{name}' is not installed; install duckdb-extension-{name}")
    path = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.exists():
        raise RegintelError(f"DuckDB extension '{name}' has no build for DuckDB {duckdb.__version__}: {path}")
    return path


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """LOAD an extension from its wheel (never INSTALL from the network)."""
    con.execute(f"LOAD '{extension_path(name)}'")


class _Instance:
    """This process's in-memory DuckDB (recreated after a fork) and one lock per attached file.

    A file can be attached once per instance, so threads of one process take turns per file.
    """

    def __init__(self) -> None:
        self._con: duckdb.DuckDBPyConnection | None = None
        self._pid = 0
        self._guard = threading.Lock()
        self._files: dict[Path, threading.Lock] = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._guard:
            if self._con is None or self._pid != os.getpid():
                self._con = duckdb.connect(":memory:", config=_CONFIG)
                self._pid = os.getpid()
                self._files = {}
            return self._con.cursor()

    def file_lock(self, db: Path) -> threading.Lock:
        with self._guard:
            return self._files.setdefault(db.resolve(), threading.Lock())


_INSTANCE = _Instance()


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def open_with_retry(
    db: Path, *, read_only: bool, timeout_s: float | None = None
) -> duckdb.DuckDBPyConnection:
    """A cursor with `db` attached as its default catalog, retrying with jittered exponential
    backoff while another process holds the file's lock. Close it with `close`."""
    db = Path(db)
    if read_only and not db.exists():
        raise RegintelError(f"database not found: {db}; create it with `regintel init`")
    if not db.parent.exists():
        raise RegintelError(f"database folder does not exist: {db.parent}")
    timeout_s = LOCK_TIMEOUT_S.get() if timeout_s is None else timeout_s
    deadline = time.monotonic() + timeout_s
    delay = BACKOFF_FIRST_S
    mode = " (READ_ONLY)" if read_only else ""
    alias = _alias(db)
    while True:
        cur = _INSTANCE.cursor()
        try:
            cur.execute(f"ATTACH {_sql_string(str(db))} AS {alias}{mode}")
            cur.execute(f"USE {alias}")
            cur.execute("SET enable_progress_bar = false")  # a long migration must not draw on the terminal
            return cur
        except duckdb.Error as exc:
            cur.close()
            if not _is_lock_error(exc):
                raise RegintelError(f"cannot open database {db}: {str(exc).splitlines()[0]}") from exc
            if time.monotonic() >= deadline:
                raise RegintelError(
                    f"database is locked: {db} (another process held it for more than {timeout_s:.0f} s)"
                ) from exc
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, BACKOFF_MAX_S)


def _alias(db: Path) -> str:
    """The catalog name of `db` in this process's instance: one per file, so threads reading two
    files at once (a search snapshot built in the background, a search of another file) do not clash."""
    return f"{ALIAS}_{hashlib.blake2b(str(db.resolve()).encode(), digest_size=6).hexdigest()}"


def close(cur: duckdb.DuckDBPyConnection, db: Path) -> None:
    """Detach the file (a writer's changes are checkpointed and its lock released), drop the cursor."""
    try:
        cur.execute("USE memory")
        cur.execute(f"DETACH {_alias(db)}")
    finally:
        cur.execute("RESET max_vacuum_tasks")  # undo `skip_vacuum` once this file is checkpointed
        cur.close()


def skip_vacuum(cur: duckdb.DuckDBPyConnection) -> None:
    """Let the checkpoints of this write session (at COMMIT or DETACH) skip row-group compaction.

    For appends that delete nothing: when a table ends in a partial row group, the checkpoint
    after an append merges and recompresses the new rows (measured: 1.3-2.9 s after a
    250,000-fact insert, 0.01 s without). The setting is instance-wide; `close` resets it,
    and writes that delete rows (reloads) keep compacting.
    """
    cur.execute("SET max_vacuum_tasks = 0")


def _flock(path: Path, exclusive: bool, deadline: float) -> int | None:
    """An flock on a sidecar file (None when it cannot be created: read-only folder, no fcntl)."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        return None
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    while True:
        try:
            fcntl.flock(fd, mode)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                busy = path.with_suffix("")
                raise RegintelError(f"database is locked: {busy} (another process kept it busy)") from None
        time.sleep(FLOCK_POLL_S * (0.5 + random.random()))


_last_write: dict[Path, float] = {}  # db -> when this process last finished writing it


def _release(*fds: int | None) -> None:
    for fd in fds:
        if fd is not None:
            os.close(fd)  # closing the descriptor drops its flock


@contextmanager
def session(db: Path, *, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the attached file for one call, queued fairly with other Regintel processes."""
    db = Path(db)
    deadline = time.monotonic() + LOCK_TIMEOUT_S.get()
    held: list[int | None] = []
    if not read_only:  # let readers queued behind the previous write in first
        time.sleep(max(0.0, _last_write.get(db, 0.0) + WRITER_COURTESY_S - time.monotonic()))
    in_process = _INSTANCE.file_lock(db) if db.parent.is_dir() else threading.Lock()
    with in_process:
        if db.parent.is_dir():
            turnstile = _flock(db.with_name(db.name + ".turnstile"), True, deadline)
            if read_only:  # pass the turnstile, then read beside other readers
                _release(turnstile)
            else:
                held.append(turnstile)
            held.append(_flock(db.with_name(db.name + ".lock"), not read_only, deadline))
        try:
            con = open_with_retry(db, read_only=read_only, timeout_s=max(deadline - time.monotonic(), 0.1))
            try:
                yield con
            finally:
                close(con, db)
        finally:
            _release(*held)
            if not read_only:
                _last_write[db] = time.monotonic()


@contextmanager
def reading(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only cursor for the duration of one call."""
    with session(db, read_only=True) as con:
        yield con


@contextmanager
def writing(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write cursor inside one transaction: committed on success, rolled back on error."""
    with session(db, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

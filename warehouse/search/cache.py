"""The per-process cache of search snapshots: one per database file, rebuilt only when the file's
search generation moves.

Before each search the file and its WAL are stat'ed: unchanged since the last check, and not
modified in the last `RACY_S` (mtime ticks are coarse), the snapshot is current; otherwise the
generation is read (one short attach). Writes that change search results bump the generation
(generation.py); crawls do not, so crawling beside the app costs it a stat and an attach.

A new generation is built in the background while searches keep answering from the snapshot
they have (a rebuild takes 3-6 s at 1,000,000 facts: a scheduler writing every hour must not
make an analyst wait for it); the new snapshot replaces the old one when it is complete. Only a
process's first snapshot of a file, and one of a file recreated at the same path, are built
while the search waits. For those few seconds both snapshots are in memory.
A snapshot can be saved beside the file and memory-mapped by the next process (`current(save=)`).
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse import generation
from warehouse.schema import reader
from warehouse.search import saved
from warehouse.search.snapshot import Snapshot

RACY_S = 1.0  # a file modified this recently is checked by its generation, not its stat
MAX_SNAPSHOTS = 4  # database files whose snapshots a process keeps (least recently used go)
LOG = logging.getLogger(__name__)


class _Cached:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.snapshot: Snapshot | None = None
        self.file_state: tuple | None = None
        self.building: threading.Thread | None = None  # the build of a newer generation, if one runs


_FILES: OrderedDict[Path, _Cached] = OrderedDict()
_GUARD = threading.Lock()


def _file_state(db: Path) -> tuple | None:
    """What changes when the file is written: (inode, size, mtime) of the file and its WAL."""
    state: list[Any] = []
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            state.append(None)
            continue
        except OSError:
            return None
        state.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(state)


def _settled(state: tuple | None) -> bool:
    """No part of the file was modified within RACY_S (a later write would change its mtime)."""
    if state is None or state[0] is None:
        return False
    newest = max(part[2] for part in state if part is not None) / 1e9
    return time.time() - newest > RACY_S


def _open(db: Path, con: duckdb.DuckDBPyConnection, stamp: tuple[str, int], save: bool) -> Snapshot:
    """The saved snapshot at `stamp` if there is one, else a new one (saved if asked, replacing
    older ones)."""
    folder = saved.folder_of(db, stamp)
    if (folder / "meta.json").exists():
        try:
            return saved.load(folder)
        except (OSError, ValueError, KeyError, pa.ArrowException):  # damaged: build it again
            shutil.rmtree(folder, ignore_errors=True)
    snap = Snapshot.build(con, stamp)
    if save and saved.save(snap, folder):
        for old in folder.parent.iterdir():
            if old != folder and not old.name.startswith(".building-"):
                shutil.rmtree(old, ignore_errors=True)
    return snap


def _build_in_background(db: Path, cached: _Cached, state: tuple | None, save: bool) -> None:
    """Build the file's current generation and swap it in; a failure (a writer holding the file)
    leaves the old snapshot, and the next search tries again."""
    built: Snapshot | None = None
    try:
        with reader(db) as con:
            built = _open(db, con, generation.current(con), save)
    except Exception:  # whatever failed, the old snapshot still answers
        LOG.warning("search snapshot of %s not rebuilt; still serving the previous one", db, exc_info=True)
    with cached.lock:
        old = cached.snapshot
        newer = built is not None and (old is None or old.stamp[0] != built.stamp[0]
                                       or old.stamp[1] < built.stamp[1])
        if newer:
            cached.snapshot, cached.file_state = built, state
        cached.building = None


def current(db: Path, *, save: bool = False, fresh: bool = False) -> Snapshot:
    """The snapshot of `db`'s search tables: as of its latest committed search generation, or, while
    that one is being built in the background, the previous one.

    `fresh`: wait for the latest generation instead (what a command run after a write expects).
    A short-lived process (the CLI) passes `save=True`: a snapshot it builds is saved beside the
    file, and the next process memory-maps it instead of building it again. Any process loads a
    saved snapshot of the current generation.
    """
    db = Path(db).resolve()
    with _GUARD:
        cached = _FILES.setdefault(db, _Cached())
        _FILES.move_to_end(db)
        while len(_FILES) > MAX_SNAPSHOTS:
            _FILES.popitem(last=False)
    if fresh:
        settle(db)
    with cached.lock:
        if cached.building is not None and not fresh:
            assert cached.snapshot is not None
            return cached.snapshot
        state = _file_state(db)
        if cached.snapshot is not None and state == cached.file_state and _settled(state):
            return cached.snapshot
        with reader(db) as con:
            stamp = generation.current(con)
            old = cached.snapshot
            if old is None or old.stamp[0] != stamp[0] or (fresh and old.stamp != stamp):  # first, a new file
                cached.snapshot = _open(db, con, stamp, save)
        if cached.snapshot.stamp == stamp:
            cached.file_state = state
        elif cached.building is None:  # started once the file is detached: the build attaches it
            # not a daemon: a process exiting meanwhile waits for the build rather than abort in it
            cached.building = threading.Thread(target=_build_in_background, args=(db, cached, state, save),
                                               name=f"snapshot {db.name}")
            cached.building.start()
        return cached.snapshot


def settle(db: Path, timeout: float | None = None) -> None:
    """Wait for a background build of `db`'s snapshot, if one runs (tests, benchmarks)."""
    with _GUARD:
        cached = _FILES.get(Path(db).resolve())
    building = cached.building if cached is not None else None
    if building is not None:
        building.join(timeout)

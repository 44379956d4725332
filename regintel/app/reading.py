"""The app's calls of the warehouse, cached per (database file state, arguments).

The warehouse opens and closes its own short-lived connection on each call, so a running crawl
is never blocked by the app; a write to the file changes its stamp, so cached answers refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

import warehouse
from regintel.settings import DB

CACHE_TTL_S = 60
T = TypeVar("T")


def db_path() -> Path:
    """The warehouse this app reads (the DB setting: environment, else ./regintel.duckdb)."""
    return Path(DB.get())


def missing(db: Path) -> bool:
    """Say how to build a warehouse when there is none; True if so."""
    if db.exists():
        return False
    st.info(f"No warehouse found at {db}. Build one with `regintel demo` (or `regintel crawl` "
            f"then `regintel process`), or point the {DB.name} environment variable at it.")
    return True


def stamp(db: Path) -> int:
    """Changes whenever the database file (or its WAL) is written, so cached results refresh."""
    wal = db.with_name(db.name + ".wal")
    return sum(p.stat().st_mtime_ns + p.stat().st_size for p in (db, wal) if p.exists())


def search_stamp(db: Path) -> tuple[str, int]:
    """The snapshot generation searches answer from: cached results refresh when a newer snapshot
    replaces it (after a write the previous one keeps answering until then)."""
    return warehouse.snapshot_stamp(db)


def by_id(title: str, key: str, load: Callable[[str, int, str], T | None], opening: str,
          unknown: str) -> T | None:
    """What a detail page shows for the id in its URL (`key`), loaded by `load`; None after saying
    why there is nothing to show (no warehouse, no id, an unknown id: `unknown` names it as {id})."""
    db = db_path()
    if missing(db):
        return None
    wanted = st.query_params.get(key)
    if not wanted:
        st.title(title)
        st.info(opening)
        return None
    found = load(str(db), stamp(db), wanted)
    if found is None:
        st.title(title)
        st.warning(unknown.format(id=repr(wanted)))
    return found


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=512)
def run_search(db: str, stamp: tuple[str, int], query: warehouse.Query) -> warehouse.Result:
    """One cached call of the warehouse's search (the Query is a frozen dataclass: a cache key)."""
    del stamp  # only part of the cache key
    return warehouse.search(Path(db), query)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=256)
def fact_detail(db: str, stamp: int, fact_id: str) -> warehouse.FactDetail | None:
    del stamp
    return warehouse.fact_detail(Path(db), fact_id)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=64)
def document_detail(db: str, stamp: int, doc_id: str) -> warehouse.DocumentDetail | None:
    del stamp
    return warehouse.document_detail(Path(db), doc_id)


@st.cache_data(ttl=CACHE_TTL_S, show_spinner=False, max_entries=128)
def trends(db: str, stamp: int, query: warehouse.Query, by: str) -> warehouse.Trends:
    del stamp
    return warehouse.trends(Path(db), query, by)

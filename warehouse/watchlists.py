"""Watchlists: saved searches (a Query as JSON) with channels, and the facts each has delivered."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from regintel.contracts import RegintelError
from warehouse.schema import reader, writer


@dataclass(frozen=True, slots=True)
class Watchlist:
    name: str
    query: dict[str, object]  # the saved Query's fields (dates as ISO strings)
    channels: tuple[str, ...]
    created_at: datetime
    checked_at: datetime | None


def add_watchlist(db: Path, name: str, query: dict[str, object], channels: list[str]) -> Watchlist:
    now = datetime.now(UTC)
    with writer(db) as con:
        if con.execute("SELECT 1 FROM watchlists WHERE name = ?", [name]).fetchone():
            raise RegintelError(f"watchlist {name!r} exists; remove it first or choose another name")
        con.execute("INSERT INTO watchlists VALUES (?, ?, ?, ?, NULL)",
                    [name, json.dumps(query, sort_keys=True), list(channels), now])
    return Watchlist(name, query, tuple(channels), now, None)


def watchlists(db: Path) -> list[Watchlist]:
    with reader(db) as con:
        rows = con.execute("SELECT name, query, channels, created_at, checked_at FROM watchlists "
                           "ORDER BY name").fetchall()
    return [Watchlist(n, json.loads(q), tuple(c), created, checked) for n, q, c, created, checked in rows]


def remove_watchlist(db: Path, name: str) -> None:
    with writer(db) as con:
        if not con.execute("DELETE FROM watchlists WHERE name = ? RETURNING name", [name]).fetchall():
            names = con.execute("SELECT name FROM watchlists ORDER BY name").fetchall()
            known = ", ".join(r[0] for r in names)
            raise RegintelError(f"unknown watchlist {name!r}; known: {known or 'none'}")
        con.execute("DELETE FROM watch_hits WHERE name = ?", [name])


def delivered_facts(db: Path, name: str) -> set[str]:
    with reader(db) as con:
        return {r[0] for r in con.execute("SELECT fact_id FROM watch_hits WHERE name = ?", [name]).fetchall()}


def record_hits(db: Path, name: str, fact_ids: list[str]) -> None:
    """Mark facts delivered to a watchlist and stamp its check time."""
    now = datetime.now(UTC)
    with writer(db) as con:
        for fact_id in fact_ids:
            con.execute("INSERT INTO watch_hits VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        [name, fact_id, now])
        con.execute("UPDATE watchlists SET checked_at = ? WHERE name = ?", [now, name])

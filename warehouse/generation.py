"""The search generation: which file, and how many writes changing search results it has seen.

Writers call `bump` inside the transaction that changes facts, clusters, postings or sources,
so a reader that sees a new generation also sees the data that made it (see snapshot.py).
The file id (a UUID made with the table) tells a recreated file at the same path from the old one.
"""

from __future__ import annotations

import duckdb


def bump(con: duckdb.DuckDBPyConnection) -> None:
    """Mark the caller's write transaction as changing what search shows."""
    con.execute("UPDATE search_generation SET generation = generation + 1")


def current(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    """(file id, generation) of the attached file."""
    return con.execute("SELECT file_id, generation FROM search_generation").fetchall()[0]

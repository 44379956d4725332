"""Version 3: postings record the content hash they were made from, so indexing can be lazy.

Crawl batches store documents without indexing them; loads (and `warehouse.refresh_index`)
index the documents whose postings are missing or stale. Documents already stored are indexed
by version 5, which replaced this version's postings layout (the code that wrote it is gone).
"""

from __future__ import annotations

import duckdb


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE doc_lengths ADD COLUMN content_hash VARCHAR")
    con.execute("""UPDATE doc_lengths SET content_hash = d.content_hash FROM documents d
                   WHERE d.doc_id = doc_lengths.doc_id""")

"""Version 2: the incremental full-text index (stemmed postings per document field).

DuckDB's `create_fts_index` is a static snapshot rebuilt in full after every change; these
postings are replaced per document on load instead. Existing documents are indexed by v003,
which adds the column that records what text the postings were made from.
"""

from __future__ import annotations

import duckdb

DDL = """
CREATE TABLE doc_terms (doc_id VARCHAR NOT NULL, field TINYINT NOT NULL, term_hash UBIGINT NOT NULL,
                        term VARCHAR NOT NULL, tf INTEGER NOT NULL);
CREATE TABLE doc_lengths (doc_id VARCHAR NOT NULL, title_len INTEGER NOT NULL, text_len INTEGER NOT NULL);
"""


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)

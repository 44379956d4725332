"""Version 6: a search generation, and sentences stored uncompressed.

- `search_generation` holds the file's id and a counter that every write changing what search
  shows (facts, clusters, postings, sources) increments in its own transaction; a searching
  process keeps an in-memory snapshot of the search tables (`warehouse.snapshot`) and rebuilds
  it only when the pair it reads differs from the snapshot's.
- `facts.sentence` is stored uncompressed: search now scores sentences in the snapshot, not in
  the file, and FSST encoding took a tenth of a bulk insert.
- `fact_agencies`, the link between facts and the agencies they name, is a view over
  `facts.agency_id` (a fact names one agency today; a table replaces the view when the
  extractor links several), so it costs loads nothing.
"""

from __future__ import annotations

import duckdb

from warehouse.migrations import v005_search_layout

FACTS = v005_search_layout.FACTS.replace("facts_v5", "facts_v6").replace(
    "sentence VARCHAR USING COMPRESSION fsst", "sentence VARCHAR USING COMPRESSION uncompressed")


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE search_generation (file_id VARCHAR NOT NULL, generation BIGINT NOT NULL)")
    con.execute("INSERT INTO search_generation VALUES (uuid()::VARCHAR, 1)")
    con.execute(FACTS)
    con.execute("INSERT INTO facts_v6 SELECT * FROM facts ORDER BY published DESC NULLS LAST, doc_key, start")
    con.execute("DROP TABLE facts")
    con.execute("ALTER TABLE facts_v6 RENAME TO facts")
    con.execute("""CREATE VIEW fact_agencies AS
                   SELECT fact_id, agency_id, doc_id FROM facts WHERE agency_id IS NOT NULL""")

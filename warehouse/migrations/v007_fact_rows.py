"""Version 7: facts stored once, their document's fields read from the document.

`fact_rows` holds what the extractor found; `facts` becomes a view that adds `source_id`,
`published`, `lang` (from `documents`) and `extractor_version` (from `extractions`) with the
columns, names and order of the version-6 table, so readers and exports are unchanged. A bulk
load wrote those four copies on every fact: without them a 250,000-fact insert did about a
fifth less work, and a document re-crawled with a corrected date or source no longer leaves its
facts with the old one.

Every document with facts needs its extraction record for the view's `extractor_version`:
loads always wrote the two together; a record is made (without a content hash, so the next
`process` re-extracts it, as it would have) for any document that has facts and none. A
document's duplicate records, which would repeat its facts in the view, are reduced to the
newest. The search generation moves on, so no snapshot saved before the upgrade is reused.
"""

from __future__ import annotations

import duckdb

from warehouse.migrations import v006_search_generation

DOCUMENT_FIELDS = ("    source_id VARCHAR NOT NULL USING COMPRESSION dictionary, published DATE,\n"
                   "    lang VARCHAR USING COMPRESSION dictionary,\n",
                   "    extractor_version VARCHAR USING COMPRESSION dictionary,\n")
FACT_ROWS = v006_search_generation.FACTS.replace("facts_v6", "fact_rows")  # its columns, less four
for _definition in DOCUMENT_FIELDS:
    FACT_ROWS = FACT_ROWS.replace(_definition, "")
FACTS_VIEW = """
CREATE VIEW facts AS
SELECT f.fact_id, f.doc_id, d.source_id, d.published, d.lang, f.kind, f.text, f.start, f."end",
       f.sentence, f.value, f.value_max, f.qualifier, f.unit, f.noun_phrase, f.currency, f.usd,
       f.usd_basis, f.restates, f.action, f.agency_id, f.agency_name, f.agency_acronym, f.country,
       f.person, f.role, f.period_start, f.period_end, f.period_text, f.confidence,
       e.extractor_version, f.first_seen, f.last_seen, f.cluster_id, f.doc_key
FROM fact_rows f LEFT JOIN documents d ON d.doc_key = f.doc_key
     LEFT JOIN extractions e ON e.doc_id = f.doc_id
"""
ROW_COLUMNS = ("fact_id", "doc_id", "kind", "text", "start", '"end"', "sentence", "value", "value_max",
               "qualifier", "unit", "noun_phrase", "currency", "usd", "usd_basis", "restates", "action",
               "agency_id", "agency_name", "agency_acronym", "country", "person", "role", "period_start",
               "period_end", "period_text", "confidence", "first_seen", "last_seen", "cluster_id", "doc_key")


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE TEMP TABLE _records AS
                   SELECT DISTINCT ON (doc_id) * FROM extractions ORDER BY doc_id, extracted_at DESC""")
    con.execute("DELETE FROM extractions")
    con.execute("INSERT INTO extractions SELECT * FROM _records")
    con.execute("DROP TABLE _records")
    con.execute("""INSERT INTO extractions
                   SELECT doc_id, max(extractor_version), NULL, max(last_seen), count(*) FROM facts
                   WHERE doc_id NOT IN (SELECT doc_id FROM extractions) GROUP BY doc_id""")
    con.execute(FACT_ROWS)
    columns = ", ".join(ROW_COLUMNS)
    con.execute(f"""INSERT INTO fact_rows SELECT {columns} FROM facts
                    ORDER BY published DESC NULLS LAST, doc_key, start""")
    con.execute("DROP VIEW fact_agencies")
    con.execute("DROP TABLE facts")
    con.execute(FACTS_VIEW)
    con.execute("""CREATE VIEW fact_agencies AS
                   SELECT fact_id, agency_id, doc_id FROM fact_rows WHERE agency_id IS NOT NULL""")
    con.execute("UPDATE search_generation SET generation = generation + 1")

"""Documents: upserted by canonical URL with first/last seen and the integer `doc_key` kept
(indexed later, when loaded: see fts)."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from regintel.contracts import Document

COLUMNS = ("url, source_id, title, text, lang, published, published_raw, fetched_at, content_hash, "
           "near_dup_key, content_type")


def upsert_documents(con: duckdb.DuckDBPyConnection, documents: pa.Table, now: datetime) -> None:
    """Replace documents (Document schema) by doc_id inside the caller's transaction.

    The latest fetch of a URL wins; `first_seen` and `doc_key` (a new document takes the next
    value of the `doc_keys` sequence) survive replacement. No search indexing here:
    a crawl batch stays a plain insert, and loads index what they need (`fts.refresh`).
    """
    con.register("docs", documents.append_column("seen", pa.array([now] * documents.num_rows,
                                                                  pa.timestamp("us", tz="UTC"))))
    con.execute("""CREATE OR REPLACE TEMP TABLE _docs AS
                   SELECT DISTINCT ON (doc_id) * FROM docs ORDER BY doc_id, fetched_at DESC""")
    con.execute("""CREATE OR REPLACE TEMP TABLE _seen AS SELECT doc_id, first_seen, doc_key FROM documents
                   WHERE doc_id IN (SELECT doc_id FROM _docs)""")
    con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM _docs)")
    con.execute(f"""INSERT INTO documents
                    SELECT d.doc_id, {", ".join("d." + c for c in COLUMNS.split(", "))},
                           coalesce(s.first_seen, d.seen), d.seen, coalesce(s.doc_key, nextval('doc_keys'))
                    FROM _docs d LEFT JOIN _seen s USING (doc_id)""")
    con.execute("DROP TABLE _docs")
    con.execute("DROP TABLE _seen")
    con.unregister("docs")


def document_from_row(row: tuple) -> Document:
    """A row of `SELECT {COLUMNS} FROM documents` -> Document."""
    (url, source_id, title, text, lang, published, published_raw, fetched_at, content_hash,
     near_dup_key, content_type) = row
    return Document(url=url, source_id=source_id, title=title or "", text=text or "", lang=lang,
                    published=published, published_raw=published_raw, fetched_at=fetched_at,
                    content_hash=content_hash or "", near_dup_key=near_dup_key or "",
                    content_type=content_type or "text/html")

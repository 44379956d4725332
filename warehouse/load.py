"""Process side: which documents need extraction, and loading their facts in Arrow batches.

A batch is one transaction: each document's facts, agency mentions and people are deleted
and re-inserted together, so readers see either the old or the new set, never half. If the
batch fails (a row breaks a constraint), documents are retried one transaction each and the
bad ones are reported in `LoadStats.rejected` with their previous facts left intact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from regintel.contracts import SCHEMAS, AgencyMention, Document, Extraction, Fact, make_id, replace, to_arrow
from warehouse import consolidate, fts, generation
from warehouse.connection import skip_vacuum
from warehouse.documents import COLUMNS, document_from_row, upsert_documents
from warehouse.schema import reader, writer

MENTION_COLUMNS = ", ".join(f'"{name}"' for name in SCHEMAS[AgencyMention].names)


@dataclass(frozen=True, slots=True)
class LoadStats:
    """What one `load_extractions` call did."""

    documents: int
    facts: int
    agency_mentions: int
    rejected: tuple[tuple[str, str], ...] = ()  # (document URL, reason) left with their previous facts
    clusters: int = 0


def fact_id(doc_url: str, fact: Fact) -> str:
    """Stable id: the document's canonical URL and the fact's normalised content (never its wording)."""
    return make_id(doc_url, *fact.content_key())


def documents_to_extract(db: Path, reextract: bool = False, batch_size: int = 500,
                         extractor_version: str | None = None) -> Iterator[list[Document]]:
    """Documents never extracted, changed since, or (given a version) extracted by another version.

    The id list is read first and each batch in its own short read, so the caller can load
    between batches without this generator holding the file.
    """
    with reader(db) as con:
        ids = [r[0] for r in con.execute("""
            SELECT d.doc_id FROM documents d LEFT JOIN extractions e USING (doc_id)
            WHERE $all OR e.doc_id IS NULL OR e.content_hash IS DISTINCT FROM d.content_hash
                  OR ($version IS NOT NULL AND e.extractor_version IS DISTINCT FROM $version)
            ORDER BY d.doc_id""", {"all": reextract, "version": extractor_version}).fetchall()]
    for i in range(0, len(ids), batch_size):
        with reader(db) as con:
            rows = con.execute(
                f"SELECT {COLUMNS} FROM documents WHERE list_contains($ids, doc_id) ORDER BY doc_id",
                {"ids": ids[i:i + batch_size]},
            ).fetchall()
        yield [document_from_row(r) for r in rows]


@dataclass(frozen=True, slots=True)
class ExtractionTables:
    """A load in Arrow: documents (Document schema), facts (Fact schema + doc_id, fact_id),
    agency mentions (AgencyMention schema + doc_id) and one extraction record per document."""

    documents: pa.Table
    facts: pa.Table | None
    mentions: pa.Table | None
    runs: pa.Table  # doc_id, content_hash, facts (int32), extractor_version

    def only(self, doc_id: str) -> ExtractionTables:
        """The same load restricted to one document."""
        def pick(table: pa.Table | None) -> pa.Table | None:
            return None if table is None else table.filter(pc.equal(table["doc_id"], doc_id))
        return ExtractionTables(pick(self.documents), pick(self.facts), pick(self.mentions), pick(self.runs))

    def deduplicated(self) -> ExtractionTables:
        """One row per fact id (one statement repeated) and one extraction record per document
        (a document listed twice): the `facts` view joins one record per document. Done before
        the write starts, so the file is held for the insert alone."""
        facts = None if self.facts is None else _first_of_each(self.facts, "fact_id")
        return ExtractionTables(self.documents, facts, self.mentions, _first_of_each(self.runs, "doc_id"))


def _first_of_each(table: pa.Table, column: str) -> pa.Table:
    """The first row of each value of `column` (the table itself when no value repeats; `unique`
    hashes 250,000 ids in half the time of `count_distinct`)."""
    values = table[column]
    distinct = pc.unique(values)
    if len(distinct) == len(values):
        return table
    return table.take(pc.index_in(distinct, values))  # first places, in order


def tables_of(items: Sequence[tuple[Document, Extraction]], version: str | None = None) -> ExtractionTables:
    """Records -> Arrow tables (fact ids computed here)."""
    facts = [f for _, ex in items for f in ex.facts]
    mentions = [m for _, ex in items for m in ex.agencies]
    fact_docs = [doc.doc_id for doc, ex in items for _ in ex.facts]
    fact_ids = [fact_id(doc.url, f) for doc, ex in items for f in ex.facts]
    versions = {f.extractor_version for f in facts if f.extractor_version}
    default_version = version if version is not None else (max(versions) if versions else "")
    return ExtractionTables(
        documents=to_arrow([d for d, _ in items]),
        facts=to_arrow(facts, extra={"doc_id": fact_docs, "fact_id": fact_ids}) if facts else None,
        mentions=to_arrow(mentions, extra={"doc_id": [d.doc_id for d, ex in items for _ in ex.agencies]})
        if mentions else None,
        runs=pa.table({
            "doc_id": [d.doc_id for d, _ in items],
            "content_hash": [d.content_hash for d, _ in items],
            "facts": pa.array([len(ex.facts) for _, ex in items], pa.int32()),
            "extractor_version": [
                max((f.extractor_version for f in ex.facts), default=default_version) for _, ex in items
            ],
        }),
    )


def _upsert_agencies(con: duckdb.DuckDBPyConnection, rows_sql: str, now: datetime) -> None:
    """Agencies seen in facts or mentions: a registry entry (learned = false) wins over a guess."""
    con.execute(f"""
        INSERT INTO agencies
        SELECT DISTINCT ON (agency_id) agency_id, name, acronym, country, kind, learned, $now, $now
        FROM ({rows_sql}) ORDER BY agency_id, learned
        ON CONFLICT (agency_id) DO UPDATE SET last_seen = excluded.last_seen,
            name = CASE WHEN excluded.learned THEN coalesce(agencies.name, excluded.name)
                     ELSE coalesce(excluded.name, agencies.name) END,
            acronym = CASE WHEN excluded.learned THEN coalesce(agencies.acronym, excluded.acronym)
                     ELSE coalesce(excluded.acronym, agencies.acronym) END,
            country = CASE WHEN excluded.learned THEN coalesce(agencies.country, excluded.country)
                     ELSE coalesce(excluded.country, agencies.country) END,
            kind = CASE WHEN excluded.learned THEN coalesce(agencies.kind, excluded.kind)
                     ELSE coalesce(excluded.kind, agencies.kind) END,
            learned = agencies.learned AND excluded.learned""", {"now": now})


# `fact_rows`, in order (the `facts` view adds the document's source, date and language, and the
# version of its extraction record)
FACT_COLUMNS = ("fact_id", "doc_id", *(n for n in SCHEMAS[Fact].names if n != "extractor_version"),
                "first_seen", "last_seen", "cluster_id", "doc_key")
_STAMP = pa.timestamp("us", tz="UTC")


def _batch_state(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """One row per document of `runs_in`: its stored metadata (NULL when not stored with this
    content), whether its postings are stale, and whether it was loaded before (a document's
    facts and its `extractions` row are only ever written together, by `_replace`)."""
    return con.execute("""
        SELECT r.doc_id, d.doc_key,
               d.doc_id IS NOT NULL AND d.content_hash IS NOT DISTINCT FROM r.content_hash AS stored,
               l.content_hash IS DISTINCT FROM d.content_hash AS stale, e.doc_id IS NOT NULL AS loaded
        FROM runs_in r LEFT JOIN documents d USING (doc_id) LEFT JOIN doc_lengths l USING (doc_id)
             LEFT JOIN extractions e USING (doc_id)""").to_arrow_table()


def _fact_rows(facts: pa.Table, state: pa.Table, prev: pa.Table | None, now: datetime) -> pa.Table:
    """The batch's facts as `fact_rows` rows: `doc_key` from `state`, `first_seen` kept
    from `prev` (fact_id, first_seen), else `now` like `last_seen`. Built in Arrow, so the
    insert is a plain scan (a join in the INSERT built its hash table on 250,000 wide rows)."""
    at = pc.index_in(facts["doc_id"], state["doc_id"])
    if at.null_count:  # facts of a document outside the batch are dropped
        facts, at = facts.filter(pc.is_valid(at)), at.filter(pc.is_valid(at))
    stamp = pa.scalar(now, _STAMP)
    last_seen = pc.fill_null(pa.nulls(facts.num_rows, _STAMP), stamp)
    first_seen = last_seen
    if prev is not None and prev.num_rows:
        kept = prev["first_seen"].take(pc.index_in(facts["fact_id"], prev["fact_id"]))
        first_seen = pc.fill_null(kept, stamp)
    columns = {name: facts[name] for name in facts.column_names}
    columns["doc_key"] = state["doc_key"].take(at)
    columns.update(first_seen=first_seen, last_seen=last_seen,
                   cluster_id=pa.nulls(facts.num_rows, pa.string()))
    return pa.table({name: columns[name] for name in FACT_COLUMNS})


ROW_GROUP_ROWS = 122_880  # DuckDB's row group size


def _row_groups(table: pa.Table) -> pa.Table:
    """`table` in record batches of one DuckDB row group each: the insert then writes row groups
    on all threads (250,000 facts: 0.36 s on two threads against 0.75 s on one, or on two
    threads fed one big batch)."""
    batches = table.to_batches(max_chunksize=ROW_GROUP_ROWS)  # zero-copy slices
    if len(batches) > -(-table.num_rows // ROW_GROUP_ROWS):  # small chunks: copy them together
        batches = table.combine_chunks().to_batches(max_chunksize=ROW_GROUP_ROWS)
    return pa.Table.from_batches(batches, table.schema)


def _agencies_of(facts: pa.Table) -> pa.Table:
    """The first row naming each agency (upserted as learned, unless a mention confirms it)."""
    ids = pc.unique(facts["agency_id"].drop_null())
    return facts.select(["agency_id", "agency_name", "agency_acronym", "country"]).take(
        pc.index_in(ids, facts["agency_id"]))


def _insert_facts(con: duckdb.DuckDBPyConnection, facts: pa.Table, state: pa.Table, prev: pa.Table | None,
                  now: datetime) -> None:
    """Insert the batch's facts, their people and the agencies they name."""
    con.register("fact_insert", _row_groups(_fact_rows(facts, state, prev, now)))
    con.execute("INSERT INTO fact_rows SELECT * FROM fact_insert")
    con.unregister("fact_insert")
    if facts["person"].null_count < facts.num_rows:
        con.register("batch_facts", facts)
        con.execute("""INSERT INTO people SELECT doc_id, fact_id, person, role, agency_id
                       FROM batch_facts WHERE person IS NOT NULL""")
    con.register("batch_agencies", _agencies_of(facts))
    _upsert_agencies(con, """SELECT agency_id, agency_name AS name, agency_acronym AS acronym, country,
                                    NULL AS kind, true AS learned FROM batch_agencies""", now)


def _replace(con: duckdb.DuckDBPyConnection, tables: ExtractionTables, now: datetime,
             reconsolidate: bool) -> int:
    """Replace the facts, mentions, people and extraction record of each document, then (if asked)
    re-cluster what changed, all in the caller's transaction; returns the clusters written.

    Documents loaded for the first time (a first `process`) skip the deletes, each a scan of a
    big table, and the `first_seen` lookup.
    """
    generation.bump(con)
    con.register("runs_in", tables.runs)
    state = _batch_state(con)
    missing = pc.invert(pc.fill_null(state["stored"], False))
    if pc.any(missing).as_py():
        docs = tables.documents
        upsert_documents(con, docs.filter(pc.is_in(docs["doc_id"], state["doc_id"].filter(missing))),
                         now)
        state = _batch_state(con)
    if pc.any(pc.fill_null(state["stale"], False)).as_py():  # the batch becomes searchable
        fts.refresh(con, "AND d.doc_id IN (SELECT doc_id FROM runs_in)")
    con.register("_keys", state.select(["doc_id", "doc_key"]))
    prev, old_clusters = None, []
    if pc.any(state["loaded"]).as_py():
        prev = con.execute("""SELECT fact_id, first_seen, cluster_id FROM fact_rows
                              WHERE doc_key IN (SELECT doc_key FROM _keys)""").to_arrow_table()
        old_clusters = pc.unique(prev["cluster_id"].drop_null()).to_pylist()
        con.execute("DELETE FROM fact_rows WHERE doc_key IN (SELECT doc_key FROM _keys)")
        for table in ("agency_mentions", "people", "extractions"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _keys)")
    else:  # a pure append: nothing to compact, and compaction would recompress the new rows
        skip_vacuum(con)
    if tables.facts is not None and tables.facts.num_rows:
        _insert_facts(con, tables.facts, state, prev, now)
    if tables.mentions is not None and tables.mentions.num_rows:
        con.register("mention_rows", tables.mentions)
        con.execute('''INSERT INTO agency_mentions
                       SELECT doc_id, agency_id, text, start, "end" FROM mention_rows''')
        _upsert_agencies(con, f"SELECT {MENTION_COLUMNS} FROM mention_rows", now)
    con.execute("""INSERT INTO extractions SELECT doc_id, extractor_version, content_hash, $now, facts
                   FROM runs_in""", {"now": now})
    clusters = 0
    if reconsolidate:
        con.execute("""CREATE OR REPLACE TEMP TABLE _seeds AS SELECT fact_id FROM fact_rows
                       WHERE doc_key IN (SELECT doc_key FROM _keys)
                          OR cluster_id IN (SELECT unnest($old::VARCHAR[]))""", {"old": old_clusters})
        clusters = consolidate.refresh(con, old_clusters)
    return clusters


LOAD_ERRORS = (duckdb.ConstraintException, duckdb.ConversionException, duckdb.InvalidInputException,
               pa.ArrowException)


def _reason(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"


def _rows(table: pa.Table | None, of_documents: pa.Array | None = None) -> int:
    """Rows of `table` (those of `of_documents` only, if given)."""
    if table is None:
        return 0
    if of_documents is None:
        return table.num_rows
    return int(pc.sum(pc.is_in(table["doc_id"], of_documents)).as_py() or 0)


def load_tables(db: Path, tables: ExtractionTables, *, consolidate_after: bool = True) -> LoadStats:
    """Load Arrow tables in one transaction (one per document on failure), re-clustering the facts
    they touch in the same transaction unless `consolidate_after` is False (bulk loads then call
    `consolidate.consolidate` once)."""
    now = datetime.now(UTC)
    tables = tables.deduplicated()
    try:
        with writer(db) as con:
            clusters = _replace(con, tables, now, consolidate_after)
        return LoadStats(documents=tables.runs.num_rows, facts=_rows(tables.facts),
                         agency_mentions=_rows(tables.mentions), clusters=clusters)
    except LOAD_ERRORS:  # find the bad documents: one transaction each
        rejected: list[tuple[str, str]] = []
        loaded, clusters = set(), 0
        docs = tables.documents
        urls = dict(zip(docs["doc_id"].to_pylist(), docs["url"].to_pylist(), strict=True))
        for doc_id in tables.runs["doc_id"].to_pylist():
            try:
                with writer(db) as con:
                    clusters += _replace(con, tables.only(doc_id), now, consolidate_after)
                loaded.add(doc_id)
            except LOAD_ERRORS as exc:
                rejected.append((urls.get(doc_id, doc_id), _reason(exc)))
    done = pa.array(sorted(loaded), pa.string())
    return LoadStats(documents=len(loaded), facts=_rows(tables.facts, done), clusters=clusters,
                     agency_mentions=_rows(tables.mentions, done), rejected=tuple(rejected))


def refresh_index(db: Path, batch_size: int = 20_000) -> int:
    """Index every document whose postings are missing or stale, one short transaction per
    `batch_size` documents (loads do this for their own documents); returns the count indexed."""
    with reader(db) as con:
        ids = [r[0] for r in con.execute(f"SELECT doc_id FROM ({fts.stale_documents_sql()})").fetchall()]
    for i in range(0, len(ids), batch_size):
        with writer(db) as con:
            con.register("_ids", pa.table({"doc_id": pa.array(ids[i:i + batch_size], pa.string())}))
            fts.refresh(con, "AND d.doc_id IN (SELECT doc_id FROM _ids)")
            generation.bump(con)
    return len(ids)


SORTED = {  # how `compact_index` orders each search table (for SQL readers: exports, snapshots)
    # zone maps let a query term read a few row groups; snapshots read it sorted
    "postings": "SELECT * FROM postings ORDER BY term_hash",
    # a date-sorted export reads it in order
    "fact_rows": """SELECT f.* FROM fact_rows f LEFT JOIN documents d ON d.doc_key = f.doc_key
                    ORDER BY d.published DESC NULLS LAST, f.doc_key, f.start""",
    "documents": "SELECT * FROM documents ORDER BY published DESC NULLS LAST, doc_key",
}


def compact_index(db: Path) -> None:
    """Rewrite the search tables in the orders of `SORTED`; run after bulk loads (exports and
    snapshot builds get faster: new documents, mostly the newest, are appended in roughly that
    order anyway)."""
    with writer(db) as con:
        for table, ordered in SORTED.items():
            con.execute(f"CREATE OR REPLACE TEMP TABLE _sorted AS {ordered}")
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} SELECT * FROM _sorted")
            con.execute("DROP TABLE _sorted")


def load_extractions(db: Path, items: list[tuple[Document, Extraction]],
                     extractor_version: str | None = None) -> LoadStats:
    """Load extractions (Arrow, one transaction), consolidate, and return what was loaded.

    `extractor_version` stamps documents that yielded no facts (default: the facts' version).
    A record that cannot even be converted rejects its document alone.
    """
    if not items:
        return LoadStats(0, 0, 0)
    good: list[tuple[Document, Extraction]] = []
    rejected: list[tuple[str, str]] = []
    try:
        tables = tables_of(items, extractor_version)
        good = list(items)
    except (pa.ArrowException, ValueError, TypeError):
        for item in items:
            try:
                tables_of([item], extractor_version)
                good.append(item)
            except (pa.ArrowException, ValueError, TypeError) as exc:
                rejected.append((item[0].url, _reason(exc)))
        if not good:
            return LoadStats(0, 0, 0, rejected=tuple(rejected))
        tables = tables_of(good, extractor_version)
    stats = load_tables(db, tables)
    return replace(stats, rejected=tuple(rejected) + stats.rejected)

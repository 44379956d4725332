"""Full-text index: stemmed postings per document field, and BM25 scoring over them.

Documents are tokenised on letters and digits (numbers stay searchable, unlike the fts
extension's default `ignore`), stemmed with the fts extension's Snowball `stem()` in the
document's language (Russian or English), and stored per (doc, field, term) with its term
frequency and the term's hash. Crawling stores documents without indexing them (a crawl batch
stays a plain insert); loading a document's facts indexes it if its postings are missing or
were made from other text (`doc_lengths.content_hash`), so the index never needs a full
rebuild; each batch is written in hash order, and `compact` rewrites the whole table in hash order
so DuckDB's zone maps skip all but a few row groups per query term.
Query text is stemmed with both stemmers and the terms are OR-ed; a document scores BM25 over
its title (weighted) and text, and a fact adds the idf of query terms its sentence contains
(a substring test of the stem: cheap, and stems are letters and digits only).
"""

from __future__ import annotations

import threading

import duckdb
import pyarrow as pa

from warehouse.connection import load_extension

WORD_CHARS = "a-z0-9а-я"  # after lower() and strip_accents() (й -> и, ё -> е)
MAX_QUERY_TERMS = 32  # a 10 KB query is cut to its first distinct words
MAX_TERM_CHARS = 64
K1, B = 1.2, 0.75
TITLE_WEIGHT = 2.0


def tokens_sql(expr: str) -> str:
    """SQL list of the lower-cased, accent-free word tokens of `expr`."""
    return (
        f"list_filter(regexp_split_to_array(lower(strip_accents(coalesce({expr}, ''))), "
        f"'[^{WORD_CHARS}]+'), t -> t <> '' AND length(t) <= {MAX_TERM_CHARS})"
    )


def stemmer_sql(lang_expr: str) -> str:
    return f"CASE WHEN {lang_expr} = 'ru' THEN 'russian' ELSE 'english' END"


def index_documents(con: duckdb.DuckDBPyConnection, docs: pa.Table) -> None:
    """(Re)index `docs` (doc_id, title, text, lang, content_hash) inside the caller's write transaction.

    Stemming runs in this process's in-memory DuckDB, so the file's writer needs no extension.
    Old postings are deleted only for documents that have some (a scan of the big postings
    table), never for documents indexed for the first time.
    """
    terms, lengths = _STEMMER.postings(docs.select(["doc_id", "title", "text", "lang"]))
    con.register("_fts_terms", terms)
    con.register("_fts_lengths", lengths.append_column("content_hash", docs["content_hash"]))
    con.execute("""CREATE OR REPLACE TEMP TABLE _fts_old AS SELECT doc_id FROM doc_lengths
                   WHERE doc_id IN (SELECT doc_id FROM _fts_lengths)""")
    if con.execute("SELECT count(*) FROM _fts_old").fetchall()[0][0]:
        con.execute("DELETE FROM doc_terms WHERE doc_id IN (SELECT doc_id FROM _fts_old)")
        con.execute("DELETE FROM doc_lengths WHERE doc_id IN (SELECT doc_id FROM _fts_old)")
    con.execute("""INSERT INTO doc_terms SELECT doc_id, field, hash(term), term, tf FROM _fts_terms
                   ORDER BY hash(term)""")
    con.execute("INSERT INTO doc_lengths SELECT doc_id, title_len, text_len, content_hash FROM _fts_lengths")
    con.execute("DROP TABLE _fts_old")
    con.unregister("_fts_terms")
    con.unregister("_fts_lengths")


def stale_documents_sql(restrict: str = "") -> str:
    """SQL of the documents whose postings are missing or were made from other text.

    `restrict` is an extra condition on `d` (e.g. the documents of a load batch).
    """
    return f"""SELECT d.doc_id, d.title, d.text, d.lang, d.content_hash
               FROM documents d LEFT JOIN doc_lengths l USING (doc_id)
               WHERE l.content_hash IS DISTINCT FROM d.content_hash {restrict}"""


def refresh(con: duckdb.DuckDBPyConnection, restrict: str = "") -> int:
    """Index the stale documents (all, or those `restrict` selects) in the caller's transaction."""
    stale = con.execute(f"SELECT doc_id FROM ({stale_documents_sql(restrict)})").to_arrow_table()
    if not stale.num_rows:  # the common case of a reload: ids only, no text read
        return 0
    con.register("_fts_stale", stale)
    docs = con.execute("""SELECT doc_id, title, text, lang, content_hash FROM documents
                          WHERE doc_id IN (SELECT doc_id FROM _fts_stale)""").to_arrow_table()
    con.unregister("_fts_stale")
    index_documents(con, docs)
    return docs.num_rows


class _Stemmer:
    """A process-wide in-memory DuckDB with fts loaded: stems without touching the warehouse file."""

    def __init__(self) -> None:
        self._con: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False})
            load_extension(self._con, "fts")
        return self._con

    def postings(self, docs: pa.Table) -> tuple[pa.Table, pa.Table]:
        """(doc_id, field, term, tf) and (doc_id, title_len, text_len) of the documents."""
        with self._lock:
            con = self._connection()
            con.register("_docs_in", docs)
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE _tokens AS
                SELECT doc_id, {stemmer_sql('lang')} AS stemmer,
                       {tokens_sql('title')} AS title_tokens, {tokens_sql('text')} AS text_tokens
                FROM _docs_in""")
            terms = con.execute("""
                SELECT doc_id, field::TINYINT AS field, term, count(*)::INTEGER AS tf FROM (
                    SELECT doc_id, 0 AS field, stem(unnest(title_tokens), stemmer) AS term FROM _tokens
                    UNION ALL
                    SELECT doc_id, 1 AS field, stem(unnest(text_tokens), stemmer) AS term FROM _tokens)
                GROUP BY ALL""").to_arrow_table()
            lengths = con.execute("""SELECT doc_id, len(title_tokens)::INTEGER AS title_len,
                                     len(text_tokens)::INTEGER AS text_len
                                     FROM _tokens""").to_arrow_table()
            con.execute("DROP TABLE _tokens")
            con.unregister("_docs_in")
        return terms, lengths

    def terms(self, text: str) -> tuple[str, ...]:
        with self._lock:
            rows = self._connection().execute(
                f"""SELECT list_distinct(list_concat(list_transform(w, t -> stem(t, 'english')),
                                                    list_transform(w, t -> stem(t, 'russian'))))
                    FROM (SELECT list_distinct({tokens_sql('$text')})[:{MAX_QUERY_TERMS}] AS w)""",
                {"text": text},
            ).fetchall()
        return tuple(sorted(t for t in rows[0][0] if t))


_STEMMER = _Stemmer()


def query_terms(text: str) -> tuple[str, ...]:
    """The stemmed search terms of a user's query (both stemmers; empty if it has no words)."""
    return _STEMMER.terms(text)


def create_hits(con: duckdb.DuckDBPyConnection, terms: tuple[str, ...]) -> None:
    """Temp tables of this connection: `_hits(doc_id, score)` (BM25 over title and text) and
    `_q(terms)`, the query terms with their idf, for scoring sentences.

    No intermediate postings table: the idf of each term (a scan of the few row groups
    holding its hash, bound as integer constants so zone maps prune) comes back to Python and
    `_hits` reads the same postings again in one BM25 statement.
    """
    hashes = con.execute("SELECT list(hash(t)) FROM unnest($terms::VARCHAR[]) u(t)",
                         {"terms": list(terms)}).fetchall()[0][0] or []
    postings = f"FROM doc_terms WHERE term_hash IN ({', '.join(str(h) for h in hashes) or 'NULL'})"
    idf = con.execute(f"""
        WITH n AS (SELECT count(*) AS n FROM doc_lengths)
        SELECT {{'term': term, 'idf': ln((n.n - df + 0.5) / (df + 0.5) + 1)}}
        FROM (SELECT term, count(DISTINCT doc_id) AS df {postings} GROUP BY term), n""").fetchall()
    con.execute("CREATE OR REPLACE TEMP TABLE _q AS SELECT $q::STRUCT(term VARCHAR, idf DOUBLE)[] AS terms",
                {"q": [row[0] for row in idf]})
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _hits AS
        WITH n AS (SELECT greatest(avg(title_len), 1) AS avg_title, greatest(avg(text_len), 1) AS avg_text
                   FROM doc_lengths),
             i AS (SELECT unnest(terms, recursive := true) FROM _q),
             p AS (SELECT doc_id, field, term, tf {postings})
        SELECT p.doc_id, sum(i.idf * p.tf * ({K1} + 1) / (p.tf + {K1} * (1 - {B} + {B} *
                   CASE p.field WHEN 0 THEN l.title_len / n.avg_title ELSE l.text_len / n.avg_text END))
                   * CASE p.field WHEN 0 THEN {TITLE_WEIGHT} ELSE 1.0 END) AS score
        FROM p JOIN i USING (term) JOIN doc_lengths l USING (doc_id), n
        GROUP BY p.doc_id""")


def compact(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the postings in term-hash order (after bulk loads), inside the caller's transaction."""
    con.execute("CREATE OR REPLACE TEMP TABLE _sorted AS SELECT * FROM doc_terms ORDER BY term_hash")
    con.execute("DELETE FROM doc_terms")
    con.execute("INSERT INTO doc_terms SELECT * FROM _sorted")
    con.execute("DROP TABLE _sorted")


def sentence_score_sql(sentence_expr: str) -> str:
    """SQL: sum of the idf of the query terms (`_q`) that the fact's sentence contains."""
    return (
        "coalesce(list_sum(list_transform(_q.terms, t -> CASE WHEN contains("
        f"lower(strip_accents(coalesce({sentence_expr}, ''))), t.term) THEN t.idf ELSE 0 END)), 0)"
    )

"""Full-text index: stemmed postings per (term, document), and BM25 scoring over them.

Documents are tokenised on letters and digits (numbers stay searchable, unlike the fts
extension's default `ignore`), stemmed with the fts extension's Snowball `stem()` in the
document's language (Russian or English), and stored per (term hash, document key) with the
term's title and text frequencies and the document's title and text lengths, so a query reads
only the rows of its terms and joins nothing. Crawling stores documents without indexing them (a crawl batch
stays a plain insert); loading a document's facts indexes it if its postings are missing or
were made from other text (`doc_lengths.content_hash`), so the index never needs a full
rebuild; each batch is written in hash order, and `warehouse.compact_index` rewrites the whole
table in hash order so DuckDB's zone maps skip all but a few row groups per query term.
Query words are stemmed with both stemmers (`analyse`; what a query means is search/text.py);
a document scores BM25 over its title (weighted) and text. `bm25` and `idf` are the formula;
`create_hits` applies it in SQL (exports), and search snapshots apply it to their copy of the
postings with numpy (search/postings.py).
"""

from __future__ import annotations

import math
import threading
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.connection import load_extension

WORD_CHARS = "a-z0-9а-я"  # after lower() and strip_accents() (й -> и, ё -> е)
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


POSTINGS_DDL = """
CREATE TABLE postings (term_hash UBIGINT NOT NULL, doc_key BIGINT NOT NULL, term VARCHAR NOT NULL,
                       title_tf INTEGER NOT NULL, text_tf INTEGER NOT NULL,
                       title_len INTEGER NOT NULL, text_len INTEGER NOT NULL)
"""


def index_documents(con: duckdb.DuckDBPyConnection, docs: pa.Table) -> None:
    """(Re)index `docs` (doc_id, doc_key, title, text, lang, content_hash) inside the caller's
    write transaction.

    Stemming runs in this process's in-memory DuckDB, so the file's writer needs no extension.
    Old postings are deleted only for documents that have some (a scan of the big postings
    table), never for documents indexed for the first time.
    """
    postings, lengths = _STEMMER.postings(docs)
    con.register("_fts_postings", postings)
    con.register("_fts_lengths", lengths)
    con.register("_fts_docs", docs.select(["doc_id", "doc_key"]))
    con.execute("""CREATE OR REPLACE TEMP TABLE _fts_old AS SELECT doc_id, doc_key FROM _fts_docs
                   WHERE doc_id IN (SELECT doc_id FROM doc_lengths)""")
    if con.execute("SELECT count(*) FROM _fts_old").fetchall()[0][0]:
        con.execute("DELETE FROM postings WHERE doc_key IN (SELECT doc_key FROM _fts_old)")
        con.execute("DELETE FROM doc_lengths WHERE doc_id IN (SELECT doc_id FROM _fts_old)")
    con.execute("INSERT INTO postings SELECT * FROM _fts_postings")
    con.execute("INSERT INTO doc_lengths SELECT doc_id, title_len, text_len, content_hash FROM _fts_lengths")
    con.execute("DROP TABLE _fts_old")
    for name in ("_fts_postings", "_fts_lengths", "_fts_docs"):
        con.unregister(name)


def stale_documents_sql(restrict: str = "") -> str:
    """SQL of the documents whose postings are missing or were made from other text.

    `restrict` is an extra condition on `d` (e.g. the documents of a load batch).
    """
    return f"""SELECT d.doc_id, d.doc_key, d.title, d.text, d.lang, d.content_hash
               FROM documents d LEFT JOIN doc_lengths l USING (doc_id)
               WHERE l.content_hash IS DISTINCT FROM d.content_hash {restrict}"""


def refresh(con: duckdb.DuckDBPyConnection, restrict: str = "") -> int:
    """Index the stale documents (all, or those `restrict` selects) in the caller's transaction."""
    stale = con.execute(f"SELECT doc_id FROM ({stale_documents_sql(restrict)})").to_arrow_table()
    if not stale.num_rows:  # the common case of a reload: ids only, no text read
        return 0
    con.register("_fts_stale", stale)
    docs = con.execute("""SELECT doc_id, doc_key, title, text, lang, content_hash FROM documents
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
        """Postings rows (the `postings` columns, in term-hash order) and (doc_id, title_len,
        text_len, content_hash) of the documents."""
        with self._lock:
            con = self._connection()
            con.register("_docs_in", docs)
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE _tokens AS
                SELECT doc_id, doc_key, content_hash, {stemmer_sql('lang')} AS stemmer,
                       {tokens_sql('title')} AS title_tokens, {tokens_sql('text')} AS text_tokens
                FROM _docs_in""")
            postings = con.execute("""
                SELECT hash(term) AS term_hash, t.doc_key, term, title_tf, text_tf,
                       len(t.title_tokens)::INTEGER AS title_len, len(t.text_tokens)::INTEGER AS text_len
                FROM (SELECT doc_key, term, count(*) FILTER (field = 0)::INTEGER AS title_tf,
                             count(*) FILTER (field = 1)::INTEGER AS text_tf FROM (
                          SELECT doc_key, 0 AS field, stem(unnest(title_tokens), stemmer) AS term FROM _tokens
                          UNION ALL
                          SELECT doc_key, 1 AS field, stem(unnest(text_tokens), stemmer) AS term FROM _tokens)
                      GROUP BY ALL) JOIN _tokens t USING (doc_key)
                ORDER BY term_hash""").to_arrow_table()
            lengths = con.execute("""SELECT doc_id, len(title_tokens)::INTEGER AS title_len,
                                     len(text_tokens)::INTEGER AS text_len, content_hash
                                     FROM _tokens""").to_arrow_table()
            con.execute("DROP TABLE _tokens")
            con.unregister("_docs_in")
        return postings, lengths

    def hashes(self, terms: tuple[str, ...]) -> dict[int, str]:
        with self._lock:
            rows = self._connection().execute("SELECT hash(t), t FROM unnest($terms::VARCHAR[]) u(t)",
                                              {"terms": list(terms)}).fetchall()
        return dict(rows)

    def analyse(self, words: tuple[str, ...]) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
        """Per word: its folded form (lower case, accents stripped, as documents are indexed) and,
        per index token in it, that token's stems (English and Russian)."""
        with self._lock:
            rows = self._connection().execute(
                f"""SELECT lower(strip_accents(w)), list_transform({tokens_sql('w')}, t -> list_distinct(
                               list_filter([stem(t, 'english'), stem(t, 'russian')], s -> s <> '')))
                    FROM (SELECT unnest($words::VARCHAR[]) AS w,
                                 generate_subscripts($words::VARCHAR[], 1) AS i)
                    ORDER BY i""",
                {"words": list(words)},
            ).fetchall()
        return [(folded, tuple(tuple(sorted(stems)) for stems in tokens if stems)) for folded, tokens in rows]


_STEMMER = _Stemmer()


def analyse(words: tuple[str, ...]) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """Each query word folded as the index folds text, and the stems of each of its tokens."""
    return _STEMMER.analyse(words) if words else []


def idf(documents: int, df: int) -> float:
    """BM25's idf of a term found in `df` of `documents` documents."""
    return math.log((documents - df + 0.5) / (df + 0.5) + 1)


def bm25(tf: Any, length: Any, avg: float) -> Any:
    """BM25's saturated term frequency (numbers or numpy arrays)."""
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))


def term_hashes(terms: tuple[str, ...]) -> dict[int, str]:
    """DuckDB's `hash()` of each term (the postings' `term_hash`) -> the term."""
    return _STEMMER.hashes(terms)


def create_hits(con: duckdb.DuckDBPyConnection, terms: tuple[str, ...]) -> dict[str, float]:
    """Temp table `_hits(doc_key, score)` of this connection (BM25 over title and text of the
    documents holding any of `terms`); returns the idf of each term present in the index.

    The document frequencies (rows per term hash: a scan of the few row groups holding those
    hashes, bound as integer constants so zone maps prune) and the corpus statistics come back
    to Python and are bound as constants into one BM25 aggregate over the same postings.
    """
    by_hash = term_hashes(terms)
    postings = f"FROM postings WHERE term_hash IN ({', '.join(str(h) for h in by_hash) or 'NULL'})"
    n, avg_title, avg_text, df = con.execute(f"""
        SELECT count(*), greatest(avg(title_len), 1), greatest(avg(text_len), 1),
               (SELECT map(list(term_hash), list(df)) FROM (SELECT term_hash, count(*) AS df {postings}
                                                           GROUP BY term_hash))
        FROM doc_lengths""").fetchall()[0]
    weight = {h: idf(n, d) for h, d in (df or {}).items()}
    weights = " ".join(f"WHEN {h} THEN {v!r}" for h, v in weight.items()) or "WHEN 0 THEN 0.0"

    def bm25_sql(tf: str, length: str, avg: float) -> str:
        return f"{tf} * {K1 + 1} / ({tf} + {K1} * (1 - {B} + {B} * {length} / {avg!r}))"

    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _hits AS
        SELECT doc_key, sum(CASE term_hash {weights} END
                            * ({TITLE_WEIGHT} * {bm25_sql('title_tf', 'title_len', avg_title)}
                               + {bm25_sql('text_tf', 'text_len', avg_text)})) AS score
        {postings} GROUP BY doc_key""")
    return {by_hash[h]: v for h, v in weight.items()}

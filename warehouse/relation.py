"""Query -> the SQL relation of its matching facts, for statements that stream them (export's COPY).

The relation is `facts f`, joined to the BM25 hits when there is text, and to `sources s` (the
source's country) or `fact_clusters c` (corroboration) only when a filter needs them, filtered
by the SQL of filters.py. Interactive search answers the same query from an in-memory snapshot
(search.py), with the same filters, scores and order.
Text is reduced to stemmed word terms before it reaches SQL, so quotes, SQL fragments, FTS
operators and control characters are inert; every value is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from regintel.contracts import SCHEMAS, Fact
from warehouse import fts
from warehouse.filters import clauses
from warehouse.query import Query, clean_text

_JOINS = {
    "s": "LEFT JOIN sources s ON s.source_id = f.source_id",
    "c": "LEFT JOIN fact_clusters c ON c.cluster_id = f.cluster_id",
}
ORDER = {  # ties break on the fact's place in its document, then its id
    "relevance": "score DESC, published DESC NULLS LAST, {tie}",
    "date": "published DESC NULLS LAST, score DESC, {tie}",
    "usd": "usd DESC NULLS LAST, score DESC, {tie}",
}
TIE = 'doc_key, start, "end", fact_id'
# What every row (and every export) carries: the fact, its provenance and its cluster.
FACT_FIELDS = ("fact_id", *SCHEMAS[Fact].names)
SEEN_FIELDS = ("source_id", "published", "lang", "first_seen", "last_seen", "cluster_id")
PAGE_SELECT = ", ".join(f'f."{name}"' for name in (*FACT_FIELDS, "doc_id", *SEEN_FIELDS))
DETAIL_SELECT = """coalesce(c.corroboration, 1) AS corroboration, coalesce(c.conflict, false) AS conflict,
    c.sources AS cluster_sources, d.title AS doc_title, d.url AS doc_url"""
DETAIL_JOINS = """LEFT JOIN fact_clusters c ON c.cluster_id = page.cluster_id
    JOIN documents d ON d.doc_id = page.doc_id"""


@dataclass(frozen=True, slots=True)
class Prepared:
    """The filtered relation of a query, ready to be wrapped by COPY."""

    text_join: str  # the BM25 hits join, or ""
    where: str
    joins: tuple[str, ...]  # aliases the filters need ("s", "c")
    score: str  # SQL expression of the relevance score
    params: dict[str, Any]
    empty: bool  # the text has no searchable word: nothing can match

    def relation(self) -> str:
        """`FROM ... WHERE ...` with the joins the filters need."""
        joins = " ".join(_JOINS[a] for a in sorted(set(self.joins)))
        return f"FROM facts f {self.text_join} {joins} WHERE {self.where}"


def prepare(con: duckdb.DuckDBPyConnection, q: Query) -> Prepared:
    """Build the filtered relation of `q` on `con` (BM25 hits go to temp tables of this connection)."""
    text = clean_text(q.text)
    filters = clauses(q)
    params: dict[str, Any] = {}
    for clause in filters:
        params.update(clause.params)
    text_join, score, empty = "", "0.0", False
    if text:
        terms = fts.query_terms(text)
        empty = not terms
        fts.create_hits(con, terms)
        text_join = "JOIN _hits h ON h.doc_key = f.doc_key CROSS JOIN _q"
        score = f"(h.score + {fts.sentence_score_sql('f.sentence')})"
    return Prepared(text_join=text_join, where=" AND ".join(c.sql for c in filters) or "true",
                    joins=tuple(a for c in filters for a in c.joins), score=score, params=params,
                    empty=empty)


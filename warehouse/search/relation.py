"""Query -> the SQL relation of its matching facts, for statements that stream them (export's COPY).

The relation is `facts f`, joined to the BM25 hits when there is text, and to `sources s` (the
source's country) or `fact_clusters c` (corroboration) only when a filter needs them, filtered
by the SQL of the filters (fields.py). Interactive search answers the same query from an in-memory snapshot
(search.py), with the same filters, scores and order.
Text is reduced to stemmed word terms before it reaches SQL, so quotes, SQL fragments, FTS
operators and control characters are inert; every value is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse import fts
from warehouse.search.columns import JOINS
from warehouse.search.query import Query, clauses, clean_text


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
        joins = " ".join(JOINS[a] for a in sorted(set(self.joins)))
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

"""Query -> the SQL relation of its matching facts, for statements that stream them (export's COPY).

The relation is `facts f`, joined to the BM25 hits when there is text, and to `sources s` (the
source's country) or `fact_clusters c` (corroboration) only when a filter needs them, filtered
by the SQL of the filters (fields.py). Interactive search answers the same query from an in-memory snapshot
(search.py), with the same filters, scores and order.
Text is read by text.py into clauses like the filters'; only parameters and integer hashes of
stems reach SQL, so quotes, SQL fragments, FTS operators and control characters are inert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse import fts
from warehouse.search import text
from warehouse.search.columns import JOINS
from warehouse.search.query import Query, clauses, clean_text
from warehouse.search.vocabulary import agency_forms, agency_lookup


@dataclass(frozen=True, slots=True)
class Prepared:
    """The filtered relation of a query, ready to be wrapped by COPY."""

    text_join: str  # the BM25 hits join, or ""
    where: str
    joins: tuple[str, ...]  # aliases the filters need ("s", "c")
    score: str  # SQL expression of the relevance score
    params: dict[str, Any]  # of the relation
    score_params: dict[str, Any]  # of the score
    empty: bool  # the text has no searchable word: nothing can match

    def relation(self) -> str:
        """`FROM ... WHERE ...` with the joins the filters need."""
        joins = " ".join(JOINS[a] for a in sorted(set(self.joins)))
        return f"FROM facts f {self.text_join} {joins} WHERE {self.where}"


def prepare(con: duckdb.DuckDBPyConnection, q: Query) -> Prepared:
    """Build the filtered relation of `q` on `con` (BM25 hits go to a temp table of this connection)."""
    cleaned = clean_text(q.text)
    filters = clauses(q)
    text_join, score, empty = "", "0.0", False
    score_params: dict[str, Any] = {}
    if cleaned:
        reading = text.read(cleaned, agency_lookup(agency_forms(con)))
        empty = reading.empty
        filters += text.clauses(reading)
        idf = fts.create_hits(con, reading.stems)
        credits, score_params = text.credit_sql(reading.credits(idf))
        text_join = "LEFT JOIN _hits h ON h.doc_key = f.doc_key"
        score = f"(coalesce(h.score, 0.0) + {credits})"
    params = {name: value for clause in filters for name, value in clause.params.items()}
    return Prepared(text_join=text_join, where=" AND ".join(c.sql for c in filters) or "true",
                    joins=tuple(a for c in filters for a in c.joins), score=score, params=params,
                    score_params=score_params, empty=empty)

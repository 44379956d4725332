"""Query -> Result: the one module that builds search SQL (CLI, app, export and facets use it).

The search relation is `facts f`, joined to the BM25 hits when there is text, and to
`sources s` (the source's country) or `fact_clusters c` (corroboration) only when a filter
needs them, filtered by the clauses of filters.py. The page is chosen on that relation's
narrow columns, then only its rows are read in full, with their documents (by the integer
`doc_key`) and clusters; a relevance page re-ranks (document BM25 plus sentence matches)
only the facts of the best `TOP_DOCUMENTS` documents (all hits if the filters leave too few).
Text is reduced to stemmed word terms before it reaches SQL, so quotes, SQL fragments, FTS operators and
control characters are inert; every value is a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from contracts import SCHEMAS, Fact
from warehouse import facets as facet_counts
from warehouse import fts
from warehouse.filters import clauses
from warehouse.query import MAX_TEXT_CHARS, Query, Result
from warehouse.schema import reader

TOP_DOCUMENTS = 200  # relevance pages rank the facts of the best-scoring documents (BM25) only
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_JOINS = {
    "s": "LEFT JOIN sources s ON s.source_id = f.source_id",
    "c": "LEFT JOIN fact_clusters c ON c.cluster_id = f.cluster_id",
}
ORDER = {  # ties break on the fact's place in its document (stable when tables are re-sorted)
    "relevance": "score DESC, published DESC NULLS LAST, {tie}",
    "date": "published DESC NULLS LAST, score DESC, {tie}",
    "usd": "usd DESC NULLS LAST, score DESC, {tie}",
}
TIE = 'doc_key, start, "end", fact_id'  # over a page's columns (exports)
_PICK_TIE = 'f.doc_key, f.start, f."end", rid'  # the same on the search relation, row id last
SORT_COLUMN = {"date": "published", "usd": "usd"}
# What every row (and every export) carries: the fact, its provenance and its cluster.
_FACT_FIELDS = f"f.fact_id, {', '.join(f'f.{chr(34)}{n}{chr(34)}' for n in SCHEMAS[Fact].names)}"
_SEEN = "f.source_id, f.published, f.lang, f.first_seen, f.last_seen, f.cluster_id"
PAGE_SELECT = f"{_FACT_FIELDS}, f.doc_id, {_SEEN}"
FETCH_SELECT = f"{_FACT_FIELDS}, f.doc_key, {_SEEN}"  # a page takes doc_id with the document's title
DETAIL_SELECT = """coalesce(c.corroboration, 1) AS corroboration, coalesce(c.conflict, false) AS conflict,
    c.sources AS cluster_sources, d.title AS doc_title, d.url AS doc_url"""
DETAIL_JOINS = """LEFT JOIN fact_clusters c ON c.cluster_id = page.cluster_id
    JOIN documents d ON d.doc_id = page.doc_id"""


@dataclass(frozen=True, slots=True)
class Prepared:
    """The filtered relation of a query, ready to be wrapped by rows, counts, facets or COPY."""

    text_join: str  # the BM25 hits join, or ""
    where: str
    joins: tuple[str, ...]  # aliases the filters need ("s", "c")
    score: str  # SQL expression of the relevance score
    params: dict[str, Any]
    description: str
    empty: bool  # the text has no searchable word: nothing can match

    def relation(self, extra: tuple[str, ...] = (), hits: str = "_hits") -> str:
        """`FROM ... WHERE ...` with the joins the filters need plus `extra` ones.

        `hits` names the table of scored documents (all hits, or only the best for a page).
        """
        joins = " ".join(_JOINS[a] for a in sorted(set(self.joins) | set(extra)))
        return f"FROM facts f {self.text_join.format(hits=hits)} {joins} WHERE {self.where}"


def clean_text(text: str) -> str:
    return _CONTROL.sub(" ", text[:MAX_TEXT_CHARS]).strip()


def effective_sort(q: Query) -> str:
    """Relevance needs text; without it, newest first."""
    return q.sort if clean_text(q.text) or q.sort != "relevance" else "date"


def prepare(con: duckdb.DuckDBPyConnection, q: Query) -> Prepared:
    """Build the filtered relation of `q` on `con` (BM25 hits go to temp tables of this connection)."""
    text = clean_text(q.text)
    filters = clauses(q)
    params: dict[str, Any] = {}
    for clause in filters:
        params.update(clause.params)
    described = [c.describe for c in filters]
    text_join, score, empty = "", "0.0", False
    if text:
        described.insert(0, f"text matches {text[:80]!r}")
        terms = fts.query_terms(text)
        empty = not terms
        fts.create_hits(con, terms)
        text_join = "JOIN {hits} h ON h.doc_key = f.doc_key CROSS JOIN _q"
        score = f"(h.score + {fts.sentence_score_sql('f.sentence')})"
    description = "facts" + (" where " + ", ".join(described) if described else "")
    return Prepared(text_join=text_join, where=" AND ".join(c.sql for c in filters) or "true",
                    joins=tuple(a for c in filters for a in c.joins), score=score, params=params,
                    description=description, empty=empty)


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _keyed(con: duckdb.DuckDBPyConnection, sql: str, keys: list[str]) -> dict[str, tuple]:
    """key -> the other columns of `sql` (`... WHERE key IN ({})`), keys bound as constants.

    A constant IN list is pushed into the table scan, so only the vectors holding those keys
    are read; a join would read the key and payload columns of the whole table.
    """
    if not keys:
        return {}
    rows = con.execute(sql.format(", ".join("?" * len(keys))), keys).fetchall()
    return {row[0]: row[1:] for row in rows}


def _with_details(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each row's document id, title and URL (looked up by the integer `doc_key`, which the
    rows carry and lose here) and its cluster's corroboration, conflict and sources."""
    docs = _keyed(con, "SELECT doc_key, doc_id, title, url FROM documents WHERE doc_key IN ({})",
                  sorted({r["doc_key"] for r in rows}))
    clusters = _keyed(con, "SELECT cluster_id, corroboration, conflict, sources FROM fact_clusters "
                      "WHERE cluster_id IN ({})", sorted({r["cluster_id"] for r in rows if r["cluster_id"]}))
    for row in rows:
        corroboration, conflict, sources = clusters.get(row["cluster_id"], (None, None, None))
        doc_id, title, url = docs[row.pop("doc_key")]
        row.update(doc_id=doc_id, corroboration=corroboration or 1, conflict=bool(conflict),
                   cluster_sources=sources, doc_title=title, doc_url=url)
    return rows


def _page(con: duckdb.DuckDBPyConnection, p: Prepared, sort: str, hits: str, limit: int,
          offset: int) -> list[dict[str, Any]]:
    """Pick the page on narrow columns (row ids and sort keys), then read only its rows in full.

    Two statements: a top-N that reads the filter and sort columns only (ties break on integer
    columns rather than the fact id, a string), then the page's rows by row id. One statement
    (a top-N over the wide rows, or a join back) read the wide columns of every row that passed
    the filters: 50-230 ms at 1M facts against 8-20 ms for the pick and ~20 ms for the fetch.
    A relevance page scores the sentences of the facts of the `hits` documents while it picks
    (the caller passes the best ones); a date or USD page is picked on document scores and its
    rows get the sentence score when read.
    """
    score = ("h.score" if sort != "relevance" else p.score) if p.text_join else "0.0::DOUBLE"
    picked = con.execute(f"""SELECT f.rowid AS rid, {score} AS score {p.relation(hits=hits)}
                             ORDER BY {ORDER[sort].format(tie=_PICK_TIE)} LIMIT $limit OFFSET $offset""",
                         {**p.params, "limit": limit, "offset": offset}).fetchall()
    if not picked:
        return []
    rescore = bool(p.text_join) and sort != "relevance"
    sentence = fts.sentence_score_sql("f.sentence") if rescore else "0.0::DOUBLE"
    con.execute(f"""SELECT f.rowid AS rid, {FETCH_SELECT}, {sentence} AS sentence_score
                    FROM facts f {"CROSS JOIN _q" if p.text_join else ""} WHERE f.rowid = ANY($rids)""",
                {"rids": [rid for rid, _ in picked]})
    by_rid = {row.pop("rid"): row for row in _dicts(con)}
    rows = []
    for rid, pick_score in picked:
        row = by_rid[rid]
        row["score"] = pick_score + row.pop("sentence_score")
        rows.append(row)
    if rescore:  # equal dates or amounts break on the full score, as in an export
        column = SORT_COLUMN[sort]
        rows.sort(key=lambda r: -r["score"])  # stable: the pick's row-id order stays among equals
        rows.sort(key=lambda r: (r[column] is not None, r[column] or 0), reverse=True)
    return _with_details(con, rows)


def search(db: Path, query: Query) -> Result:
    """One page of facts matching `query`, the total, facet counts and a description."""
    sort = effective_sort(query)
    with reader(db) as con:
        p = prepare(con, query)
        description = f"{p.description}, sorted by {sort}"
        if p.empty:
            return Result(rows=[], total=0, description=description + " (the text has no searchable word)")
        counts = facet_counts.count(con, p, query.facets)  # the total comes with the facets
        total = counts.total
        if total is None:
            total = con.execute(f"SELECT count(*) {p.relation()}", p.params).fetchall()[0][0]
        offset = (query.page - 1) * query.page_size
        top = bool(p.text_join) and sort == "relevance"  # rank the facts of the best documents only
        best = max(TOP_DOCUMENTS, 2 * (offset + query.page_size))
        hits = f"(SELECT * FROM _hits ORDER BY score DESC LIMIT {best})" if top else "_hits"
        rows = _page(con, p, sort, hits, query.page_size, offset)
        if top and len(rows) < query.page_size and offset + len(rows) < total:
            rows = _page(con, p, sort, "_hits", query.page_size, offset)  # filters thinned the best ones
    return Result(rows=rows, total=total, facets=counts.values, truncated=counts.truncated,
                  timed_out=counts.timed_out, description=description)

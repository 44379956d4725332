"""Export any search as CSV, Parquet, XLSX or JSON Lines, streamed by DuckDB's COPY.

The rows are the search's filtered relation without paging or facets, grouped and ordered like
the search, with provenance columns (document URL, title, publication date, source, sentence,
offsets, extractor version, first/last seen). Python never holds the rows.
"""

from __future__ import annotations

from pathlib import Path

from regintel.contracts import RegintelError
from warehouse.connection import load_extension
from warehouse.schema import reader
from warehouse.search.columns import (
    CLUSTER_FIGURES,
    CLUSTER_SELECT,
    FACT_FIELDS,
    ORDER,
    SEEN_FIELDS,
    TIE,
    group_key,
)
from warehouse.search.query import Query, effective_sort
from warehouse.search.relation import prepare

EXPORT_SELECT = ", ".join(f'f."{name}"' for name in (*FACT_FIELDS, "doc_id", *SEEN_FIELDS))
FORMATS = {
    "csv": "FORMAT csv, HEADER true",
    "parquet": "FORMAT parquet",
    "xlsx": "FORMAT xlsx, HEADER true",
    "jsonl": "FORMAT json",
}


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def export(db: Path, query: Query, fmt: str, out: Path, *, paged: bool = False) -> int:
    """Write every row matching `query` to `out` in `fmt` (only the query's page if `paged`: what
    `regintel search --format csv` prints); returns the number of rows written."""
    if fmt not in FORMATS:
        raise RegintelError(f"unknown export format {fmt!r}; allowed: {', '.join(FORMATS)}")
    out = Path(out)
    if not out.parent.is_dir():
        raise RegintelError(f"export folder does not exist: {out.parent}")
    sort = effective_sort(query)
    with reader(db) as con:
        if fmt == "xlsx":
            load_extension(con, "excel")
        p = prepare(con, query)
        where_nothing = " AND false" if p.empty else ""
        order = ORDER[sort].format(tie=TIE)
        page = f" LIMIT {query.page_size} OFFSET {(query.page - 1) * query.page_size}" if paged else ""
        facts = f"SELECT {EXPORT_SELECT}, f.doc_key, {p.score} AS score {p.relation()}{where_nothing}"
        if key := ", ".join(group_key(query.group)):  # a row is its group's first fact in the search's order
            facts = f"""SELECT * EXCLUDE (group_rank) FROM (
                            SELECT *, count(*) OVER (PARTITION BY {key}) AS mentions,
                                   row_number() OVER (PARTITION BY {key} ORDER BY {order}) AS group_rank
                            FROM ({facts})) WHERE group_rank = 1"""
        else:
            facts = f"SELECT *, 1 AS mentions FROM ({facts})"
        select = f"""SELECT page.*, {CLUSTER_SELECT}, figures.* EXCLUDE (cluster_id), d.title AS doc_title,
                            d.url AS doc_url
                     FROM ({facts}) page
                     LEFT JOIN fact_clusters c ON c.cluster_id = page.cluster_id
                     LEFT JOIN ({CLUSTER_FIGURES}) figures ON figures.cluster_id = page.cluster_id
                     JOIN documents d ON d.doc_id = page.doc_id"""
        if fmt in ("csv", "xlsx"):  # flat formats: lists become text, instants ISO text
            columns = """* EXCLUDE (doc_key)
                         REPLACE (array_to_string(cluster_sources, ';') AS cluster_sources,
                                  array_to_string(list_transform(cluster_usd_others,
                                      o -> o.usd::VARCHAR || ' (' || coalesce(o.basis, '') || ')'), ';')
                                      AS cluster_usd_others,
                                    strftime(first_seen, '%Y-%m-%dT%H:%M:%S%z') AS first_seen,
                                    strftime(last_seen, '%Y-%m-%dT%H:%M:%S%z') AS last_seen)"""
        else:
            columns = "* EXCLUDE (doc_key)"
        rows = con.execute(f"""
            COPY (SELECT {columns} FROM ({select}) ORDER BY {order}{page})
            TO {_sql_string(str(out))} ({FORMATS[fmt]})""", p.params | p.score_params).fetchall()
    return int(rows[0][0]) if rows else 0

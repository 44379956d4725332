"""A one-call overview of a warehouse: what `regintel demo` prints after loading the sample site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.schema import reader
from warehouse.search.columns import agency_label_sql

TOP = 10


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    facts: int
    facts_by_kind: tuple[tuple[str, int], ...]
    top_agencies: tuple[tuple[str, int], ...]  # (acronym or name or id, facts)
    sources: tuple[tuple[str, int, int], ...]  # (source_id, documents, facts)
    clusters: int
    corroborated: int  # clusters reported by at least two independent stories
    conflicts: int


def summary(db: Path) -> Summary:
    """Counts of documents and facts, facts by kind, top agencies, per-source totals, clusters."""
    with reader(db) as con:
        documents, facts = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts)").fetchall()[0]
        by_kind = con.execute("SELECT kind, count(*) FROM facts GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        agencies = con.execute(f"""
            SELECT {agency_label_sql("a.acronym", "a.name", "f.agency_id")}, count(*) FROM facts f
            LEFT JOIN agencies a USING (agency_id) WHERE f.agency_id IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TOP}""").fetchall()
        sources = con.execute("""
            WITH d AS (SELECT source_id, count(*) AS n FROM documents GROUP BY 1),
                 f AS (SELECT source_id, count(*) AS n FROM facts GROUP BY 1)
            SELECT source_id, coalesce(d.n, 0), coalesce(f.n, 0)
            FROM d FULL JOIN f USING (source_id) ORDER BY 1""").fetchall()
        clusters, corroborated, conflicts = con.execute(
            "SELECT count(*), count(*) FILTER (corroboration >= 2), count(*) FILTER (conflict) "
            "FROM fact_clusters"
        ).fetchall()[0]
    return Summary(documents=documents, facts=facts, facts_by_kind=tuple(by_kind),
                   top_agencies=tuple(agencies), sources=tuple(sources), clusters=clusters,
                   corroborated=corroborated, conflicts=conflicts)

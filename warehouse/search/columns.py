"""The columns a search reads and returns, and the SQL they share.

The snapshot (snapshot.py), the filters (filters.py) and the export relation (relation.py) all
read facts as `facts f`, joined to `sources s` and `fact_clusters c` when they need them; this
module is the one place their expressions are written, so a row, a filter and a facet always
mean the same column.
"""

from __future__ import annotations

from typing import Any

from regintel.contracts import SCHEMAS, Fact

# What every row (and every export) carries: the fact, its provenance and its cluster.
FACT_FIELDS = ("fact_id", *SCHEMAS[Fact].names)
SEEN_FIELDS = ("source_id", "published", "lang", "first_seen", "last_seen", "cluster_id")
CLUSTER_SELECT = """coalesce(c.corroboration, 1) AS corroboration, coalesce(c.conflict, false) AS conflict,
    c.sources AS cluster_sources"""
ROW_COLUMNS = (*FACT_FIELDS, *SEEN_FIELDS, "corroboration", "conflict", "cluster_sources")
JOINS = {  # alias -> how `facts f` reaches it
    "s": "LEFT JOIN sources s ON s.source_id = f.source_id",
    "c": "LEFT JOIN fact_clusters c ON c.cluster_id = f.cluster_id",
}
COUNTRY = "coalesce(f.country, s.country)"  # the fact's country, else its source's
AGENCY_FORMS = ("acronym", "name", "id")  # the agency label: the shortest name a reader recognises


def agency_label_sql(acronym: str, name: str, agency_id: str) -> str:
    """SQL of the agency label from the given expressions of an agency's acronym, name and id."""
    return f"coalesce({acronym}, {name}, {agency_id})"


def agency_label(row: dict[str, Any]) -> str | None:
    """The agency label of a result row (the same rule as `agency_label_sql`)."""
    return next((row[f"agency_{form}"] for form in AGENCY_FORMS if row.get(f"agency_{form}")), None)


AGENCY_LABEL = agency_label_sql("f.agency_acronym", "f.agency_name", "f.agency_id")
MAX_MAGNITUDE = 12  # orders of magnitude run from 0 (below 10) to this (a trillion and more)


def _magnitude(column: str) -> str:
    """SQL: the order of magnitude of a positive amount, 0 to MAX_MAGNITUDE."""
    magnitude = f"greatest(0, least({MAX_MAGNITUDE}, floor(log10({column}))))::INTEGER"
    return f"CASE WHEN {column} > 0 THEN {magnitude} END"


CATEGORIES = {  # snapshot column -> SQL of its value; filters and facets read their codes
    "kind": "f.kind",
    "action": "f.action",
    "currency": "f.currency",
    "source_id": "f.source_id",
    "lang": "f.lang",
    "agency_id": "f.agency_id",
    "agency_label": AGENCY_LABEL,
    "country": COUNTRY,
    "year": "year(f.published)",
    "period_year": "year(coalesce(f.period_start, f.period_end))",
    "usd_magnitude": _magnitude("f.usd"),
    "value_magnitude": _magnitude("f.value"),
    "corroborated": "coalesce(c.corroboration, 1) >= 2",
}
NUMBERS = {  # snapshot column -> SQL; dates become days since 1970 (NULL: NaN)
    "usd": "f.usd",
    "value": "f.value",
    "published": "f.published",
    "period_last": "coalesce(f.period_end, f.period_start)",
    "period_first": "coalesce(f.period_start, f.period_end)",
    "corroboration": "coalesce(c.corroboration, 1)",
}
# Mentions of one fact in one document (headline, lead, body) share these; wording, offsets and
# the agency named may differ (a headline often names none). Periods are facts of their own.
MENTION_KEY = ("{f}doc_key", "{f}kind", "{f}value", "{f}value_max", "{f}unit", "{f}currency", "{f}action",
               "{f}person", "CASE WHEN {f}kind = 'period' THEN {f}period_start END",
               "CASE WHEN {f}kind = 'period' THEN {f}period_end END")
GROUP_KEYS = {"fact": MENTION_KEY, "cluster": ("coalesce({f}cluster_id, {f}fact_id)",), "mention": ()}


def group_key(group: str, alias: str = "") -> tuple[str, ...]:
    """SQL expressions the facts of one result row share under a grouping (fields.GROUPINGS), over
    `alias` (none: bare column names); "mention" has none, every fact is its own row."""
    return tuple(sql.format(f=f"{alias}." if alias else "") for sql in GROUP_KEYS[group])


# One USD figure per cluster: its members' median (an amount one of them states), with that
# member's basis, and the other figures members give when they differ by more than 0.5 %.
CLUSTER_FIGURES = """
    SELECT cluster_id, figure AS cluster_usd, min(usd_basis) FILTER (WHERE usd = figure) AS cluster_usd_basis,
           list_sort(list(DISTINCT {'usd': usd, 'basis': usd_basis})
                     FILTER (WHERE abs(usd - figure) > 0.005 * figure)) AS cluster_usd_others
    FROM (SELECT cluster_id, usd, usd_basis, quantile_disc(usd, 0.5) OVER (PARTITION BY cluster_id) AS figure
          FROM facts WHERE cluster_id IS NOT NULL AND usd IS NOT NULL)
    GROUP BY cluster_id, figure"""
FIGURE_COLUMNS = ("cluster_usd", "cluster_usd_basis", "cluster_usd_others")
SORT_COLUMNS = {"date": "published", "usd": "usd"}  # sort -> its primary number, descending
ORDER = {  # ties break on the fact's place in its document, then its id
    "relevance": "score DESC, published DESC NULLS LAST, {tie}",
    "date": "published DESC NULLS LAST, score DESC, {tie}",
    "usd": "usd DESC NULLS LAST, score DESC, {tie}",
}
TIE = 'doc_key, start, "end", fact_id'

"""DuckDB warehouse: schema and migrations, crawl state, bulk loads, search, facets, export.

Every function takes the database path and opens a short-lived connection (see connection.py).
"""

from warehouse.crawlstore import (
    PageState,
    SourceStatus,
    add_frontier,
    crawl_issues,
    finish_run,
    frontier,
    known_pages,
    mark_unparsed,
    runs,
    source_status,
    start_run,
    store_crawl_batch,
    store_parsed,
    unparsed_pages,
    upsert_sources,
)
from warehouse.detail import DocumentDetail, FactDetail, Mark, document_detail, fact_detail
from warehouse.load import (
    ExtractionTables,
    LoadStats,
    compact_index,
    documents_to_extract,
    load_extractions,
    load_tables,
    refresh_index,
)
from warehouse.schema import init_db
from warehouse.search import (
    FACET_NAMES,
    FACETS,
    FIELDS,
    FORMATS,
    GROUPINGS,
    GROUPS,
    SORTS,
    Choice,
    Facet,
    Flag,
    Query,
    Range,
    Result,
    agency_label,
    export,
    search,
    snapshot_stamp,
)
from warehouse.summary import Summary, summary
from warehouse.trends import GROUPS as TREND_GROUPS
from warehouse.trends import Trends, trends

__all__ = [
    "FACETS",
    "FACET_NAMES",
    "FIELDS",
    "FORMATS",
    "GROUPINGS",
    "GROUPS",
    "SORTS",
    "TREND_GROUPS",
    "Choice",
    "DocumentDetail",
    "ExtractionTables",
    "Facet",
    "FactDetail",
    "Flag",
    "LoadStats",
    "Mark",
    "PageState",
    "Query",
    "Range",
    "Result",
    "SourceStatus",
    "Summary",
    "Trends",
    "add_frontier",
    "agency_label",
    "compact_index",
    "crawl_issues",
    "document_detail",
    "documents_to_extract",
    "export",
    "fact_detail",
    "finish_run",
    "frontier",
    "init_db",
    "known_pages",
    "load_extractions",
    "load_tables",
    "mark_unparsed",
    "refresh_index",
    "runs",
    "search",
    "snapshot_stamp",
    "source_status",
    "start_run",
    "store_crawl_batch",
    "store_parsed",
    "summary",
    "trends",
    "unparsed_pages",
    "upsert_sources",
]

# Crawl operations (issue 12): schedule overrides, monitor checks, alerts, watchlists.
from warehouse.alerts import (
    Alert,
    Delivery,
    ack_alert,
    alerts,
    deliveries,
    raise_alert,
    record_delivery,
    resolve_alerts,
)
from warehouse.overrides import ScheduleOverride, schedule_overrides, set_override
from warehouse.runchecks import RunCheck, record_check, run_checks, run_facts
from warehouse.watchlists import (
    Watchlist,
    add_watchlist,
    delivered_facts,
    record_hits,
    remove_watchlist,
    watchlists,
)

__all__ += [
    "Alert", "Delivery", "RunCheck", "ScheduleOverride", "Watchlist", "ack_alert", "add_watchlist", "alerts",
    "delivered_facts", "deliveries", "raise_alert", "record_check", "record_delivery", "record_hits",
    "remove_watchlist", "resolve_alerts", "run_checks", "run_facts", "schedule_overrides", "set_override",
    "watchlists",
]

"""Search and export: every filter declared once (fields.py), answered from an in-memory snapshot
(search.py) or streamed by SQL (export.py).

Modules import one way: columns and filters <- fields <- query <- relation <- export, and
vocabulary <- postings <- snapshot <- saved <- cache <- search (which also reads query, text and
facets); text (how query text is read) <- relation and search.
"""

from warehouse.search.columns import agency_label
from warehouse.search.export import FORMATS, export
from warehouse.search.fields import FACET_NAMES, FACETS, FIELDS, GROUPINGS, GROUPS, SORTS, Facet, Grouping
from warehouse.search.filters import Choice, Flag, Range
from warehouse.search.query import Query, Result
from warehouse.search.search import search, snapshot_stamp

__all__ = ["FACETS", "FACET_NAMES", "FIELDS", "FORMATS", "GROUPINGS", "GROUPS", "SORTS", "Choice", "Facet",
           "Flag", "Grouping", "Query", "Range", "Result", "agency_label", "export", "search",
           "snapshot_stamp"]

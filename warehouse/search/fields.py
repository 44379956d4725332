"""Every search filter, facet and sort, declared once.

`Query` (query.py) takes its filter attributes from `FIELDS`; the CLI's options of `regintel
search` and `regintel export`, the app's sidebar widgets and facet tabs are derived from these
declarations too. Adding a filter is one declaration here (its SQL and its snapshot mask
included), in the order options and widgets should appear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from regintel.contracts import ACTIONS, FACT_KINDS
from warehouse.search.columns import COUNTRY
from warehouse.search.filters import Agencies, Bound, Choice, Filter, Flag, Range


@dataclass(frozen=True, slots=True)
class Facet:
    """Counts of a snapshot category over the facts a search selected."""

    name: str
    column: str  # its snapshot category (columns.CATEGORIES)
    label: str  # its column in the app's breakdown
    ordered: bool = False  # listed by value (small to large), not by count


FIELDS: tuple[Filter, ...] = (
    Choice("kinds", "--kind", "kind (money, count, duration, percent, person)", "Kind", "kind", "f.kind",
           "kind", "kinds", allowed=FACT_KINDS),
    Agencies("agencies", "--agency", "agency (id, name or acronym)", "Agency", "agency", "f.agency_id",
             "agency_id", "agencies"),
    Choice("countries", "--country", "country (ISO code)", "Country", "country", COUNTRY, "country",
           "countries", fold=str.upper, joins=("s",)),
    Choice("actions", "--action", "action (seizure, fine, shutdown, ...)", "Action", "action", "f.action",
           "action", "actions", allowed=ACTIONS),
    Choice("currencies", "--currency", "currency (ISO code)", "Currency", "currency", "f.currency",
           "currency", "currencies", fold=str.upper),
    Choice("sources", "--source", "source id", "Source", "source", "f.source_id", "source_id", "sources"),
    Choice("langs", "--lang", "document language", "Language", "language", "f.lang", "lang", "langs",
           fold=str.lower),
    Range("usd", "USD amount", float,
          Bound("usd_min", "--usd-min", "Minimum USD equivalent.", ">=", "f.usd", "usd", "USD amount >="),
          Bound("usd_max", "--usd-max", "Maximum USD equivalent.", "<=", "f.usd", "usd", "USD amount <="),
          facet="amounts", hint="US dollar equivalent of money facts", tucked=True),
    Range("value", "Value", float,
          Bound("value_min", "--value-min", "Minimum value (in the fact's own unit).", ">=", "f.value",
                "value", "value >="),
          Bound("value_max", "--value-max", "Maximum value (in the fact's own unit).", "<=", "f.value",
                "value", "value <="),
          facet="values", hint="The figure as written: money in its currency, counts, percentages, "
          "durations in days", tucked=True),
    Range("published", "Published between", date,
          Bound("published_from", "--since", "Published on or after (YYYY-MM-DD).", ">=", "f.published",
                "published", "published on or after"),
          Bound("published_to", "--until", "Published on or before (YYYY-MM-DD).", "<=", "f.published",
                "published", "published on or before"),
          facet="years"),
    Range("period", "Fact period between", date,
          Bound("period_from", "--period-from", "Fact period ends on or after (YYYY-MM-DD).", ">=",
                "coalesce(f.period_end, f.period_start)", "period_last", "fact period ends on or after"),
          Bound("period_to", "--period-to", "Fact period starts on or before (YYYY-MM-DD).", "<=",
                "coalesce(f.period_start, f.period_end)", "period_first", "fact period starts on or before"),
          facet="periods", hint="The period a fact is about (\"in 2024\", \"in nine months\")", tucked=True),
    Flag("corroborated_only", "--corroborated", "Only facts reported by 2+ sources.", "corroborated",
         "Corroborated only", "Only facts reported by two or more outlets",
         "reported by at least two independent stories", "c.corroboration >= 2",
         lambda snap: snap.number("corroboration") >= 2, joins=("c",), facet="corroboration"),
    Flag("has_usd", "--has-usd", "Only facts with a USD equivalent.", "has_usd", "With a USD amount only",
         "Only facts whose amount has a US dollar equivalent", "has a USD equivalent", "f.usd IS NOT NULL",
         lambda snap: ~np.isnan(snap.number("usd"))),
)
FACETS = (  # in the order results list them
    Facet("kinds", "kind", "kind"),
    Facet("agencies", "agency_label", "agency"),
    Facet("countries", "country", "country"),
    Facet("actions", "action", "action"),
    Facet("currencies", "currency", "currency"),
    Facet("sources", "source_id", "source"),
    Facet("langs", "lang", "language"),
    Facet("years", "year", "year"),
    Facet("amounts", "usd_magnitude", "USD amount", ordered=True),
    Facet("values", "value_magnitude", "value", ordered=True),
    Facet("periods", "period_year", "fact period"),
    Facet("corroboration", "corroborated", "corroboration"),
)
FACET_NAMES = tuple(facet.name for facet in FACETS)
SORTS = ("relevance", "date", "usd")

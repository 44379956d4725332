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
    Choice(name="kinds", option="--kind", what="kind (money, count, duration, percent, person)",
           label="Kind", said="kind", sql="f.kind", column="kind", facet="kinds", allowed=FACT_KINDS),
    Agencies(name="agencies", option="--agency", what="agency (id, name or acronym)", label="Agency",
             said="agency", sql="f.agency_id", column="agency_id", facet="agencies"),
    Choice(name="countries", option="--country", what="country (ISO code)", label="Country",
           said="country", sql=COUNTRY, column="country", facet="countries", fold=str.upper, joins=("s",)),
    Choice(name="actions", option="--action", what="action (seizure, fine, shutdown, ...)", label="Action",
           said="action", sql="f.action", column="action", facet="actions", allowed=ACTIONS),
    Choice(name="currencies", option="--currency", what="currency (ISO code)", label="Currency",
           said="currency", sql="f.currency", column="currency", facet="currencies", fold=str.upper),
    Choice(name="sources", option="--source", what="source id", label="Source", said="source",
           sql="f.source_id", column="source_id", facet="sources"),
    Choice(name="langs", option="--lang", what="document language", label="Language", said="language",
           sql="f.lang", column="lang", facet="langs", fold=str.lower),
    Range(key="usd", label="USD amount", type=float, facet="amounts", tucked=True,
          hint="US dollar equivalent of money facts",
          low=Bound(name="usd_min", option="--usd-min", help="Minimum USD equivalent.", op=">=",
                    sql="f.usd", column="usd", says="USD amount >="),
          high=Bound(name="usd_max", option="--usd-max", help="Maximum USD equivalent.", op="<=",
                     sql="f.usd", column="usd", says="USD amount <=")),
    Range(key="value", label="Value", type=float, facet="values", tucked=True,
          hint="The figure as written: money in its currency, counts, percentages, durations in days",
          low=Bound(name="value_min", option="--value-min", help="Minimum value (in the fact's own unit).",
                    op=">=", sql="f.value", column="value", says="value >="),
          high=Bound(name="value_max", option="--value-max", help="Maximum value (in the fact's own unit).",
                     op="<=", sql="f.value", column="value", says="value <=")),
    Range(key="published", label="Published between", type=date, facet="years",
          low=Bound(name="published_from", option="--since", help="Published on or after (YYYY-MM-DD).",
                    op=">=", sql="f.published", column="published", says="published on or after"),
          high=Bound(name="published_to", option="--until", help="Published on or before (YYYY-MM-DD).",
                     op="<=", sql="f.published", column="published", says="published on or before")),
    Range(key="period", label="Fact period between", type=date, facet="periods", tucked=True,
          hint="The period a fact is about (\"in 2024\", \"in nine months\")",
          low=Bound(name="period_from", option="--period-from",
                    help="Fact period ends on or after (YYYY-MM-DD).", op=">=",
                    sql="coalesce(f.period_end, f.period_start)", column="period_last",
                    says="fact period ends on or after"),
          high=Bound(name="period_to", option="--period-to",
                     help="Fact period starts on or before (YYYY-MM-DD).", op="<=",
                     sql="coalesce(f.period_start, f.period_end)", column="period_first",
                     says="fact period starts on or before")),
    Flag(name="corroborated_only", option="--corroborated", help="Only facts reported by 2+ sources.",
         key="corroborated", label="Corroborated only", hint="Only facts reported by two or more outlets",
         says="reported by at least two independent stories", sql="c.corroboration >= 2",
         mask=lambda snap: snap.number("corroboration") >= 2, joins=("c",), facet="corroboration"),
    Flag(name="has_usd", option="--has-usd", help="Only facts with a USD equivalent.", key="has_usd",
         label="With a USD amount only", hint="Only facts whose amount has a US dollar equivalent",
         says="has a USD equivalent", sql="f.usd IS NOT NULL",
         mask=lambda snap: ~np.isnan(snap.number("usd"))),
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


@dataclass(frozen=True, slots=True)
class Grouping:
    """What one result row is: `Query.group`, the CLI's `--group`, the app's switch. A grouped row
    is its best-ranked fact, with `mentions` (how many of the selected facts it stands for)."""

    name: str
    label: str  # the app's switch
    help: str  # CLI help
    says: str  # in the description


GROUPINGS = (  # the first is the default
    Grouping("fact", "Per document fact",
             "fact: one row per fact of a document (its headline, lead and body mentions as one)",
             "one row per fact of a document"),
    Grouping("mention", "Every mention", "mention: one row per mention, as extracted", "one row per mention"),
    Grouping("cluster", "Per corroborated fact",
             "cluster: one row per fact reported by several stories, with its sources and one USD figure",
             "one row per corroborated fact"),
)
GROUPS = tuple(grouping.name for grouping in GROUPINGS)

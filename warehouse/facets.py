"""Facet counts over the facts a search selected (Datasette-style).

Each facet is a categorical column of the search snapshot, stored as integer codes, so counting
it is one `bincount` over the selected rows: milliseconds at 1,000,000 facts, for any filter.
A facet lists its `FACET_SIZE` most frequent values (ties by value) and says when it has more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from warehouse.snapshot import Snapshot

FACET_SIZE = 30
FACET_COLUMNS = {  # facet name (query.FACET_NAMES) -> snapshot column
    "kinds": "kind",
    "agencies": "agency_label",
    "countries": "country",
    "actions": "action",
    "currencies": "currency",
    "sources": "source_id",
    "langs": "lang",
    "years": "year",
}


@dataclass(slots=True)
class FacetCounts:
    values: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    truncated: tuple[str, ...] = ()


def count(snap: Snapshot, selected: np.ndarray, names: tuple[str, ...],
          size: int = FACET_SIZE) -> FacetCounts:
    """Value counts of each named facet over the `selected` facts, most frequent first."""
    out = FacetCounts()
    truncated = []
    for name in dict.fromkeys(names):
        category = snap.categories[FACET_COLUMNS[name]]
        counts = np.bincount(category.codes[selected], minlength=len(category.labels) + 1)[:-1]
        found = sorted(((category.labels[i], int(counts[i])) for i in np.flatnonzero(counts)),
                       key=lambda vn: (-vn[1], vn[0]))
        if len(found) > size:
            truncated.append(name)
        out.values[name] = found[:size]
    out.truncated = tuple(truncated)
    return out

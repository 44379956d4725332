"""Facet counts over the facts a search selected (Datasette-style), one facet per filter.

Each facet is a categorical column of the search snapshot, stored as integer codes, so counting
it is one `bincount` over the selected rows: milliseconds at 1,000,000 facts, for any filter.
A facet lists its `FACET_SIZE` most frequent values (ties by value) and says when it has more.
The range filters have facets too: USD amounts and values by order of magnitude ("1M–10M",
listed from small to large, with the bounds a range filter needs in `magnitude_range`), fact
periods by starting year, and corroboration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from warehouse.search.columns import MAX_MAGNITUDE
from warehouse.search.fields import FACETS
from warehouse.search.snapshot import Snapshot

FACET_SIZE = 30
FACET_COLUMNS = {facet.name: facet.column for facet in FACETS}  # facet name -> snapshot category
ORDERED = tuple(facet.name for facet in FACETS if facet.ordered)  # listed by value, not by count
_UNITS = ((12, "T"), (9, "B"), (6, "M"), (3, "K"), (0, ""))


def _power(exponent: int) -> str:
    return next(f"{10 ** (exponent - e)}{unit}" for e, unit in _UNITS if exponent >= e)


def magnitude_range(magnitude: int) -> tuple[float | None, float | None]:
    """The (min, max) filter bounds of an order-of-magnitude bucket (None: open)."""
    low = None if magnitude == 0 else 10.0 ** magnitude
    return low, None if magnitude >= MAX_MAGNITUDE else 10.0 ** (magnitude + 1)


def label(name: str, value: Any) -> Any:
    """How a facet value is shown: magnitudes as ranges, corroboration in words."""
    if name in ORDERED:
        low, high = magnitude_range(value)
        return f"< {_power(value + 1)}" if low is None else f"≥ {_power(value)}" if high is None \
            else f"{_power(value)}–{_power(value + 1)}"
    if name == "corroboration":
        return "corroborated (2+ stories)" if value else "one story"
    return value


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
                       key=(lambda vn: vn[0]) if name in ORDERED else (lambda vn: (-vn[1], vn[0])))
        if len(found) > size:
            truncated.append(name)
        out.values[name] = [(label(name, value), n) for value, n in found[:size]]
    out.truncated = tuple(truncated)
    return out

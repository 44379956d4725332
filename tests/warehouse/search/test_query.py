"""Query validation: one precise error per bad value; lists become tuples so queries hash."""

from __future__ import annotations

import pytest

from regintel.contracts import RegintelError
from warehouse import Query


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kinds": ("cash",)}, "unknown kind 'cash'"),
    ({"sort": "random"}, "unknown sort 'random'"),
    ({"page": 0}, "page must be"),
    ({"page_size": 100_000}, "page size must be"),
    ({"facets": ("colour",)}, "unknown facet"),
    ({"usd_min": 10, "usd_max": 1}, "usd_min"),
])
def test_bad_queries_are_clear_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(RegintelError, match=message):
        Query(**kwargs)


def test_query_is_hashable_with_lists_coerced() -> None:
    q = Query(kinds=["money"], agencies=["AFM"])  # type: ignore[arg-type]
    assert q == Query(kinds=("money",), agencies=("AFM",)) and hash(q) == hash(Query(kinds=("money",),
                                                                                      agencies=("AFM",)))

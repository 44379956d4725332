"""The declarations: Query is made of them, and each names columns and facets that exist."""

from __future__ import annotations

from dataclasses import fields

from warehouse import FACET_NAMES, FACETS, FIELDS, Choice, Flag, Query, Range
from warehouse.search.columns import CATEGORIES, NUMBERS


def test_query_attributes_are_the_declared_filters_in_order() -> None:
    declared = [a.name for f in FIELDS for a in f.attributes()]
    assert [f.name for f in fields(Query)] == ["text", *declared, "sort", "group", "page", "page_size",
                                                 "facets"]


def test_declarations_name_existing_columns_and_facets() -> None:
    assert all(facet.column in CATEGORIES for facet in FACETS)
    assert tuple(facet.name for facet in FACETS) == FACET_NAMES
    for declared in FIELDS:
        if isinstance(declared, Choice):
            assert declared.column in CATEGORIES and declared.facet in FACET_NAMES
        elif isinstance(declared, Flag):
            assert declared.facet is None or declared.facet in FACET_NAMES
        else:
            assert {declared.low.column, declared.high.column} <= set(NUMBERS)
            assert declared.facet in FACET_NAMES


def test_cli_options_are_distinct() -> None:
    options = [o for f in FIELDS
               for o in ((f.low.option, f.high.option) if isinstance(f, Range) else (f.option,))]
    assert len(set(options)) == len(options)

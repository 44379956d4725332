"""The shared columns: one agency label rule, in SQL and in Python."""

from __future__ import annotations

import duckdb
import pytest

from warehouse import GROUPS
from warehouse.search.columns import GROUP_KEYS, ROW_COLUMNS, agency_label, agency_label_sql, group_key


@pytest.mark.parametrize(("acronym", "name", "agency_id", "label"), [
    ("AFM", "Financial Monitoring Agency", "afm_kz", "AFM"),
    (None, "Financial Monitoring Agency", "afm_kz", "Financial Monitoring Agency"),
    (None, None, "afm_kz", "afm_kz"),
    (None, None, None, None),
])
def test_agency_label_is_one_rule_in_sql_and_python(acronym: str | None, name: str | None,
                                                     agency_id: str | None, label: str | None) -> None:
    row = {"agency_acronym": acronym, "agency_name": name, "agency_id": agency_id}
    sql = duckdb.execute(f"SELECT {agency_label_sql('$a', '$n', '$i')}",
                         {"a": acronym, "n": name, "i": agency_id}).fetchall()[0][0]
    assert agency_label(row) == sql == label


def test_rows_carry_provenance_and_name_each_column_once() -> None:
    provenance = {"fact_id", "sentence", "source_id", "published", "corroboration", "cluster_sources"}
    assert provenance <= set(ROW_COLUMNS) and len(set(ROW_COLUMNS)) == len(ROW_COLUMNS)


def test_every_grouping_has_its_key() -> None:
    assert set(GROUP_KEYS) == set(GROUPS)
    assert group_key("cluster", "f") == ("coalesce(f.cluster_id, f.fact_id)",) and group_key("mention") == ()

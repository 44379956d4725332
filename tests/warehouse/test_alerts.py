"""Alerts in the warehouse: one open alert per (source, rule), resolved once, acknowledged;
schedule overrides; run checks read back newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import RegintelError


def test_one_open_alert_per_source_and_rule_until_resolved(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    warehouse.init_db(db)
    first, new = warehouse.raise_alert(db, "s", "zero_items", "critical", "r1", "no items")
    again, new_again = warehouse.raise_alert(db, "s", "zero_items", "critical", "r2", "still no items")
    other, other_new = warehouse.raise_alert(db, "s", "block_rate", "critical", "r2", "blocked")
    assert new and not new_again and other_new and first.alert_id == again.alert_id != other.alert_id
    assert (again.occurrences, again.run_id, again.message) == (2, "r2", "still no items")
    assert again.first_seen == first.first_seen <= again.last_seen
    (resolved,) = warehouse.resolve_alerts(db, "s", ["zero_items", "stale"])
    assert resolved.alert_id == first.alert_id and resolved.resolved_at is not None
    assert warehouse.resolve_alerts(db, "s", ["zero_items"]) == []
    assert [a.rule for a in warehouse.alerts(db, open_only=True)] == ["block_rate"]
    reopened, new = warehouse.raise_alert(db, "s", "zero_items", "critical", "r3", "no items again")
    assert new and reopened.alert_id != first.alert_id and len(warehouse.alerts(db)) == 3
    acked = warehouse.ack_alert(db, other.alert_id)
    assert acked.acked_at is not None and acked.open
    with pytest.raises(RegintelError, match="unknown alert 'x'"):
        warehouse.ack_alert(db, "x")


def test_overrides_and_run_checks(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    warehouse.init_db(db)
    assert warehouse.schedule_overrides(tmp_path / "none.duckdb") == {}
    warehouse.set_override(db, "s", cron="*/5 * * * *")
    warehouse.set_override(db, "s", paused=True)
    override = warehouse.schedule_overrides(db)["s"]
    assert (override.cron, override.paused) == ("*/5 * * * *", True)
    warehouse.set_override(db, "s", paused=False)
    assert warehouse.schedule_overrides(db)["s"].cron == "*/5 * * * *"
    now = datetime.now(UTC)
    for i, status in enumerate(("ok", "empty", "ok")):
        warehouse.record_check(db, warehouse.RunCheck(f"r{i}", "s", "schedule", status, 10 + i, 2, 20, 10.0,
                                                      0.0, now + timedelta(seconds=i)))
    assert [c.run_id for c in warehouse.run_checks(db, "s", status="ok")] == ["r2", "r0"]
    assert warehouse.run_facts(db, "r0") == (0, 0)

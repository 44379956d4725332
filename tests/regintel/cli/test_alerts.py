"""`regintel alerts list|ack|test`: open alerts, acknowledging one, a test notice to every channel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warehouse
from regintel.cli.main import main
from tests.regintel.operations.conftest import alerts_file, smtp, webhook  # noqa: F401 (fixtures)


def test_alerts_are_listed_acknowledged_and_unknown_ids_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    warehouse.init_db(db)
    alert, _new = warehouse.raise_alert(db, "timesca", "zero_items", "critical", "r1", "no items listed")
    assert main(["alerts", "list", "--format", "json", "--db", str(db)]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["alert_id"], listed["rule"], listed["acked_at"]) == (alert.alert_id, "zero_items", None)
    assert main(["alerts", "ack", alert.alert_id, "--db", str(db)]) == 0
    assert "acknowledged" in capsys.readouterr().out
    assert warehouse.alerts(db, open_only=True)[0].acked_at is not None
    assert main(["alerts", "ack", "nope", "--db", str(db)]) == 2
    assert capsys.readouterr().err == "regintel: unknown alert 'nope'; see `regintel alerts list --all`\n"
    warehouse.resolve_alerts(db, "timesca", ["zero_items"])
    assert main(["alerts", "list", "--format", "json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["alerts", "list", "--all", "--format", "json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["resolved_at"] is not None
    assert main(["alerts", "list", "--all", "--db", str(db)]) == 0
    assert alert.source_id in capsys.readouterr().out


def test_alerts_test_reaches_every_channel(
    tmp_path: Path, alerts_file: Path, smtp: tuple, webhook: tuple,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["alerts", "test", "--db", str(tmp_path / "none.duckdb")]) == 0
    assert capsys.readouterr().out.splitlines() == ["log: delivered", "hook: delivered", "mail: delivered"]
    assert len(smtp[0].messages) == len(webhook[0].posts) == 1
    assert webhook[0].posts[0]["event"] == "test"
    assert main(["alerts", "test", "--channel", "pager", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "unknown channel 'pager'; known: log, hook, mail" in capsys.readouterr().err

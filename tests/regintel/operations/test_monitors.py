"""Each monitor rule, from recorded runs to exactly one alert at a real SMTP server and a real
webhook: a second failing run sends nothing more, a healthy run resolves the alert."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import CrawlRun, make_id, replace
from regintel.jobs.schedule import load_plan
from regintel.operations.channels import load_config
from regintel.operations.delivery import alert_notices, deliver
from regintel.operations.monitors import Measured, check_run, judge_run
from regintel.operations.scheduler import check_freshness
from regintel.operations.thresholds import Thresholds
from regintel.settings import ALERTS
from tests.regintel.operations.conftest import write_sources
from warehouse.connection import writing

HEALTHY = ("ok", {"listed": 20, "responses": 22}, 2, 40)


def recorded_run(
    db: Path, status: str, stats: dict[str, int], documents: int = 0, facts: int = 0
) -> CrawlRun:
    """A run as the crawl records it; `documents` pages of it with `facts` facts in all."""
    run = warehouse.start_run(db, "timesca")
    run = replace(run, status=status, stats=stats, message=f"{stats.get('listed', 0)} listed",
                  finished_at=datetime.now(UTC))
    warehouse.finish_run(db, run)
    now = datetime.now(UTC)
    with writing(db) as con:
        for i in range(documents):
            doc = make_id(run.run_id, i)
            url = f"https://timesca.com/{doc}"
            con.execute("""INSERT INTO pages (page_id, url, source_id, run_id, fetched_at)
                           VALUES (?, ?, 'timesca', ?, ?)""", [doc, url, run.run_id, now])
            con.execute("""INSERT INTO documents (doc_id, url, source_id, first_seen, last_seen, doc_key)
                           VALUES (?, ?, 'timesca', ?, ?, nextval('doc_keys'))""",
                        [doc, f"https://timesca.com/{doc}", now, now])
            con.execute("INSERT INTO extractions (doc_id, extracted_at, facts) VALUES (?, ?, ?)",
                        [doc, now, facts // documents])
    return run


def judged(db: Path, status: str, stats: dict[str, int], documents: int = 0, facts: int = 0) -> list:
    run = recorded_run(db, status, stats, documents, facts)
    notices = alert_notices(db, "timesca", run.run_id, check_run(db, run, "schedule", Thresholds()))
    deliver(db, notices, load_config(ALERTS.get()))
    return notices


CASES = {
    "zero_items": (0, ("empty", {"listed": 0, "responses": 2}, 0, 0)),
    "items_drop": (3, ("ok", {"listed": 5, "responses": 7}, 2, 40)),
    "facts_drop": (3, ("ok", {"listed": 20, "responses": 22}, 2, 4)),
    "block_rate": (0, ("blocked", {"listed": 20, "responses": 10, "issues/http_403": 4,
                                   "issues/challenge": 2}, 0, 0)),
    "finish_reason": (0, ("interrupted", {"listed": 3, "responses": 4}, 0, 0)),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_broken_rule_alerts_once_and_a_healthy_run_resolves_it(
    rule: str, tmp_path: Path, alerts_file: Path, smtp: tuple, webhook: tuple
) -> None:
    inbox, hook = smtp[0], webhook[0]
    db = tmp_path / "monitors.duckdb"
    warehouse.init_db(db)
    history, bad = CASES[rule]
    for _ in range(history):
        assert judged(db, *HEALTHY) == []
    judged(db, *bad)
    judged(db, *bad)  # still broken: the same alert, no second notice
    (alert,) = warehouse.alerts(db, open_only=True)
    assert (alert.rule, alert.occurrences) == (rule, 2)
    assert len(inbox.messages) == len(hook.posts) == 1
    assert rule in inbox.subjects()[0] and f"{rule} on timesca" in hook.texts()[0]
    assert hook.posts[0]["alert"]["rule"] == rule and hook.posts[0]["event"] == "opened"
    assert hook.headers[0]["Authorization"] == "Bearer s3cret-token-value"
    judged(db, *HEALTHY)
    assert warehouse.alerts(db, open_only=True) == []
    assert len(inbox.messages) == len(hook.posts) == 2
    assert "RESOLVED" in inbox.subjects()[1] and hook.posts[1]["event"] == "resolved"
    records = warehouse.deliveries(db)
    assert {(d.event, d.channel, d.ok) for d in records} == {
        (event, channel, True) for event in ("opened", "resolved") for channel in ("log", "hook", "mail")
    }
    assert not any("s3cret" in str(d) for d in records)


def test_a_stale_source_alerts_once_and_a_fresh_run_resolves_it(
    tmp_path: Path, alerts_file: Path, smtp: tuple, webhook: tuple
) -> None:
    inbox, hook = smtp[0], webhook[0]
    db = tmp_path / "stale.duckdb"
    sources = write_sources(tmp_path / "sources.yaml", monitors="monitors:\n  defaults: {stale_factor: 2}\n")
    warehouse.init_db(db)
    recorded_run(db, *HEALTHY)
    now = datetime.now(UTC)
    slots = load_plan(db, sources, now, jitter=0)
    assert check_freshness(db, sources, slots, now + timedelta(minutes=90)) == []  # hourly, 2 allowed
    later = now + timedelta(hours=3)
    assert len(check_freshness(db, sources, slots, later)) == 1
    assert check_freshness(db, sources, slots, later + timedelta(hours=1)) == []
    (alert,) = warehouse.alerts(db, open_only=True)
    assert alert.rule == "stale" and alert.occurrences == 2 and "2.0 h" in alert.message
    assert len(inbox.messages) == len(hook.posts) == 1 and "stale on timesca" in hook.texts()[0]
    recorded_run(db, *HEALTHY)
    check_freshness(db, sources, slots, datetime.now(UTC))
    assert warehouse.alerts(db, open_only=True) == []
    assert len(inbox.messages) == len(hook.posts) == 2


def test_rules_that_cannot_judge_stay_silent() -> None:
    """No history: no drop verdict; nothing new: no facts verdict; interrupted: only the finish reason."""
    run = CrawlRun("r", "s", datetime.now(UTC), None, "ok", {"listed": 3, "responses": 3})
    rules = {v.rule for v in judge_run(run, Measured(3, 0, 0, 3, 0), [], Thresholds())}
    assert rules == {"finish_reason", "zero_items", "block_rate"}
    stopped = replace(run, status="interrupted", message="crawl ended early (shutdown)")
    (verdict,) = judge_run(stopped, Measured(0, 0, 0, 0, 0), [], Thresholds())
    assert verdict.rule == "finish_reason" and verdict.broken and "shutdown" in verdict.message

"""Which sources are due: cron schedules against the run history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import warehouse
from crawlers.sources import load_sources
from regintel.contracts import CrawlRun, EntryPoint, RegintelError, Source
from regintel.jobs.schedule import jitter_s, plan, run_due, seconds_until_next, upcoming

NOW = datetime(2026, 11, 21, 7, 30, tzinfo=UTC)


def source(source_id: str, schedule: str = "0 */6 * * *") -> Source:
    entry = EntryPoint(kind="feed", url=f"https://{source_id}.example/rss")
    return Source(
        id=source_id,
        name=source_id,
        publisher_kind="news",
        country="KZ",
        languages=("en",),
        entry_points=(entry,),
        allowed_domains=(f"{source_id}.example",),
        schedule=schedule,
    )


def run(source_id: str, started: datetime) -> CrawlRun:
    return CrawlRun(
        run_id=f"r-{source_id}",
        source_id=source_id,
        started_at=started,
        finished_at=started + timedelta(minutes=2),
        status="ok",
    )


def test_never_run_is_due() -> None:
    (slot,) = plan([source("a")], {}, NOW)
    assert slot.due and slot.last_run is None


def test_run_since_last_fire_is_not_due_until_next_fire() -> None:
    last = datetime(2026, 11, 21, 6, 5, tzinfo=UTC)  # after the 06:00 fire
    (slot,) = plan([source("a")], {"a": run("a", last)}, NOW)
    assert not slot.due
    assert slot.next_due == datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def test_run_before_last_fire_is_due() -> None:
    last = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)  # before the 06:00 fire
    (slot,) = plan([source("a")], {"a": run("a", last)}, NOW)
    assert slot.due


def test_invalid_cron_is_a_user_error() -> None:
    with pytest.raises(RegintelError, match="'every day'"):
        plan([source("a", schedule="every day")], {}, NOW)


def test_nothing_due_runs_nothing_and_sleeps_until_the_next_fire(tmp_path: Path) -> None:
    """A source just crawled is not due: the runner starts no crawl and sleeps until its next fire."""
    db = tmp_path / "schedule.duckdb"
    sources = [s for s in load_sources() if s.enabled]
    warehouse.init_db(db)
    warehouse.upsert_sources(db, sources)
    for s in sources:
        warehouse.finish_run(db, warehouse.start_run(db, s.id))
    assert run_due(db) == []
    wait = seconds_until_next(db, longest=10_000.0)
    assert 1.0 <= wait <= 10_000.0
    assert seconds_until_next(db, longest=5.0) == 5.0


def test_jitter_is_stable_per_source_and_at_most_a_tenth_of_the_interval() -> None:
    hourly = [jitter_s(f"s{i}", "0 * * * *", 300.0) for i in range(50)]
    assert hourly == [jitter_s(f"s{i}", "0 * * * *", 300.0) for i in range(50)]
    assert all(0 <= j <= 300 for j in hourly) and len(set(hourly)) > 40
    assert max(jitter_s(f"s{i}", "* * * * *", 300.0) for i in range(50)) <= 6.0  # a tenth of a minute
    (slot,) = plan([source("a", "0 * * * *")], {"a": run("a", NOW)}, NOW, jitter=300.0)
    assert slot.next_due == datetime(2026, 11, 21, 8, 0, tzinfo=UTC) + timedelta(seconds=slot.offset_s)


def test_missed_fires_coalesce_into_one_catch_up() -> None:
    (slot,) = plan([source("a", "0 * * * *")], {"a": run("a", NOW - timedelta(hours=5))}, NOW)
    assert slot.due and slot.missed == 5 and slot.trigger == "catch-up"
    (slot,) = plan([source("a", "0 * * * *")], {"a": run("a", NOW - timedelta(minutes=50))}, NOW)
    assert slot.due and slot.missed == 1 and slot.trigger == "schedule"


def test_overrides_change_the_cron_and_pause_a_source() -> None:
    override = warehouse.ScheduleOverride("a", "*/10 * * * *", False, NOW)
    (slot,) = plan([source("a")], {"a": run("a", NOW)}, NOW, overrides={"a": override})
    assert slot.overridden and slot.source.schedule == "*/10 * * * *"
    assert slot.next_due == datetime(2026, 11, 21, 7, 40, tzinfo=UTC)
    paused = warehouse.ScheduleOverride("a", None, True, NOW)
    (slot,) = plan([source("a")], {}, NOW, overrides={"a": paused})
    assert slot.paused and not slot.due and upcoming([slot], 3) == []


def test_upcoming_lists_fires_over_sources_in_order() -> None:
    slots = plan([source("a", "0 * * * *"), source("b", "30 * * * *")],
                 {"a": run("a", NOW - timedelta(minutes=1)), "b": run("b", NOW - timedelta(minutes=1))}, NOW)
    fires = [(at.strftime("%H:%M"), slot.source.id) for at, slot in upcoming(slots, 4)]
    assert fires == [("07:30", "b"), ("08:00", "a"), ("08:30", "b"), ("09:00", "a")]

"""The scheduler as a real process against the sample site on 127.0.0.1: due sources run and
become searchable, one run per source across processes, locks of killed holders recovered,
graceful SIGTERM, missed runs coalesced."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import warehouse
from regintel.operations.heartbeat import read_beat
from regintel.samplesite.server import SampleSite, running
from regintel.settings import REWRITE, SCHEDULER_JITTER_S
from tests.regintel.operations.conftest import write_sources
from warehouse.connection import writing


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    with running() as sample:
        yield sample


@pytest.fixture
def started(site: SampleSite, tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Starts schedulers on a warehouse in tmp_path; kills whatever is left of them afterwards."""
    processes: list[subprocess.Popen[bytes]] = []
    db = tmp_path / "w.duckdb"

    def start(sources: Path, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, REWRITE.name: json.dumps(site.rewrite()), SCHEDULER_JITTER_S.name: "0"}
        log = (tmp_path / f"scheduler{len(processes)}.log").open("wb")
        command = [sys.executable, "-m", "regintel", "scheduler", "--db", str(db), "--sources", str(sources),
                   "--beat-s", "1", "--stop-s", "20", *args]
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        return process

    yield start
    beat = read_beat(db)
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()
    for child in beat.running if beat else []:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(int(child["pid"]), signal.SIGKILL)
    site.delay = 0.0


def wait_for(check: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def runs_of(db: Path) -> list:
    return warehouse.runs(db, "timesca") if db.is_file() else []


def running_run(db: Path) -> object:
    return [r for r in runs_of(db) if r.status == "running"]


def test_a_due_source_runs_and_its_facts_become_searchable(started: Callable, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    begun = time.monotonic()
    scheduler = started(write_sources(tmp_path / "sources.yaml"))
    every_fact = warehouse.Query(text="", group="mention")  # facts, not rows per document fact
    total = wait_for(lambda: db.is_file() and warehouse.search(db, every_fact).total, 90, "searchable facts")
    latency = time.monotonic() - begun
    print(f"\ndue -> searchable: {latency:.1f} s ({total} facts)")
    (run,) = runs_of(db)
    assert run.status == "ok", run.message
    (check,) = warehouse.run_checks(db, "timesca")
    assert check.trigger == "schedule" and check.facts == total
    beat = wait_for(lambda: (b := read_beat(db)) and not b.running and b, 30, "an idle heartbeat")
    assert beat.alive() and beat.next[0]["source"] == "timesca"
    assert datetime.fromisoformat(beat.next[0]["at"]) > datetime.now(UTC)
    status = subprocess.run([sys.executable, "-m", "regintel", "scheduler", "status", "--db", str(db)],
                            capture_output=True, text=True, check=True).stdout
    assert f"scheduler pid {scheduler.pid}: alive" in status and "next     timesca" in status
    scheduler.send_signal(signal.SIGTERM)
    assert scheduler.wait(timeout=30) == 0
    assert read_beat(db).state == "stopped"


def test_a_second_run_is_refused_and_a_killed_holders_lock_is_recovered(
    started: Callable, site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    sources = write_sources(tmp_path / "sources.yaml")
    site.delay = 1.0
    first = started(sources)
    wait_for(lambda: running_run(db), 60, "a running crawl")
    command = [sys.executable, "-m", "regintel", "scheduler", "run", "timesca", "--db", str(db),
               "--sources", str(sources)]
    refused = subprocess.run(command, capture_output=True, text=True)
    assert refused.returncode == 2
    assert refused.stderr.startswith("regintel: source 'timesca' is already running (pid ")
    worker = int(wait_for(lambda: (b := read_beat(db)) and b.running, 10, "the heartbeat")[0]["pid"])
    first.kill()  # SIGKILL the scheduler, its worker and the crawl: nothing closes, the run stays "running"
    os.killpg(worker, signal.SIGKILL)
    first.wait()
    (stuck,) = running_run(db)
    site.delay = 0.0
    second = started(sources)
    wait_for(lambda: any(r.status == "ok" for r in runs_of(db)), 90, "a run by the next scheduler")
    statuses = {r.run_id: r.status for r in runs_of(db)}
    assert statuses[stuck.run_id] == "interrupted" and sorted(statuses.values()) == ["interrupted", "ok"]
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=30) == 0


def test_sigterm_during_a_crawl_leaves_no_run_running(
    started: Callable, site: SampleSite, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    site.delay = 1.5
    scheduler = started(write_sources(tmp_path / "sources.yaml"))
    wait_for(lambda: running_run(db), 60, "a running crawl")
    time.sleep(1.0)
    scheduler.send_signal(signal.SIGTERM)
    began = time.monotonic()
    assert scheduler.wait(timeout=40) == 0
    print(f"\nSIGTERM -> stopped: {time.monotonic() - began:.1f} s")
    (run,) = runs_of(db)
    assert run.status == "interrupted" and "shutdown" in run.message, run
    assert warehouse.unparsed_pages(db, "timesca") == []  # every stored page was parsed before closing
    assert read_beat(db).state == "stopped" and read_beat(db).running == []


def test_missed_runs_coalesce_into_one_catch_up_run(started: Callable, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    sources = write_sources(tmp_path / "sources.yaml")  # hourly
    warehouse.init_db(db)
    old = warehouse.start_run(db, "timesca")
    warehouse.finish_run(db, old)
    with writing(db) as con:  # that run was five hours ago: five hourly fires were missed since
        con.execute("UPDATE crawl_runs SET started_at = started_at - INTERVAL 5 HOUR, status = 'ok'")
    scheduler = started(sources)
    wait_for(lambda: warehouse.run_checks(db, "timesca"), 90, "the catch-up run's check")
    time.sleep(3)  # three more heartbeats: nothing else may start
    runs = runs_of(db)
    assert len(runs) == 2 and runs[0].run_id != old.run_id
    (check,) = warehouse.run_checks(db, "timesca")
    assert check.trigger == "catch-up" and check.run_id == runs[0].run_id
    next_fire = datetime.fromisoformat(read_beat(db).next[0]["at"])
    assert timedelta(0) < next_fire - datetime.now(UTC) <= timedelta(hours=1)
    scheduler.send_signal(signal.SIGTERM)
    assert scheduler.wait(timeout=30) == 0

"""The scheduler service: start due source runs, at most one per source and `max_runs` in all.

Design (croniter and our own loop rather than APScheduler: the plan is already computed from
the run history in `regintel.jobs.schedule`, and APScheduler's job store would be a second
record of the same schedule):

- Each wake it plans from the sources file, the overrides and the run history in the warehouse.
  A due source is started as a `worker` process in a new session, its lock as standard input.
  A source locked by another process (another scheduler, `regintel scheduler run`) is skipped
  and retried a heartbeat later.
- On start, a source whose last run is still "running" while its lock is free lost its process:
  that run is marked interrupted and the source resumed at once (trigger "catch-up").
- Missed fires (the scheduler was down) coalesce: a source is due when it has not run since its
  latest fire, however many passed; its run is recorded with trigger "catch-up".
- It sleeps until the next fire, the next heartbeat, a signal or a worker's exit (SIGCHLD), in
  `select` on the signal wakeup pipe: no polling. Each wake it rewrites the heartbeat file
  and, in a thread, checks every source's freshness (the stale rule).
- SIGTERM/SIGINT: it starts nothing more and signals each worker's process group once (the
  crawl child closes its spiders, Scrapy's graceful stop); after `stop_s` a second signal
  (Scrapy's forced stop), then SIGKILL; runs left "running" are marked interrupted. A second
  signal to the scheduler skips the wait.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from regintel.contracts import RegintelError
from regintel.jobs.schedule import Slot, interval_s, load_plan, upcoming
from regintel.operations.heartbeat import Beat, write_beat
from regintel.operations.locks import holder, try_lock

logger = logging.getLogger("regintel.scheduler")
FAILED_RETRY_S = 300.0  # a worker that failed without recording a run is retried this much later
KILL_GRACE_S = 5.0  # after the forced stop, seconds before SIGKILL


@dataclass
class Child:
    source_id: str
    process: subprocess.Popen[bytes]
    since: datetime
    trigger: str


class Scheduler:
    def __init__(self, db: Path, sources_file: Path | None, *, max_runs: int, beat_s: float, stop_s: float,
                 jitter: float) -> None:
        if max_runs < 1:
            raise RegintelError(f"bad max_runs {max_runs}; expected at least 1")
        if beat_s <= 0 or stop_s < 0:
            raise RegintelError(f"bad beat_s {beat_s} or stop_s {stop_s}; expected positive seconds")
        self.db, self.sources_file = Path(db).resolve(), sources_file
        self.max_runs, self.beat_s, self.stop_s, self.jitter = max_runs, beat_s, stop_s, jitter
        self.children: dict[str, Child] = {}
        self.retry_at: dict[str, float] = {}  # source -> monotonic time before which it is not started
        self.signals: list[int] = []
        self.started_at = datetime.now(UTC)
        self.slots: list[Slot] = []
        self.freshness: threading.Thread | None = None
        self.forced: set[str] = set()  # sources whose killed run is resumed at once

    # ------------------------------------------------------------------ the loop
    def serve(self) -> int:
        import warehouse
        from regintel.operations.channels import load_config
        from regintel.operations.thresholds import load_thresholds
        from regintel.settings import ALERTS

        load_config(ALERTS.get())  # a broken alerts file or monitors map fails now, in one line
        load_thresholds(self.sources_file)
        warehouse.init_db(self.db)
        self.forced = self._recover_orphans()
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        previous = signal.set_wakeup_fd(write_fd)
        handlers = {s: signal.signal(s, self._on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
        handlers[signal.SIGCHLD] = signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the select
        handlers[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda *_: None)  # replan now
        logger.info("scheduler %d started on %s (max %d runs, heartbeat %g s)", os.getpid(), self.db,
                    self.max_runs, self.beat_s)
        try:
            while not self.signals:
                self._reap()
                now = datetime.now(UTC)
                self._plan(now)
                self._start_due(now)
                self._check_freshness()
                self._beat("running")
                self._sleep(read_fd, self._timeout(now))
            self._shutdown(read_fd)
        finally:
            signal.set_wakeup_fd(previous)
            for signum, handler in handlers.items():
                signal.signal(signum, handler)
            os.close(read_fd)
            os.close(write_fd)
        return 0

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.signals.append(signum)

    def _sleep(self, read_fd: int, timeout: float) -> None:
        select.select([read_fd], [], [], max(timeout, 0.0))
        try:
            while os.read(read_fd, 512):
                pass
        except BlockingIOError:
            pass

    def _plan(self, now: datetime) -> None:
        try:
            self.slots = load_plan(self.db, self.sources_file, now, jitter=self.jitter)
        except RegintelError as err:  # a broken sources file or a busy warehouse: keep the last plan
            logger.error("cannot plan: %s", err)

    def _timeout(self, now: datetime) -> float:
        """Seconds until the next thing to do: a fire, a retry or the next heartbeat."""
        waits = [self.beat_s]
        clock = time.monotonic()
        for slot in self.slots:
            if slot.paused or slot.source.id in self.children:
                continue
            if slot.due:
                retry = self.retry_at.get(slot.source.id, 0.0) - clock
                if retry > 0:
                    waits.append(retry)
                continue  # waiting for a free place: a worker's exit wakes us
            waits.append((slot.next_due - now).total_seconds())
        return max(min(waits), 0.05)

    # ------------------------------------------------------------------ runs
    def _start_due(self, now: datetime) -> None:
        clock = time.monotonic()
        never = now - timedelta(days=10_000)  # sources never run go first, then the longest waiting
        due = sorted((s for s in self.slots if s.due or (s.source.id in self.forced and not s.paused)),
                     key=lambda s: s.last_run or never)
        for slot in due:
            sid = slot.source.id
            trigger = "catch-up" if sid in self.forced else slot.trigger
            if sid in self.children or self.retry_at.get(sid, 0.0) > clock:
                continue
            if len(self.children) >= self.max_runs:
                return
            lock = try_lock(self.db, sid, trigger=trigger)
            if lock is None:
                other = holder(self.db, sid)
                logger.info("%s is due but already running elsewhere (pid %s since %s); retrying later",
                            sid, other.get("pid"), other.get("since"))
                self.retry_at[sid] = clock + self.beat_s
                continue
            command = [sys.executable, "-m", "regintel.operations.worker", str(self.db), sid,
                       "--trigger", trigger]
            if self.sources_file is not None:
                command += ["--sources", str(self.sources_file)]
            try:
                process = subprocess.Popen(command, stdin=lock.fd, start_new_session=True)
            finally:
                lock.release()  # the worker holds it now
            self.children[sid] = Child(sid, process, now, trigger)
            self.forced.discard(sid)
            logger.info("%s: started (%s, worker pid %d)", sid, trigger, process.pid)

    def _recover_orphans(self) -> set[str]:
        """Runs left "running" by a dead process (its lock is free): mark them interrupted and
        resume their sources at once (the crawl frontier picks up where they stopped)."""
        import warehouse

        latest: dict[str, str] = {}
        for run in warehouse.runs(self.db, limit=10_000):
            latest.setdefault(run.source_id, run.status)
        orphans = set()
        for sid in (sid for sid, status in latest.items() if status == "running"):
            if recover_source(self.db, sid):
                logger.warning("%s: its last run was left running by a dead process: marked interrupted, "
                               "resuming now", sid)
                orphans.add(sid)
        return orphans

    def _reap(self) -> None:
        for sid, child in list(self.children.items()):
            code = child.process.poll()
            if code is None:
                continue
            del self.children[sid]
            if code != 0:
                recover_source(self.db, sid)
                self.retry_at[sid] = time.monotonic() + FAILED_RETRY_S
                logger.error("%s: worker exited with code %d; retrying in %.0f s if still due", sid, code,
                             FAILED_RETRY_S)
            else:
                logger.info("%s: run finished", sid)

    def _check_freshness(self) -> None:
        if self.freshness is not None and self.freshness.is_alive():
            return
        slots = [s for s in self.slots if not s.paused]
        self.freshness = threading.Thread(target=check_freshness, args=(self.db, self.sources_file, slots),
                                          name="freshness", daemon=True)
        self.freshness.start()

    # ------------------------------------------------------------------ shutdown
    def _shutdown(self, read_fd: int) -> None:
        first = self.signals[0]
        logger.info("%s: starting nothing more; %d run(s) closing", signal.Signals(first).name,
                    len(self.children))
        self._beat("stopping")
        self._signal_children(first)
        deadline = time.monotonic() + self.stop_s
        while self.children and time.monotonic() < deadline and len(self.signals) < 2:
            self._sleep(read_fd, min(deadline - time.monotonic(), self.beat_s))
            self._reap()
            self._beat("stopping")
        if self.children:
            logger.warning("%d run(s) still closing: forcing them", len(self.children))
            self._signal_children(first)  # Scrapy's second signal: an unclean, immediate stop
            kill_at = time.monotonic() + KILL_GRACE_S
            while self.children and time.monotonic() < kill_at:
                self._sleep(read_fd, 0.2)
                self._reap()
            left = list(self.children)
            self._signal_children(signal.SIGKILL)
            for child in self.children.values():
                child.process.wait()
            self.children.clear()
            for sid in left:
                recover_source(self.db, sid)
        if self.freshness is not None:
            self.freshness.join(timeout=5)
        self._beat("stopped")
        logger.info("scheduler %d stopped", os.getpid())

    def _signal_children(self, signum: int) -> None:
        for child in self.children.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, signum)

    # ------------------------------------------------------------------ heartbeat
    def _beat(self, state: str) -> None:
        running = [{"source": c.source_id, "pid": c.process.pid, "trigger": c.trigger,
                    "since": c.since.isoformat(timespec="seconds")} for c in self.children.values()]
        waiting = [s for s in self.slots if s.source.id not in self.children]
        nxt = [{"source": slot.source.id, "at": at.isoformat(timespec="seconds"),
                "trigger": slot.trigger if slot.due else "schedule"} for at, slot in upcoming(waiting, 5)]
        beat = Beat(pid=os.getpid(), started_at=self.started_at.isoformat(timespec="seconds"),
                    beat_at=datetime.now(UTC).isoformat(timespec="seconds"), beat_s=self.beat_s, state=state,
                    max_runs=self.max_runs, running=running, next=nxt,
                    paused=[s.source.id for s in self.slots if s.paused])
        try:
            write_beat(self.db, beat)
        except OSError as err:
            logger.error("cannot write the heartbeat: %s", err)


def recover_source(db: Path, source_id: str) -> bool:
    """Mark a source's leftover "running" runs interrupted, if nobody holds its lock; True if any."""
    from regintel.operations.worker import recover

    lock = try_lock(db, source_id)
    if lock is None:
        return False
    try:
        return bool(recover(db, source_id))
    finally:
        lock.release()


def check_freshness(db: Path, sources_file: Path | None, slots: list[Slot],
                    now: datetime | None = None) -> list[object]:
    """Judge every scheduled source's freshness (the stale rule), record and deliver its alerts."""
    import warehouse
    from regintel.operations.channels import load_config
    from regintel.operations.delivery import alert_notices, deliver
    from regintel.operations.monitors import judge_freshness
    from regintel.operations.thresholds import load_thresholds
    from regintel.settings import ALERTS

    now = now or datetime.now(UTC)
    notices: list[object] = []
    try:
        thresholds = load_thresholds(sources_file)
        config = load_config(ALERTS.get())
        history = warehouse.runs(db, limit=10_000)
        for slot in slots:
            sid = slot.source.id
            runs = [r for r in history if r.source_id == sid]
            last_ok = next((r.finished_at for r in runs if r.status == "ok"), None)
            first = runs[-1].started_at if runs else None
            verdict = judge_freshness(last_ok, first, interval_s(slot.source.schedule), slot.offset_s, now,
                                      thresholds[sid])
            if verdict is not None:
                notices += alert_notices(db, sid, None, [verdict])
        deliver(db, notices, config)
    except Exception as err:  # never let a check stop the scheduler
        logger.error("freshness check failed: %s", err)
    return notices

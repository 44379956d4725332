"""One run of one source, in its own process: crawl, process, watchlists, monitors, alerts.

`python -m regintel.operations.worker DB SOURCE --trigger T [--sources FILE]` is started by the
scheduler (or `regintel scheduler run`) with the source's lock as its standard input, so the
lock is held by this process and the crawl child it starts, and dropped by the kernel when
both are gone, however they end. On SIGTERM/SIGINT (the scheduler signals the whole process
group, so the crawl child gets it too and closes its spiders cleanly) the worker waits for the
crawl to end and exits without processing: the next run picks the documents up.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from regintel.contracts import CrawlRun, RegintelError, replace

logger = logging.getLogger("regintel.worker")


@dataclass
class RunOutcome:
    source_id: str
    run: CrawlRun | None = None
    processed_documents: int = 0
    notices: list[object] = field(default_factory=list)
    digests: list[object] = field(default_factory=list)
    stopped: bool = False


def recover(db: Path, source_id: str) -> list[CrawlRun]:
    """Mark runs of the source still "running" as interrupted: the caller holds its lock, so the
    process that ran them is gone (killed, or the machine stopped)."""
    import warehouse

    if not db.is_file():
        return []
    left = [r for r in warehouse.runs(db, source_id, limit=20) if r.status == "running"]
    for run in left:
        warehouse.finish_run(db, replace(run, status="interrupted", finished_at=datetime.now(UTC),
                                         message="the process running it died; its lock was recovered"))
    return left


def run_source(db: Path, source_id: str, *, trigger: str, sources_file: Path | None,
               stopping: list[bool] | None = None) -> RunOutcome:
    """Crawl one source, extract facts from new documents, judge the run and deliver its alerts.

    The caller holds the source's lock. `stopping` (a one-item list) turns true on a stop signal."""
    from regintel.jobs.crawl import crawl
    from regintel.jobs.process import process_documents
    from regintel.operations.channels import load_config
    from regintel.operations.delivery import alert_notices, deliver
    from regintel.operations.locks import processing_lock
    from regintel.operations.monitors import check_run
    from regintel.operations.thresholds import load_thresholds
    from regintel.operations.watch import run_watchlists
    from regintel.settings import ALERTS

    stopping = stopping if stopping is not None else [False]
    config = load_config(ALERTS.get())  # a broken alerts file fails before the crawl, in one line
    thresholds = load_thresholds(sources_file)[source_id]
    outcome = RunOutcome(source_id)
    for run in recover(db, source_id):
        logger.warning("%s: run %s was left running by a dead process; marked interrupted",
                       source_id, run.run_id)
    runs = crawl(db, [source_id], sources_file=sources_file)
    outcome.run = runs[0] if runs else None
    if stopping[0]:
        outcome.stopped = True
        return outcome
    if outcome.run is not None and outcome.run.status != "interrupted":
        with processing_lock(db):  # one extraction and one watchlist check at a time per warehouse
            outcome.processed_documents = process_documents(db).documents
            outcome.digests = run_watchlists(db, config)
    if outcome.run is not None:
        verdicts = check_run(db, outcome.run, trigger, thresholds)
        outcome.notices = alert_notices(db, source_id, outcome.run.run_id, verdicts)
        deliver(db, outcome.notices, config)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="regintel-worker")
    parser.add_argument("db", type=Path)
    parser.add_argument("source")
    parser.add_argument("--trigger", default="manual")
    parser.add_argument("--sources", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    stopping = [False]

    def stop(signum: int, _frame: object) -> None:
        stopping[0] = True
        logger.info("%s: %s received; the crawl closes, processing is left for the next run",
                    args.source, signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        outcome = run_source(args.db, args.source, trigger=args.trigger, sources_file=args.sources,
                             stopping=stopping)
    except RegintelError as err:
        logger.error("%s: %s", args.source, err)
        return 2
    run = outcome.run
    if run is None:
        logger.error("%s: the crawl produced no run", args.source)
        return 1
    opened = [n.alert.rule for n in outcome.notices if n.event == "opened"]
    resolved = [n.alert.rule for n in outcome.notices if n.event == "resolved"]
    logger.info("%s: run %s %s (%s); %d documents processed; alerts opened %s, resolved %s",
                args.source, run.run_id, run.status, run.message, outcome.processed_documents,
                opened or "none", resolved or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

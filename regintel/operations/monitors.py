"""Monitors: judge each finished run (and each source's freshness) from recorded numbers.

Rules, in the spirit of Spidermon's item-count and finish-reason monitors, read the stats the
crawl stored with its run (`listed`, `responses`, `issues/<reason>`) and the facts its documents
gave; never logs. `delivery.alert_notices` turns the verdicts into alerts: a broken rule raises
one (one open alert per source and rule, however many runs stay broken); a rule a run finds
healthy resolves its open alert. A rule that cannot judge a run (no history yet, nothing new to
count, an interrupted crawl) gives no verdict and leaves its alert as is.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from regintel.contracts import CrawlRun
from regintel.operations.thresholds import Thresholds

BLOCKING = ("http_403", "http_429", "challenge")  # issue reasons that mean the site refuses us
SEVERITY = {"zero_items": "critical", "items_drop": "warning", "facts_drop": "warning",
            "block_rate": "critical", "finish_reason": "warning", "stale": "critical"}
RULES = tuple(SEVERITY)


@dataclass(frozen=True, slots=True)
class Verdict:
    rule: str
    broken: bool
    message: str


@dataclass(frozen=True, slots=True)
class Measured:
    """The numbers of one run the rules judge."""

    items: int
    documents: int
    facts: int
    responses: int
    blocked: int

    @property
    def facts_per_document(self) -> float | None:
        return self.facts / self.documents if self.documents else None

    @property
    def block_rate(self) -> float | None:
        if self.responses:
            return self.blocked / self.responses
        return 1.0 if self.blocked else None


def measure(run: CrawlRun, documents: int, facts: int) -> Measured:
    stats = run.stats
    blocked = sum(int(stats.get(f"issues/{reason}", 0)) for reason in BLOCKING)
    return Measured(int(stats.get("listed", 0)), documents, facts, int(stats.get("responses", 0)), blocked)


def _drop(rule: str, what: str, value: float, history: list[float], t: Thresholds) -> Verdict | None:
    if len(history) < t.min_history:
        return None
    median = statistics.median(history)
    floor = t.drop_fraction * median
    if value < floor:
        return Verdict(rule, True, f"{what} {value:g} below {t.drop_fraction:g} x the median {median:g} "
                                   f"of the last {len(history)} successful runs")
    return Verdict(rule, False, f"{what} {value:g} (median {median:g})")


def judge_run(run: CrawlRun, now: Measured, history: list[Measured], t: Thresholds) -> list[Verdict]:
    """The verdict of each rule that can judge this run (history: earlier successful runs, newest first)."""
    if run.status == "interrupted":
        return [Verdict("finish_reason", True, f"run {run.run_id} did not finish: {run.message}")]
    verdicts = [Verdict("finish_reason", False, "finished")]
    verdicts.append(Verdict("zero_items", now.items == 0,
                            f"no items listed: {run.message}" if now.items == 0 else f"{now.items} items"))
    if now.items:
        drop = _drop("items_drop", "items", now.items, [m.items for m in history if m.items], t)
        verdicts += [drop] if drop else []
    if now.facts_per_document is not None:
        past = [m.facts_per_document for m in history if m.facts_per_document is not None]
        drop = _drop("facts_drop", "facts per document", round(now.facts_per_document, 2), past, t)
        verdicts += [drop] if drop else []
    rate = now.block_rate
    if rate is not None:
        broken = rate > t.max_block_rate
        verdicts.append(Verdict("block_rate", broken,
                                f"{now.blocked} of {now.responses} responses blocked (403/429/challenge), "
                                f"{rate:.0%} {'above' if broken else 'within'} {t.max_block_rate:.0%}"))
    return verdicts


def judge_freshness(last_ok: datetime | None, since: datetime | None, interval_s: float, offset_s: float,
                    now: datetime, t: Thresholds) -> Verdict | None:
    """Stale: no successful run for longer than `stale_factor` intervals (plus the source's jitter).

    `last_ok` is the end of the last successful run; `since` the start of the first run (a source
    never successful is judged from it); neither: never run, nothing to judge yet."""
    reference = last_ok or since
    if reference is None:
        return None
    allowed = timedelta(seconds=t.stale_factor * interval_s + offset_s)
    age = now - reference
    hours = age.total_seconds() / 3600
    what = "last successful run" if last_ok else "no successful run since the first"
    if age > allowed:
        return Verdict("stale", True, f"{what} {hours:.1f} h ago; the schedule allows "
                                      f"{allowed.total_seconds() / 3600:.1f} h")
    return Verdict("stale", False, f"{what} {hours:.1f} h ago")


def check_run(db: Path, run: CrawlRun, trigger: str, t: Thresholds) -> list[Verdict]:
    """Measure a finished run, judge it and store what was measured; returns the verdicts."""
    import warehouse

    documents, facts = warehouse.run_facts(db, run.run_id)
    now_measured = measure(run, documents, facts)
    past = [c for c in warehouse.run_checks(db, run.source_id, status="ok", limit=t.trailing_runs + 1)
            if c.run_id != run.run_id][: t.trailing_runs]
    history = [Measured(c.items, c.documents, c.facts, 0, 0) for c in past]
    verdicts = judge_run(run, now_measured, history, t)
    warehouse.record_check(db, warehouse.RunCheck(
        run.run_id, run.source_id, trigger, run.status, now_measured.items, documents, facts,
        now_measured.facts_per_document, now_measured.block_rate, datetime.now(UTC)))
    return verdicts

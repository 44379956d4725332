"""Judge a finished crawl run from its stats: ok, empty, blocked, failed or interrupted.

A source that lists fewer than `min_items` articles is a recorded failure (zavod-style
assertion), never a silent gap; the message says why in one line.
"""

from __future__ import annotations

BLOCKING = ("http_403", "http_429", "challenge")


def judge(stats: dict[str, int], min_items: int, finish_reason: str | None) -> tuple[str, str]:
    listed = stats.get("listed", 0)
    stored = stats.get("documents", 0)
    issues = {k.removeprefix("issues/"): v for k, v in stats.items() if k.startswith("issues/")}
    entry_failures = stats.get("entry_failures", 0)
    summary = f"{listed} listed, {stored} stored, {stats.get('unchanged', 0)} unchanged"
    if issues:
        summary += ", issues: " + ", ".join(f"{k} {v}" for k, v in sorted(issues.items()))
    if finish_reason not in (None, "finished"):
        return "interrupted", f"crawl ended early ({finish_reason}); {summary}"
    if listed >= min_items:
        return "ok", summary
    if any(issues.get(reason) for reason in BLOCKING):
        return "blocked", f"fewer than min_items={min_items} and blocked; {summary}"
    if entry_failures:
        return "failed", f"{entry_failures} entry point(s) failed; {summary}"
    return "empty", f"fewer than min_items={min_items}; {summary}"

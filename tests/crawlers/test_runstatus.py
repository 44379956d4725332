"""crawlers/runstatus.py: a run's status and message from its numbers."""

from __future__ import annotations

from crawlers.runstatus import judge


def test_statuses() -> None:
    assert judge({"listed": 5, "documents": 5}, 2, "finished")[0] == "ok"
    status, message = judge({"listed": 0, "issues/http_403": 1, "entry_failures": 1}, 1, "finished")
    assert status == "blocked" and "http_403 1" in message
    assert judge({"listed": 0, "issues/http_404": 1, "entry_failures": 1}, 1, "finished")[0] == "failed"
    assert judge({"listed": 1}, 3, "finished") == (
        "empty",
        "fewer than min_items=3; 1 listed, 0 stored, 0 unchanged",
    )
    assert judge({"listed": 9}, 1, "shutdown")[0] == "interrupted"

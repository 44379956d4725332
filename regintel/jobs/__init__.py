"""Silent jobs: crawl, reparse, process, schedule, demo, rates.

A job takes its inputs, does the work through the stage packages and returns a result; it
never prints. It tells whoever called it (the CLI, the app, a scheduler) what it is doing
through a `Reporter`, whose default says nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _silent(*_: object) -> None:
    """The default reporter callback: a job run without a face says nothing."""


@dataclass(frozen=True, slots=True)
class Reporter:
    """Callbacks a job reports through: a one-line message, and progress of `n` more items."""

    message: Callable[[str], None] = _silent
    advance: Callable[[int], None] = _silent


QUIET = Reporter()

"""The one thread that talks to the warehouse inside a crawl process.

DuckDB allows one writer, and a read-only connection cannot be opened in a process that
holds a writing one. Every warehouse call of every crawler in the process therefore runs,
in order, on this single thread, and the Twisted/asyncio reactor awaits it instead of
blocking: fetching goes on while a batch is written.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regintel-warehouse")


def submit(fn: Callable[..., T], *args: Any) -> Future[T]:
    """Queue a warehouse call; the future completes when it has run."""
    return _EXECUTOR.submit(fn, *args)


async def call(fn: Callable[..., T], *args: Any) -> T:
    """Run a warehouse call on the warehouse thread and await its result from the reactor."""
    return await asyncio.wrap_future(submit(fn, *args))

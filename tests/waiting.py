"""Waiting on a condition instead of a fixed sleep, for any asyncio loop (the GUI tests' qasync one too).

A test that sleeps a fixed time before asserting that something is under way fails on a loaded machine,
where the thing may not have started yet. These poll every 10 ms until the condition holds, and fail with
`what` once `timeout` has passed.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")

POLL_S = 0.01


async def wait_until(predicate: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    """Await (letting the loop work: Qt's too under qasync) until predicate() is true."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(POLL_S)


async def wait_for(
    read: Callable[[], Awaitable[T]], done: Callable[[T], bool], timeout: float = 5.0, what: str = "condition"
) -> T:
    """Await read() until done() accepts what it returned (e.g. a store read showing a write); return that."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not done(value := await read()):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last read: {value!r}"[:2000])
        await asyncio.sleep(POLL_S)
    return value


def wait_until_sync(
    predicate: Callable[[], bool],
    timeout: float,
    what: str,
    alive: subprocess.Popen[bytes] | None = None,
    describe: Callable[[], str] = lambda: "",
) -> None:
    """Block (no event loop: another process does the work) until predicate() is true, failing at once if
    `alive` has exited. `describe()` adds context (e.g. the process's log) to a failure."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if alive is not None and alive.poll() is not None:
            raise AssertionError(
                f"the app exited ({alive.returncode}) while waiting for {what}\n{describe()}"
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}\n{describe()}")
        time.sleep(POLL_S)

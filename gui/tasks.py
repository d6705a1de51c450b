"""Starting coroutines from Qt slots.

qasync's `@asyncSlot` fails with PySide6 for most slot signatures (qasync issue #177), so slots call
`TaskKeeper.start(coro)` instead: it keeps a reference to the task (asyncio holds only weak ones), reports
an exception instead of losing it, and can cancel and await everything at shutdown.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

ErrorReporter = Callable[[BaseException], None]


class TaskKeeper:
    def __init__(self, on_error: ErrorReporter | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self.on_error = on_error
        """Told of each task that failed; the app sets it once it exists (the first frame is made before)."""

    def start(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        # Imported here: the first frame (gui.app) is shown before asyncio loads, and no task starts before.
        import asyncio

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def shutdown(self) -> None:
        """Cancel every task and wait until each has finished its cleanup."""
        import asyncio

        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        log.error("A background task failed", exc_info=error)
        if self.on_error is not None:
            self.on_error(error)


class Coalesced:
    """Runs `job` at most once at a time: asked again while it runs, it runs once more when it ends, however
    many times it was asked meanwhile (the last run sees everything that came before it). For work that
    reads the latest state, such as ratings recomputed as votes come in."""

    def __init__(self, tasks: TaskKeeper, job: Callable[[], Awaitable[None]]) -> None:
        self._tasks = tasks
        self._job = job
        self._running: asyncio.Task[None] | None = None
        self._again = False
        self.runs = 0
        """How many times the job has started."""

    def request(self) -> asyncio.Task[None]:
        """Run the job now, or once more after the run under way; the task that will have run it."""
        if self._running is not None and not self._running.done():
            self._again = True
            return self._running
        self._running = self._tasks.start(self._run())
        return self._running

    @property
    def busy(self) -> bool:
        return self._running is not None and not self._running.done()

    async def _run(self) -> None:
        while True:
            self._again = False
            self.runs += 1
            await self._job()
            if not self._again:
                return

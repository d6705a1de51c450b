"""The store on its own thread, so the UI thread never waits on the disk.

One worker thread owns the Store (an sqlite3 connection belongs to the thread that made it) and runs calls
one at a time, in the order they were made. Coroutines `await worker.call(Store.rename, 3, "Trip")` or
`await worker.call(lambda store: store.list_conversations("trip"))`; startup code and tests use `call_sync`.

A call is queued when it is made and, once made, runs to its end even if the awaiting task is cancelled: a
reply being saved while the window closes is still saved. `close` runs after every call made before it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from core.store.db import Clock
from core.store.errors import StoreClosedError, error_class_for
from core.store.repository import Store

P = ParamSpec("P")
T = TypeVar("T")


class StoreWorker:
    def __init__(self, path: str | Path, *, clock: Clock = time.time) -> None:
        """Start the thread and open the database on it; blocks until it is open (startup only).

        Raises StoreError if the file cannot be used; the thread is then stopped.
        """
        self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triptych-store")
        self._closed = False
        try:
            self._store = self._executor.submit(Store.open, self.path, clock=clock).result()
        except BaseException:
            self._executor.shutdown(wait=True)  # nothing is queued: this joins an idle thread
            raise

    def call(
        self, function: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> asyncio.Future[T]:
        """Queue `function(store, *args, **kwargs)` now; await the result (or its exception) later.

        The call is queued when made, not when first awaited, so calls run in the order the code made them.
        Must be called from a running event loop.
        """
        loop = asyncio.get_running_loop()
        future = asyncio.wrap_future(self._submit(function, *args, **kwargs), loop=loop)
        # shield: cancelling the awaiting task must not drop a write that is queued or running.
        return asyncio.shield(future)

    def call_sync(self, function: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The same, blocking the calling thread: for startup, shutdown and tests, never from a UI slot."""
        return self._submit(function, *args, **kwargs).result()

    async def close(self) -> None:
        """Close the database after the calls already made; later calls raise StoreClosedError."""
        if self._closed:
            return
        self._closed = True
        await asyncio.shield(asyncio.wrap_future(self._executor.submit(self._store.close)))
        self._executor.shutdown(wait=True)  # the queue is empty: this only joins an idle thread

    def close_sync(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._store.close).result()
        self._executor.shutdown(wait=True)

    @property
    def closed(self) -> bool:
        return self._closed

    def _submit(
        self, function: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Future[T]:
        if self._closed:
            raise StoreClosedError("The store is closed.", path=self.path)
        return self._executor.submit(self._run, function, args, kwargs)

    def _run(self, function: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        try:
            return function(self._store, *args, **kwargs)
        except sqlite3.Error as error:
            # Disk full, I/O errors, a file damaged after opening: an error type for the GUI to explain.
            kind = error_class_for(getattr(error, "sqlite_errorcode", None))
            raise kind(f"The database {self.path} failed: {error}", path=self.path) from error

"""Running a FakeServer on its own event loop in a background thread, for sync code and for the app."""

from __future__ import annotations

import asyncio
import threading
from typing import Generic, Protocol, TypeVar


class AsyncServer(Protocol):
    """What the thread runs: a server started and stopped on an event loop (`FakeServer` is one)."""

    @property
    def base_url(self) -> str: ...
    async def start(self) -> object: ...
    async def stop(self) -> None: ...


ServerT = TypeVar("ServerT", bound=AsyncServer)


class ServerThread(Generic[ServerT]):
    """Runs a FakeServer on its own event loop in a daemon thread: for sync tests and for the app's demo.

    thread = ServerThread(demo_server())
    base_url = thread.start()
    ...
    thread.stop()
    """

    def __init__(self, server: ServerT) -> None:
        self.server = server
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._failure: BaseException | None = None

    def start(self, timeout: float = 10.0) -> str:
        """Start the thread and the server; returns its base URL once it listens."""
        ready = threading.Event()
        self._thread = threading.Thread(target=asyncio.run, args=(self._serve(ready),), daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise TimeoutError("the demo server did not start")
        if self._failure is not None:
            raise self._failure
        return self.server.base_url

    def join(self) -> None:
        """Wait until the server stops; short joins keep Ctrl+C in the main thread responsive."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is None or self._stop is None or self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)
        self._loop = self._stop = self._thread = None

    async def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            await self.server.start()
        except BaseException as failure:  # handed to start(), which raises it in the caller's thread
            self._failure = failure
            return
        finally:
            ready.set()
        try:
            await self._stop.wait()
        finally:
            await self.server.stop()

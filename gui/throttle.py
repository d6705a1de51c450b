"""Coalesce frequent calls, such as repaints while a reply streams.

The first call runs at once; calls that come sooner than the interval after the last run are merged into one
call at the end of the interval, with the latest arguments, so the last call always runs. The interval
adapts to the callback: when it takes long, the next run waits twice as long as it took (up to a cap), so a
slow render cannot take more than about a third of the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(
        self,
        callback: Callable[..., Any],
        min_interval_ms: int = 33,
        max_interval_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._callback = callback
        self._min_interval_ms = min_interval_ms
        self._max_interval_ms = max_interval_ms
        self._interval_ms = min_interval_ms
        self._last_end: float | None = None
        self._pending: tuple[Any, ...] | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_pending)

    @property
    def interval_ms(self) -> int:
        """The current interval: at least min_interval_ms, longer after a slow call."""
        return self._interval_ms

    @property
    def min_interval_ms(self) -> int:
        return self._min_interval_ms

    @min_interval_ms.setter
    def min_interval_ms(self, ms: int) -> None:
        """A new least interval, from the next run on (the one already waiting keeps its time)."""
        self._min_interval_ms = ms
        self._interval_ms = max(ms, min(self._interval_ms, self._max_interval_ms))

    @property
    def pending(self) -> bool:
        return self._pending is not None

    @property
    def ready(self) -> bool:
        """Nothing pending and the interval passed: a call now runs at once."""
        return self._pending is None and not self._running and self._wait_ms() <= 0

    def __call__(self, *args: Any) -> None:
        self._pending = args
        if self._timer.isActive() or self._running:
            return
        wait_ms = self._wait_ms()
        if wait_ms <= 0:
            self._run_pending()
        else:
            self._timer.start(wait_ms)

    def flush(self) -> None:
        """Run a pending call now."""
        self._timer.stop()
        if self._pending is not None:
            self._run_pending()

    def run_now(self, *args: Any) -> None:
        """Call now, whenever the last call was (its time still sets the next interval)."""
        if self._running:
            self(*args)
            return
        self._timer.stop()
        self._pending = args
        self._run_pending()

    def cancel(self) -> None:
        """Drop a pending call."""
        self._timer.stop()
        self._pending = None

    def _wait_ms(self) -> int:
        if self._last_end is None:
            return 0
        elapsed_ms = (time.monotonic() - self._last_end) * 1000
        return max(0, round(self._interval_ms - elapsed_ms))

    def _run_pending(self) -> None:
        args, self._pending = self._pending, None
        if args is None:
            return
        start = time.monotonic()
        self._running = True
        try:
            self._callback(*args)
        finally:
            self._running = False
            self._last_end = time.monotonic()
            took_ms = (self._last_end - start) * 1000
            self._interval_ms = round(min(self._max_interval_ms, max(self._min_interval_ms, 2 * took_ms)))
            # A call made by the callback itself waits for the interval like any other.
            if self._pending is not None and not self._timer.isActive():
                self._timer.start(self._interval_ms)

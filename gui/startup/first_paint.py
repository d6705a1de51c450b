"""Waiting for a window's first frame, so that what it does not show is built after it rather than before."""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

WAIT_AT_MOST_S = 1.0
"""A window the platform never exposes (minimised at start, some headless setups) is never painted: the app
goes on after this long anyway."""


class _PaintWatch(QObject):
    """Notices the first paint event of any widget of the window; the pass ends with the event-loop turn."""

    def __init__(self, window: QWidget, painted: asyncio.Future[None]) -> None:
        super().__init__(window)
        self._window = window
        self._painted = painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and not self._painted.done()
        ):
            # A paint pass paints the window and its children in one go: a zero timer runs after it.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if not self._painted.done():
            self._painted.set_result(None)


async def first_paint(window: QWidget, timeout: float = WAIT_AT_MOST_S) -> None:
    """Return once the (shown) window's first paint pass has ended, or after `timeout`."""
    app = QCoreApplication.instance()
    assert app is not None
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    watch = _PaintWatch(window, painted)
    app.installEventFilter(watch)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted, timeout)
    finally:
        app.removeEventFilter(watch)
        watch.deleteLater()

"""Waiting for a window's first frame, so that what it does not show is built after it rather than before.

Two waits: `show_first_frame` before asyncio exists (the app's own start: the frame is painted before
asyncio, the store and the rest load), and `first_paint` inside a running asyncio loop (a TriptychApp
started by a test, whose loop already runs)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    import asyncio

WAIT_AT_MOST_S = 1.0
"""A window the platform never exposes (minimised at start, some headless setups) is never painted: the app
goes on after this long anyway."""


class _PaintWatch(QObject):
    """Notices the first paint event of any widget of the window; the pass ends with the event-loop turn."""

    def __init__(self, window: QWidget, painted: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._painted = painted
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            # A paint pass paints the window and its children in one go: a zero timer runs after it.
            QTimer.singleShot(0, self._painted)
        return False


def show_first_frame(window: QWidget, timeout: float = WAIT_AT_MOST_S) -> None:
    """Show the window and return once its first paint pass has ended (or after `timeout`), without asyncio.

    Keys typed and clicks made meanwhile are not handled here but kept in Qt's queue (they reach the window
    once the app's own event loop runs, when everything they may need is built): nothing typed is lost."""
    app = QCoreApplication.instance()
    assert app is not None
    loop = QEventLoop()
    watch = _PaintWatch(window, loop.quit)
    app.installEventFilter(watch)
    give_up = QTimer(singleShot=True, interval=int(timeout * 1000))
    give_up.timeout.connect(loop.quit)
    give_up.start()
    try:
        window.show()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        give_up.stop()
        app.removeEventFilter(watch)
        watch.deleteLater()


async def first_paint(window: QWidget, timeout: float = WAIT_AT_MOST_S) -> None:
    """Return once the (shown) window's first paint pass has ended, or after `timeout`."""
    import asyncio

    app = QCoreApplication.instance()
    assert app is not None
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done() -> None:
        if not painted.done():
            painted.set_result(None)

    watch = _PaintWatch(window, done)
    app.installEventFilter(watch)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted, timeout)
    finally:
        app.removeEventFilter(watch)
        watch.deleteLater()

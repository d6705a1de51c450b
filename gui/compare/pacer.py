"""Spreads the columns' streamed updates over time, so that their repaints do not all land at once.

Every column's transcript repaints at most about 30 times a second. Columns that stream together would
otherwise repaint in the same event-loop turn, and with 4–6 columns the UI thread stalls for the sum of
their renders. The pacer holds each column's updates and hands them over one column per tick, in turn, so
each turn of the event loop renders about one column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

CYCLE_MS = 33
"""Every column gets its updates about this often: the transcript's own repaint interval."""


class ColumnPacer(QObject):
    """`push(column, update)` holds an update; `deliver(column, update)` receives it later, in order."""

    def __init__(self, deliver: Callable[[int, Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._pending: dict[int, list[Any]] = {}
        self._next = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def push(self, column: int, update: Any) -> None:
        self._pending.setdefault(column, []).append(update)
        if not self._timer.isActive():
            # The first update of a quiet spell goes at once: nothing to spread yet.
            self._timer.start(max(1, CYCLE_MS // max(1, len(self._pending))))
            self.flush(column)

    def flush(self, column: int) -> None:
        """Hand over the column's held updates now (before its reply ends, or when it is cleared)."""
        for update in self._pending.pop(column, []):
            self._deliver(column, update)

    def drop(self, column: int | None = None) -> None:
        """Forget held updates: one column's, or all."""
        if column is None:
            self._pending.clear()
        else:
            self._pending.pop(column, None)

    def _tick(self) -> None:
        waiting = sorted(self._pending)
        if not waiting:
            self._timer.stop()
            return
        column = next((c for c in waiting if c >= self._next), waiting[0])
        self._next = column + 1
        self.flush(column)
        # Counted from now, after the work: other events (input, paint) get their turn before the next column.
        self._timer.start(max(1, CYCLE_MS // len(waiting)))

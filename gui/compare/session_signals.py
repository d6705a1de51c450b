"""The bridge from the compare session (plain asyncio) to Qt signals the compare view connects to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.model.compare_run import ColumnMetrics
from core.model.conversation import StoredMessage
from core.model.tools import ToolRun
from core.wire.accumulate import StreamUpdate


class CompareSignals(QObject):
    """Implements core.compare.session.CompareEvents by emitting signals."""

    columnStarted = Signal(int, int, object)
    """(run id, column index, the new reply: StoredMessage)"""
    columnUpdated = Signal(int, int, object)
    """(run id, column index, StreamUpdate)"""
    columnFinished = Signal(int, int, object, object)
    """(run id, column index, the stored reply: StoredMessage, ColumnMetrics)"""
    toolRunChanged = Signal(int, int, int, object)
    """(run id, column index, the id of the reply holding the tool call, ToolRun)"""

    def column_started(self, run_id: int, column: int, reply: StoredMessage) -> None:
        self.columnStarted.emit(run_id, column, reply)

    def column_updated(self, run_id: int, column: int, update: StreamUpdate) -> None:
        self.columnUpdated.emit(run_id, column, update)

    def column_finished(
        self, run_id: int, column: int, message: StoredMessage, metrics: ColumnMetrics
    ) -> None:
        self.columnFinished.emit(run_id, column, message, metrics)

    def tool_run_changed(self, run_id: int, column: int, reply_id: int, run: ToolRun) -> None:
        self.toolRunChanged.emit(run_id, column, reply_id, run)

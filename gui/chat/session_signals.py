"""The bridge from the chat session (plain asyncio) to Qt signals the window connects to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.model.conversation import StoredMessage
from core.model.tools import ToolRun
from core.wire.accumulate import StreamUpdate
from core.wire.errors import ApiError


class ChatSignals(QObject):
    """Implements core.chat.session.ChatEvents by emitting signals, so views stay unaware of asyncio."""

    replyStarted = Signal(list, object)
    """(the path up to the reply's parent: list[StoredMessage], the new reply: StoredMessage)"""
    replyUpdated = Signal(int, object)
    """(reply id, StreamUpdate)"""
    replyRetrying = Signal(int, object, float, int)
    """(reply id, ApiError, seconds to wait, retry number)"""
    replyFinished = Signal(object)
    conversationChanged = Signal(int)
    toolRunChanged = Signal(int, object)
    """(the id of the reply holding the tool call, ToolRun): approval asked, started, progress, ended"""

    def reply_started(self, path: list[StoredMessage], message: StoredMessage) -> None:
        self.replyStarted.emit(path, message)

    def reply_updated(self, message_id: int, update: StreamUpdate) -> None:
        self.replyUpdated.emit(message_id, update)

    def reply_retrying(self, message_id: int, error: ApiError, wait: float, attempt: int) -> None:
        self.replyRetrying.emit(message_id, error, wait, attempt)

    def reply_finished(self, message: StoredMessage) -> None:
        self.replyFinished.emit(message)

    def conversation_changed(self, conversation_id: int) -> None:
        self.conversationChanged.emit(conversation_id)

    def tool_run_changed(self, reply_id: int, run: ToolRun) -> None:
        self.toolRunChanged.emit(reply_id, run)

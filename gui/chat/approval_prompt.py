"""Asking the user before a tool runs: a panel in the window (not a modal dialog, so the window stays usable)
showing the server, the tool, its arguments as formatted JSON and the server's annotations, with Allow / Deny
and how long the answer holds (this call, this conversation, always).

Enter allows, Esc denies while the panel has the focus (it takes it when a call waits, and gives it back when
none is left). Calls that wait together (the model asked for several, or two conversations ask at once)
queue: one shows at a time, with how many wait. A call whose loop is stopped meanwhile leaves the queue.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.chat.tool_loop import ApprovalAnswer, ApprovalRequest
from core.model.tools import Decision, Scope, ToolAnnotations

_ARGUMENT_LINES = 10
"""The arguments box grows with them up to this many lines, then scrolls."""
_ARGUMENT_CHARS = 20_000
"""Arguments longer than this are shown cut (the call still gets them whole)."""


@dataclass
class _Pending:
    request: ApprovalRequest
    answer: asyncio.Future[ApprovalAnswer]


class ApprovalPrompt(QFrame):
    """Implements core.chat.tool_loop.ToolApprover for the window.

    `current_conversation` says which conversation the window shows, so a call from another one says so.
    The app makes the prompt before the window (the chat session is given it), and the window places it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.current_conversation: Callable[[], int | None] = lambda: None
        self._queue: list[_Pending] = []
        self._focus_before: QWidget | None = None

        self.heading = QLabel(self)
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.waiting = QLabel(self)
        self.tool_label = QLabel(self)
        self.tool_label.setWordWrap(True)
        self.tool_label.setTextFormat(Qt.TextFormat.PlainText)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.arguments = QPlainTextEdit(self)
        self.arguments.setReadOnly(True)
        self.arguments.setTabChangesFocus(True)
        self.arguments.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.annotations = QLabel(self)
        self.annotations.setWordWrap(True)
        self.annotations.setTextFormat(Qt.TextFormat.PlainText)
        self.scope = QComboBox(self)
        for scope in (Scope.ONCE, Scope.CONVERSATION, Scope.ALWAYS):
            self.scope.addItem("", scope)
        self.allow_button = QPushButton(self)
        self.allow_button.setObjectName("approvalAllow")
        self.allow_button.setDefault(True)
        self.allow_button.clicked.connect(lambda: self._answer(Decision.ALLOW))
        self.deny_button = QPushButton(self)
        self.deny_button.setObjectName("approvalDeny")
        self.deny_button.clicked.connect(lambda: self._answer(Decision.DENY))

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.waiting)
        buttons = QHBoxLayout()
        self.scope_label = QLabel(self)
        self.scope_label.setBuddy(self.scope)
        buttons.addWidget(self.scope_label)
        buttons.addWidget(self.scope)
        buttons.addStretch(1)
        buttons.addWidget(self.deny_button)
        buttons.addWidget(self.allow_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tool_label)
        layout.addWidget(self.description)
        self.arguments_label = QLabel(self)
        self.arguments_label.setBuddy(self.arguments)
        layout.addWidget(self.arguments_label)
        layout.addWidget(self.arguments)
        layout.addWidget(self.annotations)
        layout.addLayout(buttons)
        for control in (self.arguments, self.scope, self.allow_button, self.deny_button):
            control.installEventFilter(self)
        QWidget.setTabOrder(self.allow_button, self.deny_button)
        QWidget.setTabOrder(self.deny_button, self.scope)
        QWidget.setTabOrder(self.scope, self.arguments)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Tool approval"))
        self.heading.setText(self.tr("Claude wants to run a tool"))
        self.arguments_label.setText(self.tr("Arguments:"))
        self.arguments.setAccessibleName(self.tr("Arguments"))
        self.arguments.setAccessibleDescription(self.tr("What the tool will be given, as JSON"))
        self.scope_label.setText(self.tr("Remember:"))
        labels = {
            Scope.ONCE: self.tr("Just this call"),
            Scope.CONVERSATION: self.tr("For this conversation"),
            Scope.ALWAYS: self.tr("Always"),
        }
        for index in range(self.scope.count()):
            self.scope.setItemText(index, labels[self.scope.itemData(index)])
        self.scope.setAccessibleName(self.tr("Remember the answer"))
        self.scope.setAccessibleDescription(
            self.tr("How long the answer holds; remembered answers are listed in Tools → Permissions…")
        )
        self.allow_button.setText(self.tr("Allow"))
        self.allow_button.setAccessibleDescription(self.tr("Run the tool (Enter)"))
        self.deny_button.setText(self.tr("Deny"))
        self.deny_button.setAccessibleDescription(
            self.tr("Do not run it; the model is told you declined (Esc)")
        )
        if self._queue:
            self._show_first()

    # --- ToolApprover -----------------------------------------------------------------------------------

    async def approve(self, request: ApprovalRequest) -> ApprovalAnswer:
        """Wait for the user's answer to one call; cancelling the waiting task takes it off the queue."""
        pending = _Pending(request, asyncio.get_running_loop().create_future())
        self._queue.append(pending)
        if len(self._queue) == 1:
            self._focus_before = QApplication.focusWidget()
            self._show_first()
            self.show()
            self.allow_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._show_count()
        try:
            return await pending.answer
        finally:
            if pending in self._queue:  # cancelled (Stop) before an answer
                self._remove(pending)

    def pending(self) -> list[ApprovalRequest]:
        """The calls waiting for an answer, the one shown first."""
        return [item.request for item in self._queue]

    # --- showing -----------------------------------------------------------------------------------------

    def _show_first(self) -> None:
        request = self._queue[0].request
        spec = request.spec
        text = self.tr("Tool: {tool}    Server: {server}").format(tool=spec.name, server=spec.server)
        if spec.annotations.title:
            text += f"\n{spec.annotations.title}"
        if request.conversation_id is not None and request.conversation_id != self.current_conversation():
            text += "\n" + self.tr("(asked in another conversation)")
        self.tool_label.setText(text)
        self.description.setText(spec.description)
        self.description.setVisible(bool(spec.description))
        self.arguments.setPlainText(_formatted(request.arguments))
        # As tall as the arguments (up to ten lines, then it scrolls): the transcript keeps the room.
        lines = min(self.arguments.document().lineCount(), _ARGUMENT_LINES)
        margins = self.arguments.contentsMargins()
        chrome = 2 * self.arguments.frameWidth() + margins.top() + margins.bottom()
        chrome += int(2 * self.arguments.document().documentMargin()) + 4
        spacing = self.arguments.fontMetrics().lineSpacing()
        self.arguments.setFixedHeight(lines * spacing + chrome)
        self.annotations.setText(self._annotations_text(spec.annotations, request.trusted))
        self.scope.setCurrentIndex(0)
        self._show_count()

    def _show_count(self) -> None:
        waiting = len(self._queue) - 1
        self.waiting.setText(self.tr("%n more waiting", "", waiting) if waiting else "")

    def _annotations_text(self, annotations: ToolAnnotations, trusted: bool) -> str:
        hints = []
        if annotations.read_only is not None:
            hints.append(self.tr("read-only") if annotations.read_only else self.tr("changes things"))
        if annotations.destructive is not None:
            hints.append(self.tr("destructive") if annotations.destructive else self.tr("not destructive"))
        if annotations.idempotent:
            hints.append(self.tr("same result when repeated"))
        if annotations.open_world is not None:
            hints.append(
                self.tr("reaches outside (the web, other systems)")
                if annotations.open_world
                else self.tr("stays within its own data")
            )
        if not hints:
            return self.tr("The server says nothing about what this tool does to your data.")
        separator = self.tr(", ", "between the server's hints about a tool")
        text = self.tr("The server says: {hints}.").format(hints=separator.join(hints))
        if not trusted:
            text += " " + self.tr("Hints only: you have not marked this server as trusted.")
        return text

    # --- answering ---------------------------------------------------------------------------------------

    def _answer(self, decision: Decision) -> None:
        if not self._queue:
            return
        pending = self._queue[0]
        scope = self.scope.currentData()
        self._remove(pending)
        if not pending.answer.done():
            pending.answer.set_result(ApprovalAnswer(decision, Scope(scope)))

    def _remove(self, pending: _Pending) -> None:
        first = self._queue[0] is pending
        self._queue.remove(pending)
        if not self._queue:
            focused = QApplication.focusWidget()
            had_focus = focused is not None and self.isAncestorOf(focused)
            self.hide()
            before, self._focus_before = self._focus_before, None
            if had_focus and before is not None and before.isVisible():
                before.setFocus(Qt.FocusReason.OtherFocusReason)
        elif first:
            self._show_first()
            self.allow_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._show_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter allows and Esc denies from any control of the panel; the window's own Esc (Stop) and the
        composer's Enter do not take these keys while the panel has the focus."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape) and not event.modifiers() & (
                ~Qt.KeyboardModifier.KeypadModifier
            ):
                if event.type() is QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                if watched is self.scope and self.scope.view().isVisible():
                    return False
                if key == Qt.Key.Key_Escape:
                    self._answer(Decision.DENY)
                elif watched is self.deny_button:
                    self._answer(Decision.DENY)  # Enter on a focused Deny presses it
                else:
                    self._answer(Decision.ALLOW)
                return True
        return super().eventFilter(watched, event)


def _formatted(arguments: Mapping[str, Any]) -> str:
    text = json.dumps(dict(arguments), indent=2, ensure_ascii=False, default=str)
    return text if len(text) <= _ARGUMENT_CHARS else text[: _ARGUMENT_CHARS - 1] + "…"

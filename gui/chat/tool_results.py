"""Answering the model's tool calls: one result box per call, each can be marked as an error."""

from __future__ import annotations

import json
from typing import cast

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation import StoredMessage
from core.model.messages import ToolResult, ToolUseBlock


class ToolResultsDialog(QDialog):
    def __init__(self, reply: StoredMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply to the tool calls"))
        self._fields: list[tuple[str, QPlainTextEdit, QCheckBox]] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Type or paste each tool's result (JSON or text); the model then continues."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for block in reply.content:
            if block.get("type") != "tool_use":
                continue
            call_id = str(cast(ToolUseBlock, block)["id"])  # a tool_use block: its type was just checked
            box = QGroupBox(str(block.get("name")), self)
            inner = QVBoxLayout(box)
            call = QLabel(json.dumps(block.get("input"), ensure_ascii=False, indent=1), box)
            call.setWordWrap(True)
            result = QPlainTextEdit(box)
            result.setObjectName(f"result_{call_id}")
            result.setTabChangesFocus(True)
            result.setAccessibleDescription(self.tr("The tool's result, as JSON or text"))
            is_error = QCheckBox(self.tr("Mark as error"), box)
            is_error.setAccessibleDescription(self.tr("Tells the model the tool failed"))
            inner.addWidget(call)
            inner.addWidget(result)
            inner.addWidget(is_error)
            layout.addWidget(box)
            self._fields.append((call_id, result, is_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send results"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def results(self) -> list[ToolResult]:
        return [
            ToolResult(tool_use_id, editor.toPlainText(), is_error.isChecked())
            for tool_use_id, editor, is_error in self._fields
        ]

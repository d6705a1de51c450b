"""Editing an earlier message of the user's: the new text becomes a new version, the old one stays."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.model.branching import editable_text, edited_content
from core.model.conversation import StoredMessage
from core.model.messages import ContentBlock


class EditMessageDialog(QDialog):
    def __init__(self, message: StoredMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message = message
        self.setWindowTitle(self.tr("Edit message"))
        self.resize(560, 320)
        intro = QLabel(
            self.tr(
                "Sending makes this a new version of the message and asks for a new reply. "
                "The current version and everything after it are kept: switch between versions with ‹ ›."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(editable_text(message.content), self)
        self.editor.setObjectName("editMessageEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.setAccessibleDescription(self.tr("The new version's text; Ctrl+Enter sends it"))
        others = sum(1 for block in message.content if block.get("type") != "text")
        kept = QLabel(self.tr("Its %n attachment(s) are sent again with it.", "", others), self)
        kept.setVisible(others > 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send as a new version"))
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._send_if_possible)
        self.editor.textChanged.connect(self._update_send)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(kept)
        layout.addWidget(self.buttons)
        self._update_send()
        self.editor.setFocus()

    def content(self) -> list[ContentBlock]:
        """The new version: the edited text, with the message's attachments where they were."""
        return edited_content(self._message.content, self.editor.toPlainText())

    def _update_send(self) -> None:
        self.send_button.setEnabled(bool(self.content()))

    def _send_if_possible(self) -> None:
        if self.send_button.isEnabled():
            self.accept()

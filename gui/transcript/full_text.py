"""A turn's whole text, plain, for one too long to show in the transcript (see turn_html.SHOWN_CHARS).

QPlainTextEdit lays out only the lines in view, so even tens of megabytes open in about a second and
scroll freely, where the transcript's rich text would take minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from core.model.conversation import StoredMessage
from gui.widgets.screen_fit import fit_to_screen


class FullTextDialog(QDialog):
    def __init__(self, message: StoredMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Whole text"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Whole text"))
        self.text.setAccessibleDescription(self.tr("The message's whole text and thinking, read-only"))
        self.text.setPlainText(whole_text(message))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 700))  # smaller on a small screen


def whole_text(message: StoredMessage) -> str:
    """The turn's text and thinking, as stored, one block after another."""
    parts = [str(block.get("text") or block.get("thinking") or "") for block in message.content]
    return "\n\n".join(part for part in parts if part)

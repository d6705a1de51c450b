"""Copy a whole message from its right-click menu: as the Markdown it was written in, or as plain text.

A message's words are its text blocks (thinking, tool calls and attachments are not what it says). The
Markdown is those texts as stored, joined by a blank line; the plain text is that Markdown as Qt's own
Markdown reader lays it out (no `**`, `#` or fences; list items and table cells kept as text).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QMenu

from core.model.conversation import StoredMessage


def markdown_source(message: StoredMessage) -> str:
    return joined([str(block.get("text") or "") for block in message.content if block.get("type") == "text"])


def joined(texts: list[str]) -> str:
    return "\n\n".join(text for text in texts if text)


def plain_text(markdown: str) -> str:
    document = QTextDocument()
    document.setMarkdown(markdown)
    return document.toPlainText().strip()


def add_copy_actions(menu: QMenu, source: str) -> None:
    """ "Copy message as Markdown" and "Copy message as plain text" of a message's Markdown `source`
    (disabled for a message with no text)."""
    menu.addSeparator()
    for text, tip, copied in (
        (
            QCoreApplication.translate("MessageCopy", "Copy message as Markdown"),
            QCoreApplication.translate("MessageCopy", "The whole message's text, with its Markdown marks"),
            lambda: source,
        ),
        (
            QCoreApplication.translate("MessageCopy", "Copy message as plain text"),
            QCoreApplication.translate("MessageCopy", "The whole message's text, without Markdown marks"),
            lambda: plain_text(source),
        ),
    ):
        action = menu.addAction(text)
        action.setToolTip(tip)
        action.setEnabled(bool(source))
        action.triggered.connect(lambda _checked=False, c=copied: QGuiApplication.clipboard().setText(c()))

"""The raw request and response of a reply, as they went over the wire (key redacted), in two tabs."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.wire.exchange import MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, Exchange
from core.wire.exchange_text import ExchangeText
from gui.widgets.screen_fit import fit_to_screen


class RawExchangeDialog(QDialog):
    """Read-only, monospace. "Copy" puts the tab on screen on the clipboard."""

    def __init__(self, exchange: Exchange, text: ExchangeText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raw request and response"))
        fit_to_screen(self, QSize(820, 640))  # smaller on a small screen
        layout = QVBoxLayout(self)
        notes = self._notes(exchange)
        if notes:
            note = QLabel(" ".join(notes), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.tabs = QTabWidget(self)
        self.request = self._page(text.request_head + "\n" + self._request_body(exchange, text))
        self.response = self._page(self._response(exchange, text))
        self.tabs.addTab(self.request, self.tr("Request"))
        self.request.setAccessibleName(self.tr("Request"))
        self.request.setAccessibleDescription(self.tr("The request as it was sent, the key redacted"))
        self.response.setAccessibleName(self.tr("Response"))
        self.response.setAccessibleDescription(self.tr("The response as it was received"))
        self.tabs.addTab(self.response, self.tr("Response"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_current)
        self.copy_button.setAccessibleDescription(self.tr("Copies the tab shown"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_current(self) -> None:
        page = self.tabs.currentWidget()
        assert isinstance(page, QPlainTextEdit)
        QGuiApplication.clipboard().setText(page.toPlainText())

    def _page(self, text: str) -> QPlainTextEdit:
        page = QPlainTextEdit(self)
        page.setReadOnly(True)
        page.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        page.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        page.setPlainText(text)
        return page

    def _notes(self, exchange: Exchange) -> list[str]:
        notes = []
        if exchange.reconstructed:
            notes.append(
                self.tr(
                    "This reply was sent before Triptych recorded requests: the request below is rebuilt "
                    "from the conversation and its current settings, and may differ from what was sent."
                )
            )
        notes.append(self.tr("The API key is shown as [REDACTED]."))
        return notes

    def _request_body(self, exchange: Exchange, text: ExchangeText) -> str:
        if exchange.request_kept:
            return text.request_body
        return self.tr("(The body was larger than {megabytes} MB and was not kept.)").format(
            megabytes=MAX_REQUEST_BYTES // 2**20
        )

    def _response(self, exchange: Exchange, text: ExchangeText) -> str:
        if exchange.status is None:
            return self.tr("(No response was recorded.)")
        response = text.response_head + "\n" + text.response_body
        if exchange.response_truncated:
            response += "\n" + self.tr("(Only the first {megabytes} MB of {size} bytes were kept.)").format(
                megabytes=MAX_RESPONSE_BYTES // 2**20, size=f"{exchange.response_bytes:,}"
            )
        return response

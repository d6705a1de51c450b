"""A JSON text box that checks the text as the user types and points at the line of the first mistake.

The box only judges the JSON syntax and the top-level shape (a list or an object); what the values mean is
`core.wire.validation`'s job.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

Shape = Literal["list", "object", "any"]

ERROR_COLOR = "#d93025"
WARNING_COLOR = "#b06000"  # amber, readable on light and dark backgrounds
# Translucent, so the mark reads on light and dark palettes alike.
_ERROR_LINE = QColor(217, 48, 37, 50)


class JsonEdit(QWidget):
    """A monospace JSON editor with an inline error line.

    An empty box means "no value" (`value()` is None). While the text is not valid, `value()` keeps the last
    valid value and `error()` says what is wrong, where.

    Signals:
        valueChanged: the text changed (valid or not).
    """

    valueChanged = Signal()

    def __init__(self, shape: Shape = "any", placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shape = shape
        self._value: Any = None
        self._error: str | None = None
        self.editor = QPlainTextEdit(self)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlaceholderText(placeholder)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        self.editor.textChanged.connect(self._reparse)

    def value(self) -> Any:
        return self._value

    def error(self) -> str | None:
        return self._error

    def set_value(self, value: Any) -> None:
        """Show a value, pretty-printed; None empties the box."""
        text = "" if value is None else json.dumps(value, indent=2, ensure_ascii=False)
        self.editor.setPlainText(text)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def _reparse(self) -> None:
        text = self.editor.toPlainText()
        line: int | None = None
        if not text.strip():
            self._value, self._error = None, None
        else:
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as error:
                line = error.lineno
                self._error = self.tr("Line {line}, column {column}: {problem}.").format(
                    line=error.lineno, column=error.colno, problem=error.msg
                )
            else:
                self._error = self._shape_error(parsed)
                if self._error is None:
                    self._value = parsed
                else:
                    line = 1
        self._show_error(line)
        self.valueChanged.emit()

    def _shape_error(self, parsed: Any) -> str | None:
        if self._shape == "list" and not isinstance(parsed, list):
            return self.tr("This must be a JSON list, like [ {…}, {…} ].")
        if self._shape == "object" and not isinstance(parsed, dict):
            return self.tr('This must be a JSON object, like { "key": … }.')
        return None

    def _show_error(self, line: int | None) -> None:
        self.error_label.setText(self._error or "")
        self.error_label.setVisible(self._error is not None)
        selections: list[QTextEdit.ExtraSelection] = []
        if line is not None:
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(_ERROR_LINE)
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            block = self.editor.document().findBlockByNumber(line - 1)
            mark.cursor = QTextCursor(block)
            selections.append(mark)
        self.editor.setExtraSelections(selections)

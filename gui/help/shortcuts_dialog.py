"""Help -> Keyboard shortcuts: every shortcut the window defines (read from its actions when the dialog
opens), then the keys the text boxes and lists understand themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.help.shortcuts import window_shortcuts


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget, *, enter_sends: bool) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 560)
        rows = [(shortcut.action, shortcut.keys_text()) for shortcut in window_shortcuts(window)]
        rows += self._typing_keys(enter_sends)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(self.tr("Each action and the keys that do it"))
        for row, (action, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(action))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        note = QLabel(self.tr("Tab and Shift+Tab move between controls, out of text boxes too."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as shown."""
        return [(self._cell(row, 0), self._cell(row, 1)) for row in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _typing_keys(self, enter_sends: bool) -> list[tuple[str, str]]:
        """Keys handled by the controls themselves rather than by actions."""
        send, new_line = ("Enter", "Shift+Enter") if enter_sends else ("Ctrl+Enter", "Enter")
        return [
            (self.tr("Send the message (in the composer)"), send),
            (self.tr("New line (in the composer)"), new_line),
            (self.tr("Next control / previous control"), "Tab / Shift+Tab"),
            (self.tr("Rename the conversation (in the list)"), "F2"),
            (self.tr("Follow the link in the transcript that has the focus"), "Enter"),
            (self.tr("Open the menu of what has the focus (copy a message, copy as cURL…)"), "Menu"),
        ]

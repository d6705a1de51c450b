"""A small table of names and values (a server's environment variables or HTTP headers), each value with a
"secret" tick. A secret's saved value is never shown back: its row stays empty, saying the keyring holds it,
and only a value typed there replaces it."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class KeyValueRow:
    name: str
    value: str
    secret: bool
    kept: bool
    """A secret whose value is in the keyring and was not retyped here."""


class KeyValueTable(QWidget):
    """Signals:
    changed: a row was added, removed or edited.
    """

    changed = Signal()

    def __init__(
        self, name_placeholder: str, name: str, description: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._name_placeholder = name_placeholder
        self._saved_secrets: set[str] = set()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value"), self.tr("Secret")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.setAccessibleName(name)
        self.table.setAccessibleDescription(description)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setAccessibleDescription(self.tr("Adds a row to fill in"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleDescription(self.tr("Removes the selected row"))
        self.add_button.clicked.connect(lambda: self.add_row("", "", secret=False))
        self.remove_button.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, values: Mapping[str, str], secret_names: Collection[str]) -> None:
        """Show `values`; those named in `secret_names` are in the keyring, so their value is not shown."""
        self.table.setRowCount(0)
        self._saved_secrets = {name for name in values if name in secret_names}
        for name, value in values.items():
            secret = name in secret_names
            self.add_row(name, "" if secret else value, secret=secret)

    def add_row(self, name: str, value: str, *, secret: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_edit = QLineEdit(name, self.table)
        name_edit.setPlaceholderText(self._name_placeholder)
        name_edit.setAccessibleName(self.tr("Name"))
        value_edit = QLineEdit(value, self.table)
        value_edit.setAccessibleName(self.tr("Value"))
        tick = QCheckBox(self.table)
        tick.setAccessibleName(self.tr("Secret"))
        tick.setToolTip(self.tr("Kept in the system keyring, not in Triptych's database"))
        tick.setChecked(secret)
        self.table.setCellWidget(row, 0, name_edit)
        self.table.setCellWidget(row, 1, value_edit)
        self.table.setCellWidget(row, 2, tick)
        self._show_secret(value_edit, tick.isChecked(), name)
        tick.toggled.connect(lambda checked: self._show_secret(value_edit, checked, name_edit.text()))
        for signal in (name_edit.textChanged, value_edit.textChanged, tick.toggled):
            signal.connect(self.changed)
        if not name:
            name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _show_secret(self, value_edit: QLineEdit, secret: bool, name: str) -> None:
        value_edit.setEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
        if secret and name in self._saved_secrets:
            value_edit.setPlaceholderText(self.tr("Kept in the keyring; type to replace"))
        else:
            value_edit.setPlaceholderText("")

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def rows(self) -> list[KeyValueRow]:
        found = []
        for row in range(self.table.rowCount()):
            name_edit, value_edit, tick = (self.table.cellWidget(row, column) for column in range(3))
            assert isinstance(name_edit, QLineEdit) and isinstance(value_edit, QLineEdit)
            assert isinstance(tick, QCheckBox)
            name, value, secret = name_edit.text().strip(), value_edit.text(), tick.isChecked()
            if not name and not value:
                continue  # an empty row added and left: nothing to keep
            kept = secret and not value and name in self._saved_secrets
            found.append(KeyValueRow(name, value, secret, kept))
        return found

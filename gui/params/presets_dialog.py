"""Manage presets: rename one in place (F2 or double-click), delete one. A view: it says what the user asked
for and shows the list it is handed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.model.preset import Preset


class PresetsDialog(QDialog):
    """Signals: renameRequested(int, str), deleteRequested(int)."""

    renameRequested = Signal(int, str)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetsDialog")
        self.list = QListWidget(self)
        self.list.itemChanged.connect(self._edited)
        self.rename_button = QPushButton(self)
        self.rename_button.clicked.connect(self._rename_current)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self._delete_current)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.retranslate()
        self.resize(360, 320)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Presets"))
        self.list.setAccessibleName(self.tr("Saved presets"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))

    def set_presets(self, presets: list[Preset]) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for preset in presets:
            item = QListWidgetItem(preset.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, preset.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if preset.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._update_buttons()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _edited(self, item: QListWidgetItem) -> None:
        name = item.text().strip()
        if name:
            self.renameRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)), name)

    def _delete_current(self) -> None:
        preset_id = self.current_id()
        if preset_id is not None:
            self.deleteRequested.emit(preset_id)

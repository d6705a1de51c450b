"""The grid's columns: a list of settings variants, each edited with the compare window's settings dialog and
made in sets from its presets, each named by what sets it apart from the others."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.model.compare_run import MAX_COLUMNS
from core.model.grid import GridVariant
from core.model.preset import Preset
from core.model.request_settings import RequestSettings
from gui.compare.column import ColumnSettingsDialog
from gui.compare.presets_menu import PresetsMenu
from gui.grid.names import variant_names
from gui.widgets.column_scroll import grow_only
from gui.widgets.menu_button import MenuButton

MAX_VARIANTS = MAX_COLUMNS
"""As many columns as the compare window allows: past six, no table of outputs stays readable."""


class VariantsEditor(QWidget):
    """Signals: changed(): the variants changed."""

    changed = Signal()

    def __init__(
        self,
        base: GridVariant,
        profile_names: list[str],
        saved_presets: list[Preset],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._base = base
        self._profile_names = profile_names
        self.variants: list[GridVariant] = [base]
        self.dialog: ColumnSettingsDialog | None = None
        self.list = QListWidget(self)
        self.list.setMaximumHeight(120)
        grow_only(self.list, self.list.minimumSizeHint().height())
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.presets_button = MenuButton(self)
        self.presets = PresetsMenu(self._first_settings, self)
        self.presets.set_saved(saved_presets)
        self.presets_button.setMenu(self.presets)
        self.presets.chosen.connect(self._use_settings)
        self.presets.savedChosen.connect(self._use_presets)
        self.presets.savedAdded.connect(
            lambda preset: self.add(GridVariant(preset.profile_name, preset.settings))
        )
        self.add_button.clicked.connect(self._add_copy)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.presets_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.retranslate()
        self._show()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Variants"))
        self.list.setAccessibleDescription(
            self.tr("The grid's columns: each runs every case with its own settings")
        )
        self.add_button.setText(self.tr("Add variant"))
        self.add_button.setAccessibleDescription(self.tr("Adds a copy of the selected variant"))
        self.edit_button.setText(self.tr("Edit settings…"))
        self.edit_button.setAccessibleDescription(
            self.tr("The selected variant's provider, model and parameters")
        )
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleDescription(self.tr("Removes the selected variant"))
        self.presets_button.setText(self.tr("Presets"))
        self.presets_button.setAccessibleName(self.tr("Presets"))
        self.presets_button.setAccessibleDescription(self.tr("Ready-made sets of variants"))
        self.presets.retranslate()

    def set_variants(self, variants: list[GridVariant]) -> None:
        self.variants = list(variants)[:MAX_VARIANTS]
        self._show()
        self.changed.emit()

    def names(self) -> list[str]:
        return variant_names(self.variants) if self.variants else []

    def add(self, variant: GridVariant) -> None:
        if len(self.variants) >= MAX_VARIANTS:
            return
        self.variants.append(variant)
        self._show(len(self.variants) - 1)
        self.changed.emit()

    def edit_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.variants):
            return
        variant = self.variants[row]
        self.dialog = ColumnSettingsDialog(variant.profile_name, variant.settings, self._profile_names, self)
        self.dialog.setWindowTitle(self.tr("Variant settings"))
        self.dialog.accepted.connect(lambda: self._edited(row))
        self.dialog.open()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.variants):
            del self.variants[row]
            self._show(min(row, len(self.variants) - 1))
            self.changed.emit()

    # --- inside -------------------------------------------------------------------------------------

    def _edited(self, row: int) -> None:
        dialog = self.dialog
        if dialog is None or row >= len(self.variants):
            return
        self.variants[row] = GridVariant(dialog.profile_name(), dialog.settings())
        self._show(row)
        self.changed.emit()

    def _first_settings(self) -> RequestSettings:
        return dataclasses.replace(self.variants[0].settings if self.variants else self._base.settings)

    def _first_profile(self) -> str | None:
        return self.variants[0].profile_name if self.variants else self._base.profile_name

    def _use_settings(self, settings: list[RequestSettings]) -> None:
        profile = self._first_profile()
        self.set_variants([GridVariant(profile, item) for item in settings])

    def _use_presets(self, presets: list[Preset]) -> None:
        self.set_variants([GridVariant(preset.profile_name, preset.settings) for preset in presets])

    def _add_copy(self) -> None:
        row = self.list.currentRow()
        source = self.variants[row] if 0 <= row < len(self.variants) else self._base
        self.add(GridVariant(source.profile_name, dataclasses.replace(source.settings)))

    def _show(self, current: int = 0) -> None:
        self.list.clear()
        self.list.addItems(self.names())
        if self.variants:
            self.list.setCurrentRow(max(0, current))
        self._enable()

    def _enable(self) -> None:
        selected = 0 <= self.list.currentRow() < len(self.variants)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.add_button.setEnabled(len(self.variants) < MAX_VARIANTS)

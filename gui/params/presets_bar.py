"""The top of the parameter panel: named presets (personas) to apply, save and manage, and the defaults a
new conversation starts from. A view: it says what the user asked for; `gui.preset_actions` does it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from core.model.preset import Preset
from gui.widgets.menu_button import MenuButton


class PresetsBar(QWidget):
    """Signals:
    applyRequested(int): apply the preset with this id to the conversation.
    saveRequested: save the current settings as a named preset (the name is asked).
    manageRequested: rename or delete presets.
    saveDefaultsRequested: new conversations start from the current settings from now on.
    resetRequested: the conversation's settings go back to the defaults.
    """

    applyRequested = Signal(int)
    saveRequested = Signal()
    manageRequested = Signal()
    saveDefaultsRequested = Signal()
    resetRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presets_button = MenuButton(self)
        self.presets_button.setObjectName("presetsButton")
        self.presets_menu = QMenu(self.presets_button)
        self.presets_button.setMenu(self.presets_menu)
        self.save_preset_action = QAction(self)
        self.save_preset_action.triggered.connect(self.saveRequested)
        self.manage_action = QAction(self)
        self.manage_action.triggered.connect(self.manageRequested)
        self.save_defaults_button = QToolButton(self)
        self.save_defaults_button.setObjectName("saveDefaultsButton")
        self.save_defaults_button.clicked.connect(self.saveDefaultsRequested)
        self.reset_button = QToolButton(self)
        self.reset_button.setObjectName("resetDefaultsButton")
        self.reset_button.clicked.connect(self.resetRequested)
        self.preset_actions: dict[int, QAction] = {}
        self._presets: list[Preset] = []
        self._empty = QAction(self)
        self._empty.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.presets_button)
        layout.addStretch(1)
        layout.addWidget(self.save_defaults_button)
        layout.addWidget(self.reset_button)
        self.retranslate()
        self.set_presets([])

    def retranslate(self) -> None:
        self.presets_button.setText(self.tr("Presets"))
        self.presets_button.setToolTip(self.tr("Named settings with a system prompt (personas)"))
        self.save_preset_action.setText(self.tr("Save as preset…"))
        self.manage_action.setText(self.tr("Manage presets…"))
        self.save_defaults_button.setText(self.tr("Save as default"))
        self.save_defaults_button.setToolTip(self.tr("New conversations start from these settings"))
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.reset_button.setToolTip(
            self.tr("Give this conversation the settings new conversations start from")
        )
        self._empty.setText(self.tr("No presets yet"))

    def set_presets(self, presets: list[Preset]) -> None:
        """The saved presets, by name, each applying itself when chosen."""
        self._presets = list(presets)
        self.presets_menu.clear()
        self.preset_actions = {}
        for preset in presets:
            action = self.presets_menu.addAction(preset.name)
            action.triggered.connect(lambda _checked=False, i=preset.id: self.applyRequested.emit(i))
            self.preset_actions[preset.id] = action
        if not presets:
            self.presets_menu.addAction(self._empty)
        self.presets_menu.addSeparator()
        self.presets_menu.addAction(self.save_preset_action)
        self.presets_menu.addAction(self.manage_action)
        self.manage_action.setEnabled(bool(presets))

    def presets(self) -> list[Preset]:
        return list(self._presets)

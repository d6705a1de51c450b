"""The compare view's Presets menu: ready-made column sets, each derived from the conversation's settings
by `core.compare.presets`, and the user's saved presets (the same list the parameter panel applies), each
as a column, or all of them side by side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from core.compare.presets import preset_family, preset_same, preset_temperatures, preset_thinking
from core.model.catalog import Family
from core.model.compare_run import MAX_COLUMNS
from core.model.preset import Preset
from core.model.request_settings import RequestSettings

FAMILIES: tuple[Family, ...] = ("opus", "sonnet", "haiku")


class PresetsMenu(QMenu):
    """Signals:
    chosen(list[RequestSettings]): the columns a ready-made set makes, through the conversation's profile.
    savedChosen(list[Preset]): the columns to make of saved presets, each with its own profile and settings.
    savedAdded(Preset): one more column, a saved preset's.
    """

    chosen = Signal(list)
    savedChosen = Signal(list)
    savedAdded = Signal(object)

    def __init__(self, base: Callable[[], RequestSettings], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = base
        self.family_menu = QMenu(self)
        makers: dict[str, Callable[[], list[RequestSettings]]] = {
            "same": lambda: preset_same(self._base(), 3),
            "temperature": lambda: preset_temperatures(self._base()),
            "thinking": lambda: preset_thinking(self._base()),
        }
        self.actions_by_key: dict[str, QAction] = {key: self._add(self, make) for key, make in makers.items()}
        self.addMenu(self.family_menu)
        for family in FAMILIES:
            self.actions_by_key[family] = self._add(self.family_menu, self._family_maker(family))
        self.saved_separator = self.addSeparator()
        self.saved_title = self.addSection("")
        self.all_saved_action = self.addAction("")
        self.all_saved_action.triggered.connect(lambda: self.savedChosen.emit(self._saved[:MAX_COLUMNS]))
        self.saved_actions: list[QAction] = []
        self._saved: list[Preset] = []
        self.retranslate()
        self.set_saved([])

    def set_saved(self, presets: list[Preset]) -> None:
        """The user's saved presets: "Add column: <name>" for each, and all of them as the columns."""
        for action in self.saved_actions:
            self.removeAction(action)
            action.deleteLater()
        self._saved = list(presets)
        self.saved_actions = []
        for preset in presets:
            action = self.addAction("")
            action.setData(preset.name)
            action.triggered.connect(lambda _checked=False, p=preset: self.savedAdded.emit(p))
            self.saved_actions.append(action)
        self.all_saved_action.setVisible(len(presets) >= 2)
        self.all_saved_action.setEnabled(len(presets) >= 2)
        self.saved_title.setVisible(bool(presets))
        self.saved_separator.setVisible(bool(presets))
        self._name_saved()

    def _name_saved(self) -> None:
        for action in self.saved_actions:
            action.setText(self.tr("Add column: {name}").format(name=action.data()))

    def _family_maker(self, family: Family) -> Callable[[], list[RequestSettings]]:
        return lambda: preset_family(self._base(), family)

    def _add(self, menu: QMenu, make: Callable[[], list[RequestSettings]]) -> QAction:
        action = menu.addAction("")
        action.triggered.connect(lambda _checked=False: self.chosen.emit(make()))
        return action

    def retranslate(self) -> None:
        self.actions_by_key["same"].setText(self.tr("Same settings ×3"))
        self.actions_by_key["temperature"].setText(self.tr("Temperature 0 / 0.5 / 1"))
        self.actions_by_key["thinking"].setText(self.tr("Thinking off / 4k / 16k"))
        self.family_menu.setTitle(self.tr("All models of a family"))
        self.actions_by_key["opus"].setText(self.tr("Opus"))
        self.actions_by_key["sonnet"].setText(self.tr("Sonnet"))
        self.actions_by_key["haiku"].setText(self.tr("Haiku"))
        self.saved_title.setText(self.tr("Saved presets"))
        self.all_saved_action.setText(self.tr("Every saved preset, side by side"))
        self._name_saved()

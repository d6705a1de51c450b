"""The View menu's preferences: the text size, theme, language and whether Enter sends. Each choice is
remembered in the settings; the text size applies here (`TextZoom`), the theme and the language are the
app's to apply (`choiceChanged`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.chat.composer import Composer
from gui.theme.zoom import TextZoom
from gui.transcript.view import TranscriptView


class PreferencesMenu(QObject):
    choiceChanged = Signal(str, str)
    """(setting, value) for the theme and language menus."""

    def __init__(
        self, menu: QMenu, settings: QSettings, composer: Composer, transcript: TranscriptView
    ) -> None:
        super().__init__(menu)
        self._settings = settings
        self._composer = composer
        self.zoom = TextZoom(settings, [transcript.browser, composer.editor], self)
        menu.addSeparator()
        # Ctrl+= is Ctrl++ without Shift on most keyboards; the platform's own zoom keys too.
        self.zoom_in_action = self._zoom_action(
            menu, self.zoom.zoom_in, "Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = self._zoom_action(
            menu, self.zoom.zoom_out, "Ctrl+-", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._zoom_action(menu, self.zoom.reset, "Ctrl+0")
        menu.addSeparator()
        self.theme_menu = menu.addMenu("")
        self.theme_actions = self._choice_actions(self.theme_menu, "theme", ["system", "light", "dark"])
        self.language_menu = menu.addMenu("")
        self.language_actions = self._choice_actions(
            self.language_menu, "language", ["system", "en", "zh_CN"]
        )
        self.enter_sends_action = QAction(menu, checkable=True, checked=composer.enter_sends)
        self.enter_sends_action.toggled.connect(self._set_enter_sends)
        menu.addAction(self.enter_sends_action)
        self.retranslate()

    def _choice_actions(self, menu: QMenu, key: str, values: list[str]) -> dict[str, QAction]:
        group = QActionGroup(menu)
        current = str(self._settings.value(key, "system"))
        actions = {}
        for value in values:
            action = QAction(menu, checkable=True, checked=value == current)
            action.triggered.connect(lambda _checked, v=value: self.choiceChanged.emit(key, v))
            group.addAction(action)
            menu.addAction(action)
            actions[value] = action
        return actions

    def _zoom_action(
        self, menu: QMenu, zoom: Callable[[], None], *keys: str | QKeySequence.StandardKey
    ) -> QAction:
        action = QAction(menu)
        sequences: list[QKeySequence] = []
        for key in keys:
            found = (
                QKeySequence.keyBindings(key)
                if isinstance(key, QKeySequence.StandardKey)
                else [QKeySequence(key)]
            )
            sequences.extend(sequence for sequence in found if sequence not in sequences)
        action.setShortcuts(sequences)
        action.triggered.connect(zoom)
        menu.addAction(action)
        return action

    def _set_enter_sends(self, enter_sends: bool) -> None:
        self._composer.enter_sends = enter_sends
        self._composer.retranslate()
        self._settings.setValue("enter_sends", enter_sends)

    def retranslate(self) -> None:
        self.zoom_in_action.setText(self.tr("Zoom in"))
        self.zoom_out_action.setText(self.tr("Zoom out"))
        self.zoom_reset_action.setText(self.tr("Actual size"))
        self.theme_menu.setTitle(self.tr("Theme"))
        self.theme_actions["system"].setText(self.tr("Follow the system"))
        self.theme_actions["light"].setText(self.tr("Light"))
        self.theme_actions["dark"].setText(self.tr("Dark"))
        self.language_menu.setTitle(self.tr("Language"))
        self.language_actions["system"].setText(self.tr("Follow the system"))
        self.language_actions["en"].setText("English")
        self.language_actions["zh_CN"].setText("简体中文")
        self.enter_sends_action.setText(self.tr("Enter sends (Shift+Enter for a new line)"))

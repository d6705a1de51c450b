"""Applying the user's theme choice ("system", "light" or "dark") to the whole app.

The choice is first asked of the platform (`QStyleHints.setColorScheme`: Windows, macOS and desktops with a
platform theme follow it), then made certain with the app's own palette, since Linux without a platform
theme ignores the request. "System" takes the platform's palette as it is, unless the platform says it is
dark and yet gives a light palette, in which case it gets the app's dark one; it follows the platform when
it changes its mind while the app runs. Every widget gets a PaletteChange, so the open transcript and the
compare window redraw in the new colours at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.theme.palettes import is_dark, palette

THEMES = ("system", "light", "dark")
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


class _Theme(QObject):
    """The choice in force, kept on the application so the platform's changes can be followed."""

    def __init__(self, qt_app: QApplication) -> None:
        super().__init__(qt_app)
        self.setObjectName("triptychTheme")
        self._app = qt_app
        self.choice = "system"
        self._applying = False
        qt_app.styleHints().colorSchemeChanged.connect(self._platform_changed)

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in THEMES else "system"
        self._applying = True
        try:
            self._app.styleHints().setColorScheme(_SCHEMES.get(self.choice, Qt.ColorScheme.Unknown))
        finally:
            self._applying = False
        self._set_palette()

    def _set_palette(self) -> None:
        if self.choice != "system":
            self._app.setPalette(palette(dark=self.choice == "dark"))
        else:
            # An empty palette resolves nothing: the app falls back to the platform's (or the style's) own.
            self._app.setPalette(QPalette())
            platform_dark = self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark
            if platform_dark and not is_dark(self._app.palette()):
                self._app.setPalette(palette(dark=True))
        _restyle_sheets(self._app)

    def _platform_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system" and not self._applying:
            self._set_palette()


def _restyle_sheets(qt_app: QApplication) -> None:
    """Widgets with a style sheet keep the palette they were polished with (a bold section header stayed
    dark in the light theme): setting the sheet again polishes them with the new one."""
    for widget in qt_app.allWidgets():
        if sheet := widget.styleSheet():
            widget.setStyleSheet(sheet)


def apply_theme(qt_app: QApplication, choice: str) -> None:
    """Give the app the palette of `choice` now; unknown choices mean "system"."""
    theme = qt_app.findChild(_Theme, "triptychTheme")
    if theme is None:
        theme = _Theme(qt_app)
    theme.apply(choice)


def current_theme(qt_app: QApplication) -> str:
    theme = qt_app.findChild(_Theme, "triptychTheme")
    return theme.choice if theme is not None else "system"

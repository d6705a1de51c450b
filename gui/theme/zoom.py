"""The text size of the transcript and the composer (View → Zoom in / Zoom out / Actual size), saved.

The size is kept as a number of one-point steps from each widget's own font (`text_zoom` in the settings),
not as a point size, so it stays relative to the platform's font. The transcript's rich text sizes its
headings, code and small print relative to the widget's font, so they all grow together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

SETTING = "text_zoom"
MIN_STEPS = -4
MAX_STEPS = 16
"""From a 10-point font: 6 to 26 points."""
STEP_POINTS = 1.0


class TextZoom(QObject):
    def __init__(self, settings: QSettings, widgets: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._widgets = [(widget, widget.font().pointSizeF()) for widget in widgets]
        self.steps = _saved_steps(settings.value(SETTING, 0))
        if self.steps:
            self._apply()

    def zoom_in(self) -> None:
        self._set(self.steps + 1)

    def zoom_out(self) -> None:
        self._set(self.steps - 1)

    def reset(self) -> None:
        self._set(0)

    def _set(self, steps: int) -> None:
        steps = max(MIN_STEPS, min(MAX_STEPS, steps))
        if steps == self.steps:
            return
        self.steps = steps
        self._settings.setValue(SETTING, steps)
        self._apply()

    def _apply(self) -> None:
        for widget, base in self._widgets:
            font = QFont(widget.font())
            font.setPointSizeF(max(1.0, base + self.steps * STEP_POINTS))
            widget.setFont(font)


def _saved_steps(value: object) -> int:
    """The saved number of steps; anything else (a hand-edited settings file) is the default size."""
    try:
        steps = int(str(value))
    except ValueError:
        return 0
    return max(MIN_STEPS, min(MAX_STEPS, steps))

"""A status notice goes away by itself: after a few seconds, longer for a longer text (an error's sentence
takes longer to read than "Copied"), or at once when the user clicks it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

BASE_SECONDS = 8.0
"""How long a short notice stays."""
SECONDS_PER_CHARACTER = 0.06
"""Added for each character: about the time it takes to read it, so a long error stays long enough."""
MAX_SECONDS = 60.0


class NoticeTimeout(QObject):
    """Hides `label` some time after each text it is `shown`; a click on the label hides it at once.

    `base_seconds` and `seconds_per_character` are attributes so a test can make the wait short."""

    def __init__(self, label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.base_seconds = BASE_SECONDS
        self.seconds_per_character = SECONDS_PER_CHARACTER
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.dismiss)
        label.installEventFilter(self)
        label.setToolTip(self.tr("Click to dismiss"))

    def shown(self, text: str) -> None:
        """The label now shows `text` (empty: nothing); its time starts over."""
        if text:
            self._timer.start(round(self.duration(text) * 1000))
        else:
            self._timer.stop()

    def duration(self, text: str) -> float:
        return min(MAX_SECONDS, self.base_seconds + self.seconds_per_character * len(text))

    def dismiss(self) -> None:
        self._timer.stop()
        self._label.clear()
        self._label.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._label and event.type() == QEvent.Type.MouseButtonRelease:
            self.dismiss()
        return False

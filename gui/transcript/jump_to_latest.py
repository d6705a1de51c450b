"""The "Jump to latest" button over the transcript: shown while new content arrives below a reader who
scrolled up (they are never pulled down); a click takes them to the end, which the view then follows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QToolButton

_MARGIN = 12


class JumpToLatest(QToolButton):
    """Floats at the bottom centre of a scroll area's viewport; hidden until `show_over()`."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area.viewport())
        self.setObjectName("jumpToLatest")
        self._viewport = area.viewport()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoRaise(False)
        self.hide()
        self._viewport.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Jump to latest"))
        self.setAccessibleName(self.text())
        self.setToolTip(self.tr("New text arrived below: go to the end and follow the reply"))
        self.adjustSize()
        self._place()

    def show_over(self) -> None:
        if not self.isVisible():
            self.adjustSize()
            self._place()
            self.show()
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _place(self) -> None:
        size = self.sizeHint()
        self.resize(size)
        self.move(
            max(0, (self._viewport.width() - size.width()) // 2),
            max(0, self._viewport.height() - size.height() - _MARGIN),
        )

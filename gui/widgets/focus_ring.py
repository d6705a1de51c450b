"""A visible focus ring around whichever control has the keyboard focus, in every window of the app.

Fusion marks focus faintly or not at all (a push button's outline barely changes, a list or a text box not
at all), so a keyboard user cannot tell where Tab went. One `QFocusFrame` follows the focus: Qt keeps it
around its widget as the widget moves or resizes, stacked under it in the same parent (so it is clipped by
a scroll area like the widget), and this subclass paints a ring in the palette's highlight colour, so it
follows the light and dark palettes and needs no style sheet (which would replace the style's drawing of
every control). It moves only when the focus changes: nothing runs per paint or per event elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QMenu, QMenuBar, QWidget

RING_WIDTH = 2
"""Pixels; the frame reaches this far outside its widget (see FocusRing.margin)."""


class FocusRing(QFocusFrame):
    """The ring: the frame's own area minus the widget it surrounds, painted in the highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 3, 3)


class FocusRings(QObject):
    """Moves the one ring to the widget that got the focus; one per application (see `install`)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRings")
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def install(app: QApplication) -> FocusRings:
        """The application's focus rings, made on the first call."""
        found = app.findChild(FocusRings, "focusRings")
        return found if isinstance(found, FocusRings) else FocusRings(app)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None or now.isWindow() or isinstance(now, (QMenu, QMenuBar)):
            if self.ring is not None:
                self.ring.setWidget(None)  # type: ignore[arg-type]  # None hides it; the stubs omit it
            return
        target = _control(now)
        if self.ring is None:
            # Made with a parent, so Qt owns it; it then lives in its widget's parent, and goes with it.
            self.ring = FocusRing(target)
            self.ring.destroyed.connect(self._ring_gone)
        self.ring.setWidget(target)

    def _ring_gone(self) -> None:
        self.ring = None


def _control(widget: QWidget) -> QWidget:
    """The control a user sees: a spin box rather than the line edit inside it that takes its focus."""
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow() and parent.focusProxy() is widget:
        widget, parent = parent, parent.parentWidget()
    return widget

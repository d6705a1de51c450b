"""A visible focus ring around whichever control has the keyboard focus, in every window of the app.

Fusion marks focus faintly or not at all (a push button's outline barely changes, a list or a text box not
at all), so a keyboard user cannot tell where Tab went. One `QFocusFrame` follows the focus: Qt keeps it
around its widget as the widget moves or resizes, in the widget's window (or in the viewport of the scroll
area it is in, so it scrolls and is clipped with it), and this subclass paints a ring in the palette's
highlight colour, so it follows the light and dark palettes and needs no style sheet (which would replace
the style's drawing of every control). The frame is stacked above the window's widgets (stacked under them,
under X, the ring around the transcript was hidden), and where a viewport cuts its outer edge the ring is
drawn just inside what can be seen. It moves only when the focus changes: nothing runs per paint or per
event elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

RING_WIDTH = 2
"""Pixels; the frame reaches this far outside its widget (see FocusRing.margin)."""


class _Above(QProxyStyle):
    """The frame's own style: the app's, but the frame is stacked above its widget, not under it."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        return super().styleHint(hint, option, widget, returnData)


class FocusRing(QFocusFrame):
    """The ring: the edge of the part of the frame its parent shows, in the highlight colour."""

    def __init__(self, parent: QWidget, style: QStyle) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setStyle(style)

    def paintEvent(self, _event: QPaintEvent) -> None:
        parent = self.parentWidget()
        shown = self.rect()
        if parent is not None:
            shown = shown.intersected(QRect(self.mapFromParent(QPoint(0, 0)), parent.size()))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(shown).adjusted(inset, inset, -inset, -inset), 3, 3)


class FocusRings(QObject):
    """Moves its window's ring to the widget that got the focus; one per application (see `install`).

    Each window has a ring of its own, its child, found again when needed and never held here: one ring
    held here and moved from window to window was taken down with a dialog deleted on close, and a later
    object at its address (a transcript's document) came back from PySide as "already deleted"."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRings")
        # One style for every ring, owned by the application: never collected on another thread.
        self._style = _Above()
        self._style.setParent(app)
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def install(app: QApplication) -> FocusRings:
        """The application's focus rings, made on the first call."""
        found = app.findChild(FocusRings, "focusRings")
        return found if isinstance(found, FocusRings) else FocusRings(app)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # `_old` may be half destroyed (a dialog deleted with the focus inside): it is never touched. So
        # each window keeps its ring on its own focus widget, the one that gets the focus back with it.
        if now is None or isinstance(now, (QMenu, QMenuBar)):
            return
        if now.isWindow():
            _hide(ring_of(now))
            return
        target = _control(now)
        ring = ring_of(target) or FocusRing(target.window(), self._style)
        ring.setWidget(target)


def ring_of(widget: QWidget) -> FocusRing | None:
    """The ring of the widget's window, if it has had one."""
    found = widget.window().findChild(FocusRing, "focusRing")
    return found if isinstance(found, FocusRing) else None


def _hide(ring: FocusRing | None) -> None:
    if ring is not None:
        ring.setWidget(None)  # type: ignore[arg-type]  # None hides it; the stubs omit it


def _control(widget: QWidget) -> QWidget:
    """The control a user sees: a spin box rather than the line edit inside it that takes its focus."""
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow() and parent.focusProxy() is widget:
        widget, parent = parent, parent.parentWidget()
    return widget

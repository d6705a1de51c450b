"""A column of fields that scrolls only when its window is lower than the fields need, so a tall form never
makes its window taller than a small screen (1280 × 800, 1024 × 700), and fills the room it has otherwise.

Qt's scroll area, resizing its content, asks a content holding word-wrapped labels for its height at the
column's width, and that height is the *preferred* one: every table at its preferred 192 pixels. So the form
scrolled even with room to spare. The fields that grow (tables, lists) are therefore given a preferred height
equal to their minimum (`grow_only`): the height asked for is then what the form truly needs, the wrapped
labels' lines included, and any room left over goes to the growing fields by their stretch.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QSizePolicy, QWidget


class ColumnScroll(QScrollArea):
    """`content` scrolled vertically, never horizontally: the column stays as wide as its fields need."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)

    def minimumSizeHint(self) -> QSize:
        # As wide as the fields need beside the scroll bar (a splitter cannot squeeze them), as low as the
        # scroll area itself: below the fields' height it scrolls.
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + bar + 2 * self.frameWidth(), super().minimumSizeHint().height())


def grow_only(view: QAbstractScrollArea, minimum_height: int) -> None:
    """Ask for no more height than `minimum_height` (see the module's note), but take any room given."""
    policy = view.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    view.setSizePolicy(policy)
    view.setMinimumHeight(minimum_height)

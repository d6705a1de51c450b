"""Two compare columns' replies side by side, word by word: what one has that the other has not.

The left reply shows its deleted words (struck through, red), the right one its inserted words (green);
`core.compare.word_diff` decides what changed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.compare.word_diff import DiffSpan, new_side, old_side, word_diff
from gui.widgets.screen_fit import fit_to_screen

DELETED = QColor("#f9c6c6")
INSERTED = QColor("#c4ecc4")
_INK = "#1d1d1f"
"""Text on the highlights stays dark: the highlight colours are light in either theme."""


class WordDiffDialog(QDialog):
    """Pick two columns; their replies are shown with the words that differ highlighted.

    `choices` holds one (title, reply text) per column.
    """

    def __init__(
        self, choices: list[tuple[str, str]], first: int = 0, second: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self.setWindowTitle(self.tr("Word differences"))
        self.left_pick = QComboBox(self)
        self.right_pick = QComboBox(self)
        for title, _text in choices:
            self.left_pick.addItem(title)
            self.right_pick.addItem(title)
        self.left = QTextBrowser(self)
        self.right = QTextBrowser(self)
        self.summary = QLabel(self)
        self.left_pick.setAccessibleName(self.tr("Left column"))
        self.left_pick.setAccessibleDescription(
            self.tr("The reply shown on the left, with removed words marked")
        )
        self.right_pick.setAccessibleName(self.tr("Right column"))
        self.right_pick.setAccessibleDescription(
            self.tr("The reply shown on the right, with added words highlighted")
        )
        self.left.setAccessibleName(self.tr("Left reply"))
        self.left.setAccessibleDescription(self.tr("Words only in this reply are struck through"))
        self.right.setAccessibleName(self.tr("Right reply"))
        self.right.setAccessibleDescription(self.tr("Words only in this reply are highlighted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(self.left_pick, 0, 0)
        grid.addWidget(self.right_pick, 0, 1)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.right, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.left_pick.setCurrentIndex(first)
        self.right_pick.setCurrentIndex(second)
        self.left_pick.currentIndexChanged.connect(self.refresh)
        self.right_pick.currentIndexChanged.connect(self.refresh)
        fit_to_screen(self, QSize(1000, 700))  # smaller on a small screen
        self.refresh()

    def refresh(self) -> None:
        old = self._choices[self.left_pick.currentIndex()][1]
        new = self._choices[self.right_pick.currentIndex()][1]
        spans = word_diff(old, new)
        self.left.setHtml(_spans_html(old_side(spans)))
        self.right.setHtml(_spans_html(new_side(spans)))
        deleted = sum(1 for span in spans if span.kind == "deleted")
        inserted = sum(1 for span in spans if span.kind == "inserted")
        if not deleted and not inserted:
            self.summary.setText(self.tr("The two replies are the same."))
        else:
            self.summary.setText(
                self.tr("{deleted} passages only on the left, {inserted} only on the right.").format(
                    deleted=deleted, inserted=inserted
                )
            )


def _spans_html(spans: list[DiffSpan]) -> str:
    parts = []
    for span in spans:
        text = html.escape(span.text)
        if span.kind == "deleted":
            style = f"background-color:{DELETED.name()}; color:{_INK}; text-decoration:line-through"
            parts.append(f'<span style="{style}">{text}</span>')
        elif span.kind == "inserted":
            parts.append(f'<span style="background-color:{INSERTED.name()}; color:{_INK}">{text}</span>')
        else:
            parts.append(text)
    return f'<p style="white-space:pre-wrap">{"".join(parts)}</p>'

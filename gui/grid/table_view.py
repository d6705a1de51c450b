"""The grid's table view: fixed row heights and cells cut at their edge, so scrolling a finished 50-row grid
lays out only what comes into view (word-wrapped cells of varying height made Qt measure every row).

Each cell's lines are cut once (`CellDelegate`), ahead of their first paint: a cell whose text changed (a
repeat started or ended), every cell of a run shown or of a column resized, in slices of a few milliseconds
while the event loop is otherwise idle, so scrolling to a page never seen still only draws."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTableView, QWidget

from gui.grid.cell_delegate import CellDelegate
from gui.grid.table_model import PREVIEW_LINES, GridTableModel

CUT_SLICE_S = 0.004
"""The most time one pass of the event loop spends cutting cells ahead."""


class GridTableView(QTableView):
    def __init__(self, model: GridTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        # Each cell: its first lines and its measurements, a line each, cut at the column's edge (widen a
        # column to read more; open the cell to read all).
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(240)
        lines = PREVIEW_LINES + 1
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * lines + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.cells = CellDelegate(self)
        self.setItemDelegate(self.cells)
        self._ahead: dict[tuple[int, int], None] = {}
        """Cells to cut before they are painted, in order (row by row from the top)."""
        self._cutter = QTimer(self, singleShot=True, interval=0)
        self._cutter.timeout.connect(self._cut_some)
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self._cut_all)
        self.horizontalHeader().sectionResized.connect(lambda column, _old, _new: self._cut_column(column))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.cells.clear()
            self._cut_all()

    # --- cutting ahead --------------------------------------------------------------------------------

    def ahead(self) -> int:
        """Cells still to cut before their first paint."""
        return len(self._ahead)

    def _changed(self, top_left: QModelIndex | QPersistentModelIndex, bottom_right: QModelIndex) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                self._ahead[(row, column)] = None
        self._cutter.start()

    def _cut_all(self) -> None:
        model = self.model()
        self._ahead = dict.fromkeys(
            (row, column) for row in range(model.rowCount()) for column in range(model.columnCount())
        )
        self._cutter.start()

    def _cut_column(self, column: int) -> None:
        self._ahead.update(dict.fromkeys((row, column) for row in range(self.model().rowCount())))
        self._cutter.start()

    def _cut_some(self) -> None:
        model = self.model()
        until = time.perf_counter() + CUT_SLICE_S
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        while self._ahead and time.perf_counter() < until:
            row, column = next(iter(self._ahead))
            del self._ahead[(row, column)]
            index = model.index(row, column)
            if not index.isValid():
                continue
            opt = QStyleOptionViewItem(option)
            opt.rect = self.visualRect(index)
            self.cells.cut_ahead(opt, index)
        if self._ahead:
            self._cutter.start()

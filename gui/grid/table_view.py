"""The grid's table view: fixed row heights and cells cut at their edge, so scrolling a finished 50-row grid
lays out only what comes into view (word-wrapped cells of varying height made Qt measure every row)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.grid.table_model import PREVIEW_LINES, GridTableModel


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

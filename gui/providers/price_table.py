"""The providers dialog's price table: per-model prices for a relay, edited as text cells."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.providers.draft import PRICE_FIELDS


class PriceTable(QWidget):
    """Per-model prices for a relay that charges differently from the catalog, edited as text cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 1 + len(PRICE_FIELDS), self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Model id"),
                self.tr("Input"),
                self.tr("Output"),
                self.tr("Cache write 5m"),
                self.tr("Cache write 1h"),
                self.tr("Cache read"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(row * 5)
        # The header, two rows and the sideways scroll bar at least: squeezed by the dialog's other rows on a
        # low screen, the table showed its header alone and no row to type in.
        chrome = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setMinimumHeight(min(row * 5, chrome + bar + 2 * row))
        self.table.setToolTip(self.tr("US dollars per million tokens, where this provider's prices differ."))
        self.add_button = QPushButton(self.tr("Add price"), self)
        self.remove_button = QPushButton(self.tr("Remove price"), self)
        self.table.setAccessibleName(self.tr("Price overrides"))
        self.add_button.setAccessibleDescription(self.tr("Adds a row for a model's prices"))
        self.remove_button.setAccessibleDescription(self.tr("Removes the selected row"))
        self.add_button.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def rows(self) -> list[list[str]]:
        columns = self.table.columnCount()
        return [
            [(self.table.item(row, col) or QTableWidgetItem()).text().strip() for col in range(columns)]
            for row in range(self.table.rowCount())
        ]

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

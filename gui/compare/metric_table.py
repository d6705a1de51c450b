"""The compare window's measurements in one aligned table: a row per metric, a column per compare column
(named as in its header), so a value is read against the same metric of every other column on one line.

Numbers carry a small bar under them, its length the value against the largest in the row: the eye compares
lengths before digits. The best value of a metric (`best_per_metric`: every tied column) is starred, bold,
and its bar drawn in the theme's highlight colour; the others' tooltips say how far they are from it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.model.compare_run import HIGHER_IS_BETTER, LOWER_IS_BETTER, ColumnMetrics

METRICS = (
    "time_to_first_token",
    "duration",
    "output_tokens_per_second",
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "thinking_tokens",
    "stop_reason",
    "cost_usd",
    "request_id",
)
_TEXT_ONLY = frozenset({"stop_reason", "request_id"})

BAR_ROLE = Qt.ItemDataRole.UserRole + 1
"""The value over the row's largest, 0..1; None where the cell has no number."""
BEST_ROLE = Qt.ItemDataRole.UserRole + 2
"""True on a metric's best value (every tied column)."""
BEST_MARK = "★ "
BAR_HEIGHT = 4


class MetricBarDelegate(QStyledItemDelegate):
    """The cell's text as usual, then its bar along the bottom: the highlight colour for the best value, the
    palette's mid tone for the others (both follow the theme)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        fraction = index.data(BAR_ROLE)
        if not isinstance(fraction, float):
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        width = round((rect.width() - 8) * max(0.0, min(fraction, 1.0)))
        if width <= 0:
            return
        role = QPalette.ColorRole.Highlight if index.data(BEST_ROLE) else QPalette.ColorRole.Mid
        colour = QColor(palette.color(role))
        painter.save()
        painter.fillRect(QRect(rect.left() + 4, rect.bottom() - BAR_HEIGHT - 1, width, BAR_HEIGHT), colour)
        painter.restore()


class MetricTable(QTableWidget):
    """Rows: the metrics; columns: the compare columns. `show_metrics` fills it after every reply."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(METRICS), 0, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setItemDelegate(MetricBarDelegate(self))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + BAR_HEIGHT + 10)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        # Two rows at least, whatever its scroll area would ask: in a small window the replies need the room.
        row = self.verticalHeader().minimumSectionSize()
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 2 * row + 2 * self.frameWidth())
        self.setRowHidden(METRICS.index("thinking_tokens"), True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Measurements"))
        self.setAccessibleDescription(
            self.tr(
                "Each column's times, tokens, cost and stop reason, a metric per row; the best is starred"
            )
        )
        self.setVerticalHeaderLabels(list(self.metric_names().values()))

    def show_metrics(
        self,
        names: Sequence[str],
        metrics: Sequence[ColumnMetrics | None],
        best: Mapping[str, Collection[int]],
    ) -> None:
        """One column per name with its metrics; `best` names each metric's best columns (all of a tie).
        The thinking tokens row shows only when some column's server reported them."""
        self.setColumnCount(len(names))
        self.setHorizontalHeaderLabels(list(names))
        for column, name in enumerate(names):
            header = self.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(name)  # elided when narrow: the whole name on hover
        thinking = any(item is not None and item.thinking_tokens for item in metrics)
        self.setRowHidden(METRICS.index("thinking_tokens"), not thinking)
        for row, metric in enumerate(METRICS):
            values = [getattr(item, metric) if item is not None else None for item in metrics]
            numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
            largest = max(numbers, default=0)
            winners = best.get(metric, ())
            best_value = values[next(iter(winners))] if winners else None
            for column, value in enumerate(values):
                self.setItem(row, column, self._cell(metric, value, largest, column in winners, best_value))

    def _cell(
        self, metric: str, value: object, largest: float, is_best: bool, best_value: object
    ) -> QTableWidgetItem:
        text = self.metric_text(metric, value)
        item = QTableWidgetItem(BEST_MARK + text if is_best else text)
        item.setData(BEST_ROLE, is_best)
        if isinstance(value, int | float) and metric not in _TEXT_ONLY and largest > 0:
            item.setData(BAR_ROLE, float(value) / largest)
        if is_best:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            item.setToolTip(self.tr("Best of the columns"))
        elif isinstance(value, int | float):
            item.setToolTip(self._against_best(metric, float(value), best_value))
        return item

    def _against_best(self, metric: str, value: float, best: object) -> str:
        if not isinstance(best, int | float) or best <= 0 or value <= 0:
            return ""
        if metric in LOWER_IS_BETTER:
            return self.tr("{ratio:.1f}× the best").format(ratio=value / best)
        if metric in HIGHER_IS_BETTER:
            return self.tr("{percent:.0f}% of the best").format(percent=100 * value / best)
        return ""

    def content_height(self) -> int:
        """The height that shows every visible row without scrolling."""
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()) if not self.isRowHidden(row))
        return self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()

    def cell_text(self, metric: str, column: int) -> str:
        """What the cell shows (with the best mark), for the window's tests and readers."""
        item = self.item(METRICS.index(metric), column)
        return item.text() if item is not None else ""

    def metric_text(self, name: str, value: object) -> str:
        if value is None:
            return "–"
        if name in ("time_to_first_token", "duration"):
            return self.tr("{seconds:.2f} s").format(seconds=value)
        if name == "output_tokens_per_second":
            return self.tr("{rate:.1f} tokens/s").format(rate=value)
        if name == "cost_usd":
            # Down to the millionth ties are judged at (TIE_DECIMALS), without trailing zeros past the fourth.
            return "$" + f"{value:.6f}".rstrip("0").ljust(len(f"{value:.4f}"), "0")
        return str(value)

    def metric_names(self) -> dict[str, str]:
        return {
            "time_to_first_token": self.tr("Time to first token"),
            "duration": self.tr("Total time"),
            "output_tokens_per_second": self.tr("Output speed"),
            "input_tokens": self.tr("Input tokens"),
            "output_tokens": self.tr("Output tokens"),
            "cache_read_tokens": self.tr("Cache read tokens"),
            "cache_write_tokens": self.tr("Cache write tokens"),
            "thinking_tokens": self.tr("Thinking tokens"),
            "stop_reason": self.tr("Stop reason"),
            "cost_usd": self.tr("Cost"),
            "request_id": self.tr("Request id"),
        }

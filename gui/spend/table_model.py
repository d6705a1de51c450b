"""The spend table: one row per period and group, its tokens, cost and what caching saved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.model.spend import GroupBy, Period, SpendBucket
from gui.spend.words import count, group_name, group_value, money, period_label, period_name

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
"""The value a column sorts by: the number itself, not its text."""

_COLUMNS = 9
PERIOD, GROUP, REPLIES, INPUT, OUTPUT, CACHE_READ, CACHE_WRITE, COST, SAVED = range(_COLUMNS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SpendTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[SpendBucket] = []
        self.period = Period.DAY
        self.group_by = GroupBy.MODEL

    def show(self, items: Sequence[SpendBucket], period: Period, group_by: GroupBy) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.period = period
        self.group_by = group_by
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)

    def items(self) -> list[SpendBucket]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            period_name(self.period),
            group_name(self.group_by),
            self.tr("Replies"),
            self.tr("Input tokens"),
            self.tr("Output tokens"),
            self.tr("Cache reads"),
            self.tr("Cache writes"),
            self.tr("Cost"),
            self.tr("Saved by caching"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        f = item.figures
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == SORT_ROLE:
            values: list[Any] = [
                item.start.isoformat(), group_value(item.key, self.group_by).casefold(), f.replies,
                f.input_tokens, f.output_tokens, f.cache_read_tokens, f.cache_write_tokens, f.cost_usd,
                f.saved_usd,
            ]  # fmt: skip
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= REPLIES:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COST and f.unpriced_replies:
                return self.tr(
                    "%n reply(s) of a model with no known price: counted in the tokens, not in the cost.",
                    "",
                    f.unpriced_replies,
                )
            if column == CACHE_WRITE and f.cache_write_1h_tokens:
                return self.tr("{count} of them kept for an hour").format(
                    count=count(f.cache_write_1h_tokens)
                )
            if column == SAVED:
                return self.tr(
                    "Cache reads at the full input price, less what they cost, less the extra paid for cache "
                    "writes"
                )
        return None

    def _text(self, item: SpendBucket, column: int) -> str:
        f = item.figures
        if column == PERIOD:
            return period_label(item.start, self.period)
        if column == GROUP:
            return group_value(item.key, self.group_by)
        if column == COST:
            return money(f.cost_usd) + (" *" if f.unpriced_replies else "")
        if column == SAVED:
            return money(f.saved_usd)
        numbers = {
            REPLIES: f.replies,
            INPUT: f.input_tokens,
            OUTPUT: f.output_tokens,
            CACHE_READ: f.cache_read_tokens,
            CACHE_WRITE: f.cache_write_tokens,
        }
        return count(numbers[column])

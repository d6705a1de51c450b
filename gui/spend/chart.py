"""The spend chart: one stacked bar per period, a colour per group (the costliest first), cost or tokens.

pyqtgraph is imported with this module, which the spend window imports only when it first opens: nothing of
it loads before the main window's first paint. Colours come from the app's palette, light or dark, and follow
a theme change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.model.spend import GroupBy, Period, SpendBucket
from gui.spend.words import group_value, period_label
from gui.theme.palettes import is_dark
from gui.widgets.plots import colour_axes, still_plot

MOST_SERIES = 8
"""Groups drawn in their own colour; the rest are summed as "Others" (a chart of 30 colours reads as none)."""
MOST_LABELS = 12
"""Period labels under the bars; with more periods every n-th is labelled."""

_LIGHT_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7")
_DARK_COLOURS = ("#7aa6d9", "#ffa54f", "#ff7b7d", "#8fd3ce", "#7cc46f", "#f5d76e", "#cf9ac2", "#ffb3bb")
_OTHERS = {False: "#9d9d9d", True: "#7d8088"}


class ChartMetric(StrEnum):
    COST = "cost"
    TOKENS = "tokens"


def series_colours(dark: bool) -> tuple[str, ...]:
    return _DARK_COLOURS if dark else _LIGHT_COLOURS


class SpendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self)
        still_plot(self.plot, grid_y=True)
        # Dollars as dollars: pyqtgraph would otherwise rescale the axis and add "(x0.001)" to its label.
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.setAccessibleName(self.tr("Spend chart"))
        self.plot.setAccessibleDescription(self.tr("A stacked bar per period, a colour per group"))
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.empty_text = pg.TextItem(anchor=(0.5, 0.5))
        """In the middle of a chart with no bars: without it only an empty legend box would show."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._series: dict[str, list[float]] = {}
        self._axis: list[dt.date] = []
        self._period = Period.DAY
        self._group_by = GroupBy.MODEL
        self._metric = ChartMetric.COST
        self._items: list[SpendBucket] = []
        self._apply_theme()

    # -- what is shown --------------------------------------------------------------------------------

    def show_spend(
        self,
        items: Sequence[SpendBucket],
        axis: Sequence[dt.date],
        period: Period,
        group_by: GroupBy,
        metric: ChartMetric,
    ) -> None:
        """Bars for every period of `axis` (empty ones too), stacked by group."""
        self._items, self._axis = list(items), list(axis)
        self._period, self._group_by, self._metric = period, group_by, metric
        self._series = self._stack()
        self._draw()

    def series(self) -> dict[str, list[float]]:
        """Each drawn group's value per period, bottom of the stack first: what the bars show."""
        return {name: list(values) for name, values in self._series.items()}

    def background(self) -> QColor:
        return QColor(self.plot.backgroundBrush().color())

    def _stack(self) -> dict[str, list[float]]:
        position = {start: index for index, start in enumerate(self._axis)}
        totals: dict[str | None, float] = {}
        for item in self._items:
            totals[item.key] = totals.get(item.key, 0.0) + self._value(item)
        ranked = sorted(totals, key=lambda key: (-totals[key], key or ""))
        own = ranked if len(ranked) <= MOST_SERIES else ranked[: MOST_SERIES - 1]
        names = {key: group_value(key, self._group_by) for key in own}
        others = self.tr("Others")
        series: dict[str, list[float]] = {names[key]: [0.0] * len(self._axis) for key in own}
        if len(own) < len(ranked):
            series[others] = [0.0] * len(self._axis)
        for item in self._items:
            if item.start not in position:
                continue
            name = names.get(item.key, others)
            series[name][position[item.start]] += self._value(item)
        return series

    def _value(self, item: SpendBucket) -> float:
        if self._metric is ChartMetric.COST:
            return item.figures.cost_usd
        return float(item.figures.total_tokens)

    # -- drawing --------------------------------------------------------------------------------------

    def _draw(self) -> None:
        self.plot.clear()
        self.legend.clear()
        dark = is_dark(self.palette())
        colours = series_colours(dark)
        xs = list(range(len(self._axis)))
        bottoms = [0.0] * len(xs)
        others = self.tr("Others")
        for index, (name, values) in enumerate(self._series.items()):
            colour = _OTHERS[dark] if name == others else colours[index % len(colours)]
            bars = pg.BarGraphItem(
                x=xs, height=values, y0=list(bottoms), width=0.7, brush=pg.mkBrush(colour), pen=pg.mkPen(None)
            )
            self.plot.addItem(bars)
            self.legend.addItem(bars, name)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        step = max(1, -(-len(xs) // MOST_LABELS))
        ticks = [(x, period_label(self._axis[x], self._period)) for x in xs[::step]]
        self.plot.getAxis("bottom").setTicks([ticks, []])
        self.plot.setLabel(
            "left", self.tr("Cost (US$)") if self._metric is ChartMetric.COST else self.tr("Tokens")
        )
        right, top = max(len(xs) - 0.4, 0.6), max([*bottoms, 0.0]) * 1.1 or 1.0
        self.plot.setXRange(-0.6, right, padding=0)
        self.plot.setYRange(0, top, padding=0)
        self.legend.setVisible(bool(self._series))
        if not self._series:
            self.empty_text.setText(self.tr("Nothing spent in this range: no replies to chart."))
            self.empty_text.setPos((right - 0.6) / 2, top / 2)
            self.plot.addItem(self.empty_text)

    def _apply_theme(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        colour_axes(self.plot, palette.color(QPalette.ColorRole.Mid), text)
        self.legend.setLabelTextColor(text)
        self.empty_text.setColor(text)
        self.legend.setBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Base)))
        self.legend.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        if self._axis:
            self._draw()  # the series colours are the theme's too

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()

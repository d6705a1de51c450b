"""The leaderboard's chart: each variant's rating as a point with its interval as a bar across it, best at the
top, names down the left.

pyqtgraph comes with this module, which the leaderboard window imports when it first opens. Colours come from
the app's palette, light or dark, and follow a theme change (like the grid's and the spend charts)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.model.judging import Rating
from gui.theme.palettes import is_dark
from gui.widgets.plots import colour_axes, still_plot

NAME_WIDTH = 240
"""Pixels the names may take at the left; longer ones are elided (the table has them whole)."""
POINT_SIZE = 9
_LIGHT = "#0072b2"
_DARK = "#56b4e9"


class LeaderboardChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self)
        still_plot(self.plot, grid_x=True)
        self.plot.getAxis("left").setWidth(NAME_WIDTH)
        self.plot.setAccessibleName(self.tr("Ratings chart"))
        self.plot.setAccessibleDescription(
            self.tr("Each variant's rating as a point, its interval as a bar; the best at the top")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._ratings: list[Rating] = []
        self._apply_theme()

    def show_ratings(self, ratings: Sequence[Rating]) -> None:
        self._ratings = list(ratings)
        self._draw()

    def intervals(self) -> list[tuple[str, float, float, float]]:
        """What is drawn, top to bottom: (label, low, rating, high)."""
        return [(r.identity.label, r.low, r.strength, r.high) for r in self._ratings]

    def background(self) -> QColor:
        return QColor(self.plot.backgroundBrush().color())

    def _draw(self) -> None:
        self.plot.clear()
        ratings = self._ratings
        if not ratings:
            return
        colour = QColor(_DARK if is_dark(self.palette()) else _LIGHT)
        count = len(ratings)
        ys = np.array([count - 1 - row for row in range(count)], dtype=float)
        xs = np.array([r.strength for r in ratings], dtype=float)
        left = np.array([max(r.strength - r.low, 0.0) for r in ratings], dtype=float)
        right = np.array([max(r.high - r.strength, 0.0) for r in ratings], dtype=float)
        bars = pg.ErrorBarItem(x=xs, y=ys, left=left, right=right, beam=0.25, pen=pg.mkPen(colour, width=2))
        self.plot.addItem(bars)
        points = pg.ScatterPlotItem(x=xs, y=ys, size=POINT_SIZE, brush=pg.mkBrush(colour), pen=pg.mkPen(None))
        self.plot.addItem(points)
        centre = pg.InfiniteLine(
            pos=0.0, angle=90, pen=pg.mkPen(self.palette().color(QPalette.ColorRole.Mid))
        )
        self.plot.addItem(centre)
        metrics = QFontMetrics(self.font())
        ticks = [
            (float(y), metrics.elidedText(r.identity.label, Qt.TextElideMode.ElideRight, NAME_WIDTH - 12))
            for y, r in zip(ys, ratings, strict=True)
        ]
        self.plot.getAxis("left").setTicks([ticks, []])
        self.plot.setLabel("bottom", self.tr("Rating (log strength, 0 = average)"))
        low = min(r.low for r in ratings)
        high = max(r.high for r in ratings)
        margin = max((high - low) * 0.08, 0.1)
        self.plot.setXRange(low - margin, high + margin, padding=0)
        self.plot.setYRange(-0.6, count - 0.4, padding=0)

    def _apply_theme(self) -> None:
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        colour_axes(self.plot, palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Text))
        if self._ratings:
            self._draw()  # the points' colour is the theme's too

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()

"""A grid run's charts: a box plot of one metric per column with every repeat drawn as a point on it, bars
of each column's total cost and tokens, and once the run is judged, quality against cost: a point per column
(its mean cost per reply, its mean judge score) with the Pareto front (the columns no other beats on both)
marked and joined.

Drawn with pyqtgraph (Qt-native: a QGraphicsScene painted with QPainter), so the charts take the app's
palette and follow a theme change. The columns run down the left side, named as everywhere else (by what
sets each apart), so long names stay readable. This module imports pyqtgraph and numpy: the grid window
imports it when the charts are first shown, never before the app's first paint.

Export: PNG and SVG through pyqtgraph's exporters (its SVG one mended below: it failed on every plot).
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QComboBox, QGraphicsScene, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.grid.stats import METRICS, column_quality, column_results, column_summaries, column_values
from core.judging.pareto import pareto_front
from core.model.grid import CellResult, CellStatus, GridRun
from core.model.judging import RubricScore
from gui.grid.metric_names import metric_name, metric_names, usd_text
from gui.grid.stats_view import NAME_PARTS
from gui.theme.palettes import is_dark
from gui.widgets.plots import colour_axes, still_plot

SERIES = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#8c564b", "#7f7f7f")
"""One colour per column, repeating after eight: the Okabe-Ito set (told apart with the common colour
blindnesses) without its yellow, which vanishes on white, and with brown and grey added."""

POINT_SIZE = 7
"""Pixels across a strip point."""
BOX_HEIGHT = 0.5
"""A box's height in column rows (a row is 1): room for the strip of points above and below the median."""
JITTER = 0.36
"""How far apart, in column rows, a column's points spread so repeats with the same value stay visible."""
GRID_ALPHA = 0.15
"""The grid lines are fainter here than in the other charts: the strip points and bars are small."""
NAME_WIDTH = 220
"""Pixels: the most the column names take at the left; longer names are elided (the tooltip has them)."""
EXPORT_SIZE = QSize(900, 260)
"""A row of the charts (the box plot takes two) in exported images, when they were never laid out on
screen."""

DEFAULT_METRIC = "duration"
FRONT_POINT_SIZE = 15
"""Pixels across a point on the Pareto front (ringed), against POINT_SIZE * 1.6 for the others."""


@dataclass(frozen=True)
class _Colours:
    background: QColor
    text: QColor
    axis: QColor
    median: QColor
    dark: bool


def _mend_svg_closed_paths() -> None:
    """pyqtgraph 0.14's SVG exporter reads each path's points as "x,y" pairs and fails on the "Z" that
    closes a path, which Qt 6 writes for every plot's clip rectangle (pyqtgraph#3495; fixed upstream by
    pyqtgraph#3458, not released). Take the "Z"s out before it reads a path and put them back after."""
    # By its path: the package's `SVGExporter` attribute is the class, which hides the module.
    module: Any = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = module.correctCoordinates
    if getattr(original, "mended", False):
        return

    def correct_coordinates(node: Any, defs: Any, item: Any, options: Any) -> None:
        closed = []
        for path in node.getElementsByTagName("path"):
            points = path.getAttribute("d")
            if _CLOSE.search(points):
                path.setAttribute("d", _CLOSE.sub(" ", points).strip())
                closed.append(path)
        original(node, defs, item, options)
        for path in closed:
            path.setAttribute("d", path.getAttribute("d").strip() + " Z")

    correct_coordinates.mended = True  # type: ignore[attr-defined]
    module.correctCoordinates = correct_coordinates


_CLOSE = re.compile(r"\s*[Zz]\s*")
_mend_svg_closed_paths()


def series_colour(index: int, dark: bool) -> QColor:
    """A column's colour; lighter on a dark background so points and bars keep their contrast."""
    colour = QColor(SERIES[index % len(SERIES)])
    return colour.lighter(135) if dark else colour


class GridCharts(QWidget):
    """The charts of one run; `show_run` again whenever it changes, `export` to save them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run: GridRun | None = None
        self._names: list[str] = []
        self._scores: list[RubricScore] = []

        self.metric_choice = QComboBox()
        self.metric_choice.setAccessibleName(self.tr("Metric shown in the box plot"))
        self._fill_metrics(DEFAULT_METRIC)
        self.metric_choice.currentIndexChanged.connect(self._metric_changed)
        chooser = QHBoxLayout()
        metric_label = QLabel(self.tr("Box plot of:"))
        metric_label.setBuddy(self.metric_choice)
        chooser.addWidget(metric_label)
        chooser.addWidget(self.metric_choice)
        chooser.addStretch(1)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName(self.tr("Charts of the run"))
        self.view.setMinimumHeight(480)
        # One chart a row, each the full width: side by side, two titles and two sets of names needed more
        # width than a grid window's tab has, and pyqtgraph cuts off what does not fit.
        self.box_plot = self.view.addPlot(row=0, col=0)
        self.cost_plot = self.view.addPlot(row=1, col=0)
        self.tokens_plot = self.view.addPlot(row=2, col=0)
        self.view.ci.layout.setRowStretchFactor(0, 2)
        self.view.ci.layout.setRowStretchFactor(1, 1)
        self.view.ci.layout.setRowStretchFactor(2, 1)
        for plot in self.plots():
            plot.invertY(True)  # the first column at the top, as in the tables
            still_plot(plot)
            # Dollars and token counts read as written: no "(x0.001)" scale beside the axis label.
            plot.getAxis("bottom").enableAutoSIPrefix(False)
        # Light vertical lines behind the boxes to read values off; the bars carry their figures instead.
        self.box_plot.showGrid(x=True, y=False, alpha=GRID_ALPHA)

        self.points: pg.ScatterPlotItem | None = None
        """The box plot's strip points: one per finished repeat (x the value, y the column plus jitter)."""
        self.boxes: pg.BarGraphItem | None = None
        self.medians: pg.PlotCurveItem | None = None
        self.whiskers: pg.PlotCurveItem | None = None
        self.cost_bars: pg.BarGraphItem | None = None
        self.input_bars: pg.BarGraphItem | None = None
        self.output_bars: pg.BarGraphItem | None = None
        self.value_labels: list[pg.TextItem] = []
        """The figures written at the end of the cost and token bars."""
        self.quality_plot: pg.PlotItem | None = None
        """Quality against cost: added below the others once the run has judge scores."""
        self.quality_points: pg.ScatterPlotItem | None = None
        self.front_line: pg.PlotCurveItem | None = None
        self.front: list[int] = []
        """The variants on the Pareto front (cheaper and better than any other on at least one side)."""
        self.point_labels: list[pg.TextItem] = []

        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    def plots(self) -> tuple[pg.PlotItem, pg.PlotItem, pg.PlotItem]:
        return self.box_plot, self.cost_plot, self.tokens_plot

    def current_metric(self) -> str:
        return str(self.metric_choice.currentData())

    def show_run(self, run: GridRun, names: list[str], scores: Sequence[RubricScore] | None = None) -> None:
        """Draw the run's saved cells; `names` are the columns' names, one per variant; `scores` a judge
        template's rubric scores of the run (the quality-vs-cost chart shows once one is scored)."""
        if len(names) != len(run.variants):
            raise ValueError("One name per variant is needed.")
        self._run = run
        self._names = list(names)
        self._scores = list(scores or ())
        self._draw()

    # -- drawing ------------------------------------------------------------------------------------------

    def _colours(self) -> _Colours:
        palette = self.palette()
        dark = is_dark(palette)
        text = palette.color(QPalette.ColorRole.Text)
        return _Colours(
            background=palette.color(QPalette.ColorRole.Base),
            text=text,
            axis=palette.color(QPalette.ColorRole.Mid)
            if not dark
            else palette.color(QPalette.ColorRole.Light),
            median=text,
            dark=dark,
        )

    def _draw(self) -> None:
        colours = self._colours()
        self.view.setBackground(colours.background)
        for plot in self.plots():
            plot.clear()
            colour_axes(plot, colours.axis, colours.text)
        self.value_labels = []
        self.points = self.boxes = self.medians = self.whiskers = None
        self.cost_bars = self.input_bars = self.output_bars = None
        run = self._run
        points = quality_cost_points(run, self._scores) if run is not None else {}
        self._show_quality_plot(bool(points), colours)
        if run is None:
            return
        self._name_axes(colours)
        self._draw_box_plot(run, colours)
        self._draw_totals(run, colours)
        if self.quality_plot is not None:
            self._draw_quality(points, colours)
        finished_any = any(
            values for by_metric in column_values(run).values() for values in by_metric.values()
        )
        self.empty.setText(self.tr("No repeat has finished yet: the charts fill in as the cells do."))
        self.empty.setVisible(not finished_any)
        # As wide as the titles and names need: in a narrow window the charts' tab scrolls sideways, where
        # pyqtgraph would cut the charts' right side off.
        self.view.ci.layout.invalidate()  # its cached size is from before the titles just set
        needed = self.view.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
        self.view.setMinimumWidth(math.ceil(needed) + 2 * self.view.frameWidth())

    def _name_axes(self, colours: _Colours) -> None:
        metrics = QFontMetrics(self.font())
        shown = [_fitted_name(name, metrics, NAME_WIDTH - 16) for name in self._names]
        ticks = [[(float(index), name) for index, name in enumerate(shown)]]
        widest = max(
            (metrics.horizontalAdvance(line) for name in shown for line in name.split("\n")), default=0
        )
        width = min(NAME_WIDTH, widest + 16)
        for plot in self.plots():
            axis = plot.getAxis("left")
            axis.setTicks(ticks)
            axis.setWidth(width)
            axis.setToolTip("\n".join(self._names))
            plot.setYRange(-0.6, len(self._names) - 0.4, padding=0)

    def _draw_box_plot(self, run: GridRun, colours: _Colours) -> None:
        metric = self.current_metric()
        plot = self.box_plot
        name = metric_name(metric)
        plot.setTitle(
            self.tr("{metric}: each repeat a point, the box its middle half").format(metric=name),
            color=colours.text,
        )
        plot.setLabel("bottom", name, color=colours.text)
        values = column_values(run)
        summaries = column_summaries(run)

        xs: list[float] = []
        ys: list[float] = []
        brushes = []
        rows, q1s, widths, box_brushes, box_pens = [], [], [], [], []
        median_x: list[float] = []
        median_y: list[float] = []
        whisker_x: list[float] = []
        whisker_y: list[float] = []
        for variant in range(len(run.variants)):
            colour = series_colour(variant, colours.dark)
            # One brush object for the column's points: pyqtgraph then draws the symbol once and stamps it
            # (a brush per point drew 900 symbols one by one: ~170 ms for a 50 x 6 x 3 grid).
            brush = pg.mkBrush(colour)
            found = values[variant][metric]
            for position, value in enumerate(found):
                xs.append(value)
                ys.append(variant + _jitter(position, len(found)))
                brushes.append(brush)
            summary = summaries[variant][metric]
            if summary is None:
                continue
            rows.append(float(variant))
            q1s.append(summary.q1)
            widths.append(summary.iqr)
            fill = QColor(colour)
            fill.setAlpha(70)
            box_brushes.append(pg.mkBrush(fill))
            box_pens.append(pg.mkPen(colour, width=1.5))
            half = BOX_HEIGHT / 2
            median_x += [summary.median, summary.median]
            median_y += [variant - half, variant + half]
            # Whiskers from the box to the smallest and largest value, each with a cap.
            cap = BOX_HEIGHT / 4
            whisker_x += [summary.minimum, summary.q1, summary.q3, summary.maximum]
            whisker_y += [variant] * 4
            whisker_x += [summary.minimum, summary.minimum, summary.maximum, summary.maximum]
            whisker_y += [variant - cap, variant + cap, variant - cap, variant + cap]

        if rows:
            self.whiskers = pg.PlotCurveItem(
                np.array(whisker_x),
                np.array(whisker_y),
                connect="pairs",
                pen=pg.mkPen(colours.axis, width=1.5),
            )
            plot.addItem(self.whiskers)
            self.boxes = pg.BarGraphItem(
                x0=q1s, width=widths, y=rows, height=BOX_HEIGHT, brushes=box_brushes, pens=box_pens
            )
            plot.addItem(self.boxes)
            self.medians = pg.PlotCurveItem(
                np.array(median_x), np.array(median_y), connect="pairs", pen=pg.mkPen(colours.median, width=3)
            )
            plot.addItem(self.medians)
        if xs:
            self.points = pg.ScatterPlotItem(
                x=np.array(xs),
                y=np.array(ys),
                size=POINT_SIZE,
                brush=brushes,
                pen=pg.mkPen(colours.background, width=1),
                antialias=True,
            )
            plot.addItem(self.points)
            low, high = min(xs), max(xs)
            margin = (high - low) * 0.06 or abs(high) * 0.1 or 1.0
            plot.setXRange(max(0.0, low - margin) if low >= 0 else low - margin, high + margin, padding=0)

    def _draw_totals(self, run: GridRun, colours: _Colours) -> None:
        totals = [_totals(results) for _, results in sorted(column_results(run).items())]
        rows = [float(index) for index in range(len(totals))]
        bar_height = 0.6

        cost = self.cost_plot
        cost.setTitle(self.tr("Cost per column (every repeat)"), color=colours.text)
        cost.setLabel("bottom", metric_name("cost_usd"), color=colours.text)
        costs = [total.cost for total in totals]
        self.cost_bars = pg.BarGraphItem(
            x0=[0.0] * len(rows),
            width=costs,
            y=rows,
            height=bar_height,
            brushes=[pg.mkBrush(series_colour(index, colours.dark)) for index in range(len(rows))],
            pens=[pg.mkPen(None)] * len(rows),
        )
        cost.addItem(self.cost_bars)
        for row, value in zip(rows, costs, strict=True):
            self._value_label(cost, usd_text(value), value, row, colours)
        cost.setXRange(0.0, _upper(costs), padding=0)

        tokens = self.tokens_plot
        input_colour = QColor(colours.axis)
        output_colour = series_colour(0, colours.dark)
        # The key in the title, not a legend box: a box would sit on the bars' figures.
        tokens.setTitle(
            self.tr("Tokens per column (every repeat): {input} input, {output} output").format(
                input=_swatch(input_colour), output=_swatch(output_colour)
            ),
            color=colours.text,
        )
        tokens.setLabel("bottom", self.tr("Tokens"), color=colours.text)
        inputs = [float(total.input_tokens) for total in totals]
        outputs = [float(total.output_tokens) for total in totals]
        self.input_bars = pg.BarGraphItem(
            x0=[0.0] * len(rows), width=inputs, y=rows, height=bar_height, brush=input_colour, pen=None
        )
        self.output_bars = pg.BarGraphItem(
            x0=inputs, width=outputs, y=rows, height=bar_height, brush=output_colour, pen=None
        )
        tokens.addItem(self.input_bars)
        tokens.addItem(self.output_bars)
        sums = [a + b for a, b in zip(inputs, outputs, strict=True)]
        for row, value in zip(rows, sums, strict=True):
            self._value_label(tokens, f"{value:,.0f}", value, row, colours)
        tokens.setXRange(0.0, _upper(sums), padding=0)

    def _show_quality_plot(self, shown: bool, colours: _Colours) -> None:
        """The quality-vs-cost chart added as the last row when there are judge scores, removed when not."""
        if shown and self.quality_plot is None:
            self.quality_plot = self.view.addPlot(row=3, col=0)
            self.view.ci.layout.setRowStretchFactor(3, 2)
            still_plot(self.quality_plot, grid_x=True, grid_y=True, grid_alpha=GRID_ALPHA)
            self.quality_plot.getAxis("bottom").enableAutoSIPrefix(False)
        elif not shown and self.quality_plot is not None:
            self.view.removeItem(self.quality_plot)
            self.quality_plot = None
        self.quality_points = self.front_line = None
        self.front = []
        self.point_labels = []
        plot = self.quality_plot
        if plot is not None:
            plot.clear()
            colour_axes(plot, colours.axis, colours.text)

    def _draw_quality(self, points: dict[int, tuple[float, float]], colours: _Colours) -> None:
        plot = self.quality_plot
        assert plot is not None
        plot.setTitle(
            self.tr("Quality against cost: a point per column, the Pareto front ringed and joined"),
            color=colours.text,
        )
        plot.setLabel("bottom", self.tr("Mean cost per reply (USD)"), color=colours.text)
        plot.setLabel("left", self.tr("Mean judge score (1–5)"), color=colours.text)
        variants = sorted(points)
        xy = [points[variant] for variant in variants]
        self.front = [variants[index] for index in pareto_front(xy)]
        sizes, brushes, pens = [], [], []
        for variant in variants:
            on_front = variant in self.front
            sizes.append(FRONT_POINT_SIZE if on_front else round(POINT_SIZE * 1.6))
            brushes.append(pg.mkBrush(series_colour(variant, colours.dark)))
            pens.append(
                pg.mkPen(colours.text, width=2.5) if on_front else pg.mkPen(colours.background, width=1)
            )
        xs = np.array([x for x, _ in xy])
        ys = np.array([y for _, y in xy])
        ordered_front = sorted((points[variant] for variant in self.front), key=lambda p: p[0])
        self.front_line = pg.PlotCurveItem(
            np.array([x for x, _ in ordered_front]),
            np.array([y for _, y in ordered_front]),
            pen=pg.mkPen(colours.text, width=1.5, style=Qt.PenStyle.DashLine),
        )
        plot.addItem(self.front_line)
        self.quality_points = pg.ScatterPlotItem(
            x=xs, y=ys, size=sizes, brush=brushes, pen=pens, antialias=True
        )
        plot.addItem(self.quality_points)
        for variant, (x, y) in zip(variants, xy, strict=True):
            label = pg.TextItem(
                self._names[variant].split(NAME_PARTS)[-1], color=colours.text, anchor=(0.0, 1.0)
            )
            label.setPos(x, y)
            plot.addItem(label)
            self.point_labels.append(label)
        low, high = float(xs.min()), float(xs.max())
        margin = (high - low) * 0.15 or abs(high) * 0.2 or 0.001
        plot.setXRange(max(0.0, low - margin), high + margin * 2, padding=0)
        plot.setYRange(0.8, 5.4, padding=0)

    def _value_label(self, plot: pg.PlotItem, text: str, x: float, y: float, colours: _Colours) -> None:
        label = pg.TextItem(text, color=colours.text, anchor=(0.0, 0.5))
        label.setPos(x, y)
        plot.addItem(label)
        self.value_labels.append(label)

    # -- the user's choices and the app's changes ----------------------------------------------------------

    def _fill_metrics(self, selected: str) -> None:
        self.metric_choice.blockSignals(True)
        self.metric_choice.clear()
        for metric, name in metric_names().items():
            self.metric_choice.addItem(name, metric)
        self.metric_choice.setCurrentIndex(
            max(0, list(METRICS).index(selected) if selected in METRICS else 0)
        )
        self.metric_choice.blockSignals(False)

    def set_metric(self, metric: str) -> None:
        self.metric_choice.setCurrentIndex(self.metric_choice.findData(metric))

    def _metric_changed(self, _index: int) -> None:
        self._draw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw()  # the new theme's colours
        elif event.type() == QEvent.Type.LanguageChange:
            self._fill_metrics(self.current_metric())
            self._draw()

    # -- export -------------------------------------------------------------------------------------------

    def export(self, path: Path | str) -> None:
        """Save every chart as one picture: PNG or SVG by the file's suffix (ValueError for another)."""
        target = Path(path)
        suffix = target.suffix.lower()
        self._lay_out()
        if suffix == ".png":
            exporter = pyqtgraph.exporters.ImageExporter(self.view.scene())
            # Twice the on-screen size: sharp on a high-density screen or in print.
            exporter.parameters()["width"] = int(self.view.viewRect().width() * 2)
            exporter.export(str(target))
        elif suffix == ".svg":
            target.write_bytes(self._svg(self.view.scene()))
        else:
            raise ValueError(f"Charts are saved as PNG or SVG, not {suffix or 'a file without a suffix'}.")

    def chart_images(self) -> dict[str, bytes]:
        """Each chart as SVG for the HTML report, keyed by its caption (translated): the box plot of every
        metric, then the cost and the tokens. The metric on screen stays chosen."""
        self._lay_out()
        shown = self.current_metric()
        images: dict[str, bytes] = {}
        try:
            for metric in METRICS:
                self.metric_choice.blockSignals(True)
                self.set_metric(metric)
                self.metric_choice.blockSignals(False)
                self._draw()
                self._lay_out()
                images[metric_name(metric)] = self._svg(self.box_plot)
        finally:
            self.metric_choice.blockSignals(True)
            self.set_metric(shown)
            self.metric_choice.blockSignals(False)
            self._draw()
        images[self.tr("Cost per column")] = self._svg(self.cost_plot)
        images[self.tr("Tokens per column")] = self._svg(self.tokens_plot)
        if self.quality_plot is not None:
            images[self.tr("Quality against cost")] = self._svg(self.quality_plot)
        return images

    def _lay_out(self) -> None:
        """Ready the charts for an export: charts never shown have no size yet, so give the scene one (an
        export is never empty), and bring every view's scale up to date."""
        if not self.view.isVisible() and self.view.width() < EXPORT_SIZE.width():
            rows = 6 if self.quality_plot is not None else 4
            self.view.resize(EXPORT_SIZE.width(), EXPORT_SIZE.height() * rows)
            self.view.ci.setGeometry(QRectF(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height() * rows))
        self.view.ci.layout.activate()
        # pyqtgraph updates a view's scale only when it is about to paint; an export paints through its own
        # painter, so ask for that update now (or a redrawn chart is written at the scale drawn before).
        self.view.scene().prepareForPaint()

    def _svg(self, item: pg.GraphicsItem | QGraphicsScene) -> bytes:
        """The item (or the whole scene) as SVG. The strip points are written as plain circles instead of
        through pyqtgraph, whose exporter reworks every coordinate of every symbol in Python: 900 points
        took half a second a chart, and half a megabyte."""
        points = self.points if item is self.box_plot or isinstance(item, QGraphicsScene) else None
        if points is not None:
            points.setVisible(False)
        try:
            exporter = pyqtgraph.exporters.SVGExporter(item)
            data = exporter.export(toBytes=True)
        finally:
            if points is not None:
                points.setVisible(True)
        assert isinstance(data, bytes)
        # The background is sized "100%", which SVG Tiny viewers (Qt's own) read as 100 pixels: size it.
        size = exporter.getTargetRect()
        data = data.replace(
            b'<rect width="100%" height="100%"',
            f'<rect width="{size.width():g}" height="{size.height():g}"'.encode(),
            1,
        )
        if points is None:
            return data
        origin = QPointF(0, 0) if isinstance(item, QGraphicsScene) else item.sceneBoundingRect().topLeft()
        circles = self._svg_circles(points, origin)
        end = data.rindex(b"</svg>")
        return data[:end] + circles.encode() + data[end:]

    def _svg_circles(self, points: pg.ScatterPlotItem, origin: QPointF) -> str:
        """The strip points as SVG circles in the exported picture's pixels (scene pixels less `origin`)."""
        view = self.box_plot.getViewBox()
        outline = self._colours().background.name()
        xs, ys = points.getData()
        radius = POINT_SIZE / 2
        lines = [f'<g id="repeats" stroke="{outline}" stroke-width="1">']
        for x, y, brush in zip(xs, ys, points.data["brush"], strict=True):
            at = view.mapViewToScene(QPointF(float(x), float(y))) - origin
            fill = brush.color().name()
            lines.append(f'<circle cx="{at.x():.2f}" cy="{at.y():.2f}" r="{radius:g}" fill="{fill}"/>')
        lines.append("</g>\n")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Totals:
    cost: float
    input_tokens: int
    output_tokens: int


def _totals(results: list[CellResult]) -> _Totals:
    """What a column spent over every saved repeat, failed ones included: a failed request that was
    billed cost money too."""
    cost = 0.0
    input_tokens = output_tokens = 0
    for result in results:
        if result.metrics is None:
            continue
        cost += result.metrics.cost_usd or 0.0
        input_tokens += result.metrics.input_tokens or 0
        output_tokens += result.metrics.output_tokens or 0
    return _Totals(cost, input_tokens, output_tokens)


def quality_cost_points(run: GridRun, scores: Sequence[RubricScore]) -> dict[int, tuple[float, float]]:
    """Per column with both: (mean cost of its finished replies, mean judge score of its judged repeats).
    Columns without a priced reply or without a score are left out (no point to place)."""
    costs: dict[int, list[float]] = {}
    for key, result in run.cells.items():
        metrics = result.metrics
        if result.status == CellStatus.DONE and metrics is not None and metrics.cost_usd is not None:
            costs.setdefault(key.variant, []).append(metrics.cost_usd)
    return {
        variant: (sum(costs[variant]) / len(costs[variant]), quality)
        for variant, quality in column_quality(run, scores).items()
        if quality is not None and costs.get(variant)
    }


def _fitted_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """A column's name within `width` pixels: one difference a line when the whole is too wide, and a line
    still too wide elided in the middle, so both its field and its value stay readable (the end of a name is
    what tells columns apart: "temperature 0.5")."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    lines = name.split(NAME_PARTS)
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines)


def _swatch(colour: QColor) -> str:
    """A small square of the colour, in a title's rich text."""
    return f'<span style="color: {colour.name()}">\u25a0</span>'


def _jitter(position: int, count: int) -> float:
    """A repeat's offset from its column's row: evenly spread across JITTER, the same every redraw."""
    if count <= 1:
        return 0.0
    return (position / (count - 1) - 0.5) * JITTER


def _upper(values: list[float]) -> float:
    """The end of a bar chart's axis: the longest bar plus room for its figure."""
    largest = max(values, default=0.0)
    return largest * 1.3 if largest > 0 and math.isfinite(largest) else 1.0

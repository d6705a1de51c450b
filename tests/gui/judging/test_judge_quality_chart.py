"""The quality-vs-cost chart, a real widget offscreen: a point per column at its mean cost per reply and its
mean judge score, the Pareto front ringed and joined; it follows the theme and is exported with the others."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.grid import CellStatus, GridRun
from core.model.judging import JudgementStatus, RubricScore
from gui.grid.charts import GridCharts, series_colour
from gui.theme.scheme import apply_theme
from tests.gui.grid.sample_runs import COST_PER_REPEAT, names_of, sample_run
from tests.gui.grid.test_charts import svg_texts

pytestmark = pytest.mark.gui

SCORES = {0: 3, 1: 5, 2: 4}
"""Column 0 cheapest and worst, column 1 best: both on the front; column 2 dearer and worse than column 1."""


def quality_of(run: GridRun) -> list[RubricScore]:
    """A rubric score per finished repeat: its column's score on the one criterion."""
    assert run.id is not None
    return [
        RubricScore(run.id, key.case, key.variant, key.repeat, -1, JudgementStatus.SCORED,
                    {"correctness": SCORES[key.variant]})
        for key, result in run.cells.items()
        if result.status == CellStatus.DONE
    ]  # fmt: skip


@pytest.fixture
def charts(qtbot: QtBot) -> GridCharts:
    widget = GridCharts()
    qtbot.addWidget(widget)
    run = sample_run()
    widget.show_run(run, names_of(run), quality_of(run))
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_each_column_is_a_point_at_its_mean_cost_and_quality_with_the_front_marked(
    charts: GridCharts,
) -> None:
    assert charts.quality_plot is not None and charts.quality_points is not None
    xs, ys = charts.quality_points.getData()
    assert np.allclose(xs, [COST_PER_REPEAT[v] for v in range(3)])
    assert np.allclose(ys, [SCORES[v] for v in range(3)])
    assert charts.front == [0, 1]
    # The front's points are drawn larger and ringed; the dominated one is not.
    sizes = list(charts.quality_points.data["size"])
    assert sizes[0] == sizes[1] > sizes[2]
    assert charts.front_line is not None
    line_x, line_y = charts.front_line.getData()
    assert np.allclose(line_x, [0.001, 0.002]) and np.allclose(line_y, [3.0, 5.0])
    labels = [label.textItem.toPlainText() for label in charts.point_labels]
    assert labels == ["temperature 0.0", "temperature 0.5", "temperature 1.0"]
    assert charts.quality_plot.getAxis("left").labelText == "Mean judge score (1–5)"


def test_without_scores_there_is_no_quality_chart(charts: GridCharts) -> None:
    run = sample_run()
    charts.show_run(run, names_of(run))
    assert charts.quality_plot is None and charts.quality_points is None
    charts.show_run(run, names_of(run), quality_of(run))
    assert charts.quality_plot is not None and charts.front == [0, 1]


def test_the_quality_chart_follows_the_theme_and_is_exported(
    charts: GridCharts, qapp: QApplication, qtbot: QtBot, dark_theme: None, tmp_path: Path
) -> None:
    apply_theme(qapp, "light")
    qtbot.waitUntil(lambda: charts.view.backgroundBrush().color().lightness() > 240)
    assert charts.quality_points is not None
    light_point = charts.quality_points.data["brush"][0].color()
    apply_theme(qapp, "dark")
    # The palette reaches the widgets as events: wait for the redraw.
    qtbot.waitUntil(lambda: charts.view.backgroundBrush().color().lightness() < 40)
    assert charts.quality_plot is not None and charts.quality_points is not None
    assert charts.quality_plot.getAxis("bottom").textPen().color().lightness() > 200
    assert charts.quality_points.data["brush"][0].color() == series_colour(0, dark=True) != light_point
    assert charts.front == [0, 1], "redrawn in the new colours, the front still marked"

    images = charts.chart_images()
    assert "Quality against cost" in images
    assert "Mean cost per reply (USD)" in svg_texts(images["Quality against cost"])
    svg = tmp_path / "charts.svg"
    charts.export(svg)
    assert "Mean judge score (1–5)" in svg_texts(svg.read_bytes())

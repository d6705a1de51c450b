"""The grid's charts, a real widget offscreen: the points, boxes and bars drawn are the run's measurements;
the exports are real PNG and SVG files a viewer opens; the dark theme redraws them on a dark background."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.grid.charts import GridCharts, series_colour
from gui.theme.scheme import apply_theme
from tests.gui.grid.sample_runs import DURATIONS, names_of, output_tokens, sample_run

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def charts(qtbot: QtBot) -> GridCharts:
    widget = GridCharts()
    qtbot.addWidget(widget)
    run = sample_run()
    widget.show_run(run, names_of(run))
    widget.resize(1100, 750)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def points_by_column(charts: GridCharts) -> dict[int, list[float]]:
    """The strip points' values grouped by the column row they are drawn on (y is the row plus jitter)."""
    assert charts.points is not None
    xs, ys = charts.points.getData()
    found: dict[int, list[float]] = {}
    for x, y in zip(xs, ys, strict=True):
        found.setdefault(round(float(y)), []).append(round(float(x), 6))
    return {row: sorted(values) for row, values in found.items()}


def svg_texts(data: bytes) -> list[str]:
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]


def test_every_finished_repeat_is_a_point_on_its_columns_box(charts: GridCharts) -> None:
    assert charts.current_metric() == "duration"
    # Each repeat's total time, in both test cases; column 2's last repeat of the second case failed.
    assert points_by_column(charts) == {
        0: sorted(DURATIONS[0] * 2),
        1: sorted(DURATIONS[1] * 2),
        2: sorted((*DURATIONS[2], *DURATIONS[2][:2])),
    }
    # The boxes span the quartiles, interpolated as numpy does: column 0's six values 1.0 1.0 1.2 1.2 1.4 1.4
    # have them at positions 1.25 and 3.75 (1.05 and 1.35); column 1's 1.1 1.1 1.2 1.2 1.3 1.3 at 1.125 and
    # 1.275; column 2's five values 3.0 3.0 3.2 3.2 3.4 at positions 1 and 3 (3.0 and 3.2).
    assert charts.boxes is not None and charts.medians is not None
    assert np.allclose(charts.boxes.opts["x0"], [1.05, 1.125, 3.0])
    assert np.allclose(charts.boxes.opts["width"], [0.30, 0.15, 0.20])
    median_x, _ = charts.medians.getData()
    assert np.allclose(median_x[::2], [1.2, 1.2, 3.2])
    left = charts.box_plot.getAxis("left")
    assert [name for _, name in left._tickLevels[0]] == [
        "temperature 0.0",
        "temperature 0.5",
        "temperature 1.0",
    ]
    assert charts.box_plot.getAxis("bottom").labelText == "Total time (s)"

    # Another metric from the chooser: the output lengths, 100/110/120 tokens per repeat.
    charts.metric_choice.setCurrentIndex(charts.metric_choice.findData("output_tokens"))
    lengths = [float(output_tokens(repeat)) for repeat in range(3)]
    assert points_by_column(charts)[0] == sorted(lengths * 2)
    assert points_by_column(charts)[2] == sorted([*lengths, *lengths[:2]])
    assert charts.box_plot.getAxis("bottom").labelText == "Output length (tokens)"


def test_the_bars_add_up_every_repeats_cost_and_tokens(charts: GridCharts) -> None:
    assert charts.cost_bars is not None
    # $0.001, $0.002 and $0.004 a repeat: 6, 6 and 5 repeats that reported usage.
    assert np.allclose(charts.cost_bars.opts["width"], [0.006, 0.012, 0.020])
    assert charts.input_bars is not None and charts.output_bars is not None
    assert np.allclose(charts.input_bars.opts["width"], [300, 300, 250])  # 50 input tokens a repeat
    assert np.allclose(charts.output_bars.opts["width"], [660, 660, 540])  # 100 + 110 + 120 per case
    assert np.allclose(charts.output_bars.opts["x0"], [300, 300, 250]), "output stacked after input"
    figures = [label.textItem.toPlainText() for label in charts.value_labels]
    assert figures == ["$0.0060", "$0.012", "$0.020", "960", "960", "790"]


def test_the_charts_export_as_png_and_svg_that_viewers_open(charts: GridCharts, tmp_path: Path) -> None:
    png = tmp_path / "charts.png"
    charts.export(png)
    image = QImage(str(png))
    assert not image.isNull()
    view = charts.view.viewRect()
    assert image.width() == int(view.width() * 2), "twice the screen's size"

    svg = tmp_path / "charts.svg"
    charts.export(svg)
    data = svg.read_bytes()
    texts = svg_texts(data)
    for expected in ("temperature 0.5", "$0.012", "Total time (s)", "Tokens"):
        assert expected in texts
    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()

    with pytest.raises(ValueError, match="PNG or SVG"):
        charts.export(tmp_path / "charts.bmp")


def test_each_chart_is_an_svg_for_the_report_even_when_never_shown(qtbot: QtBot, tmp_path: Path) -> None:
    charts = GridCharts()
    qtbot.addWidget(charts)
    run = sample_run()
    charts.show_run(run, names_of(run))
    charts.set_metric("cost_usd")
    images = charts.chart_images()
    assert list(images) == [
        "Time to first token (s)",
        "Total time (s)",
        "Output tokens/s",
        "Output length (tokens)",
        "Cost (USD)",
        "Cost per column",
        "Tokens per column",
    ]
    for caption, data in images.items():
        assert QSvgRenderer(QByteArray(data)).isValid(), caption
        texts = svg_texts(data)
        assert "temperature 1.0" in texts, caption
    assert "Total time (s): each repeat a point, the box its middle half" in svg_texts(
        images["Total time (s)"]
    )
    assert "$0.020" in svg_texts(images["Cost per column"])
    assert charts.current_metric() == "cost_usd", "the metric on screen stays chosen"
    # Saved as a picture from the Export menu, still never shown: a whole picture, not an empty one.
    charts.export(tmp_path / "never-shown.png")
    image = QImage(str(tmp_path / "never-shown.png"))
    assert image.width() >= 1800 and image.height() >= 1800


def test_the_dark_theme_redraws_the_charts_on_a_dark_background(
    qapp: QApplication, qtbot: QtBot, charts: GridCharts, dark_theme: None, tmp_path: Path
) -> None:
    apply_theme(qapp, "light")
    qtbot.waitUntil(lambda: charts.view.backgroundBrush().color().lightness() > 240)
    assert charts.points is not None
    light_point = charts.points.data["brush"][0].color()

    apply_theme(qapp, "dark")
    # The palette reaches the widgets as events: wait for the redraw.
    qtbot.waitUntil(lambda: charts.view.backgroundBrush().color().lightness() < 40)
    assert charts.points is not None
    text = charts.box_plot.getAxis("bottom").textPen().color()
    assert text.lightness() > 200, "light text on the dark background"
    assert charts.points.data["brush"][0].color() == series_colour(0, dark=True) != light_point
    # The exported picture is dark too.
    charts.export(tmp_path / "dark.png")
    corner = QImage(str(tmp_path / "dark.png")).pixelColor(2, 2)
    assert corner.lightness() < 40


def test_a_run_with_nothing_finished_says_so_and_draws_no_points(qtbot: QtBot) -> None:
    charts = GridCharts()
    qtbot.addWidget(charts)
    run = replace(sample_run(), cells={})
    charts.show_run(run, names_of(run))
    charts.show()
    assert charts.points is None and charts.boxes is None
    assert charts.empty.isVisible()
    assert "No repeat has finished yet" in charts.empty.text()
    assert np.allclose(charts.cost_bars.opts["width"] if charts.cost_bars else [], [0, 0, 0])


def test_a_name_too_long_for_the_axis_keeps_its_distinguishing_end(qtbot: QtBot) -> None:
    charts = GridCharts()
    qtbot.addWidget(charts)
    run = sample_run()
    prefix = "model claude-a-model-name-long-enough-to-need-two-lines \u00b7 "
    charts.show_run(run, [prefix + name for name in names_of(run)])
    shown = [name for _, name in charts.box_plot.getAxis("left")._tickLevels[0]]
    assert [name.splitlines()[-1] for name in shown] == [
        "temperature 0.0",
        "temperature 0.5",
        "temperature 1.0",
    ]


def test_the_boxes_in_the_report_sit_where_their_points_are(qtbot: QtBot) -> None:
    """Each box plot is redrawn for its metric just before it is written: the boxes must be drawn at the
    new metric's scale, not the one on screen before (a stale view put them thousands of pixels off)."""
    charts = GridCharts()
    qtbot.addWidget(charts)
    run = sample_run()
    charts.show_run(run, names_of(run))
    charts.resize(1100, 750)
    charts.show()
    qtbot.waitExposed(charts)
    images = charts.chart_images()
    for caption in ("Time to first token (s)", "Total time (s)", "Output length (tokens)"):
        root = ElementTree.fromstring(images[caption])
        colour = series_colour(0, dark=False).name()
        centres = [float(c.get("cx", "nan")) for c in root.iter(f"{SVG}circle") if c.get("fill") == colour]
        assert len(centres) == 6, caption  # column 0's six finished repeats
        (bars,) = [g for g in root.iter(f"{SVG}g") if g.get("id") == "BarGraphItem_1"]
        first_box = next(path for path in bars.iter(f"{SVG}path"))
        xs = [
            float(point.split(",")[0].lstrip("MLZ "))
            for point in first_box.get("d", "").split()
            if "," in point
        ]
        # The box spans the quartiles, inside the range of the points (a point's radius of slack).
        assert min(centres) - 4 <= min(xs) <= max(xs) <= max(centres) + 4, caption


def test_the_charts_speak_the_interface_language_and_follow_a_change(
    qtbot: QtBot, charts: GridCharts, chinese: None
) -> None:
    # The translator arrived after the charts were drawn: the language change redraws them in Chinese.
    qtbot.waitUntil(lambda: charts.box_plot.getAxis("bottom").labelText == "总用时（秒）")
    assert charts.metric_choice.currentText() == "总用时（秒）"
    assert charts.current_metric() == "duration", "the chosen metric is kept"
    assert charts.cost_plot.titleLabel.text == "每列费用（所有重复）"
    assert charts.cost_plot.getAxis("bottom").labelText == "费用（美元）"
    assert "每列 token（所有重复）" in charts.tokens_plot.titleLabel.text

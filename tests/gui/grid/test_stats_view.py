"""The grid's statistics tables, a real widget offscreen: what the user reads per column and per test case
(median, p90, spread, distinct outputs, repeats finished) and the "within noise" marks against the
reference column they pick. The expected figures are worked out by hand from tests/gui/grid/sample_runs."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from core.grid.stats import METRICS
from core.model.grid import RunState
from gui.grid.stats_view import NOT_MEASURED, GridStatsView
from tests.gui.grid.sample_runs import names_of, sample_run

DURATION = METRICS.index("duration")
COST = METRICS.index("cost_usd")
DISTINCT = len(METRICS)
REPEATS = len(METRICS) + 1


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def text(table: QTableWidget, row: int, column: int) -> str:
    return cell(table, row, column).text()


def header(table: QTableWidget, row: int) -> str:
    item = table.verticalHeaderItem(row)
    assert item is not None
    return item.text()


def shown_view(qtbot: QtBot) -> GridStatsView:
    view = GridStatsView()
    qtbot.addWidget(view)
    run = sample_run()
    view.show_run(run, names_of(run))
    view.resize(1100, 700)
    view.show()
    return view


def test_each_column_shows_median_p90_and_spread_of_its_finished_repeats(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    table = view.columns_table
    assert table.rowCount() == 3
    headers = [
        table.model().headerData(column, Qt.Orientation.Horizontal) for column in range(table.columnCount())
    ]
    assert headers[DURATION] == "Total time (s)" and headers[COST] == "Cost (USD)"
    assert header(table, 0) == "temperature 0.0 (reference)"
    assert header(table, 2) == "temperature 1.0"

    # Column 0: 1.0, 1.2, 1.4 s in each of two cases. Median 1.2; p90 at position 4.5 of 6 sorted = 1.4;
    # quartiles at positions 1.25 and 3.75: 1.05 and 1.35, IQR 0.30.
    # Numbers only: the header gives the unit.
    lines = text(table, 0, DURATION).splitlines()
    assert lines == ["median 1.20", "p90 1.40", "range 1.00 \u2013 1.40", "IQR 0.30"]
    # Column 2 lost its last repeat of the second case: 3.0, 3.2, 3.4, 3.0, 3.2 -> median 3.2, range 3.0-3.4.
    lines = text(table, 2, DURATION).splitlines()
    assert lines[0] == "median 3.20" and lines[2] == "range 3.00 \u2013 3.40"
    assert text(table, 0, COST).splitlines()[0] == "median $0.0010"

    assert text(table, 0, DISTINCT) == "1 of 3"  # the same answer every time
    assert text(table, 1, DISTINCT) == "3 of 3"
    # Column 2: "A", "A " and "B" in the first case (2: spacing is not a difference), "A" and "A " in the
    # second (its third repeat failed): 1.5 on average.
    assert text(table, 2, DISTINCT) == "1.5 of 3"
    assert text(table, 0, REPEATS) == "6 of 6 finished"
    assert text(table, 2, REPEATS) == "5 of 6 finished\n1 failed"


def test_a_column_within_noise_of_the_reference_is_marked_and_a_slower_one_is_not(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    table = view.columns_table
    assert "noise" not in text(table, 0, DURATION), "the reference is not compared with itself"
    # Column 1's times spread like column 0's: the repeats cannot tell them apart.
    assert text(table, 1, DURATION).splitlines()[-1] == "\u2248 within noise"
    # Column 2 is two seconds slower in every repeat.
    assert text(table, 2, DURATION).splitlines()[-1] == "\u2260 beyond noise"
    tip = cell(table, 2, DURATION).toolTip()
    assert "Median +2.00 s against temperature 0.0; 95% bootstrap interval" in tip
    # A fixed price per repeat differs without any noise.
    assert text(table, 1, COST).splitlines()[-1] == "\u2260 beyond noise"

    # Another reference: now column 2 is the one not compared, and column 0 is beyond noise of it.
    view.reference.setCurrentIndex(2)
    assert header(table, 2) == "temperature 1.0 (reference)"
    assert "noise" not in text(table, 2, DURATION)
    assert text(table, 0, DURATION).splitlines()[-1] == "\u2260 beyond noise"
    assert "Median \u22122.00 s against temperature 1.0" in cell(table, 0, DURATION).toolTip()

    # The choice survives the run being shown again (as cells arrive).
    run = sample_run()
    view.show_run(run, names_of(run))
    assert view.reference.currentIndex() == 2


def test_each_test_case_has_its_row_over_every_column(qtbot: QtBot) -> None:
    view = shown_view(qtbot)
    table = view.rows_table
    assert [header(table, row) for row in range(table.rowCount())] == ["capital", "river"]
    # Case "river": 1.0 1.2 1.4 | 1.1 1.3 1.2 | 3.0 3.2 (the third failed): 8 values, median 1.25.
    lines = text(table, 1, DURATION).splitlines()
    assert lines[0] == "median 1.25" and lines[2] == "range 1.00 \u2013 3.20"
    assert "noise" not in text(table, 1, DURATION)
    # Per case, the distinct outputs averaged over the columns: (1 + 3 + 2) / 3 = 2 for "capital";
    # (1 + 3 + 1) / 3 for "river", whose column 2 kept only "A" and "A ".
    assert text(table, 0, DISTINCT) == "2 of 3"
    assert text(table, 1, DISTINCT) == "1.7 of 3"


def test_a_run_with_nothing_finished_yet_says_so_instead_of_showing_zeros(qtbot: QtBot) -> None:
    view = GridStatsView()
    qtbot.addWidget(view)
    run = replace(sample_run(), cells={})
    view.show_run(run, names_of(run))
    table = view.columns_table
    assert text(table, 1, DURATION) == NOT_MEASURED
    assert "No finished repeat" in cell(table, 1, DURATION).toolTip()
    assert text(table, 1, DISTINCT) == NOT_MEASURED
    assert text(table, 1, REPEATS) == "0 of 6 finished"
    assert text(view.rows_table, 0, COST) == NOT_MEASURED


def test_a_long_column_name_takes_one_line_per_difference(qtbot: QtBot) -> None:
    view = GridStatsView()
    qtbot.addWidget(view)
    run = sample_run()
    names = [f"model claude-demo \u00b7 {name}" for name in names_of(run)]
    view.show_run(run, names)
    assert header(view.columns_table, 0) == "model claude-demo\ntemperature 0.0 (reference)"
    assert header(view.columns_table, 1) == "model claude-demo\ntemperature 0.5"
    assert view.reference.currentText() == "model claude-demo \u00b7 temperature 0.0"


def test_while_the_run_goes_no_noise_verdict_is_shown_yet(qtbot: QtBot) -> None:
    view = GridStatsView()
    qtbot.addWidget(view)
    run = replace(sample_run(), state=RunState.RUNNING)
    view.show_run(run, names_of(run))
    view.show()
    table = view.columns_table
    assert text(table, 2, DURATION).splitlines()[0] == "median 3.20", "the figures are shown as they come"
    assert not any("noise" in text(table, row, DURATION) for row in range(3))
    assert view.noise_note.isVisible() and "when the run has ended" in view.noise_note.text()

    view.show_run(replace(run, state=RunState.DONE), names_of(run))
    assert text(table, 2, DURATION).splitlines()[-1] == "\u2260 beyond noise"
    assert not view.noise_note.isVisible()


def table_texts(table: QTableWidget) -> list[list[tuple[str, str]]]:
    return [
        [
            (cell(table, row, column).text(), cell(table, row, column).toolTip())
            for column in range(table.columnCount())
        ]
        for row in range(table.rowCount())
    ]


def test_following_a_run_off_the_ui_thread_shows_what_show_run_shows(qtbot: QtBot) -> None:
    """While a run goes the window calls `follow` (figures worked out on a worker thread, the tables updated
    in place): after a few refreshes with more cells each time, both tables read as a fresh `show_run`."""
    import asyncio

    full = replace(sample_run(), state=RunState.RUNNING)
    names = names_of(full)
    keys = sorted(full.cells, key=lambda key: (key.case, key.variant, key.repeat))
    followed = GridStatsView()
    qtbot.addWidget(followed)
    for count in (3, 9, len(keys)):
        partial = replace(full, cells={key: full.cells[key] for key in keys[:count]})
        asyncio.run(followed.follow(partial, names))
    fresh = GridStatsView()
    qtbot.addWidget(fresh)
    fresh.show_run(full, names)
    assert followed.figured == 3
    for table in ("columns_table", "rows_table"):
        assert table_texts(getattr(followed, table)) == table_texts(getattr(fresh, table))
    # Widened as texts grew, never narrower than a fit of the same texts.
    for column in range(fresh.rows_table.columnCount()):
        assert followed.rows_table.columnWidth(column) >= fresh.rows_table.columnWidth(column)

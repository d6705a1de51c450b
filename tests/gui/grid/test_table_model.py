"""The grid's table model in a real QTableView offscreen: cells fill one repeat at a time without a reset,
show the first lines of the output with the key metrics, and take the theme's status colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.request_settings import RequestSettings
from gui.grid.table_model import STATUS_ROLE, GridTableModel, status_colour


def a_run(cases: int = 3, variants: int = 2, repeats: int = 2) -> GridRun:
    test_set = TestSet(
        id=1,
        name="Capitals",
        template="What is the capital of {{country}}?",
        cases=tuple(TestCase(f"case {n}", {"country": f"C{n}"}) for n in range(cases)),
    )
    return GridRun(
        id=7,
        name="run",
        test_set=test_set,
        variants=tuple(
            GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", temperature=t / 2))
            for t in range(variants)
        ),
        repeats=repeats,
    )


def done(key: CellKey, text: str, duration: float, tokens: int, cost: float) -> CellResult:
    return CellResult(
        key,
        CellStatus.DONE,
        content=({"type": "text", "text": text},),
        metrics=ColumnMetrics(
            time_to_first_token=0.1, duration=duration, output_tokens=tokens, cost_usd=cost
        ),
    )


def test_repeats_fill_a_cell_without_resetting_the_model(qapp: QApplication, qtbot: QtBot) -> None:
    model = GridTableModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.show_run(a_run(), ["temperature 0", "temperature 0.5"])
    view.show()
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, _last: changed.append((first.row(), first.column())))

    assert model.rowCount() == 3 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "temperature 0.5"
    assert model.headerData(2, Qt.Orientation.Vertical) == "case 2"
    index = model.index(1, 0)
    assert model.data(index) == "0/2"
    assert model.data(index, STATUS_ROLE) == CellStatus.PENDING

    model.cell_started(CellKey(1, 0, 0))
    assert model.data(index, STATUS_ROLE) == CellStatus.RUNNING
    model.cell_finished(done(CellKey(1, 0, 0), "Paris.\nIt is on the Seine.\nThird line", 1.0, 10, 0.001))
    model.cell_finished(done(CellKey(1, 0, 1), "Paris!\nSecond", 3.0, 20, 0.002))

    text = model.data(index)
    assert text.splitlines() == ["Paris!", "Second", "2/2 · 2.00 s · 15 tok · $0.0030"]
    assert model.data(index, STATUS_ROLE) == CellStatus.DONE
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None  # done: the view's own base
    assert resets == []
    assert changed == [(1, 0)] * 3


def test_a_failed_repeat_colours_the_cell_and_says_so(qapp: QApplication) -> None:
    model = GridTableModel()
    model.show_run(a_run(repeats=2), ["a", "b"])
    model.cell_finished(done(CellKey(0, 1, 0), "Fine", 1.0, 5, 0.0))
    model.cell_finished(
        CellResult(CellKey(0, 1, 1), CellStatus.FAILED, error=ReplyError(ErrorKind.OVERLOADED, "overloaded"))
    )
    index = model.index(0, 1)
    assert model.data(index, STATUS_ROLE) == CellStatus.FAILED
    assert "1 failed" in model.data(index)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == status_colour(CellStatus.FAILED)
    assert [result.key.repeat for result in model.results(0, 1)] == [0, 1]
    # Retried: running again, then done.
    model.cell_started(CellKey(0, 1, 1))
    assert model.data(index, STATUS_ROLE) == CellStatus.RUNNING
    model.cell_finished(done(CellKey(0, 1, 1), "Fine again", 1.0, 5, 0.0))
    assert model.data(index, STATUS_ROLE) == CellStatus.DONE


def test_a_reopened_run_shows_its_saved_cells(qapp: QApplication) -> None:
    run = a_run(cases=2, variants=2, repeats=1)
    key = CellKey(1, 1, 0)
    saved = GridRun(**{**run.__dict__, "cells": {key: done(key, "Saved reply", 2.0, 4, 0.01)}})
    model = GridTableModel()
    model.show_run(saved, ["a", "b"])
    assert model.data(model.index(1, 1)).startswith("Saved reply\n1/1")
    assert model.data(model.index(0, 0)) == "0/1"

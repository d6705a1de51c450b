"""The grid's cell painter (`CellDelegate`): a cell shows what Qt's own item delegate shows, pixel for pixel
(the same lines, cut with an ellipsis at the column's edge, the status colours, the selection and the focus
frame, in the light and the dark theme), while each cell's lines are cut once, not on every paint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate
from pytestqt.qtbot import QtBot

from core.model.compare_run import ColumnMetrics
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.request_settings import RequestSettings
from gui.grid.cell_delegate import CellDelegate
from gui.grid.table_model import GridTableModel
from gui.grid.table_view import GridTableView
from gui.theme.palettes import palette

LONG = "A reply long enough that its first line cannot fit in a column of this width, so it is cut " * 2


def a_run() -> GridRun:
    cases = tuple(TestCase(f"case {n}", {"q": str(n)}) for n in range(4))
    variants = tuple(
        GridVariant("demo", RequestSettings(model="claude-demo", temperature=t)) for t in (0, 1, 2)
    )
    cells: dict[CellKey, CellResult] = {}
    texts = [LONG + "\nand a second line, short", "Short.", "Tiny\n\n\nafter blank lines " + LONG]
    for case in range(3):  # the fourth row stays pending
        for variant in range(3):
            key = CellKey(case, variant, 0)
            if (case, variant) == (1, 1):
                cells[key] = CellResult(key, CellStatus.FAILED)
                continue
            metrics = ColumnMetrics(duration=1.25 + case, output_tokens=120, cost_usd=0.0123)
            text = texts[(case + variant) % 3]
            cells[key] = CellResult(key, CellStatus.DONE, ({"type": "text", "text": text},), metrics)
    test_set = TestSet(1, "Set", "Q {{q}}", cases)
    return GridRun(3, "run", test_set, variants, repeats=1, cells=cells)


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    before = QGuiApplication.palette()
    QApplication.setPalette(palette(request.param))
    yield request.param
    QApplication.setPalette(before)


def grid(qtbot: QtBot) -> tuple[GridTableModel, GridTableView]:
    model = GridTableModel()
    view = GridTableView(model)
    qtbot.addWidget(view)
    model.show_run(a_run(), ["t 0", "t 1", "t 2"])
    model.cell_started(CellKey(3, 2, 0))  # one cell running
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def drawn(view: GridTableView) -> QImage:
    QApplication.processEvents()  # the view's pending layout (scroll bars shown or hidden) first
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def as_qt_draws(view: GridTableView) -> QImage:
    """The same view painted by Qt's own item delegate, then ours put back."""
    view.setItemDelegate(QStyledItemDelegate(view))
    try:
        return drawn(view)
    finally:
        view.setItemDelegate(view.cells)


def test_cells_look_as_qt_draws_them(theme: bool, qtbot: QtBot) -> None:
    model, view = grid(qtbot)
    assert isinstance(view.itemDelegate(), CellDelegate)
    # A selected cell with the keyboard focus, its text cut at the edge.
    view.setFocus()
    index = model.index(0, 0)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: view.hasFocus())
    ours = drawn(view)
    assert ours == as_qt_draws(view)
    # Narrower: more of each line cut; the cut lines are the column's new width.
    view.setColumnWidth(0, 90)
    view.setColumnWidth(2, 130)
    assert drawn(view) == as_qt_draws(view)
    # Selection moved away: the cell paints unselected again; a selected cell without the focus frame.
    view.selectionModel().setCurrentIndex(model.index(2, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.selectionModel().select(model.index(0, 2), QItemSelectionModel.SelectionFlag.Select)
    assert drawn(view) == as_qt_draws(view)


def test_a_changed_cell_shows_its_new_text(qtbot: QtBot, qapp: QApplication) -> None:
    model, view = grid(qtbot)
    before = drawn(view)
    model.cell_finished(
        CellResult(
            CellKey(3, 0, 0),
            CellStatus.DONE,
            ({"type": "text", "text": "A fresh answer"},),
            ColumnMetrics(duration=2.0, output_tokens=9),
        )
    )
    after = drawn(view)
    assert after != before
    assert after == as_qt_draws(view)
    assert model.cell_text(3, 0).startswith("A fresh answer")


def test_lines_are_cut_once_not_on_every_paint(qtbot: QtBot, qapp: QApplication) -> None:
    _, view = grid(qtbot)
    # Cut ahead while idle: every cell of the run, painted or not.
    qtbot.waitUntil(lambda: not view.ahead())
    cuts = view.cells.cuts
    for _ in range(3):
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        drawn(view)
        view.verticalScrollBar().setValue(0)
        drawn(view)
    assert view.cells.cuts == cuts
    # A font change cuts them again, to the new font.
    font = view.font()
    font.setPointSizeF(font.pointSizeF() + 2)
    view.setFont(font)
    qtbot.waitUntil(lambda: not view.ahead())
    assert view.cells.cuts > cuts
    assert drawn(view) == as_qt_draws(view)


def test_switching_the_theme_repaints_in_its_colours(qtbot: QtBot, qapp: QApplication) -> None:
    before = QGuiApplication.palette()
    QApplication.setPalette(palette(False))
    try:
        _, view = grid(qtbot)
        light = drawn(view)
        QApplication.setPalette(palette(True))
        dark = drawn(view)
        assert dark != light
        assert dark == as_qt_draws(view)
    finally:
        QApplication.setPalette(before)


def test_a_cell_drawn_before_is_copied_without_a_full_style_option(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick path: a repaint of cells drawn before asks the model only their text and background (no full
    style option, which asks it every role), and still draws what Qt draws, after a selection change too."""
    model, view = grid(qtbot)
    # The quick path reads a cell's text and background in one call: what the two roles answer.
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert model.cell_look(row, column) == (
                index.data(Qt.ItemDataRole.DisplayRole),
                index.data(Qt.ItemDataRole.BackgroundRole),
            )
    qtbot.waitUntil(lambda: not view.ahead())  # cutting ahead builds full options: done first
    drawn(view)
    options: list[QModelIndex] = []
    real = view.cells.initStyleOption

    def counted(option: object, index: QModelIndex) -> None:
        options.append(index)
        real(option, index)  # type: ignore[arg-type]

    monkeypatch.setattr(view.cells, "initStyleOption", counted)
    drawn(view)
    focus = view.currentIndex()
    # Only the cell with the keyboard's focus is drawn Qt's way (the style tints its focus frame).
    assert {(i.row(), i.column()) for i in options} <= {(focus.row(), focus.column())}
    monkeypatch.undo()
    view.selectionModel().select(model.index(0, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert drawn(view) == as_qt_draws(view)
    drawn(view)  # the selected cell now from its quick key
    assert drawn(view) == as_qt_draws(view)

"""A grid run's statistics as two tables: one row per column (settings variant) and one per test case.

Each metric cell shows the median, the p90 and the spread (min-max and IQR) over the finished repeats, from
core.grid.stats. The columns table also marks, against a reference column the user picks, each other
column's metric whose difference of medians is within noise (a bootstrap interval that contains zero), so a
"faster" column that is only luckier reads as such. Distinct outputs say how repeatable each setting is.

The figures are worked out from the run's cells by `stats_figures`, a pure function: `show_run` calls it on
the UI thread (a run opened, a test), `follow` on a worker thread while a run goes (900 repeats take ~25 ms
of Python, twice a second). The tables are then updated in place: only the cells whose text changed are
set, and only their rows are fitted again, their columns only widened (fitting every cell of a 50-case table
took ~55 ms); the whole table is fitted when its shape changes or the run has ended.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core.grid.stats import (
    METRICS,
    QUALITY,
    NoiseCheck,
    Summary,
    column_distinct_outputs,
    column_results,
    column_summaries,
    finished,
    noise_against,
    row_distinct_outputs,
    row_summaries,
)
from core.model.grid import CellResult, CellStatus, GridRun, RunState
from core.model.judging import RubricScore
from gui.grid.metric_names import metric_name, number_text, value_text

NAME_PARTS = " \u00b7 "
"""How the grid window joins the differences that name a column ("model x · temperature 0.5")."""
NOT_MEASURED = "—"
"""A metric no repeat has measured yet (or that every repeat failed)."""

Noise = dict[str, dict[int, NoiseCheck | None]]
Shown = tuple[str, str]
"""A table cell's text and tooltip."""
TEXTS_KEPT = 4000
"""Summaries' texts kept for the next refresh (most summaries of a run that goes are the same again)."""


@dataclass(frozen=True)
class StatsFigures:
    """What the two tables show of one run, worked out from its cells (no Qt: built off the UI thread)."""

    metrics: tuple[str, ...]
    columns: dict[int, dict[str, Summary | None]]
    column_distinct: dict[int, float | None]
    column_repeats: dict[int, tuple[int, int]]
    """Variant index -> (finished, failed) repeats."""
    rows: dict[int, dict[str, Summary | None]]
    row_distinct: dict[int, float | None]
    reference: int
    noise: tuple[object, Noise] | None
    """The noise checks against `reference` with what they were computed from (None while the run goes)."""


def stats_figures(
    run: GridRun, scores: Sequence[RubricScore] | None, reference: int, noise: tuple[object, Noise] | None
) -> StatsFigures:
    """The figures of `run`; `noise`, checks already computed, is reused when computed from the same cells,
    scores and reference (the bootstrap is the costly part: ~200 ms for 50 x 6 x 3)."""
    metrics = (*METRICS, QUALITY) if scores else METRICS
    checks: tuple[object, Noise] | None = None
    # Not while the run goes: each refresh would redo the bootstrap, and a verdict read before the results
    # are in is the "peeking" that makes noise look like a difference.
    if reference >= 0 and run.state is not RunState.RUNNING:
        basis = _noise_basis(run, reference, scores)
        if noise is not None and noise[0] == basis:
            checks = noise
        else:
            found = {metric: noise_against(run, reference, metric, scores=scores) for metric in metrics}
            checks = (basis, found)
    return StatsFigures(
        metrics=metrics,
        columns=column_summaries(run, scores),
        column_distinct=column_distinct_outputs(run),
        column_repeats={
            variant: (len(finished(results)), _failed(results))
            for variant, results in column_results(run).items()
        },
        rows=row_summaries(run, scores),
        row_distinct=row_distinct_outputs(run),
        reference=reference,
        noise=checks,
    )


def _noise_basis(run: GridRun, reference: int, scores: Sequence[RubricScore] | None) -> object:
    return (
        reference,
        run.id,
        tuple((key, result.status, result.finished_at) for key, result in run.cells.items()),
        tuple((s.case, s.variant, s.repeat, s.template_id, s.overall) for s in scores or ()),
    )


def _failed(results: Sequence[CellResult]) -> int:
    return sum(1 for result in results if result.status is CellStatus.FAILED)


class GridStatsView(QWidget):
    """Per column and per test case statistics of one run; `show_run` (or `follow`) again whenever the run
    changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run: GridRun | None = None
        self._names: list[str] = []
        self._scores: list[RubricScore] | None = None
        self._noise: tuple[object, Noise] | None = None
        """The last noise checks with what they were computed from: showing the same ended run again (a tab
        switch) reuses them."""
        self._texts: dict[tuple[str, Summary], Shown] = {}
        self.figured = 0
        """How many times the figures were worked out (a hidden tab's must not be)."""

        self.reference = QComboBox()
        self.reference.setAccessibleName(self.tr("Reference column for the noise marks"))
        self.reference.setToolTip(
            self.tr(
                "Each other column's metric is marked \u201cwithin noise\u201d when a bootstrap interval of "
                "its difference of medians from this column contains zero: the repeats cannot tell them "
                "apart."
            )
        )
        self.reference.currentIndexChanged.connect(self._reference_changed)
        chooser = QHBoxLayout()
        reference_label = QLabel(self.tr("Compare columns with:"))
        reference_label.setBuddy(self.reference)
        chooser.addWidget(reference_label)
        chooser.addWidget(self.reference)
        self.noise_note = QLabel(
            self.tr(
                "Noise marks appear when the run has ended: a verdict read while results still arrive "
                "misleads."
            )
        )
        self.noise_note.setWordWrap(True)
        self.noise_note.hide()
        chooser.addWidget(self.noise_note, 1)
        chooser.addStretch(1)

        self.columns_table = _table(self.tr("Statistics per column"))
        self.rows_table = _table(self.tr("Statistics per test case"))

        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(QLabel(self.tr("Per column (every test case and repeat)")))
        layout.addWidget(self.columns_table, 1)
        layout.addWidget(QLabel(self.tr("Per test case (every column and repeat)")))
        layout.addWidget(self.rows_table, 1)

    def show_run(self, run: GridRun, names: list[str], scores: Sequence[RubricScore] | None = None) -> None:
        """Fill both tables from the run's saved cells; `names` are the columns' names (one per variant, as
        distinguishing_differences words them); `scores` a judge template's rubric scores of the run (the
        judge's quality then joins the metrics). The reference column chosen stays chosen."""
        self._take(run, names, scores)
        self._show(self._figures())

    async def follow(
        self, run: GridRun, names: list[str], scores: Sequence[RubricScore] | None = None
    ) -> None:
        """As `show_run`, with the figures worked out on a worker thread (the run and scores are not changed
        meanwhile: the window hands over copies). If another run or reference is shown before they are
        ready, they are dropped."""
        self._take(run, names, scores)
        self.figured += 1
        figures = await asyncio.to_thread(
            stats_figures, run, self._scores, self.reference.currentIndex(), self._noise
        )
        if not self._current(run, figures):
            return
        if figures.noise is not None:
            self._noise = figures.noise
        self._fill_columns(figures)
        await asyncio.sleep(0)  # the two tables in separate passes of the loop: a tick can come between
        if self._current(run, figures):
            self._fill_rows(figures)

    def _current(self, run: GridRun, figures: StatsFigures) -> bool:
        """Whether `figures` of `run` are still the ones to show (the view not deleted with its window, no
        other run or reference shown since)."""
        return isValid(self) and self._run is run and figures.reference == self.reference.currentIndex()

    def _take(self, run: GridRun, names: list[str], scores: Sequence[RubricScore] | None) -> None:
        if len(names) != len(run.variants):
            raise ValueError("One name per variant is needed.")
        keep = self.reference.currentIndex() if names == self._names else 0
        self._run = run
        self._names = list(names)
        self._scores = list(scores) if scores else None
        self.reference.blockSignals(True)
        self.reference.clear()
        self.reference.addItems(names)
        self.reference.setCurrentIndex(min(max(keep, 0), len(names) - 1) if names else -1)
        self.reference.blockSignals(False)

    def _figures(self) -> StatsFigures:
        assert self._run is not None
        self.figured += 1
        return stats_figures(self._run, self._scores, self.reference.currentIndex(), self._noise)

    def _show(self, figures: StatsFigures) -> None:
        if figures.noise is not None:
            self._noise = figures.noise
        self._fill_columns(figures)
        self._fill_rows(figures)

    def _reference_changed(self, _index: int) -> None:
        if self._run is not None:
            self._fill_columns(self._figures())

    # -- the tables ---------------------------------------------------------------------------------------

    def _headers(self, metrics: tuple[str, ...]) -> list[str]:
        names = (metric_name(metric) for metric in metrics)
        return [*names, self.tr("Distinct outputs"), self.tr("Repeats")]

    def _fill_columns(self, figures: StatsFigures) -> None:
        run = self._run
        assert run is not None
        metrics = figures.metrics
        reference = figures.reference
        marks = figures.noise is not None
        self.noise_note.setVisible(run.state is RunState.RUNNING)
        noise = figures.noise[1] if figures.noise is not None else {}
        reference_name = self._names[reference] if reference >= 0 else ""
        cases = len(run.test_set.cases)
        # One difference a line ("model x", "temperature 0.5"): long names would take half the table's width.
        labels = [
            self.tr("{name} (reference)").format(name=name) if index == reference else name
            for index, name in enumerate(name.replace(NAME_PARTS, "\n") for name in self._names)
        ]
        items: list[list[Shown]] = []
        for variant in range(len(run.variants)):
            row: list[Shown] = []
            for metric in metrics:
                check = None if variant == reference else noise.get(metric, {}).get(variant)
                summary = figures.columns[variant][metric]
                shown = self._summary_cell(metric, summary)
                if marks and variant != reference and summary is not None:
                    shown = self._mark_noise(shown, metric, check, reference_name)
                row.append(shown)
            row.append(self._distinct_cell(figures.column_distinct.get(variant), run.repeats))
            done, failed = figures.column_repeats.get(variant, (0, 0))
            row.append(self._repeats_cell(done, failed, cases * run.repeats))
            items.append(row)
        _update(
            self.columns_table,
            self._headers(metrics),
            labels,
            items,
            settled=run.state is not RunState.RUNNING,
        )

    def _fill_rows(self, figures: StatsFigures) -> None:
        run = self._run
        assert run is not None
        metrics = figures.metrics
        cases = run.test_set.cases
        labels = [case.name or self.tr("Case {n}").format(n=index + 1) for index, case in enumerate(cases)]
        items = [
            [
                *(self._summary_cell(metric, figures.rows[case][metric]) for metric in metrics),
                self._distinct_cell(figures.row_distinct.get(case), run.repeats),
            ]
            for case in range(len(cases))
        ]
        settled = run.state is not RunState.RUNNING
        _update(self.rows_table, self._headers(metrics)[:-1], labels, items, settled=settled)

    # -- one cell each --------------------------------------------------------------------------------------

    def _summary_cell(self, metric: str, summary: Summary | None) -> Shown:
        # Numbers without units (the header names them), so a cell stays narrow; the tooltip has them.
        if summary is None:
            return NOT_MEASURED, self.tr("No finished repeat has measured this yet.")
        key = (metric, summary)
        shown = self._texts.get(key)
        if shown is None:
            lines = [
                self.tr("median {value}").format(value=number_text(metric, summary.median)),
                self.tr("p90 {value}").format(value=number_text(metric, summary.p90)),
                self.tr("range {low} \u2013 {high}").format(
                    low=number_text(metric, summary.minimum), high=number_text(metric, summary.maximum)
                ),
                self.tr("IQR {value}").format(value=number_text(metric, summary.iqr)),
            ]
            tip = self.tr("Over {n} finished repeats; quartiles {q1} and {q3}.").format(
                n=summary.n, q1=value_text(metric, summary.q1), q3=value_text(metric, summary.q3)
            )
            if len(self._texts) > TEXTS_KEPT:
                self._texts.clear()
            shown = self._texts[key] = ("\n".join(lines), tip)
        return shown

    def _mark_noise(self, shown: Shown, metric: str, check: NoiseCheck | None, reference: str) -> Shown:
        """Add the noise verdict against the reference column as the cell's last line, with the interval
        in the tooltip."""
        text, tip = shown
        if check is None:
            return text, tip + "\n" + self.tr(
                "Too few finished repeats on one side to tell a difference from noise."
            )
        verdict = self.tr("\u2248 within noise") if check.within_noise else self.tr("\u2260 beyond noise")
        difference = _signed(metric, check.difference)
        interval = self.tr(
            "Median {difference} against {reference}; {confidence}% bootstrap interval {low} to {high}."
        ).format(
            difference=difference,
            reference=reference,
            confidence=round(check.confidence * 100),
            low=_signed(metric, check.low),
            high=_signed(metric, check.high),
        )
        return text + "\n" + verdict, tip + "\n" + interval

    def _distinct_cell(self, mean: float | None, repeats: int) -> Shown:
        if mean is None:
            text = NOT_MEASURED
        else:
            shown = f"{mean:.0f}" if mean == round(mean) else f"{mean:.1f}"
            text = self.tr("{distinct} of {repeats}").format(distinct=shown, repeats=repeats)
        tip = self.tr(
            "Different replies among a cell's repeats (spacing ignored), averaged over the cells: "
            "1 means the same answer every time."
        )
        return text, tip

    def _repeats_cell(self, done: int, failed: int, total: int) -> Shown:
        text = self.tr("{done} of {total} finished").format(done=done, total=total)
        if failed:
            text += "\n" + self.tr("{failed} failed").format(failed=failed)
        return text, ""


def _signed(metric: str, value: float) -> str:
    text = value_text(metric, abs(value))
    return f"\u2212{text}" if value < 0 else f"+{text}"


def _item(shown: Shown) -> QTableWidgetItem:
    text, tip = shown
    item = QTableWidgetItem(text)
    if tip:
        item.setToolTip(tip)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return item


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _update(
    table: QTableWidget,
    headers: list[str],
    labels: list[str],
    items: list[list[Shown]],
    *,
    settled: bool,
) -> None:
    """Show `items` (a row of cells per label) in `table`. A table of another shape, or one whose run has
    ended (`settled`), is filled and fitted whole; otherwise only the cells whose text or tooltip changed are
    set, their rows fitted to them and their columns widened if they need it, so a refresh while a run goes
    costs what changed (and a column the user widened stays so)."""
    shape = (headers, labels)
    if settled or table.property("shape") != shape:
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(labels))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels(labels)
        for row, cells in enumerate(items):
            for column, shown in enumerate(cells):
                table.setItem(row, column, _item(shown))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setProperty("shape", shape)
        return
    grid_line = 1 if table.showGrid() else 0
    for row, cells in enumerate(items):
        changed = False
        for column, shown in enumerate(cells):
            old = table.item(row, column)
            if old is not None and (old.text(), old.toolTip()) == shown:
                continue
            table.setItem(row, column, _item(shown))
            changed = True
            width = table.sizeHintForIndex(table.model().index(row, column)).width() + grid_line
            if width > table.columnWidth(column):
                table.setColumnWidth(column, width)
        if changed:
            table.resizeRowToContents(row)

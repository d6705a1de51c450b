"""A grid run's statistics as two tables: one row per column (settings variant) and one per test case.

Each metric cell shows the median, the p90 and the spread (min-max and IQR) over the finished repeats, from
core.grid.stats. The columns table also marks, against a reference column the user picks, each other
column's metric whose difference of medians is within noise (a bootstrap interval that contains zero), so a
"faster" column that is only luckier reads as such. Distinct outputs say how repeatable each setting is.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from core.model.grid import CellStatus, GridRun, RunState
from core.model.judging import RubricScore
from gui.grid.metric_names import metric_name, number_text, value_text

NAME_PARTS = " \u00b7 "
"""How the grid window joins the differences that name a column ("model x · temperature 0.5")."""
NOT_MEASURED = "—"
"""A metric no repeat has measured yet (or that every repeat failed)."""


class GridStatsView(QWidget):
    """Per column and per test case statistics of one run; `show_run` again whenever the run changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run: GridRun | None = None
        self._names: list[str] = []
        self._scores: list[RubricScore] | None = None
        self._noise: tuple[object, dict[str, dict[int, NoiseCheck | None]]] | None = None
        """The last noise checks with what they were computed from: the bootstrap is the costly part
        (~200 ms for 50 x 6 x 3), so showing the same ended run again (a tab switch) reuses them."""

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
        self._fill_columns()
        self._fill_rows()

    def _reference_changed(self, _index: int) -> None:
        if self._run is not None:
            self._fill_columns()

    # -- the tables ---------------------------------------------------------------------------------------

    def metrics(self) -> tuple[str, ...]:
        """The metrics shown: the measured ones, and the judge's quality when the run has scores."""
        return (*METRICS, QUALITY) if self._scores else METRICS

    def _headers(self) -> list[str]:
        names = (metric_name(metric) for metric in self.metrics())
        return [*names, self.tr("Distinct outputs"), self.tr("Repeats")]

    def _fill_columns(self) -> None:
        run = self._run
        assert run is not None
        table = self.columns_table
        metrics = self.metrics()
        summaries = column_summaries(run, self._scores)
        distinct = column_distinct_outputs(run)
        results = column_results(run)
        reference = self.reference.currentIndex()
        # Not while the run goes: each refresh would redo the bootstrap, and a verdict read before the
        # results are in is the "peeking" that makes noise look like a difference.
        marks = reference >= 0 and run.state is not RunState.RUNNING
        self.noise_note.setVisible(run.state is RunState.RUNNING)
        noise = self._noise_checks(run, reference) if marks else {}
        reference_name = self._names[reference] if reference >= 0 else ""
        cases = len(run.test_set.cases)

        table.clear()
        table.setColumnCount(len(metrics) + 2)
        table.setRowCount(len(run.variants))
        table.setHorizontalHeaderLabels(self._headers())
        # One difference a line ("model x", "temperature 0.5"): long names would take half the table's width.
        labels = [
            self.tr("{name} (reference)").format(name=name) if index == reference else name
            for index, name in enumerate(name.replace(NAME_PARTS, "\n") for name in self._names)
        ]
        table.setVerticalHeaderLabels(labels)
        for variant in range(len(run.variants)):
            for column, metric in enumerate(metrics):
                check = None if variant == reference else noise.get(metric, {}).get(variant)
                item = self._summary_item(metric, summaries[variant][metric])
                if marks and variant != reference and summaries[variant][metric] is not None:
                    self._mark_noise(item, metric, check, reference_name)
                table.setItem(variant, column, item)
            table.setItem(variant, len(metrics), self._distinct_item(distinct.get(variant), run.repeats))
            table.setItem(
                variant, len(metrics) + 1, self._repeats_item(results.get(variant, []), cases * run.repeats)
            )
        _fit(table)

    def _noise_checks(self, run: GridRun, reference: int) -> dict[str, dict[int, NoiseCheck | None]]:
        basis = (
            reference,
            run.id,
            tuple((key, result.status, result.finished_at) for key, result in run.cells.items()),
            tuple((s.case, s.variant, s.repeat, s.template_id, s.overall) for s in self._scores or ()),
        )
        if self._noise is None or self._noise[0] != basis:
            checks = {
                metric: noise_against(run, reference, metric, scores=self._scores)
                for metric in self.metrics()
            }
            self._noise = (basis, checks)
        return self._noise[1]

    def _fill_rows(self) -> None:
        run = self._run
        assert run is not None
        table = self.rows_table
        metrics = self.metrics()
        summaries = row_summaries(run, self._scores)
        distinct = row_distinct_outputs(run)
        table.clear()
        table.setColumnCount(len(metrics) + 1)
        table.setRowCount(len(run.test_set.cases))
        table.setHorizontalHeaderLabels(self._headers()[:-1])
        cases = run.test_set.cases
        table.setVerticalHeaderLabels(
            [case.name or self.tr("Case {n}").format(n=index + 1) for index, case in enumerate(cases)]
        )
        for case in range(len(run.test_set.cases)):
            for column, metric in enumerate(metrics):
                table.setItem(case, column, self._summary_item(metric, summaries[case][metric]))
            table.setItem(case, len(metrics), self._distinct_item(distinct.get(case), run.repeats))
        _fit(table)

    # -- one cell each --------------------------------------------------------------------------------------

    def _summary_item(self, metric: str, summary: Summary | None) -> QTableWidgetItem:
        # Numbers without units (the header names them), so a cell stays narrow; the tooltip has them.
        if summary is None:
            item = _item(NOT_MEASURED)
            item.setToolTip(self.tr("No finished repeat has measured this yet."))
            return item
        lines = [
            self.tr("median {value}").format(value=number_text(metric, summary.median)),
            self.tr("p90 {value}").format(value=number_text(metric, summary.p90)),
            self.tr("range {low} \u2013 {high}").format(
                low=number_text(metric, summary.minimum), high=number_text(metric, summary.maximum)
            ),
            self.tr("IQR {value}").format(value=number_text(metric, summary.iqr)),
        ]
        item = _item("\n".join(lines))
        item.setToolTip(
            self.tr("Over {n} finished repeats; quartiles {q1} and {q3}.").format(
                n=summary.n, q1=value_text(metric, summary.q1), q3=value_text(metric, summary.q3)
            )
        )
        return item

    def _mark_noise(
        self, item: QTableWidgetItem, metric: str, check: NoiseCheck | None, reference: str
    ) -> None:
        """Add the noise verdict against the reference column as the cell's last line, with the interval
        in the tooltip."""
        if check is None:
            item.setToolTip(
                item.toolTip()
                + "\n"
                + self.tr("Too few finished repeats on one side to tell a difference from noise.")
            )
            return
        verdict = self.tr("\u2248 within noise") if check.within_noise else self.tr("\u2260 beyond noise")
        item.setText(item.text() + "\n" + verdict)
        difference = _signed(metric, check.difference)
        item.setToolTip(
            item.toolTip()
            + "\n"
            + self.tr(
                "Median {difference} against {reference}; {confidence}% bootstrap interval {low} to {high}."
            ).format(
                difference=difference,
                reference=reference,
                confidence=round(check.confidence * 100),
                low=_signed(metric, check.low),
                high=_signed(metric, check.high),
            )
        )

    def _distinct_item(self, mean: float | None, repeats: int) -> QTableWidgetItem:
        if mean is None:
            item = _item(NOT_MEASURED)
        else:
            shown = f"{mean:.0f}" if mean == round(mean) else f"{mean:.1f}"
            item = _item(self.tr("{distinct} of {repeats}").format(distinct=shown, repeats=repeats))
        item.setToolTip(
            self.tr(
                "Different replies among a cell's repeats (spacing ignored), averaged over the cells: "
                "1 means the same answer every time."
            )
        )
        return item

    def _repeats_item(self, results: Sequence, total: int) -> QTableWidgetItem:
        done = len(finished(results))
        failed = sum(1 for result in results if result.status is CellStatus.FAILED)
        text = self.tr("{done} of {total} finished").format(done=done, total=total)
        if failed:
            text += "\n" + self.tr("{failed} failed").format(failed=failed)
        return _item(text)


def _signed(metric: str, value: float) -> str:
    text = value_text(metric, abs(value))
    return f"\u2212{text}" if value < 0 else f"+{text}"


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
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


def _fit(table: QTableWidget) -> None:
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

"""View → Spend…: cost and tokens per day, week or month, by model, provider or source, over a date range;
a stacked bar chart above a table, the totals with what caching saved, and the table as CSV.

The rows are read through `SpendService` (the store's thread) each time the range changes; the period and the
grouping are applied here to what was read, without asking the store again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model.spend import GroupBy, Period, SpendBucket, SpendRow, buckets, csv_text, periods, total
from core.store.errors import StoreError
from core.transcripts.atomic_file import write_text_atomic
from gui.spend.chart import ChartMetric, SpendChart
from gui.spend.table_model import PERIOD, SORT_ROLE, SpendTableModel
from gui.spend.words import count, group_name, money, period_name
from gui.tasks import TaskKeeper
from gui.widgets.recent_folders import ask_export_path
from gui.widgets.screen_fit import fit_to_screen

LoadSpend = Callable[[dt.date | None, dt.date | None], Awaitable[list[SpendRow]]]
"""`SpendService.per_day`: the rows of a range of local days (None: no bound)."""
ChooseFile = Callable[[QWidget, str], str | None]
"""Asks where to save the CSV (given a suggested name); None when the user cancels. Tests answer at once."""

DEFAULT_DAYS = 30


def ask_for_csv_file(parent: QWidget, suggested: str) -> str | None:
    title = QCoreApplication.translate("SpendWindow", "Export spend as CSV")
    files = QCoreApplication.translate("SpendWindow", "CSV files (*.csv)")
    return ask_export_path(parent, title, suggested, files)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class SpendWindow(QWidget):
    def __init__(
        self,
        load: LoadSpend,
        tasks: TaskKeeper,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        choose_file: ChooseFile = ask_for_csv_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._load = load
        self._tasks = tasks
        self._choose_file = choose_file
        self._rows: list[SpendRow] = []
        self._generation = 0
        self.loading: asyncio.Task[None] | None = None
        self.exporting: asyncio.Task[None] | None = None
        self.setObjectName("spendWindow")

        last = today()
        self.first_day = QDateEdit(_qdate(last - dt.timedelta(days=DEFAULT_DAYS - 1)), self)
        self.last_day = QDateEdit(_qdate(last), self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.reload)
        self.all_time = QCheckBox(self)
        self.all_time.toggled.connect(self._all_time_toggled)
        self.period = QComboBox(self)
        for period in Period:
            self.period.addItem(period_name(period), period)
        self.group_by = QComboBox(self)
        for group_by in GroupBy:
            self.group_by.addItem(group_name(group_by), group_by)
        self.chart_metric = QComboBox(self)
        self.chart_metric.addItem(self.tr("Cost"), ChartMetric.COST)
        self.chart_metric.addItem(self.tr("Tokens"), ChartMetric.TOKENS)
        for combo in (self.period, self.group_by, self.chart_metric):
            combo.currentIndexChanged.connect(self._regroup)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_csv)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.chart = SpendChart(self)
        self.model = SpendTableModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.model)
        self.sorted.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PERIOD, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        controls = QHBoxLayout()
        self.first_label = QLabel(self)
        self.first_label.setBuddy(self.first_day)
        self.last_label = QLabel(self)
        self.last_label.setBuddy(self.last_day)
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.period)
        self.group_label = QLabel(self)
        self.group_label.setBuddy(self.group_by)
        self.metric_label = QLabel(self)
        self.metric_label.setBuddy(self.chart_metric)
        for label, widget in (
            (self.first_label, self.first_day),
            (self.last_label, self.last_day),
            (None, self.all_time),
            (self.period_label, self.period),
            (self.group_label, self.group_by),
            (self.metric_label, self.chart_metric),
        ):
            if label is not None:
                controls.addWidget(label)
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([360, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notice)
        self._retranslate()
        fit_to_screen(self, QSize(1000, 720))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Spend"))
        self.first_label.setText(self.tr("&From"))
        self.last_label.setText(self.tr("&To"))
        self.all_time.setText(self.tr("&All time"))
        self.period_label.setText(self.tr("&Per"))
        self.group_label.setText(self.tr("&By"))
        self.metric_label.setText(self.tr("C&hart"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.export_button.setText(self.tr("&Export CSV…"))
        for label in (
            self.first_label,
            self.last_label,
            self.period_label,
            self.group_label,
            self.metric_label,
        ):
            # A kerned pair ("To") measures narrower than it draws: a little room keeps its last letter whole.
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(label.text().replace("&", "")) + 4)
        names = (
            (self.first_day, self.tr("First day"), self.tr("The first day counted, in local time")),
            (self.last_day, self.tr("Last day"), self.tr("The last day counted, in local time")),
            (self.all_time, self.tr("All time"), self.tr("Count every stored reply, whatever its day")),
            (self.period, self.tr("Period"), self.tr("Sum the spend per day, week or month")),
            (self.group_by, self.tr("Group by"), self.tr("Split the spend by model, provider or source")),
            (self.chart_metric, self.tr("Chart shows"), self.tr("What the bars measure: cost or tokens")),
            (self.refresh_button, self.tr("Refresh"), self.tr("Read the stored replies again")),
            (self.export_button, self.tr("Export CSV"), self.tr("Save the table as a CSV file")),
            (
                self.table,
                self.tr("Spend table"),
                self.tr("One row per period and group; click a header to sort"),
            ),
            (self.summary, self.tr("Totals"), self.tr("The totals of the range shown")),
        )
        for widget, name, description in names:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)

    # -- reading -----------------------------------------------------------------------------------------

    def range(self) -> tuple[dt.date | None, dt.date | None]:
        if self.all_time.isChecked():
            return None, None
        first, last = _date(self.first_day.date()), _date(self.last_day.date())
        return (first, last) if first <= last else (last, first)

    def reload(self) -> asyncio.Task[None]:
        """Read the range's rows again (a newer read replaces one still running)."""
        self._generation += 1
        self.loading = self._tasks.start(self._read(self._generation))
        return self.loading

    async def _read(self, generation: int) -> None:
        self.notice.setText(self.tr("Reading…"))
        first, last = self.range()
        try:
            rows = await self._load(first, last)
        except StoreError as error:
            if generation == self._generation:
                self.notice.setText(
                    self.tr("Could not read the stored replies from {path}. Refresh tries again.").format(
                        path=error.path or ""
                    )
                )
            return
        if generation != self._generation:
            return  # the range changed while this read ran
        self._rows = rows
        self.notice.setText("")
        self._regroup()

    def _all_time_toggled(self, checked: bool) -> None:
        self.first_day.setEnabled(not checked)
        self.last_day.setEnabled(not checked)
        self.reload()

    # -- showing -----------------------------------------------------------------------------------------

    def current_period(self) -> Period:
        return Period(self.period.currentData())

    def current_group_by(self) -> GroupBy:
        return GroupBy(self.group_by.currentData())

    def current_metric(self) -> ChartMetric:
        return ChartMetric(self.chart_metric.currentData())

    def shown(self) -> list[SpendBucket]:
        return self.model.items()

    def _regroup(self) -> None:
        period, group_by = self.current_period(), self.current_group_by()
        shown = buckets(self._rows, period, group_by)
        self.model.show(shown, period, group_by)
        self.chart.show_spend(shown, self._axis(), period, group_by, self.current_metric())
        self._summarise()

    def _axis(self) -> list[dt.date]:
        first, last = self.range()
        days = [row.day for row in self._rows]
        first = first or (min(days) if days else None)
        last = last or (max(days) if days else None)
        if first is None or last is None:
            return []
        return periods(first, last, self.current_period())

    def _summarise(self) -> None:
        figures = total(self._rows)
        if not figures.replies:
            self.summary.setText(self.tr("No replies in this range."))
            return
        text = self.tr(
            "{cost} for %Ln reply(s): {input} input, {output} output, {read} read from the cache and "
            "{written} written to it. Caching saved {saved}.",
            "",
            figures.replies,
        ).format(
            cost=money(figures.cost_usd),
            input=count(figures.input_tokens),
            output=count(figures.output_tokens),
            read=count(figures.cache_read_tokens),
            written=count(figures.cache_write_tokens),
            saved=money(figures.saved_usd),
        )
        if figures.unpriced_replies:
            text += " " + self.tr(
                "* Not in the cost: %n reply(s) of a model with no known price (their tokens are counted).",
                "",
                figures.unpriced_replies,
            )
        self.summary.setText(text)

    # -- CSV ---------------------------------------------------------------------------------------------

    def export_csv(self) -> asyncio.Task[None] | None:
        """Ask where, then write the table (the period and grouping shown) there, whole or not at all."""
        suggested = f"spend-{self.current_period().value}-{self.current_group_by().value}.csv"
        chosen = self._choose_file(self, suggested)
        if not chosen:
            return None
        self.exporting = self._tasks.start(self._write_csv(Path(chosen)))
        return self.exporting

    async def _write_csv(self, path: Path) -> None:
        text = csv_text(self.shown(), self.current_period(), self.current_group_by())
        try:
            await asyncio.to_thread(write_text_atomic, path, text)
        except OSError as error:
            problem = error.strerror or str(error)
            self.notice.setText(
                self.tr(
                    "Could not save {path}: {error}. Nothing was changed there; export again to retry."
                ).format(path=path, error=problem)
            )
        else:
            self.notice.setText(self.tr("Saved {path}").format(path=path))

"""The provider check window: the cost first, then each check's row as it lands, what changed since the
last check, the earlier checks, and the report as Markdown."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.doctor.plan import CostPreview
from core.doctor.wording import MarkdownLabels, report_markdown
from core.model.provider_check import Change, DoctorReport, Finding, Verdict, changes_since
from gui.providers.doctor_words import check_titles, describe
from gui.tasks import TaskKeeper
from gui.widgets.json_edit import ERROR_COLOR, WARNING_COLOR
from gui.widgets.screen_fit import fit_to_screen

_MARK_COLORS = {Verdict.FAIL: ERROR_COLOR, Verdict.WARN: WARNING_COLOR, Verdict.OK: "#188038"}


class DoctorAccess(Protocol):
    """What the window needs of the provider and of the store, for one profile."""

    profile_name: str
    host: str

    def preview(self, model: str) -> CostPreview: ...

    async def run(self, model: str, on_finding: Callable[[Finding], None]) -> DoctorReport: ...

    async def history(self) -> list[DoctorReport]:
        """Newest first."""
        ...

    async def save(self, report: DoctorReport) -> None: ...

    async def close(self) -> None: ...


class DoctorDialog(QDialog):
    """Signals:
    checked(DoctorReport): a run finished and was saved.
    """

    checked = Signal(object)

    def __init__(
        self,
        access: DoctorAccess,
        models: list[str],
        model: str,
        tasks: TaskKeeper,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._access, self._tasks = access, tasks
        self._history: list[DoctorReport] = []
        self._shown: DoctorReport | None = None
        self._run_task: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("Check provider “{name}”").format(name=access.profile_name))
        self._build(models, model)
        self._show_preview()
        self._tasks.start(self._load_history())

    def _build(self, models: list[str], model: str) -> None:
        self.model = QComboBox(self)
        self.model.setEditable(True)
        self.model.addItems(models)
        self.model.setCurrentText(model)
        self.model.setAccessibleName(self.tr("Model to check"))
        self.model.setAccessibleDescription(
            self.tr("The checks ask this model; the cost shown below is for it")
        )
        self.model.currentTextChanged.connect(self._show_preview)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.earlier = QComboBox(self)
        self.earlier.setAccessibleName(self.tr("Earlier checks"))
        self.earlier.setAccessibleDescription(
            self.tr("Choose an earlier check of this provider to see it again")
        )
        self.earlier.activated.connect(self._show_earlier)
        form = QFormLayout()
        form.addRow(self.tr("Provider"), QLabel(self._access.host, self))
        form.addRow(self.tr("Model"), self.model)
        form.addRow("", self.preview)
        form.addRow(self.tr("Earlier checks"), self.earlier)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.changes.setStyleSheet(f"color: {ERROR_COLOR};")
        self.changes.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Check"), self.tr("Found"), self.tr("What Triptych does")]
        )
        self.table.setAccessibleName(self.tr("Check results"))
        self.table.setAccessibleDescription(
            self.tr("One row per check: its mark, what was found and what Triptych does about it")
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.run_button = QPushButton(self.tr("Run checks"), self)
        self.run_button.setDefault(True)
        self.run_button.setAccessibleDescription(
            self.tr("Sends the small requests whose cost is shown above")
        )
        self.run_button.clicked.connect(self.start_run)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.clicked.connect(self.stop_run)
        self.stop_button.setEnabled(False)
        self.stop_button.setAccessibleDescription(self.tr("Stops the checks; an unfinished run is not saved"))
        self.export_button = QPushButton(self.tr("Export as Markdown…"), self)
        self.export_button.clicked.connect(self._export)
        self.export_button.setEnabled(False)
        self.export_button.setAccessibleDescription(self.tr("Saves the check shown as a Markdown file"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in (self.run_button, self.stop_button, self.export_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.changes)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(900, 620))  # smaller on a small screen

    # --- before a run -------------------------------------------------------------------------------------

    def _show_preview(self) -> None:
        model = self.model.currentText().strip()
        preview = self._access.preview(model)
        if preview.upper_bound_usd is None:
            text = self.tr(
                "Runs %n small request(s) to this model; its price is unknown, so no cost can be previewed.",
                "",
                preview.requests,
            )
        else:
            text = self.tr(
                "Runs %n small request(s) to this model: at most {cost} at list prices.", "", preview.requests
            )
            text = text.format(cost=f"${preview.upper_bound_usd:.2f}")
        self.preview.setText(text)
        self.run_button.setEnabled(bool(model) and self._run_task is None)

    async def _load_history(self) -> None:
        try:
            self._history = await self._access.history()
        except Exception as error:  # an unreadable history must not keep the user from checking
            self.status.setText(self.tr("Earlier checks could not be read: {error}").format(error=error))
            return
        self._fill_earlier()
        if self._history and self._run_task is None:
            self._show_report(self._history[0])

    def _fill_earlier(self) -> None:
        self.earlier.clear()
        for report in self._history:
            self.earlier.addItem(f"{report.worst.mark} {_when(report.started_at)} · {report.model}")
        self.earlier.setEnabled(bool(self._history))

    def _show_earlier(self, index: int) -> None:
        if 0 <= index < len(self._history) and self._run_task is None:
            self._show_report(self._history[index])

    def _show_report(self, report: DoctorReport) -> None:
        self.table.setRowCount(0)
        for finding in report.findings:
            self._add_row(finding)
        self._shown = report
        self.export_button.setEnabled(True)
        index = self._history.index(report) if report in self._history else -1
        previous = self._history[index + 1] if 0 <= index < len(self._history) - 1 else None
        self._show_changes(changes_since(previous, report))
        self.status.setText(
            self.tr("Checked {when}: {model} on {host}.").format(
                when=_when(report.started_at), model=report.model, host=report.host
            )
        )

    # --- a run --------------------------------------------------------------------------------------------

    def start_run(self) -> None:
        model = self.model.currentText().strip()
        if not model or self._run_task is not None:
            return
        self.table.setRowCount(0)
        self.changes.hide()
        self.export_button.setEnabled(False)
        self.export_button.setAccessibleDescription(self.tr("Saves the check shown as a Markdown file"))
        self.status.setText(self.tr("Checking {model}…").format(model=model))
        self._run_task = self._tasks.start(self._run(model))
        self._update_buttons()

    def stop_run(self) -> None:
        if self._run_task is not None:
            self._run_task.cancel()

    async def _run(self, model: str) -> None:
        try:
            report = await self._access.run(model, self._add_row)
            await self._access.save(report)
            self._history = await self._access.history()
        except asyncio.CancelledError:
            self.status.setText(self.tr("Stopped. An unfinished check is not saved."))
            raise
        except Exception as error:  # the rows that arrived stay; the reason is shown, Run is one click away
            self.status.setText(self.tr("The check could not finish: {error}").format(error=error))
            return
        finally:
            self._run_task = None
            self._update_buttons()
        self._fill_earlier()
        self._show_report(report)
        self.checked.emit(report)

    def _update_buttons(self) -> None:
        running = self._run_task is not None
        self.run_button.setEnabled(not running and bool(self.model.currentText().strip()))
        self.stop_button.setEnabled(running)
        self.model.setEnabled(not running)
        self.earlier.setEnabled(not running and bool(self._history))

    def _add_row(self, finding: Finding) -> None:
        words = describe(finding)
        row = self.table.rowCount()
        self.table.insertRow(row)
        mark = QTableWidgetItem(finding.verdict.mark)
        mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        color = _MARK_COLORS.get(finding.verdict)
        if color:
            mark.setForeground(QBrush(QColor(color)))
        cells = (mark, QTableWidgetItem(check_titles()[finding.check]), QTableWidgetItem(words.meaning))
        for column, item in enumerate((*cells, QTableWidgetItem(words.action))):
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)

    def _show_changes(self, changes: list[Change]) -> None:
        if not changes:
            self.changes.hide()
            return
        titles = check_titles()
        lines = [
            self.tr("Changed since {when}:").format(when=_when(changes[0].before_at)),
            *(
                f"{titles[change.check]}: {change.before.verdict.mark} {describe(change.before).meaning} → "
                f"{change.after.verdict.mark} {describe(change.after).meaning}"
                for change in changes
            ),
        ]
        self.changes.setText("\n".join(lines))
        self.changes.show()

    # --- export -------------------------------------------------------------------------------------------

    def markdown(self) -> str:
        """The report shown, with its changes, as Markdown in the user's language."""
        if self._shown is None:
            return ""
        index = self._history.index(self._shown) if self._shown in self._history else -1
        previous = self._history[index + 1] if 0 <= index < len(self._history) - 1 else None
        labels = MarkdownLabels(
            heading=self.tr("Provider check"),
            host=self.tr("Provider"),
            model=self.tr("Model"),
            cost=self.tr("Cost"),
            check=self.tr("Check"),
            found=self.tr("Found"),
            action=self.tr("What Triptych does"),
        )
        changes = changes_since(previous, self._shown)
        return report_markdown(self._shown, changes, describe=describe, titles=check_titles(), labels=labels)

    def _export(self) -> None:
        name = f"provider-check-{self._access.profile_name}.md"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the check"), str(Path.home() / name), self.tr("Markdown (*.md)")
        )
        if path:
            self._tasks.start(self.export_to(Path(path)))

    async def export_to(self, path: Path) -> None:
        text = self.markdown()
        try:
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        except OSError as error:
            self.status.setText(
                self.tr("The report could not be written: {error}").format(error=error.strerror)
            )
            return
        self.status.setText(self.tr("Saved to {path}.").format(path=path))

    def done(self, result: int) -> None:
        """Closing stops a check still running and lets the provider's connection go."""
        self.stop_run()
        self._tasks.start(self._access.close())
        super().done(result)


def _when(seconds: float) -> str:
    moment = QDateTime.fromSecsSinceEpoch(int(seconds))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

"""View → "Saved comparisons…": the current conversation's compare runs, newest first; the one picked
reopens in the compare view as it was saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from core.model.compare_run import CompareRun
from core.model.conversation import Conversation
from core.store.services import CompareRunService
from gui.tasks import TaskKeeper
from gui.widgets.dates import date_time_text

_PROMPT_CHARS = 80


class CompareRunsDialog(QDialog):
    """Signals: chosen(int): the run to reopen."""

    chosen = Signal(int)

    def __init__(self, runs: list[CompareRun], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved comparisons"))
        self.runs = QListWidget(self)
        for run in sorted(runs, key=lambda r: (r.created_at, r.id), reverse=True):
            item = QListWidgetItem(self._describe(run), self.runs)
            item.setData(Qt.ItemDataRole.UserRole, run.id)
        self.runs.setCurrentRow(0)
        self.runs.setAccessibleName(self.tr("Saved comparisons"))
        self.runs.setAccessibleDescription(self.tr("Enter reopens the comparison as it was"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.runs.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        if not runs:
            layout.addWidget(QLabel(self.tr("This conversation has no saved comparisons yet."), self))
        layout.addWidget(self.runs, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def accept(self) -> None:
        item = self.runs.currentItem()
        super().accept()
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _describe(self, run: CompareRun) -> str:
        when = date_time_text(run.created_at)
        prompt = " ".join(run.prompts[0].split()) if run.prompts else ""
        if len(prompt) > _PROMPT_CHARS:
            prompt = prompt[: _PROMPT_CHARS - 1] + "…"
        return self.tr("{when} · columns: {columns} · rounds: {rounds} · {prompt}").format(
            when=when, columns=len(run.columns), rounds=len(run.prompts), prompt=prompt
        )


class CompareRunsMenu(QObject):
    """Adds "Saved comparisons…" to the window's View menu; `open_run(run id)` reopens the one picked."""

    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        conversation: Callable[[], Conversation | None],
        compare_runs: CompareRunService,
        tasks: TaskKeeper,
        open_run: Callable[[int], object],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._conversation = conversation
        self._compare_runs = compare_runs
        self._tasks = tasks
        self._open_run = open_run
        self.dialog: CompareRunsDialog | None = None
        self.action = QAction(self.tr("Saved comparisons…"), window)
        self.action.triggered.connect(lambda: self._tasks.start(self.show_runs()))
        menu.addAction(self.action)

    async def show_runs(self) -> None:
        conversation = self._conversation()
        if conversation is None:
            return
        runs = await self._compare_runs.of_conversation(conversation.id)
        dialog = CompareRunsDialog(runs, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._open_run)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.open()

    def _forget(self) -> None:
        self.dialog = None

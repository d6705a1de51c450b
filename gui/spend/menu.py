"""View → "Spend…": opens the spend window (one at a time; asked again, it comes to the front).

The window's module, and pyqtgraph with it, is imported when the window first opens, never before the main
window's first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from core.store.services import SpendService
from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from gui.spend.window import SpendWindow


class SpendMenu(QObject):
    def __init__(self, window: QWidget, menu: QMenu, spend: SpendService, tasks: TaskKeeper) -> None:
        super().__init__(window)
        self._window = window
        self._spend = spend
        self._tasks = tasks
        self.spend_window: SpendWindow | None = None
        self.action = QAction(self.tr("Spend…"), window)
        self.action.setStatusTip(self.tr("Cost and tokens per day, by model and provider"))
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)

    def open(self) -> SpendWindow:
        if self.spend_window is not None:
            self.spend_window.raise_()
            self.spend_window.activateWindow()
            return self.spend_window
        from gui.spend.window import SpendWindow

        self.spend_window = SpendWindow(self._spend.per_day, self._tasks, parent=self._window)
        self.spend_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.spend_window.destroyed.connect(self._forget)
        self.spend_window.reload()
        self.spend_window.show()
        return self.spend_window

    def _forget(self) -> None:
        self.spend_window = None

"""View → "Leaderboard…": opens the leaderboard window (one at a time; asked again, it comes to the front and
reads the votes again).

The window's module, and pyqtgraph with it, is imported when the window first opens, never before the main
window's first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from gui.judging.leaderboard_window import LeaderboardWindow, Votes


class LeaderboardMenu(QObject):
    def __init__(self, window: QWidget, menu: QMenu, votes: Votes, tasks: TaskKeeper) -> None:
        super().__init__(window)
        self._window = window
        self._votes = votes
        self._tasks = tasks
        self.leaderboard_window: LeaderboardWindow | None = None
        self.action = QAction(self.tr("Leaderboard…"), window)
        self.action.setStatusTip(self.tr("Your own ratings of settings variants, from your blind votes"))
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)

    def open(self) -> LeaderboardWindow:
        if self.leaderboard_window is not None:
            self.leaderboard_window.raise_()
            self.leaderboard_window.activateWindow()
            self.leaderboard_window.reload()
            return self.leaderboard_window
        from gui.judging.leaderboard_window import LeaderboardWindow

        self.leaderboard_window = LeaderboardWindow(self._votes, self._tasks, parent=self._window)
        self.leaderboard_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.leaderboard_window.destroyed.connect(self._forget)
        self.leaderboard_window.reload()
        self.leaderboard_window.show()
        return self.leaderboard_window

    def _forget(self) -> None:
        self.leaderboard_window = None

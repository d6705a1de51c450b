"""The Help menu: Keyboard shortcuts (F1) and About Triptych. Its dialogs load when first opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from gui.help.about_dialog import AboutDialog
    from gui.help.shortcuts_dialog import ShortcutsDialog


class HelpMenu(QObject):
    def __init__(
        self,
        window: QMainWindow,
        tasks: TaskKeeper,
        data_dir: Path,
        log_file: Path,
        enter_sends: Callable[[], bool],
    ) -> None:
        """`enter_sends()`: whether Enter sends in the composer now (View -> Enter sends)."""
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._data_dir = data_dir
        self._log_file = log_file
        self._enter_sends = enter_sends
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts…"), window)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("About Triptych…"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.menu.addActions([self.shortcuts_action, self.about_action])
        window.addAction(self.shortcuts_action)  # F1 works wherever the focus is

    def show_shortcuts(self) -> None:
        from gui.help.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        self.shortcuts_dialog = ShortcutsDialog(self._window, enter_sends=self._enter_sends())
        self._show(self.shortcuts_dialog)

    def show_about(self) -> None:
        from gui.help.about_dialog import AboutDialog

        if self.about_dialog is not None:
            self.about_dialog.close()
        self.about_dialog = AboutDialog(self._window, self._tasks, self._data_dir, self._log_file)
        self._show(self.about_dialog)

    def _show(self, dialog: ShortcutsDialog | AboutDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget(dialog))
        dialog.show()

    def _forget(self, dialog: object) -> None:
        if self.shortcuts_dialog is dialog:
            self.shortcuts_dialog = None
        if self.about_dialog is dialog:
            self.about_dialog = None

"""Help -> About: the version, where the data and the log are, and the licences of what Triptych runs on
(read from the installed distributions' metadata off the UI thread: it takes a noticeable moment)."""

from __future__ import annotations

import asyncio
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.help.dependencies import Dependency, app_version, runtime_dependencies
from gui.tasks import TaskKeeper


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget, tasks: TaskKeeper, data_dir: Path, log_file: Path) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._log_file = log_file
        self.dependencies: list[Dependency] | None = None
        self.setWindowTitle(self.tr("About Triptych"))
        self.resize(640, 600)
        version = app_version()
        self.version_text = version or self.tr("unknown (running from sources that were not installed)")
        title = QLabel(f"<h2>Triptych {version or ''}</h2>", self)
        blurb = QLabel(self.tr("A desktop chat client for Claude models."), self)
        self.data_label = _path_label(str(data_dir), self)
        self.log_label = _path_label(str(log_file), self)
        self.open_data = QPushButton(self.tr("Open folder"), self)
        self.open_data.setAccessibleName(self.tr("Open the data folder"))
        self.open_data.setAccessibleDescription(self.tr("Shows the data folder in the file manager"))
        self.open_data.clicked.connect(lambda: _open(data_dir))
        self.open_log = QPushButton(self.tr("Open log"), self)
        self.open_log.setAccessibleName(self.tr("Open the log file"))
        self.open_log.setAccessibleDescription(self.tr("Opens the log file in the text editor"))
        self.open_log.clicked.connect(lambda: _open(log_file))
        self.open_log.setEnabled(log_file.exists())
        if not log_file.exists():
            self.open_log.setToolTip(self.tr("Nothing has been logged yet."))
        form = QFormLayout()
        form.addRow(self.tr("Version"), QLabel(self.version_text, self))
        form.addRow(self.tr("Qt"), QLabel(f"{qVersion()} (PySide6 {pyside_version})", self))
        form.addRow(self.tr("Python"), QLabel(platform.python_version(), self))
        form.addRow(self.tr("Data folder"), _with_button(self.data_label, self.open_data))
        form.addRow(self.tr("Log file"), _with_button(self.log_label, self.open_log))
        self.libraries_label = QLabel(self.tr("Reading the installed libraries…"), self)
        self.libraries_label.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        self.table.setAccessibleName(self.tr("Libraries and their licences"))
        self.table.setAccessibleDescription(
            self.tr("Each library Triptych runs on, its installed version and its licence")
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleDescription(
            self.tr("Copies the version, the folders and the libraries, e.g. for a bug report")
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(self.libraries_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.loaded = tasks.start(self._load())

    async def _load(self) -> None:
        dependencies = await asyncio.to_thread(runtime_dependencies)
        self.dependencies = dependencies
        self.libraries_label.setText(
            self.tr("The libraries Triptych runs on, as installed here, with the licence each one states:")
        )
        self.table.setRowCount(len(dependencies))
        for row, dependency in enumerate(dependencies):
            for column, text in enumerate((dependency.name, dependency.version, self._licence(dependency))):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _licence(self, dependency: Dependency) -> str:
        return dependency.licence or self.tr("not stated")

    def details(self) -> str:
        """What the dialog shows, as text."""
        lines = [
            f"Triptych {self.version_text}",
            f"Qt {qVersion()} (PySide6 {pyside_version}), Python {platform.python_version()}",
            f"{self.tr('Data folder')}: {self._data_dir}",
            f"{self.tr('Log file')}: {self._log_file}",
        ]
        lines += [f"{d.name} {d.version}: {self._licence(d)}" for d in self.dependencies or []]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())


def _path_label(path: str, parent: QWidget) -> QLabel:
    label = QLabel(path, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _with_button(label: QLabel, button: QPushButton) -> QWidget:
    row = QWidget(label.parentWidget())
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label, 1)
    layout.addWidget(button)
    return row


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

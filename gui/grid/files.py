"""The grid window's file dialogs: a CSV or JSONL file of test cases to import, a place for an export. Each
starts in the folder last used for its kind; a test passes its own chooser instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.widgets.recent_folders import remember_folder, start_folder

ImportChooser = Callable[[QWidget], Path | None]
ExportChooser = Callable[[QWidget, str, str], Path | None]
"""(parent, kind: "csv" | "jsonl" | "html" | "png" | "svg", suggested name) -> the chosen path or None."""


def choose_cases_file(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("GridFiles", "Import test cases")
    filters = QCoreApplication.translate(
        "GridFiles", "CSV or JSONL files (*.csv *.jsonl *.json);;All files (*)"
    )
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder("import")), filters)
    if not name:
        return None
    remember_folder("import", Path(name))
    return Path(name)


def choose_export_file(parent: QWidget, kind: str, suggested: str) -> Path | None:
    title = QCoreApplication.translate("GridFiles", "Export the grid run")
    filters = {
        "csv": QCoreApplication.translate("GridFiles", "CSV files (*.csv)"),
        "jsonl": QCoreApplication.translate("GridFiles", "JSON Lines files (*.jsonl)"),
        "html": QCoreApplication.translate("GridFiles", "HTML files (*.html)"),
        "png": QCoreApplication.translate("GridFiles", "PNG images (*.png)"),
        "svg": QCoreApplication.translate("GridFiles", "SVG images (*.svg)"),
    }[kind]
    start = start_folder("export") / suggested
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    if not name:
        return None
    remember_folder("export", Path(name))
    return Path(name)

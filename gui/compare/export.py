"""Export comparison: the run's Markdown and HTML reports (`core.compare.report`) into a folder the user
picks. The reports are built and written on a worker thread; the UI thread only asks where."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from core.compare.report import write_reports
from core.compare.session import CompareSession
from gui.widgets.recent_folders import remember_folder, start_folder

ChooseFolder = Callable[[QWidget], str | None]
"""Asks where to write; None when the user cancels. Tests pass one that answers at once."""


def ask_for_folder(parent: QWidget) -> str | None:
    title = QCoreApplication.translate("CompareExport", "Export comparison to a folder")
    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder("export")))
    if folder:
        remember_folder("export", Path(folder))
    return folder or None


async def export_run(session: CompareSession, run_id: int, folder: Path) -> tuple[Path, Path]:
    """Both reports of the stored run; returns the Markdown and HTML paths. Raises OSError if the folder
    cannot be written."""
    run, messages = await session.load(run_id)
    return await asyncio.to_thread(write_reports, run, messages, folder)

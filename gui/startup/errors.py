"""Why Triptych cannot start, in plain words, shown in a dialog (and on standard error for a terminal).

Core raises typed errors (`core.store.errors`, `core.store.folder_lock`); this module words each one, says
what was left alone and what the user can do. A start never ends in a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from core.store.errors import (
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    UnreadableDatabaseError,
)
from core.store.folder_lock import FolderInUseError, FolderNotWritableError

log = logging.getLogger(__name__)


def startup_problem(error: StoreError) -> str:
    """What went wrong, what was left as it was, and what to do."""
    where = str(error.path) if error.path is not None else ""
    folder = str(error.path.parent) if error.path is not None else ""
    if isinstance(error, FolderInUseError):
        return QCoreApplication.translate(
            "StartupErrors",
            "Triptych is already running with the data folder {folder}, but it does not answer. Close it "
            "(or wait until it has started), then start Triptych again; or start with another folder "
            "(--data-dir).",
        ).format(folder=folder)
    if isinstance(error, FolderNotWritableError | ReadOnlyDatabaseError):
        return QCoreApplication.translate(
            "StartupErrors",
            "Triptych cannot write in its data folder {folder} (read-only, or owned by another user). "
            "Nothing there was changed. Make the folder writable, or start with another folder "
            "(--data-dir).\n\nDetails: {details}",
        ).format(folder=folder, details=error.message)
    if isinstance(error, NewerDatabaseError):
        return QCoreApplication.translate(
            "StartupErrors",
            "The database {path} was written by a newer version of Triptych. Update Triptych to open it; "
            "it was left as it is.",
        ).format(path=where)
    if isinstance(error, ForeignDatabaseError):
        return QCoreApplication.translate(
            "StartupErrors",
            "The file {path} is a database of another program. It was left as it is; move it away or "
            "start with another folder (--data-dir).",
        ).format(path=where)
    if isinstance(error, UnreadableDatabaseError):
        # Imported here: the store's modules load after the first frame, and this is a rare path.
        from core.store.backup import backups_folder

        backups = backups_folder(error.path.parent) if error.path is not None else Path()
        return QCoreApplication.translate(
            "StartupErrors",
            "The database {path} is damaged. It was left as it is: do not delete it. Copy it somewhere "
            "safe, then start Triptych with another folder (--data-dir) and use File → Restore from "
            "backup… with the daily backups in {backups}.\n\nDetails: {details}",
        ).format(path=where, backups=backups, details=error.message)
    if isinstance(error, DiskFullError):
        return QCoreApplication.translate(
            "StartupErrors", "The disk holding {path} is full. Free some space, then start Triptych again."
        ).format(path=where)
    return QCoreApplication.translate(
        "StartupErrors", "Triptych cannot open its database {path}.\n\nDetails: {details}"
    ).format(path=where, details=error.message)


def already_running(data_dir: Path, pid: int) -> str:
    return QCoreApplication.translate(
        "StartupErrors",
        "Triptych is already running with the data folder {folder} (process {pid}); its window was "
        "brought forward.",
    ).format(folder=data_dir, pid=pid)


def startup_failed(text: str) -> int:
    """Say why the start failed, in a dialog and on standard error; the exit code to return."""
    print(text, file=sys.stderr)
    QMessageBox.critical(None, QCoreApplication.translate("StartupErrors", "Triptych cannot start"), text)
    return 1

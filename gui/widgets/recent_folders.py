"""Where each kind of file dialog starts: the folder last used for that kind (exports, imports, attachments),
kept in the app's settings, so a user who exports to ~/Documents/chats is not sent back to the home folder
every time. A folder that no longer exists falls back to the home folder."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

FolderKind = Literal["export", "import", "attach"]

_settings: QSettings | None = None
_in_memory: dict[str, str] = {}
"""Used until the app gives its settings (a widget tested alone)."""


def use_settings(settings: QSettings) -> None:
    """Keep the folders in the app's settings (called once by the app at start)."""
    global _settings
    _settings = settings


def start_folder(kind: FolderKind) -> Path:
    """The folder the dialog for `kind` opens in."""
    key = f"folders/{kind}"
    saved = _settings.value(key, "") if _settings is not None else _in_memory.get(key, "")
    folder = Path(str(saved)) if saved else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(kind: FolderKind, chosen: Path) -> None:
    """After the user chose `chosen` (a file or a folder): its folder is where `kind` starts next time."""
    folder = chosen if chosen.is_dir() else chosen.parent
    key = f"folders/{kind}"
    if _settings is not None:
        _settings.setValue(key, str(folder))
        _settings.sync()
    else:
        _in_memory[key] = str(folder)


def ask_export_path(parent: QWidget, title: str, suggested: str, files: str) -> str | None:
    """Asks where to save an export (named `suggested` in the last export folder); None when cancelled."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder("export") / suggested), files)
    if path:
        remember_folder("export", Path(path))
    return path or None

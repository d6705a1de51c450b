"""The file dialogs of the MCP servers dialog: a configuration to import, a place to export to. Each starts
in the folder last used for its kind; a test passes its own chooser instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.widgets.recent_folders import remember_folder, start_folder

FileChooser = Callable[[QWidget], Path | None]


def choose_config_file(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ToolFiles", "Import MCP servers")
    filters = QCoreApplication.translate("ToolFiles", "JSON files (*.json *.jsonc);;All files (*)")
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder("import")), filters)
    if not name:
        return None
    remember_folder("import", Path(name))
    return Path(name)


def choose_export_file(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("ToolFiles", "Export MCP servers")
    filters = QCoreApplication.translate("ToolFiles", "JSON files (*.json)")
    start = start_folder("export") / "mcp_servers.json"
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    if not name:
        return None
    remember_folder("export", Path(name))
    return Path(name)

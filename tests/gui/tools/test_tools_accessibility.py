"""The MCP dialogs as a screen reader meets them: every control named and described (the same check as
tests/gui/test_accessibility.py, over the MCP servers, import and permissions dialogs)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.tools import ApprovalRule, Decision, ServerConfig, ServerState, ServerStatus, ToolSpec
from gui.tools.import_dialog import ImportServersDialog
from gui.tools.permissions_dialog import PermissionsDialog
from gui.tools.servers_dialog import ServersDialog
from tests.gui.test_accessibility import check


def test_every_control_of_the_mcp_dialogs_has_a_name_and_a_description(
    qapp: QApplication, qtbot: QtBot
) -> None:
    stdio = ServerConfig("files", command="npx", env={"TOKEN": ""}, secret_names=frozenset({"TOKEN"}))
    remote = ServerConfig("remote", transport="http", url="https://example.com/mcp", headers={"X-Team": "a"})
    spec = ToolSpec("files", "read", "read", "Read a file.", {"type": "object"})
    servers = ServersDialog([stdio, remote], [ServerStatus("files", ServerState.READY, 1)], {"files": [spec]})
    permissions = PermissionsDialog([ApprovalRule("files", None, Decision.ALLOW)], 20, {})
    importer = ImportServersDialog()
    importer.set_text('{"mcpServers": {"time": {"command": "uvx", "args": ["mcp-server-time"]}}}')
    found: list[str] = []
    for dialog, where in ((servers, "MCP servers"), (permissions, "permissions"), (importer, "import")):
        qtbot.addWidget(dialog)
        dialog.show()
        check(dialog, where, found)
    servers.server_list.setCurrentRow(1)  # the HTTP server: URL and headers shown
    servers.tabs.setCurrentIndex(1)
    check(servers, "MCP servers (HTTP)", found)
    assert not found, "\n".join(found)

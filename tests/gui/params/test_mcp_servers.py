"""The parameter panel's MCP servers: a conversation offers every enabled server's tools by default, or the
ones the user ticks; what it chose survives a server being disabled or removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.model.request_settings import RequestSettings
from gui.params.panel import ParameterPanel

SERVERS = [("time", True), ("files", False), ("git", True)]


def shown(panel: ParameterPanel) -> list[tuple[str, bool]]:
    rows = panel.mcp_servers.server_list
    return [
        (rows.item(row).text(), rows.item(row).checkState() == Qt.CheckState.Checked)
        for row in range(rows.count())
    ]


def test_a_conversation_offers_every_enabled_server_until_the_user_picks_some(qtbot: QtBot) -> None:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    panel.set_settings(RequestSettings(model="claude-sonnet-4-6"))
    panel.set_mcp_servers(SERVERS)
    section = panel.mcp_servers
    assert section.all.isChecked() and not section.server_list.isEnabled()
    assert panel.settings().mcp_servers is None
    assert shown(panel) == [("time", False), ("files (disabled)", False), ("git", False)]

    with qtbot.waitSignal(panel.settingsChanged, timeout=2000):
        section.subset.setChecked(True)
    assert section.server_list.isEnabled()
    assert panel.settings().mcp_servers == []  # none ticked: no MCP tools at all
    with qtbot.waitSignal(panel.settingsChanged, timeout=2000):
        section.server_list.item(2).setCheckState(Qt.CheckState.Checked)
    assert panel.settings().mcp_servers == ["git"]

    with qtbot.waitSignal(panel.settingsChanged, timeout=2000):
        section.all.setChecked(True)
    assert panel.settings().mcp_servers is None


def test_a_choice_naming_servers_since_disabled_or_removed_is_shown_and_kept(qtbot: QtBot) -> None:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    panel.set_mcp_servers(SERVERS)
    with qtbot.assertNotEmitted(panel.settingsChanged, wait=400):
        panel.set_settings(RequestSettings(model="claude-sonnet-4-6", mcp_servers=["files", "gone"]))
        panel.set_mcp_servers([*SERVERS, ("fetch", True)])  # a server added meanwhile: not a user's edit
    assert panel.mcp_servers.subset.isChecked()
    assert shown(panel) == [
        ("time", False),
        ("files (disabled)", True),
        ("git", False),
        ("fetch", False),
        ("gone (not configured)", True),
    ]
    assert panel.settings().mcp_servers == ["files", "gone"]


def test_without_servers_the_section_says_where_to_add_one(qtbot: QtBot) -> None:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    panel.set_mcp_servers([])
    section = panel.mcp_servers
    assert section.none_yet.isVisibleTo(panel)
    assert section.none_yet.text() == "No MCP servers yet: Tools → MCP servers… adds one."
    assert not section.all.isVisibleTo(panel) and not section.server_list.isVisibleTo(panel)
    assert panel.settings().mcp_servers is None

"""Importing MCP servers: a Claude desktop config or VS Code's mcp.json, opened or pasted, previewed with
what will be added and, in plain words, what will not be and why; secret-looking values are set aside for
the keyring."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.app import install_translation
from gui.tools.import_dialog import ImportServersDialog
from gui.tools.server_form import ServerDraft

CLAUDE_DESKTOP = {
    "mcpServers": {
        "filesystem": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"],
        },
        "brave-search": {
            "command": "npx",
            "args": ["-y", "@modelcontextprotocol/server-brave-search"],
            "env": {"BRAVE_API_KEY": "BSA-secret-123", "LOG": "info"},
        },
    }
}

VS_CODE = """{
  // VS Code's mcp.json: comments and trailing commas are fine
  "inputs": [{"type": "promptString", "id": "gh-token", "password": true}],
  "servers": {
    "github": {
      "type": "http",
      "url": "https://api.githubcopilot.com/mcp/",
      "headers": {"Authorization": "Bearer ${input:gh-token}"},
    },
    "broken": {"type": "stdio"},
  },
}"""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = set(qapp.findChildren(QTranslator))
    install_translation(qapp, "en_US")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def preview(dialog: ImportServersDialog) -> list[list[str]]:
    tree = dialog.preview
    return [
        [item.text(column) for column in range(4)]
        for item in (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
        if item is not None
    ]


def test_pasted_claude_desktop_config_is_previewed_and_added_with_its_key_set_aside(
    qapp: QApplication, qtbot: QtBot, english: None
) -> None:
    dialog = ImportServersDialog()
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    dialog.text.setPlainText(json.dumps(CLAUDE_DESKTOP, indent=2))
    qtbot.waitUntil(lambda: dialog.preview.topLevelItemCount() == 2, timeout=2000)
    assert dialog.found.text() == "Read as mcpServers (Claude desktop, Claude Code, Cursor…)."
    assert preview(dialog) == [
        [
            "filesystem",
            "Local command (stdio)",
            "npx -y @modelcontextprotocol/server-filesystem /Users/me/Desktop",
            "",
        ],
        [
            "brave-search",
            "Local command (stdio)",
            "npx -y @modelcontextprotocol/server-brave-search",
            "BRAVE_API_KEY",
        ],
    ]
    assert dialog.problems.text() == "Values of BRAVE_API_KEY will be kept in the keyring."
    assert dialog.add_button.text() == "Add 2 servers"
    with qtbot.waitSignal(dialog.serversChosen, timeout=1000) as signal:
        dialog.add_button.click()
    drafts: list[ServerDraft] = signal.args[0]
    brave = drafts[1]
    assert dict(brave.config.env) == {"BRAVE_API_KEY": "", "LOG": "info"}
    assert brave.secrets == {"BRAVE_API_KEY": "BSA-secret-123"}
    assert drafts[0].config.args[-1] == "/Users/me/Desktop"


def test_a_vs_code_file_imports_what_it_can_and_says_what_it_cannot(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    config = tmp_path / "mcp.json"
    config.write_text(VS_CODE, encoding="utf-8")
    dialog = ImportServersDialog(choose_file=lambda _parent: config)
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert dialog.found.text() == "Read as VS Code's servers."
    assert preview(dialog) == [
        ["github", "Streamable HTTP", "https://api.githubcopilot.com/mcp/", "Authorization"]
    ]
    assert dialog.problems.text().splitlines() == [
        "github: Authorization is asked for by the other app; enter its value here.",
        "broken: not imported, it has neither a command nor a url.",
        "Values of Authorization will be kept in the keyring.",
    ]
    assert dialog.add_button.text() == "Add 1 server"


def test_text_that_is_not_a_config_is_refused_with_the_reason_and_kept_in_the_box(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    dialog = ImportServersDialog()
    qtbot.addWidget(dialog)
    dialog.set_text('{"mcpServers": {"time": {"command": "uvx",}')
    assert dialog.problems.text().startswith("This is not JSON: ")
    assert "line 1" in dialog.problems.text()
    assert not dialog.add_button.isEnabled()
    dialog.set_text('{"theme": "dark"}')
    assert dialog.problems.text().startswith("No servers found")

    binary = tmp_path / "picture.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    dialog = ImportServersDialog(choose_file=lambda _parent: binary)
    qtbot.addWidget(dialog)
    dialog.set_text('{"mcpServers": {}}')
    dialog.open_button.click()
    assert dialog.problems.text() == "picture.json is not a text file (UTF-8)."
    assert dialog.text.toPlainText() == '{"mcpServers": {}}'  # what was there is kept
    dialog._choose_file = lambda _parent: tmp_path / "gone.json"
    dialog.open_button.click()
    assert dialog.problems.text().startswith("gone.json could not be read: ")

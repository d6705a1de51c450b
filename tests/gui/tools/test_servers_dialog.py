"""The MCP servers dialog: servers added and edited as drafts, saved with their secrets apart (never shown
back), refused with the reason when incomplete, and each server's live status and tools as the user sees
them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from core.model.tools import (
    ServerConfig,
    ServerProblem,
    ServerState,
    ServerStatus,
    ToolAnnotations,
    ToolSpec,
)
from gui.app import install_translation
from gui.tools.server_form import ServerDraft
from gui.tools.servers_dialog import ServerEdit, ServersDialog

FILES = ServerConfig(name="files", command="uvx", args=("mcp-server-files", "--root", "/tmp/my docs"))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The app's English translation (its plural forms: "3 tools"), removed after the test."""
    before = set(qapp.findChildren(QTranslator))
    install_translation(qapp, "en_US")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def saved(qtbot: QtBot, dialog: ServersDialog) -> tuple[list[ServerEdit], list[str]]:
    with qtbot.waitSignal(dialog.serversSaved, timeout=1000) as signal:
        assert dialog.save()
    edits, removed = signal.args
    return edits, removed


def value_cell(dialog: ServersDialog, table_row: int, column: int) -> QLineEdit:
    widget = dialog.form.env.table.cellWidget(table_row, column)
    assert isinstance(widget, QLineEdit)
    return widget


def test_a_new_server_is_saved_with_its_secret_apart_and_the_secret_is_never_shown_back(
    qapp: QApplication, qtbot: QtBot
) -> None:
    dialog = ServersDialog([], [], {})
    qtbot.addWidget(dialog)
    dialog.add_button.click()
    dialog.form.name.setText("search")
    dialog.form.command.setText("npx")
    dialog.form.args.setText('-y @acme/search "two words"')
    dialog.form.env.add_row("API_TOKEN", "tok-123456", secret=True)
    dialog.form.env.add_row("LOG_LEVEL", "debug", secret=False)
    dialog.form.trusted.setChecked(True)
    dialog.form.timeout.setValue(15)

    edits, removed = saved(qtbot, dialog)

    assert removed == []
    [edit] = edits
    assert edit.previous_name is None
    config = edit.draft.config
    assert (config.name, config.command, config.args) == (
        "search",
        "npx",
        ("-y", "@acme/search", "two words"),
    )
    assert dict(config.env) == {"API_TOKEN": "", "LOG_LEVEL": "debug"}  # the secret is not in the config
    assert config.secret_names == {"API_TOKEN"}
    assert edit.draft.secrets == {"API_TOKEN": "tok-123456"}  # ...but goes to the keyring
    assert config.trusted and config.call_timeout == 15

    reopened = ServersDialog([config], [], {})
    qtbot.addWidget(reopened)
    secret_value = value_cell(reopened, 0, 1)
    assert secret_value.text() == ""
    assert secret_value.echoMode() == QLineEdit.EchoMode.Password
    assert "keyring" in secret_value.placeholderText()
    assert value_cell(reopened, 1, 1).text() == "debug"
    assert not reopened.has_unsaved_changes()  # showing a kept secret is not a change


def test_a_server_that_cannot_start_is_not_saved_and_the_form_says_why(
    qapp: QApplication, qtbot: QtBot
) -> None:
    dialog = ServersDialog([FILES], [], {})
    qtbot.addWidget(dialog)
    dialog.add_button.click()
    dialog.form.name.setText("files")  # taken
    dialog.form.transport.set_choice("http")
    dialog.form.url.setText("example.com/mcp")  # no scheme
    with qtbot.assertNotEmitted(dialog.serversSaved):
        assert not dialog.save()
    assert dialog.server_list.currentRow() == 0  # the first server that cannot be saved is shown
    assert dialog.form.problems.text() == "Another server has this name."
    dialog.server_list.setCurrentRow(1)
    assert dialog.form.problems.text() == (
        "Another server has this name.\nGive the server's address, starting with http:// or https://."
    )
    dialog.form.name.setText("remote")
    dialog.form.url.setText("https://example.com/mcp")
    assert dialog.form.problems.text() == ""
    edits, _ = saved(qtbot, dialog)
    assert [edit.draft.config.url for edit in edits] == ["", "https://example.com/mcp"]


def test_a_renamed_server_says_its_old_name_and_a_removed_one_is_listed(
    qapp: QApplication, qtbot: QtBot
) -> None:
    other = ServerConfig(name="time", command="uvx", args=("mcp-server-time",))
    dialog = ServersDialog([FILES, other], [], {})
    qtbot.addWidget(dialog)
    dialog.form.name.setText("documents")
    assert dialog.server_list.item(0).text().endswith("documents")
    dialog.server_list.setCurrentRow(1)
    dialog.remove_button.click()
    edits, removed = saved(qtbot, dialog)
    assert [(edit.previous_name, edit.draft.config.name) for edit in edits] == [("files", "documents")]
    assert edits[0].draft.config.args == FILES.args  # the argument with a space survived
    assert removed == ["time"]
    assert not dialog.has_unsaved_changes()


def test_live_status_reads_as_a_sentence_with_the_servers_last_lines_and_restart(
    qapp: QApplication, qtbot: QtBot, english: None
) -> None:
    dialog = ServersDialog([FILES], [ServerStatus("files", ServerState.STARTING)], {})
    qtbot.addWidget(dialog)
    assert dialog.state.text() == "Starting…"
    assert dialog.server_list.item(0).text() == "…  files"

    dialog.show_status(
        ServerStatus(
            "files",
            ServerState.FAILED,
            problem=ServerProblem.COMMAND_NOT_FOUND,
            detail="[Errno 2] No such file or directory: 'uvx'",
            stderr_tail=("starting files server", "fatal: no root"),
        )
    )
    assert dialog.state.text() == (
        "Failed: The command was not found. Check its name, or give its full path."
    )
    assert "No such file or directory" in dialog.detail.text()
    assert dialog.stderr.toPlainText() == "starting files server\nfatal: no root"
    assert dialog.server_list.item(0).text() == "✗  files"

    with qtbot.waitSignal(dialog.restartRequested, timeout=1000) as signal:
        dialog.restart_button.click()
    assert signal.args == ["files"]
    dialog.show_status(ServerStatus("files", ServerState.RESTARTING))
    assert dialog.state.text() == "Restarting…"
    dialog.show_status(ServerStatus("files", ServerState.READY, tool_count=3))
    assert dialog.state.text() == "Ready, 3 tools"
    assert dialog.stderr.isHidden()

    dialog.form.enabled.setChecked(False)  # an edit not saved yet: the status shown is not its status
    assert "Not saved yet" in dialog.state.text()
    assert not dialog.restart_button.isEnabled()


def test_the_tool_list_shows_descriptions_schemas_and_annotations_as_hints_when_untrusted(
    qapp: QApplication, qtbot: QtBot, english: None
) -> None:
    read = ToolSpec(
        "files",
        "read_file",
        "read_file",
        "Read a file.\nReturns its text.",
        {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]},
        ToolAnnotations(read_only=True, open_world=False),
    )
    delete = ToolSpec(
        "files",
        "delete",
        "files__delete",
        "Delete a file.",
        {"type": "object"},
        ToolAnnotations(destructive=True),
    )
    broken = ToolSpec("files", "broken", "broken", "", {"type": 5}, schema_problem="5 is not a valid type")
    dialog = ServersDialog([FILES], [ServerStatus("files", ServerState.READY, 3)], {"files": [read, delete]})
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(1) == "Tools (2)"
    assert dialog.tool_tree.topLevelItem(0).text(1) == "Read a file."
    detail = dialog.tool_detail.toPlainText()
    assert "Annotations (hints only: server not trusted): read-only, closed world" in detail
    assert '"required": [\n    "path"\n  ]' in detail

    dialog.show_tools("files", [read, delete, broken])
    dialog.tool_tree.setCurrentItem(dialog.tool_tree.topLevelItem(1))
    detail = dialog.tool_detail.toPlainText()
    assert dialog.tool_tree.topLevelItem(1).text(0) == "delete → files__delete"
    assert "Offered to the model as files__delete" in detail
    assert "destructive" in detail
    dialog.tool_tree.setCurrentItem(dialog.tool_tree.topLevelItem(2))
    assert "Not offered to the model: its input schema is invalid (5 is not a valid type)" in (
        dialog.tool_detail.toPlainText()
    )


def test_imported_servers_join_the_list_as_drafts_with_free_names(qapp: QApplication, qtbot: QtBot) -> None:
    imported = [
        ServerDraft(ServerConfig(name="files", command="npx")),
        ServerDraft(ServerConfig(name="git", command="uvx", args=("mcp-server-git",))),
    ]
    dialog = ServersDialog([FILES], [], {})
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.importRequested, timeout=1000):
        dialog.import_button.click()
    dialog.add_drafts(imported)
    names = [dialog.server_list.item(row).text().split()[-1] for row in range(dialog.server_list.count())]
    assert names == ["files", "files-2", "git"]
    assert dialog.has_unsaved_changes()
    assert "Not saved yet" in dialog.state.text()


def test_closing_with_unsaved_edits_asks_and_save_keeps_them(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = ServersDialog([FILES], [], {})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.command.setText("npx")
    dialog.close()
    assert dialog.isVisible()
    box = dialog.unsaved_box
    assert box is not None and box.text() == "Save the changes to the MCP servers?"
    with qtbot.waitSignal(dialog.serversSaved, timeout=1000) as signal:
        box.button(QMessageBox.StandardButton.Save).click()
    assert [edit.draft.config.command for edit in signal.args[0]] == ["npx"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)


def test_a_save_the_keyring_refused_says_why_and_keeps_every_edit_for_another_try(
    qapp: QApplication, qtbot: QtBot
) -> None:
    dialog = ServersDialog([FILES], [], {})
    qtbot.addWidget(dialog)
    dialog.form.env.add_row("TOKEN", "tok-42", secret=True)
    saved(qtbot, dialog)
    assert not dialog.has_unsaved_changes()
    dialog.save_failed("The keyring is locked.")
    assert dialog.error.text() == "Not saved: The keyring is locked."
    assert dialog.has_unsaved_changes()
    edits, _ = saved(qtbot, dialog)
    assert edits[0].draft.secrets == {"TOKEN": "tok-42"}  # the secret typed is still there
    assert dialog.error.isHidden()

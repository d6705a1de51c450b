"""The Tools menu in the real app: a server added in the MCP servers dialog is saved (its secret in the
keyring, not the database), started by the app's hub, shown ready with its tools, offered in the parameter
panel; a server that cannot start says why; and quitting, in process or as a real app in a subprocess,
leaves no child process behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.api.retry import RetryPolicy
from core.demo import FakeServer
from core.model.profile import Profile
from core.model.tools import ApprovalRule, Decision, ServerConfig
from core.store import paths
from core.store.repository import Store
from core.tools.secrets import SERVICE, ToolSecrets, entry
from gui.app import AppOptions, TriptychApp, install_translation
from gui.tools.servers_dialog import ServersDialog
from tests.core.tools.servers import alive, child_pids, faulty, read_pids
from tests.file_keyring import FILE_VARIABLE
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running
from tests.keyring_backends import DictKeyring
from tests.paths import REPO
from tests.waiting import wait_for, wait_until_sync

TIME_ARGS = "-m mcp_server_time --local-timezone UTC"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = set(qapp.findChildren(QTranslator))
    install_translation(qapp, "en_US")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


async def start_app(qapp: QApplication, data_dir: Path, server: FakeServer, keyring: DictKeyring) -> Running:
    import asyncio

    keys = KeyStore(DictKeyring())
    app = TriptychApp(
        qapp,
        AppOptions(data_dir=str(data_dir)),
        keys=keys,
        retry=RetryPolicy(max_retries=0),
        tool_secrets=ToolSecrets(keyring),
    )
    await app.store.call(lambda s: s.save_profile(Profile("Relay", server.base_url)))
    keys.set("Relay", KEY)
    task = asyncio.ensure_future(app.run())
    await wait_until(
        lambda: app.window is not None and app.window._conversation is not None, what="the window"
    )
    return Running(app, task, server)


async def servers_dialog(app: Running) -> ServersDialog:
    tools = app.app.tools
    assert tools is not None
    assert [action.text() for action in tools.menu.actions()] == [
        "MCP servers…",
        "Permissions…",
        "",
        "Evaluation grid…",
    ]  # the grid (gui/grid/feature.py) adds its entry below a separator
    tools.servers_action.trigger()
    await wait_until(lambda: tools.servers_dialog is not None, what="the MCP servers dialog")
    assert tools.servers_dialog is not None
    return tools.servers_dialog


def offered(app: Running) -> list[str]:
    rows = app.window.parameters.mcp_servers.server_list
    return [rows.item(row).text() for row in range(rows.count())]


def test_a_server_added_in_the_dialog_starts_shows_its_tools_and_ends_with_the_app(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    english: None,
) -> None:
    keyring = DictKeyring()
    before = child_pids()

    async def body() -> None:
        app = await start_app(qapp, tmp_path, server, keyring)
        assert offered(app) == []
        assert app.window.parameters.mcp_servers.none_yet.isVisibleTo(app.window)
        dialog = await servers_dialog(app)
        dialog.add_button.click()
        form = dialog.form
        form.name.setText("time")
        form.command.setText(sys.executable)
        form.args.setText(TIME_ARGS)
        form.env.add_row("TIME_TOKEN", "tok-9f8e7d", secret=True)
        assert dialog.state.text() == "Not saved yet: Save starts it with these settings."
        dialog.save_button.click()

        await wait_until(lambda: dialog.state.text() == "Ready, 2 tools", what="the server ready", timeout=30)
        assert dialog.server_list.item(0).text() == "✓  time"
        tools = [
            dialog.tool_tree.topLevelItem(i).text(0) for i in range(dialog.tool_tree.topLevelItemCount())
        ]
        assert tools == ["get_current_time", "convert_time"]
        assert '"timezone"' in dialog.tool_detail.toPlainText()
        assert dialog.tabs.tabText(1) == "Tools (2)"
        # Saved: the secret in the keyring, the database only knows its name.
        [saved] = await app.app.services.tool_settings.servers()
        assert dict(saved.env) == {"TIME_TOKEN": ""} and saved.secret_names == {"TIME_TOKEN"}
        assert keyring.entries == {(SERVICE, entry("time", "TIME_TOKEN")): "tok-9f8e7d"}
        secret_cell = form.env.table.cellWidget(0, 1)
        assert isinstance(secret_cell, QLineEdit) and secret_cell.text() == ""
        # The conversation can offer it, and the server runs as this app's child.
        assert offered(app) == ["time"]
        started = child_pids() - before
        assert started and all(alive(pid) for pid in started)

        dialog.reject()
        await wait_until(lambda: not dialog.isVisible(), what="the dialog closed")
        assert await app.quit() == 0
        await wait_until(lambda: not any(alive(pid) for pid in started), what="the server ended")
        assert child_pids() <= before

    run(qloop, body(), timeout=60)


def test_a_server_that_cannot_start_says_why_and_a_missing_secret_is_named(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    english: None,
) -> None:
    store = Store.open(paths.database_path(tmp_path))
    store.save_mcp_server(ServerConfig("nowhere", command="no-such-mcp-server-command-7f3a"))
    store.save_mcp_server(faulty("keyed", env={"FAULTY_TOKEN": ""}, secret_names=frozenset({"FAULTY_TOKEN"})))
    store.close()

    async def body() -> None:
        app = await start_app(qapp, tmp_path, server, DictKeyring())
        await wait_until(lambda: offered(app) == ["nowhere", "keyed"], what="the servers listed in the panel")
        dialog = await servers_dialog(app)
        await wait_until(
            lambda: dialog.state.text().startswith("Failed"), what="the start failed", timeout=30
        )
        assert dialog.state.text() == (
            "Failed: The command was not found. Check its name, or give its full path."
        )
        assert dialog.server_list.item(0).text() == "✗  nowhere"
        dialog.server_list.setCurrentRow(1)
        await wait_until(lambda: dialog.state.text().startswith("Failed"), what="the keyed server failed")
        assert dialog.state.text() == "Failed: A secret value is missing from the keyring. Enter it again."
        assert "FAULTY_TOKEN" in dialog.detail.text()

        # Typing the secret and saving starts it.
        secret_cell = dialog.form.env.table.cellWidget(0, 1)
        assert isinstance(secret_cell, QLineEdit)
        secret_cell.setText("tok-1")
        dialog.save_button.click()
        await wait_until(
            lambda: dialog.state.text().startswith("Ready"), what="the keyed server ready", timeout=30
        )
        dialog.reject()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_servers_imported_from_a_claude_desktop_file_are_saved_started_and_exported_without_secrets(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    english: None,
) -> None:
    config_file, exported = tmp_path / "claude_desktop_config.json", tmp_path / "out" / "mcp_servers.json"
    exported.parent.mkdir()
    time_entry = {"command": sys.executable, "args": TIME_ARGS.split(), "env": {"TIME_API_KEY": "k-77"}}
    config_file.write_text(json.dumps({"mcpServers": {"time": time_entry}}), encoding="utf-8")
    keyring = DictKeyring()

    async def body() -> None:
        app = await start_app(qapp, tmp_path / "data", server, keyring)
        controller = app.app.tools
        assert controller is not None
        controller.choose_file = lambda _parent: config_file
        controller.choose_export = lambda _parent: exported
        dialog = await servers_dialog(app)
        dialog.import_button.click()
        await wait_until(lambda: controller.import_dialog is not None, what="the import dialog")
        importer = controller.import_dialog
        assert importer is not None
        importer.open_button.click()
        assert importer.add_button.text() == "Add 1 server"
        importer.add_button.click()
        assert dialog.server_list.item(0).text().endswith("time")
        assert dialog.has_unsaved_changes()
        dialog.save_button.click()
        await wait_until(lambda: dialog.state.text() == "Ready, 2 tools", what="the server ready", timeout=30)
        assert keyring.entries == {(SERVICE, entry("time", "TIME_API_KEY")): "k-77"}

        dialog.export_button.click()
        await wait_until(lambda: exported.exists(), what="the export")
        assert json.loads(exported.read_text(encoding="utf-8")) == {
            "mcpServers": {"time": {**time_entry, "env": {"TIME_API_KEY": ""}}}
        }
        assert dialog.error.text() == f"Exported to {exported}"
        dialog.reject()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_permissions_lists_the_stored_rules_and_revoking_one_forgets_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    store = Store.open(paths.database_path(tmp_path))
    store.add_tool_rule(ApprovalRule("time", "get_current_time", Decision.ALLOW, None, 1_700_000_000.0))
    store.add_tool_rule(ApprovalRule("git", None, Decision.DENY, None, 1_700_000_100.0))
    store.close()

    async def body() -> None:
        app = await start_app(qapp, tmp_path, server, DictKeyring())
        tools = app.app.tools
        assert tools is not None
        tools.permissions_action.trigger()
        await wait_until(lambda: tools.permissions_dialog is not None, what="the permissions dialog")
        dialog = tools.permissions_dialog
        assert dialog is not None
        assert [rule.server for rule in dialog.rules()] == ["git", "time"]
        dialog.rule_tree.setCurrentItem(dialog.rule_tree.topLevelItem(0))
        dialog.revoke_button.click()
        settings = app.app.services.tool_settings
        await wait_for(settings.rules, lambda rules: len(rules) == 1, timeout=10, what="the rule saved")
        assert [rule.server for rule in await settings.rules()] == ["time"]
        dialog.limit.setValue(7)
        await wait_for(settings.tool_limit, lambda limit: limit == 7, timeout=10, what="the limit saved")
        dialog.reject()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_quitting_the_real_app_ends_its_mcp_servers_and_their_children(tmp_path: Path) -> None:
    """The app as a user runs it, in a process of its own: its server (and the server's own child) end
    when the window is closed."""
    data_dir, pid_file, close_flag = tmp_path / "data", tmp_path / "pids", tmp_path / "close"
    data_dir.mkdir()
    store = Store.open(paths.database_path(data_dir))
    store.save_mcp_server(faulty("faulty", "--pid-file", str(pid_file), "--spawn-child"))
    store.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        FILE_VARIABLE: str(tmp_path / "keyring.json"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.app_runner", str(data_dir), "--close-when", str(close_flag)],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_sync(
            lambda: len(read_pids(pid_file)) == 2, 60, "the server and its child", process, log.read_text
        )
        server_pid, grandchild = read_pids(pid_file)
        assert alive(server_pid) and alive(grandchild)
        close_flag.touch()
        assert process.wait(60) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    wait_until_sync(lambda: not alive(server_pid) and not alive(grandchild), 10, "the servers ended")

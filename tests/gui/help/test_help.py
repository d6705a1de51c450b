"""Help -> Keyboard shortcuts lists every shortcut the window defines (read from its actions, so it cannot
go stale); Help -> About shows the version, the data folder, the log file and the dependencies' licences."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from gui.help.about_dialog import AboutDialog
from gui.help.dependencies import licence_of, runtime_dependencies
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.paths import REPO

NATIVE = QKeySequence.SequenceFormat.NativeText


def defined_shortcuts(app: Running) -> list[tuple[str, str]]:
    """(action text, keys) of every QAction and QShortcut in the window, as the user would read them."""
    found = []
    for action in app.window.findChildren(QAction):
        for key in action.shortcuts():
            found.append((action.text(), key.toString(NATIVE)))
    for shortcut in app.window.findChildren(QShortcut):
        found.append((shortcut.whatsThis(), shortcut.key().toString(NATIVE)))
    return found


def test_keyboard_shortcuts_lists_every_shortcut_the_window_defines(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        help_menu = app.app.help
        assert [action.text() for action in help_menu.menu.actions()] == [
            "Keyboard shortcuts…",
            "About Triptych…",
        ]
        # One added by any feature later is listed too: the dialog reads the window's actions when it opens.
        late = QAction("Jump somewhere", app.window)
        late.setShortcut(QKeySequence("Ctrl+Alt+J"))
        app.window.addAction(late)
        help_menu.shortcuts_action.trigger()
        dialog = help_menu.shortcuts_dialog
        assert dialog is not None and dialog.isVisible()
        rows = dialog.rows()
        shown = {keys for _, keys in rows}
        defined = defined_shortcuts(app)
        assert len(defined) >= 7
        missing = [(text, keys) for text, keys in defined if not any(keys in k.split(" / ") for k in shown)]
        assert missing == []
        by_keys = {keys: action for action, keys in rows}
        assert by_keys["Ctrl+N"] == "New conversation"
        assert by_keys["Ctrl+K"].startswith("Search")
        assert by_keys["Ctrl+Shift+C"] == "Compare settings"
        assert by_keys["Esc"] == "Stop the reply"
        assert by_keys["F1"] == "Keyboard shortcuts"
        assert by_keys["Ctrl+Alt+J"] == "Jump somewhere"
        assert ("Send the message (in the composer)", "Enter") in rows
        dialog.close()
        await app.quit()

    run(qloop, body())


def test_f1_opens_the_shortcuts_from_anywhere_in_the_window(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.activateWindow()
        await wait_until(app.window.isActiveWindow, what="the window to be active")
        qtbot.keyClick(app.window.composer.editor, Qt.Key.Key_F1)
        await wait_until(lambda: app.app.help.shortcuts_dialog is not None, what="the shortcuts dialog")
        app.app.help.shortcuts_dialog.close()
        await app.quit()

    run(qloop, body())


def test_about_shows_the_version_the_folders_and_the_licences(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.app.help.about_action.trigger()
        dialog = app.app.help.about_dialog
        assert isinstance(dialog, AboutDialog) and dialog.isVisible()
        await dialog.loaded
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        version = metadata.version("triptych")
        assert any(version in text for text in texts)
        assert str(tmp_path.resolve()) in texts
        assert str(tmp_path.resolve() / "triptych.log") in texts
        table = {
            dialog.table.item(row, 0).text(): (
                dialog.table.item(row, 1).text(),
                dialog.table.item(row, 2).text(),
            )
            for row in range(dialog.table.rowCount())
        }
        for name in ("httpx", "qasync", "aiohttp", "shiboken6", "certifi"):
            (shown,) = [key for key in table if key.lower() == name]
            assert table[shown] == (metadata.version(name), licence_of(metadata.metadata(name)))
        assert table["httpx"][1] == "BSD-3-Clause"
        assert "pytest" not in {key.lower() for key in table}, "test extras are not what the app runs on"
        dialog.copy_details()
        copied = QGuiApplication.clipboard().text()
        assert f"Triptych {version}" in copied and "httpx 0.28.1: BSD-3-Clause" in copied
        dialog.close()
        await app.quit()

    run(qloop, body())


def test_the_dependencies_are_the_installed_runtime_closure() -> None:
    names = {dependency.name.lower().replace("_", "-") for dependency in runtime_dependencies()}
    direct = {"pyside6-essentials", "qasync", "httpx", "socksio", "markdown", "pygments", "keyring"}
    assert direct | {"platformdirs", "aiohttp", "shiboken6", "httpcore", "certifi", "idna"} <= names
    assert not names & {"pytest", "mypy", "ruff", "anthropic", "hypothesis"}


def test_the_real_app_writes_its_log_in_the_data_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--demo", "--smoke-test", "--data-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "triptych.log").read_text(encoding="utf-8")
    assert "INFO httpx: HTTP Request: POST http://127.0.0.1:" in log
    assert "/v1/messages" in log

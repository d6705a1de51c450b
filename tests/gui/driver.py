"""Drive the real app as a user would: start it against the fake server with a profile and a key, type and
send, read the transcript, quit. Shared by the GUI tests that need the whole window."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.api.retry import RetryPolicy
from core.demo import FakeServer, Pace
from core.grid.batch_flow import PollPolicy
from core.model.profile import Profile
from gui.app import AppOptions, TriptychApp
from gui.main_window import MainWindow
from tests.gui.conftest import wait_until
from tests.keyring_backends import DictKeyring

KEY = "sk-ant-window-test-7c1f9e2b4d6a8"
SLOW = Pace(chunk_chars=4, delta_interval=0.02)


@dataclass
class Running:
    app: TriptychApp
    task: asyncio.Task[int]
    server: FakeServer

    @property
    def window(self) -> MainWindow:
        assert self.app.window is not None
        return self.app.window

    def transcript_text(self) -> str:
        return self.window.transcript.browser.toPlainText()

    def type_and_send(self, qtbot: QtBot, text: str) -> None:
        editor = self.window.composer.editor
        editor.setPlainText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    async def path(self) -> list:
        conversation = self.window._conversation
        assert conversation is not None
        return await self.app.store.call(lambda s: s.current_path(conversation.id))

    async def quit(self) -> int:
        self.window.close()
        return await self.task


async def start(
    qapp: QApplication,
    data_dir: Path,
    server: FakeServer,
    keys: KeyStore | None = None,
    *,
    batch_poll: PollPolicy | None = None,
) -> Running:
    """`batch_poll`: how often a batch run polls (a test's batches end in a few polls, so make it fast)."""
    keys = keys or KeyStore(DictKeyring())
    app = TriptychApp(
        qapp,
        AppOptions(data_dir=str(data_dir)),
        keys=keys,
        retry=RetryPolicy(max_retries=0),
        batch_poll=batch_poll,
    )
    await app.store.call(lambda s: s.save_profile(Profile("Relay", server.base_url)))
    if keys.get("Relay") is None:
        keys.set("Relay", KEY)
    task = asyncio.ensure_future(app.run())
    await wait_until(
        lambda: app.window is not None and app.window._conversation is not None, what="the window"
    )
    # The model picker asks the provider for its models after the first frame; joined here, so what a test
    # scripts and the server's last request are the test's own messages, not that list coming in late.
    await app.discover_models("Relay")
    return Running(app, task, server)

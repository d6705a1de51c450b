"""The evaluation grid opened in the app's first moments, before the first conversation is open: its first
column still goes to a provider, and a column without one is refused in words before anything is sent."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import qasync
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QActionEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.demo import FakeServer
from core.model.grid import GridVariant, TestCase
from core.model.profile import Profile
from gui.app import AppOptions, TriptychApp
from gui.grid.window import GridWindow
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running
from tests.keyring_backends import DictKeyring


class OpenGridAtOnce(QObject):
    """Triggers Tools → Evaluation grid… the moment the action is added to its menu, as a user quick on the
    menu would; notes whether a conversation was open then."""

    def __init__(self, app: TriptychApp) -> None:
        super().__init__()
        self._app = app
        self.conversation_open: bool | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionAdded and self.conversation_open is None:
            assert isinstance(event, QActionEvent)
            # Added while the feature is made, before the app holds it: known by its text.
            if event.action().text() == "Evaluation grid…":
                assert self._app.window is not None
                self.conversation_open = self._app.window.current_conversation() is not None
                event.action().trigger()
        return False


def test_the_grid_opened_before_the_first_conversation_sends_to_a_provider(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        keys.set("Relay", KEY)
        app = TriptychApp(qapp, AppOptions(data_dir=str(tmp_path / "data")), keys=keys)
        await app.store.call(lambda s: s.save_profile(Profile("Relay", server.base_url)))
        opener = OpenGridAtOnce(app)
        qapp.installEventFilter(opener)
        try:
            running = Running(app, asyncio.ensure_future(app.run()), server)
            await wait_until(
                lambda: app.grid is not None and app.grid.grid_window is not None, what="the grid"
            )
        finally:
            qapp.removeEventFilter(opener)
        assert opener.conversation_open is False, "the grid opened before the first conversation"
        assert app.grid is not None and app.grid.grid_window is not None
        window: GridWindow = app.grid.grid_window
        assert [v.profile_name for v in window.variants.variants] == ["Relay"]
        await wait_until(lambda: window.isVisible() and window.editor.isEnabled(), what="the grid window")

        # A column with no provider (a preset saved without one, say) is named at Estimate and at Run.
        window.editor.name.setText("Capitals")
        window.editor.template.setPlainText("What is the capital of {{country}}?")
        window.editor.add_cases([TestCase("France", {"country": "France"})])
        settings = window.variants.variants[0].settings
        window.variants.set_variants(
            [
                GridVariant("Relay", settings),
                GridVariant(None, dataclasses.replace(settings, temperature=0.5)),
            ]
        )
        wanted = (
            "The column “profile none · temperature 0.5” has no provider: choose one in its settings "
            "(Edit settings…)."
        )
        window.estimate_button.click()
        await wait_until(lambda: window.message.text() == wanted, what="the estimate refused")
        window.message.clear()
        assert await window.start_run() is None
        assert window.message.text() == wanted and window.message.isVisible()
        assert not [r for r in server.requests if r.path == "/v1/messages"]
        assert not await app.services.grids.runs()
        assert await running.quit() == 0

    run(qloop, body(), timeout=60)

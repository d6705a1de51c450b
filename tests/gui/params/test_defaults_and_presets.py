"""Defaults and named presets through the real window, against the fake server and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.request_settings import RequestSettings
from gui.main_window import MainWindow
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def _conversation_id(window: MainWindow) -> int:
    assert window._conversation is not None
    return window._conversation.id


async def _stored(app: Running) -> RequestSettings:
    conversation_id = _conversation_id(app.window)
    return (await app.app.store.call(lambda s: s.get_conversation(conversation_id))).settings


def _saved_system(app: Running) -> object:
    conversation = app.window._conversation
    return None if conversation is None else conversation.settings.system


async def _new_conversation(app: Running) -> int:
    before = _conversation_id(app.window)
    app.window.new_action.trigger()
    await wait_until(lambda: _conversation_id(app.window) != before, what="a new conversation")
    return _conversation_id(app.window)


def test_a_new_conversation_starts_from_the_defaults_not_from_the_last_one(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        panel = app.window.parameters
        qtbot.mouseClick(panel.sampling.temperature.check, Qt.MouseButton.LeftButton)
        panel.sampling.temperature.spin.setValue(0.3)
        panel.thinking.mode.set_choice("enabled")
        panel.prompt.system.setPlainText("You are a pirate.")
        await app.window.persist_settings()  # as the debounced save does
        changed = await _stored(app)
        assert (changed.temperature, changed.system) == (0.3, "You are a pirate.")
        assert changed.thinking is not None

        await _new_conversation(app)
        shown = panel.settings()
        assert (shown.temperature, shown.thinking, shown.system) == (None, None, None)
        stored = await _stored(app)
        assert (stored.temperature, stored.thinking, stored.system) == (None, None, None)
        assert not panel.sampling.temperature.check.isChecked()
        assert panel.thinking.mode.currentText() == "Off"
        await app.quit()

    run(qloop, body())


def test_save_as_default_is_where_new_conversations_start_also_after_a_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        panel = app.window.parameters
        panel.thinking.mode.set_choice("enabled")
        panel.thinking.budget.set_value(2048)
        panel.sampling.max_tokens.setValue(9000)
        panel.prompt.system.setPlainText("Answer in haiku.")
        qtbot.mouseClick(panel.presets_bar.save_defaults_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: "new conversations start from these settings" in app.window.composer.notice.text(),
            what="the defaults saved",
        )
        await _new_conversation(app)
        shown = panel.settings()
        assert shown.thinking is not None and shown.thinking.budget_tokens == 2048
        assert (shown.max_tokens, shown.system) == (9000, "Answer in haiku.")
        assert (await _stored(app)).system == "Answer in haiku."

        # Changing this conversation and going back with "Reset to defaults".
        panel.prompt.system.setPlainText("Something else")
        panel.thinking.mode.set_choice(None)
        qtbot.mouseClick(panel.presets_bar.reset_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: panel.settings().system == "Answer in haiku.", what="the reset")
        await wait_until(lambda: _saved_system(app) == "Answer in haiku.", what="the reset saved")
        assert (await _stored(app)).system == "Answer in haiku."
        assert await app.quit() == 0

        again = await start(qapp, tmp_path, server)
        await _new_conversation(again)
        shown = again.window.parameters.settings()
        assert shown.thinking is not None and shown.thinking.budget_tokens == 2048
        assert (shown.max_tokens, shown.system) == (9000, "Answer in haiku.")
        await again.quit()

    run(qloop, body())

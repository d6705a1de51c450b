"""Defaults and named presets through the real window, against the fake server and a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    """New conversation, as the user presses it: a new one, or the empty one shown, reused."""
    ready: list[int] = []
    app.window.newConversationReady.connect(ready.append)
    app.window.new_action.trigger()
    await wait_until(lambda: bool(ready), what="a new conversation")
    app.window.newConversationReady.disconnect(ready.append)
    return ready[0]


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


# The manage dialog is raised, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_presets_are_saved_applied_renamed_deleted_and_used_as_compare_columns(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        panel, bar, presets = app.window.parameters, app.window.parameters.presets_bar, app.window.presets

        async def save_as(name: str) -> None:
            bar.save_preset_action.trigger()
            dialog = presets.name_dialog
            assert dialog is not None and dialog.isVisible()
            dialog.setTextValue(name)
            dialog.accept()
            await wait_until(lambda: name in [a.text() for a in bar.preset_actions.values()], what=name)

        panel.prompt.system.setPlainText("Arr, answer as a pirate.")
        qtbot.mouseClick(panel.sampling.temperature.check, Qt.MouseButton.LeftButton)
        panel.sampling.temperature.spin.setValue(0.2)
        await save_as("Pirate")
        panel.prompt.system.setPlainText("Answer formally.")
        panel.sampling.temperature.check.setChecked(False)
        await save_as("Formal")
        assert [a.text() for a in bar.presets_menu.actions() if a.text()][:2] == ["Formal", "Pirate"]

        # Applied to a new conversation, which started from the defaults.
        await _new_conversation(app)
        assert panel.settings().system is None
        pirate = next(p for p in presets.presets() if p.name == "Pirate")
        bar.preset_actions[pirate.id].trigger()
        await wait_until(lambda: _saved_system(app) == "Arr, answer as a pirate.", what="the preset applied")
        assert panel.settings().temperature == 0.2
        assert (await _stored(app)).temperature == 0.2

        # Saving under a name in use asks first, and replaces on Yes.
        panel.sampling.temperature.spin.setValue(0.4)
        bar.save_preset_action.trigger()
        assert presets.name_dialog is not None
        presets.name_dialog.setTextValue("Pirate")
        presets.name_dialog.accept()
        await wait_until(lambda: presets.confirm_dialog is not None, what="the question")
        confirm = presets.confirm_dialog
        assert confirm is not None and "Replace" in confirm.text()
        confirm.button(confirm.StandardButton.Yes).click()
        await wait_until(
            lambda: next(p for p in presets.presets() if p.name == "Pirate").settings.temperature == 0.4,
            what="the preset replaced",
        )

        # The same list in the compare window: every saved preset side by side, each column its own.
        app.window.compare_action.trigger()
        await wait_until(lambda: app.app.compare_view is not None, what="the compare window")
        view = app.app.compare_view
        assert view is not None
        menu = view.presets_menu
        assert [a.text() for a in menu.saved_actions] == ["Add column: Formal", "Add column: Pirate"]
        menu.all_saved_action.trigger()
        assert [column.settings.system for column in view.columns] == [
            "Answer formally.",
            "Arr, answer as a pirate.",
        ]
        assert view.columns[0].header.text().startswith("Formal — system prompt")
        menu.saved_actions[1].trigger()
        assert len(view.columns) == 3
        view.prompt.setPlainText("Who are you?")
        view.send_button.click()
        await wait_until(lambda: all(c.metrics is not None for c in view.columns), timeout=15, what="replies")
        systems = sorted(
            str(record.body.get("system")) for record in server.requests if record.path == "/v1/messages"
        )
        assert systems == ["Answer formally.", "Arr, answer as a pirate.", "Arr, answer as a pirate."]
        view.close()

        # Renamed and deleted in the manage dialog.
        bar.manage_action.trigger()
        dialog = presets.dialog
        assert dialog is not None and dialog.list.count() == 2
        dialog.list.item(1).setText("Captain")  # as an in-place edit does
        await wait_until(lambda: "Captain" in [a.text() for a in bar.preset_actions.values()], what="rename")
        assert [dialog.list.item(i).text() for i in range(2)] == ["Captain", "Formal"]
        dialog.list.item(1).setText("Captain")
        await wait_until(lambda: dialog.problem.isVisible(), what="the name taken")
        assert "exists already" in dialog.problem.text()
        assert [dialog.list.item(i).text() for i in range(2)] == ["Captain", "Formal"]
        dialog.list.setCurrentRow(0)
        dialog.delete_button.click()
        await wait_until(lambda: [p.name for p in presets.presets()] == ["Formal"], what="the delete")
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Formal"]
        assert await app.quit() == 0

    run(qloop, body())

"""The compare window's reading and sending aids, through the real window against the fake server: the
prompt's Enter keys, column names, the aligned metric table, ties and the visible "Continue with this"."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from gui.compare.word_diff_dialog import WordDiffDialog
from tests.gui.compare.test_view import open_compare, send_with_temperatures
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


def sent_prompts(server: FakeServer) -> list[str]:
    """The last user text of every Messages request the server got."""
    return [
        record.body["messages"][-1]["content"][-1]["text"]
        for record in server.requests
        if record.path == "/v1/messages"
    ]


def test_enter_sends_the_compare_prompt_and_shift_enter_makes_a_new_line(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert "Enter to send" in view.prompt.placeholderText()
        server.enqueue(Reply([Text("One.")]), Reply([Text("Two.")]))
        qtbot.keyClicks(view.prompt, "first line")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClicks(view.prompt, "second line")
        assert view.prompt.toPlainText() == "first line\nsecond line" and view.run is None
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return)
        await wait_until(lambda: len(sent_prompts(server)) == 2, what="both columns' requests")
        assert sent_prompts(server) == ["first line\nsecond line"] * 2
        await wait_until(lambda: view.prompt.toPlainText() == "", what="the prompt cleared once sent")
        await wait_until(lambda: all(c.reply is not None for c in view.columns), what="both replies")
        # Ctrl+Enter sends too (a follow-up round here).
        server.enqueue(Reply([Text("Three.")]), Reply([Text("Four.")]))
        qtbot.keyClicks(view.prompt, "again")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(sent_prompts(server)) == 4, what="the follow-up round")
        assert sent_prompts(server)[2:] == ["again"] * 2
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_with_enter_sends_off_the_compare_prompt_sends_on_ctrl_enter_only(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.preferences.enter_sends_action.setChecked(False)
        view = await open_compare(app)
        assert "Ctrl+Enter to send" in view.prompt.placeholderText()
        server.enqueue(Reply([Text("One.")]), Reply([Text("Two.")]))
        qtbot.keyClicks(view.prompt, "first")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return)
        qtbot.keyClicks(view.prompt, "second")
        assert view.prompt.toPlainText() == "first\nsecond" and not sent_prompts(server)
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(sent_prompts(server)) == 2, what="both columns' requests")
        assert sent_prompts(server) == ["first\nsecond"] * 2
        await wait_until(lambda: all(c.reply is not None for c in view.columns), what="both replies")
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_columns_are_named_by_what_sets_them_apart_in_the_window_and_the_diff_dialog(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert [c.title.text() for c in view.columns] == ["same settings #1", "same settings #2"]
        assert [c.header.text() for c in view.columns] == ["Same as the conversation"] * 2
        server.enqueue(Reply([Text("Cool answer.")]), Reply([Text("Warm answer.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        assert [c.title.text() for c in view.columns] == ["temperature 0.2", "temperature 0.9"]
        view.add_button.click()  # the conversation's own settings: temperature left to the default
        assert [c.title.text() for c in view.columns] == [
            "temperature 0.2",
            "temperature 0.9",
            "temperature default",
        ]
        view.remove_column(view.columns[2])
        view.diff_button.click()
        dialog = view.findChild(WordDiffDialog)
        assert dialog is not None and dialog.isVisible()
        picks = [dialog.left_pick.itemText(i) for i in range(dialog.left_pick.count())]
        assert picks == ["temperature 0.2", "temperature 0.9"]
        assert dialog.left_pick.currentText() == "temperature 0.2"
        assert dialog.right_pick.currentText() == "temperature 0.9"
        dialog.close()
        view.close()
        assert await app.quit() == 0

    run(qloop, body())

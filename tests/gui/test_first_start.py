"""The first minute in the real window: what the user types goes to the composer (at start, after Ctrl+N,
after switching conversations), and asking for a new conversation twice leaves one empty conversation."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


async def typed_goes_to_the_composer(app: Running, qtbot: QtBot, text: str) -> None:
    """Type as a user does, into whatever has the focus, and check the composer got it."""
    editor = app.window.composer.editor
    await wait_until(lambda: QApplication.focusWidget() is editor, what="the focus in the composer")
    before = editor.toPlainText()
    qtbot.keyClicks(focused(), text)
    assert editor.toPlainText() == before + text


async def conversation_rows(app: Running) -> list[tuple[int, str]]:
    rows = await app.app.services.conversations.summaries()
    return [(row.id, row.title) for row in rows]


async def reply_done(app: Running, text: str) -> None:
    await wait_until(lambda: text in app.transcript_text(), what=f"the reply {text!r}")
    await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")


def test_typing_right_after_start_goes_to_the_composer_and_a_space_presses_nothing(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.activateWindow()
        await typed_goes_to_the_composer(app, qtbot, "Hello there")
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
        assert app.window.composer.editor.toPlainText() == "Hello there  "
        assert len(await conversation_rows(app)) == 1, "a space must not press New"
        await app.quit()

    run(qloop, body())


def test_ctrl_n_twice_leaves_one_empty_conversation_with_the_focus_in_the_composer(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.activateWindow()
        first = app.window._conversation.id
        server.enqueue(Reply([Text("First answer.")]))
        app.type_and_send(qtbot, "A first question")
        await reply_done(app, "First answer.")

        qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: app.window._conversation.id != first, what="a new conversation")
        new = app.window._conversation.id
        await typed_goes_to_the_composer(app, qtbot, "x")
        qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        app.window.conversations.new_button.click()
        await wait_until(lambda: app.window._tasks.running == 0, what="the new-conversation requests")

        rows = await conversation_rows(app)
        assert [row_id for row_id, _ in rows] == [new, first], "one empty conversation, reused"
        assert app.window._conversation.id == new
        await typed_goes_to_the_composer(app, qtbot, "y")
        assert app.window.conversations.view.model().rowCount() == 2
        await app.quit()

    run(qloop, body())


def test_switching_conversations_by_click_or_keyboard_sends_typing_to_the_composer(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.activateWindow()
        server.enqueue(Reply([Text("Answer one.")]), Reply([Text("Answer two.")]))
        app.type_and_send(qtbot, "Question one")
        await reply_done(app, "Answer one.")
        app.window.new_conversation()
        await wait_until(lambda: "Answer one." not in app.transcript_text(), what="the new conversation")
        app.type_and_send(qtbot, "Question two")
        await reply_done(app, "Answer two.")
        view = app.window.conversations.view

        # A click on the older conversation (the second row) opens it; typing then goes to the composer.
        older = view.model().index(1, 0)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(older).center())
        await wait_until(lambda: "Answer one." in app.transcript_text(), what="the clicked conversation")
        await typed_goes_to_the_composer(app, qtbot, "after a click")

        # From the keyboard: the arrows browse the list (the focus stays there), typing goes to the composer.
        app.window.composer.editor.clear()
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Up)
        await wait_until(lambda: "Answer two." in app.transcript_text(), what="the conversation above")
        assert QApplication.focusWidget() is view, "the arrows keep browsing the list"
        qtbot.keyClicks(focused(), "typed in the list")
        await wait_until(lambda: app.window.composer.editor.toPlainText() == "typed in the list", what="text")
        assert QApplication.focusWidget() is app.window.composer.editor
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Down)
        await wait_until(lambda: "Answer one." in app.transcript_text(), what="the conversation below")
        qtbot.keyClick(view, Qt.Key.Key_Return)
        await typed_goes_to_the_composer(app, qtbot, "!")
        await app.quit()

    run(qloop, body())

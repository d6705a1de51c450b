"""Ctrl+K in the real window: type, see highlighted results, Enter opens the conversation at the message."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from gui.search.dialog import HtmlRole, SearchDialog
from gui.transcript.view import TranscriptView
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start

FILLER = "A long paragraph about nothing in particular, repeated so the turn takes room. " * 12


def seed(store: Store) -> tuple[int, int, int]:
    """A conversation whose early answer says "platypus 鸭嘴兽", on a long branch that is not the one on
    screen, and another conversation.
    Returns (conversation id, the message's id, the branch's leaf)."""
    other = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), None, "Unrelated")
    store.add_message(other.id, None, "user", [{"type": "text", "text": "Tell me about wombats"}])
    chat = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), None, "Animals")
    question = store.add_message(chat.id, None, "user", [{"type": "text", "text": "Which animal lays eggs?"}])
    target = store.add_message(
        chat.id, question.id, "assistant", [{"type": "text", "text": "The platypus (鸭嘴兽) does."}]
    )
    leaf = target
    for n in range(60):
        role = "user" if n % 2 == 0 else "assistant"
        leaf = store.add_message(chat.id, leaf.id, role, [{"type": "text", "text": f"{n}. {FILLER}"}])
    store.add_message(chat.id, question.id, "assistant", [{"type": "text", "text": "Birds do."}])
    return chat.id, target.id, leaf.id


def turn_top(transcript: TranscriptView, message_id: int) -> int | None:
    """Where the turn's header is in the viewport (pixels from its top), None if it is not in the document."""
    browser = transcript.browser
    block = browser.document().begin()
    while block.isValid():
        first = block.begin()
        if not first.atEnd() and f"turn-{message_id}" in first.fragment().charFormat().anchorNames():
            return browser.cursorRect(QTextCursor(block)).top()
        block = block.next()
    return None


def test_ctrl_k_finds_a_message_and_enter_opens_it_in_view(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = app.window
        chat, target, side_leaf = await app.app.store.call(seed)

        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: window.search.dialog is not None and window.search.dialog.isVisible())
        dialog = window.search.dialog
        assert isinstance(dialog, SearchDialog)
        qtbot.keyClicks(dialog.query, "PLATYPUS")
        await wait_until(lambda: len(dialog.hits()) == 1, what="the result")
        hit = dialog.hits()[0]
        assert (hit.conversation_id, hit.message_id, hit.conversation_title) == (chat, target, "Animals")
        shown = dialog.results_model.item(0).data(HtmlRole)
        assert "<b>platypus</b>" in shown and "Animals" in shown

        dialog.query.clear()
        dialog.query.insert("鸭嘴")  # as an input method would: QTest types ASCII only
        await wait_until(
            lambda: "<b>鸭嘴</b>" in dialog.results_model.item(0).data(HtmlRole), what="the Chinese result"
        )
        assert [h.message_id for h in dialog.hits()] == [target]

        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        await wait_until(lambda: not dialog.isVisible(), what="the dialog to close")
        await wait_until(
            lambda: window.current_conversation() is not None and window.current_conversation().id == chat,
            what="the conversation",
        )
        assert [m.id for m in await app.path()][-1] == side_leaf, "the branch holding the message is shown"
        viewport = window.transcript.browser.viewport().height()
        await wait_until(
            lambda: (top := turn_top(window.transcript, target)) is not None and 0 <= top < viewport,
            what="the message in view",
        )
        assert "The platypus (鸭嘴兽) does." in app.transcript_text()
        assert await app.quit() == 0

    run(qloop, body())


def test_filters_narrow_results_and_enter_before_the_results_opens_the_first(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await app.app.store.call(seed)
        app.window.search.action.trigger()
        dialog = app.window.search.dialog
        assert dialog is not None
        await wait_until(lambda: dialog.model_box.count() > 1, what="the model choices")
        qtbot.keyClicks(dialog.query, "wombats")
        await wait_until(lambda: len(dialog.hits()) == 1, what="the result")
        dialog.attachments.setChecked(True)
        await wait_until(lambda: dialog.hits() == [], what="no results")
        assert dialog.status.text() == "No results"

        dialog.attachments.setChecked(False)
        dialog.query.clear()
        qtbot.keyClicks(dialog.query, "wombat")
        qtbot.keyClick(
            dialog.query, Qt.Key.Key_Return
        )  # before the results: the first one opens when they come
        await wait_until(
            lambda: (shown := app.window.current_conversation()) is not None and shown.title == "Unrelated",
            what="the conversation found",
        )
        assert not dialog.isVisible()
        assert await app.quit() == 0

    run(qloop, body())

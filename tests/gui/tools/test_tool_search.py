"""Ctrl+K finds what tools were given and gave back: a word of a call's arguments and a word of its result
(with "Include tool calls"), and Enter opens the conversation with that tool card in view."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.request_settings import RequestSettings
from core.model.tools import RunStatus, ToolRun
from core.store.repository import Store
from gui.search.dialog import SearchDialog
from gui.transcript.view import TranscriptView
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start
from tests.gui.search.test_search import FILLER


def seed(store: Store) -> tuple[int, int, int]:
    """A conversation where the model looked up a street with an MCP tool, then talked on for long.
    Returns (conversation id, the reply holding the call, the turn of its result)."""
    chat = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), None, "Maps")
    question = store.add_message(chat.id, None, "user", [{"type": "text", "text": "Where is the bakery?"}])
    call = {"type": "tool_use", "id": "toolu_geo", "name": "geocode", "input": {"query": "Rue Quincampoix"}}
    reply = store.add_message(
        chat.id, question.id, "assistant", [call], model="claude-sonnet-4-6", stop_reason="tool_use",
        tool_runs=[ToolRun("toolu_geo", "geocode", "maps", {"query": "Rue Quincampoix"}, RunStatus.DONE,
                           1.0, 0.2)],
    )  # fmt: skip
    result = {"type": "tool_result", "tool_use_id": "toolu_geo", "content": "48.8619 N, 2.3504 E (Marais)"}
    results = store.add_message(chat.id, reply.id, "user", [result])
    leaf = store.add_message(chat.id, results.id, "assistant", [{"type": "text", "text": "In the Marais."}])
    for n in range(40):
        role = "user" if n % 2 == 0 else "assistant"
        leaf = store.add_message(chat.id, leaf.id, role, [{"type": "text", "text": f"{n}. {FILLER}"}])
    return chat.id, reply.id, results.id


def anchor_top(transcript: TranscriptView, name: str) -> int | None:
    """Where the block holding an anchor is in the viewport (pixels from its top); None if it is not there."""
    browser = transcript.browser
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if name in fragments.fragment().charFormat().anchorNames():
                return browser.cursorRect(QTextCursor(block)).top()
            fragments += 1
        block = block.next()
    return None


def test_ctrl_k_finds_tool_arguments_and_results_and_opens_them_in_their_card(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = app.window
        chat, reply, results = await app.app.store.call(seed)

        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: window.search.dialog is not None and window.search.dialog.isVisible())
        dialog = window.search.dialog
        assert isinstance(dialog, SearchDialog)
        dialog.tools.setChecked(True)
        qtbot.keyClicks(dialog.query, "Quincampoix")
        await wait_until(lambda: [h.message_id for h in dialog.hits()] == [reply], what="the call's hit")
        dialog.query.clear()
        qtbot.keyClicks(dialog.query, "Marais)")
        await wait_until(lambda: [h.message_id for h in dialog.hits()] == [results], what="the result's hit")

        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        await wait_until(lambda: not dialog.isVisible(), what="the dialog to close")
        await wait_until(
            lambda: window.current_conversation() is not None and window.current_conversation().id == chat,
            what="the conversation",
        )
        viewport = window.transcript.browser.viewport().height()
        card = "tool-toolu_geo"
        await wait_until(
            lambda: (top := anchor_top(window.transcript, card)) is not None and 0 <= top < viewport,
            what="the call's card in view",
        )
        text = app.transcript_text()
        assert "geocode · maps" in text and "48.8619 N, 2.3504 E (Marais)" in text
        shown = text[text.index("geocode · maps") : text.index("In the Marais.")]
        assert "48.8619" in shown and "You" not in shown  # the result is in its card, not a turn of its own
        assert await app.quit() == 0

    run(qloop, body())

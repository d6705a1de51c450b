"""Compare columns use the same MCP tools under the same policy: two columns making the same call ask the
user once, each column shows its own card, and the loop's next request in a column does not repeat the
prompt's bubble."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.demo.script import Reply, Text, ToolUse
from tests.gui.compare.test_view import open_compare
from tests.gui.conftest import run, wait_until
from tests.gui.tools.tool_driver import faulty, start_with_servers


def test_two_columns_making_the_same_call_ask_once_and_each_shows_its_card(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start_with_servers(qapp, tmp_path, server, [faulty()])
        view = await open_compare(app)
        assert len(view.columns) == 2
        server.enqueue(
            Reply([ToolUse("delete_everything", {"confirm": True})]),
            Reply([ToolUse("delete_everything", {"confirm": True})]),
            Reply([Text("Column answer.")]),
            Reply([Text("Column answer.")]),
        )
        view.prompt.setPlainText("Delete everything")
        view.send_button.click()
        prompt = app.window.approvals
        await wait_until(prompt.isVisible, what="the approval prompt")
        # Both columns wait on the one question.
        await wait_until(
            lambda: all(
                "Waiting for your approval" in c.transcript.browser.toPlainText() for c in view.columns
            ),
            what="both cards waiting",
        )
        assert len(prompt.pending()) == 1
        prompt.allow_button.click()
        await wait_until(
            lambda: all("Column answer." in c.transcript.browser.toPlainText() for c in view.columns),
            what="both answers",
            timeout=30,
        )
        assert not prompt.isVisible() and prompt.pending() == []
        for column in view.columns:
            text = column.transcript.browser.toPlainText()
            assert "delete_everything · faulty" in text and "Done in" in text
            assert "nothing was deleted (this is a test server)" in text
            assert text.count("Delete everything") == 1  # the prompt once: the loop's request is no new turn
        view.close()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)

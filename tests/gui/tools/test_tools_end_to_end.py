"""MCP tools through the real window: the fake model server is scripted to call tools of real MCP servers
(the faulty test server, and mcp-server-time from PyPI), and the user meets the approval prompt, the tool
cards, a remembered choice that survives a restart, a denial, parallel calls and Stop mid-call."""

from __future__ import annotations

import time
from pathlib import Path

import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.chat.tool_loop import DECLINED
from core.demo import FakeServer
from core.demo.script import Reply, Text, ToolUse
from core.model.tools import ApprovalRule, Decision, Scope
from tests.gui.conftest import run, wait_until
from tests.gui.tools.tool_driver import busy, faulty, request_results, start_with_servers, time_server


def test_the_prompt_asks_enter_allows_and_the_card_shows_the_result(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start_with_servers(qapp, tmp_path, server, [faulty()])
        call = ToolUse("delete_everything", {"confirm": True})
        answer = "All clean, as far as I can tell."
        server.enqueue(Reply([Text("I will clean up."), call]), Reply([Text(answer)]))
        app.type_and_send(qtbot, "Please delete everything")

        prompt = app.window.approvals
        await wait_until(prompt.isVisible, what="the approval prompt")
        assert "delete_everything" in prompt.tool_label.text() and "faulty" in prompt.tool_label.text()
        assert prompt.arguments.toPlainText() == '{\n  "confirm": true\n}'
        assert "destructive" in prompt.annotations.text() and "Hints only" in prompt.annotations.text()
        await wait_until(lambda: "Waiting for your approval" in app.transcript_text(), what="a waiting card")
        # The window stays usable while it asks: the user can type a draft.
        app.window.composer.editor.setPlainText("a draft")
        assert prompt.allow_button.hasFocus()

        qtbot.keyClick(prompt.allow_button, Qt.Key.Key_Return)
        await wait_until(lambda: answer in app.transcript_text(), what="the answer")
        text = app.transcript_text()
        assert "delete_everything · faulty" in text and "Done in" in text
        assert "nothing was deleted (this is a test server)" in text
        assert not prompt.isVisible()
        assert app.window.composer.editor.toPlainText() == "a draft"
        results = request_results(server.requests[-1].body)
        assert results == [(call.id, "nothing was deleted (this is a test server)", False)]
        await wait_until(lambda: not busy(app), what="the loop to end")
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_esc_denies_and_the_model_is_told_the_user_declined(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start_with_servers(qapp, tmp_path, server, [faulty()])
        call = ToolUse("delete_everything", {"confirm": True})
        server.enqueue(Reply([call]), Reply([Text("Understood, I left everything as it was.")]))
        app.type_and_send(qtbot, "Delete everything")
        prompt = app.window.approvals
        await wait_until(prompt.isVisible, what="the approval prompt")
        qtbot.keyClick(prompt.allow_button, Qt.Key.Key_Escape)
        await wait_until(lambda: "I left everything as it was" in app.transcript_text(), what="the answer")
        assert "Declined: the model was told you declined this call" in app.transcript_text()
        assert request_results(server.requests[-1].body) == [(call.id, DECLINED, True)]
        assert await app.app.services.tool_settings.rules() == []  # "just this call": nothing remembered
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_always_is_remembered_across_a_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start_with_servers(qapp, tmp_path, server, [faulty()])
        server.enqueue(Reply([ToolUse("delete_everything", {})]), Reply([Text("First done.")]))
        app.type_and_send(qtbot, "Delete everything")
        prompt = app.window.approvals
        await wait_until(prompt.isVisible, what="the approval prompt")
        prompt.scope.setCurrentIndex(prompt.scope.findData(Scope.ALWAYS))
        prompt.allow_button.click()
        await wait_until(lambda: "First done." in app.transcript_text(), what="the first answer")
        assert await app.quit() == 0

        again = await start_with_servers(qapp, tmp_path, server, [])
        rules = await again.app.services.tool_settings.rules()
        assert [(r.server, r.tool, r.decision, r.conversation_id) for r in rules] == [
            ("faulty", "delete_everything", Decision.ALLOW, None)
        ]
        server.enqueue(Reply([ToolUse("delete_everything", {})]), Reply([Text("Second done, unasked.")]))
        again.window.new_conversation()
        await wait_until(lambda: again.transcript_text().strip("\u200b\n") == "", what="a new conversation")
        again.type_and_send(qtbot, "Delete everything again")
        await wait_until(lambda: "Second done, unasked." in again.transcript_text(), what="the second answer")
        assert not again.window.approvals.isVisible()
        assert "delete_everything · faulty" in again.transcript_text()
        assert again.window.approvals.pending() == []
        assert await again.quit() == 0

    run(qloop, body(), timeout=90)


def test_parallel_calls_run_at_once_with_their_progress(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        rule = ApprovalRule("faulty", None, Decision.ALLOW, None, time.time())
        app = await start_with_servers(qapp, tmp_path, server, [faulty()], rules=[rule])
        first = ToolUse("slow", {"steps": 40, "delay": 0.1})
        second = ToolUse("slow", {"steps": 40, "delay": 0.1})
        server.enqueue(Reply([first, second]), Reply([Text("Both finished.")]))
        app.type_and_send(qtbot, "Run both")
        # Both cards run at the same moment, each counting its own progress.
        await wait_until(
            lambda: app.transcript_text().count("Running…") == 2, what="both calls running", timeout=30
        )
        await wait_until(lambda: app.transcript_text().count(" of 40") >= 2, what="progress in both cards")
        assert not app.window.approvals.isVisible()  # allowed by the rule: nothing asked
        await wait_until(lambda: "Both finished." in app.transcript_text(), what="the answer", timeout=30)
        assert app.transcript_text().count("done in 40 steps") == 2
        assert [r[0] for r in request_results(server.requests[-1].body)] == [first.id, second.id]
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def test_an_image_shows_inline_and_a_failing_tool_says_so_in_its_card(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        rule = ApprovalRule("faulty", None, Decision.ALLOW, None, time.time())
        app = await start_with_servers(qapp, tmp_path, server, [faulty()], rules=[rule])
        picture, failing = ToolUse("image", {}), ToolUse("error", {})
        server.enqueue(Reply([picture, failing]), Reply([Text("One picture, one failure.")]))
        app.type_and_send(qtbot, "Draw, then fail")
        await wait_until(lambda: "One picture, one failure." in app.transcript_text(), what="the answer")
        text = app.transcript_text()
        assert "image · faulty" in text and "Result ▾" in text
        assert "Failed after" in text and "the tool reported an error" in text
        assert "the tool failed on purpose" in text
        reply_id = next(m.id for m in await app.path() if m.tool_runs)
        url = QUrl(f"triptych-image:tool/{reply_id}/{picture.id}/0")
        document = app.window.transcript.browser.document()
        shown = document.resource(QTextDocument.ResourceType.ImageResource.value, url)
        assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (1, 1)
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_stop_mid_call_cancels_it_and_keeps_what_arrived(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        rule = ApprovalRule("faulty", None, Decision.ALLOW, None, time.time())
        app = await start_with_servers(qapp, tmp_path, server, [faulty()], rules=[rule])
        server.enqueue(Reply([Text("Waiting on the server."), ToolUse("hang", {})]))
        app.type_and_send(qtbot, "Hang")
        await wait_until(lambda: "Running…" in app.transcript_text(), what="the call running", timeout=30)
        requests_before = len(server.requests)
        assert app.window.composer.send_button.text() == app.window.composer.tr("Stop")
        qtbot.keyClick(app.window.composer.editor, Qt.Key.Key_Escape)
        await wait_until(lambda: "Stopped after" in app.transcript_text(), what="the stopped card")
        await wait_until(lambda: not busy(app), what="the loop to end")
        assert "Waiting on the server." in app.transcript_text()  # what arrived is kept
        assert len(server.requests) == requests_before  # the loop ended with the stop: nothing more sent
        assert app.window.composer.send_button.text() == app.window.composer.tr("Send")
        # The server was told (MCP cancellation), and the stopped call is saved as such.
        hub = app.app.tool_hub
        assert hub is not None
        counter = hub.find("cancellations")
        assert counter is not None
        counted = await hub.call(counter, {})
        assert [block.get("text") for block in counted.content] == ["1"]
        conversation = app.window.current_conversation()
        assert conversation is not None
        stored = await app.app.store.call(lambda s: s.current_path(conversation.id))
        (reply,) = [message for message in stored if message.tool_runs]
        assert [run.status.value for run in reply.tool_runs] == ["cancelled"]
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_stop_while_the_prompt_waits_takes_the_prompt_away(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start_with_servers(qapp, tmp_path, server, [faulty()])
        server.enqueue(Reply([ToolUse("delete_everything", {})]))
        app.type_and_send(qtbot, "Delete everything")
        prompt = app.window.approvals
        await wait_until(prompt.isVisible, what="the approval prompt")
        app.window.composer.send_button.click()  # Stop, with the mouse
        await wait_until(lambda: not prompt.isVisible(), what="the prompt gone")
        await wait_until(lambda: not busy(app), what="the loop to end")
        assert "Stopped" in app.transcript_text() and prompt.pending() == []
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_a_reference_server_from_pypi_answers_through_the_window(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        rule = ApprovalRule("time", None, Decision.ALLOW, None, time.time())
        app = await start_with_servers(qapp, tmp_path, server, [time_server()], rules=[rule])
        server.enqueue(
            Reply([ToolUse("get_current_time", {"timezone": "Asia/Tokyo"})]),
            Reply([Text("It is evening in Tokyo.")]),
        )
        app.type_and_send(qtbot, "What time is it in Tokyo?")
        await wait_until(lambda: "evening in Tokyo." in app.transcript_text(), what="the answer", timeout=30)
        text = app.transcript_text()
        assert "get_current_time · time" in text and '"timezone": "Asia/Tokyo"' in text
        assert "+09:00" in text  # the server's answer, in the card
        ((_, result, is_error),) = request_results(server.requests[-1].body)
        assert "+09:00" in result and not is_error
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)

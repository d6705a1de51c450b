"""The empty state in the real window, against the fake server's demo model over real HTTP: it shows before
the first message and after "New conversation", and each example does what it says with one click."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from gui.transcript.empty_state import COMPARE, TABLE_CODE, THINKING, TOOL
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def empty_state_shown(app: Running) -> bool:
    return app.window.empty_state.isVisible() and not app.window.transcript.isVisible()


def click_example(app: Running, qtbot: QtBot, key: str) -> None:
    qtbot.mouseClick(app.window.empty_state.buttons[key], Qt.MouseButton.LeftButton)


async def reply_done(app: Running) -> None:
    await wait_until(lambda: app.window.composer.send_button.text() == "Stop", what="the reply to start")
    await wait_until(lambda: app.window.composer.send_button.text() == "Send", timeout=10, what="the reply")


def sent_bodies(server: FakeServer) -> list[dict]:
    return [record.body for record in server.requests if record.path == "/v1/messages"]


def test_the_empty_state_shows_until_the_first_message_and_again_for_a_new_conversation(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state at start")
        empty = app.window.empty_state
        assert empty.heading.text() == "Start a conversation"
        assert [button.title.text() for button in empty.buttons.values()] == [
            "A table and code",
            "Thinking",
            "A tool call",
            "A comparison",
        ]
        app.type_and_send(qtbot, "Hello")
        await wait_until(lambda: app.window.transcript.isVisible(), what="the transcript")
        assert not empty.isVisible()
        await reply_done(app)
        app.window.new_action.trigger()
        await wait_until(lambda: empty_state_shown(app), what="the empty state for the new conversation")
        await app.quit()

    run(qloop, body())


def test_the_table_and_code_example_sends_its_prompt_and_the_reply_has_both(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state")
        click_example(app, qtbot, TABLE_CODE)
        await reply_done(app)

        [sent] = sent_bodies(server)
        assert sent["messages"][-1]["content"][0]["text"] == app.window.empty_state.prompt(TABLE_CODE)
        # A long reply's last blocks are painted in steps after it ends (the window stays responsive).
        await wait_until(
            lambda: (
                "Sorting algorithms" in app.transcript_text() and "def quicksort" in app.transcript_text()
            ),
            what="the whole reply painted",
        )
        assert app.window.transcript.browser.document().toHtml().count("<table") >= 1
        assert QApplication.focusWidget() is app.window.composer.editor
        await app.quit()

    run(qloop, body())


def test_the_thinking_example_turns_thinking_on_and_the_thinking_comes_first(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state")
        assert app.window.current_settings().thinking is None
        click_example(app, qtbot, THINKING)
        await reply_done(app)

        [sent] = sent_bodies(server)
        assert sent["thinking"]["type"] == "enabled"
        assert sent["max_tokens"] > sent["thinking"]["budget_tokens"]
        reply = (await app.path())[-1]
        assert [block["type"] for block in reply.content] == ["thinking", "text"]
        assert "the same" in reply.content[1]["text"]
        assert app.window.current_settings().thinking is not None, "the panel shows thinking on"
        assert "Thinking is now on" in app.window.composer.notice.text()
        stored = await app.app.services.conversations.get(app.window._conversation.id)
        assert stored.settings.thinking is not None
        await app.quit()

    run(qloop, body())


def test_the_tool_example_offers_get_time_and_the_reply_calls_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state")
        click_example(app, qtbot, TOOL)
        await reply_done(app)

        [sent] = sent_bodies(server)
        assert [tool["name"] for tool in sent["tools"]] == ["get_time"]
        reply = (await app.path())[-1]
        assert reply.stop_reason == "tool_use"
        assert reply.content[-1]["name"] == "get_time"
        assert "Reply with result" in app.transcript_text()
        assert "Reply with result" in app.window.composer.notice.text()
        await app.quit()

    run(qloop, body())


def test_the_comparison_example_opens_compare_and_sends_to_three_temperatures(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state")
        click_example(app, qtbot, COMPARE)
        await wait_until(lambda: app.app.compare_view is not None, what="the compare window")
        view = app.app.compare_view
        assert view is not None
        await wait_until(lambda: view.run is not None, what="the run to start")
        await wait_until(
            lambda: all(column.metrics is not None for column in view.columns), timeout=10, what="the replies"
        )

        bodies = sent_bodies(server)
        assert sorted(body["temperature"] for body in bodies) == [0.0, 0.5, 1.0]
        prompt = app.window.empty_state.prompt(COMPARE)
        assert {body["messages"][-1]["content"][0]["text"] for body in bodies} == {prompt}
        replies = {record.body["temperature"]: record.reply for record in server.requests if record.reply}
        texts = {temperature: reply["content"][0]["text"] for temperature, reply in replies.items()}
        assert len(set(texts.values())) == 3, "each temperature answers in its own words"
        view.close()
        await app.quit()

    run(qloop, body())


def test_an_example_keeps_a_draft_in_the_composer_and_sends_nothing(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        await wait_until(lambda: empty_state_shown(app), what="the empty state")
        app.window.composer.editor.setPlainText("My own words")
        click_example(app, qtbot, THINKING)
        await wait_until(lambda: "draft is kept" in app.window.composer.notice.text(), what="the notice")

        assert app.window.composer.editor.toPlainText() == "My own words"
        assert sent_bodies(server) == []
        assert app.window.current_settings().thinking is None
        await app.quit()

    run(qloop, body())

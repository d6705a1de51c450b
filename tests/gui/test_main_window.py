"""The real window, driven as a user would, against the fake server over real HTTP and a real SQLite file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.demo import CutConnection, FakeServer, HttpError, Reply, Text, ToolUse
from core.model.messages import Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from gui.chat.tool_results import ToolResultsDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, SLOW, start
from tests.keyring_backends import DictKeyring


def test_send_streams_the_reply_and_shows_its_measurements(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text("Streaming " * 30 + "done.")], usage=Usage(12, 40), pace=SLOW))
        app.type_and_send(qtbot, "Hello, window")
        await wait_until(lambda: "Streaming Streaming" in app.transcript_text(), what="streamed text")
        assert "done." not in app.transcript_text(), "the text should appear while it streams"
        assert app.window.composer.send_button.text() == "Stop"
        await wait_until(lambda: "done." in app.transcript_text(), what="the whole reply")
        await wait_until(lambda: "end_turn" in app.transcript_text(), what="the footer")
        text = app.transcript_text()
        assert "Hello, window" in text and "claude-sonnet-4-6" in text
        assert app.window.composer.editor.toPlainText() == ""
        assert [m.status for m in await app.path()] == ["complete", "complete"]
        assert server.requests[-1].headers["x-api-key"] == KEY
        assert await app.quit() == 0

    run(qloop, body())


def test_stop_keeps_what_came(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text("word " * 200)], pace=SLOW))
        app.type_and_send(qtbot, "Talk a lot")
        await wait_until(lambda: "word word" in app.transcript_text(), what="the reply to begin")
        qtbot.keyClick(app.window.composer.editor, Qt.Key.Key_Escape)
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to stop")
        reply = (await app.path())[-1]
        assert reply.status == "cancelled"
        assert 0 < len(reply.content[0]["text"]) < len("word " * 200)
        await app.quit()

    run(qloop, body())


def test_an_error_shows_in_plain_words_and_retry_recovers(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(HttpError(529, "Overloaded"), Reply([Text("Recovered.")]))
        app.type_and_send(qtbot, "Please")
        await wait_until(lambda: "overloaded right now" in app.transcript_text(), what="the error box")
        failed = (await app.path())[-1]
        assert failed.status == "error"
        assert server.requests[-1].request_id in app.transcript_text()
        app.window.transcript.retryRequested.emit(failed.id)
        await wait_until(lambda: "Recovered." in app.transcript_text(), what="the retried reply")
        assert "overloaded right now" not in app.transcript_text()
        await app.quit()

    run(qloop, body())


def test_a_missing_key_and_a_cut_connection_say_what_happened(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        app = await start(qapp, tmp_path, server, keys)
        keys.delete("Relay")
        app.app.clients.forget_key("Relay")
        app.type_and_send(qtbot, "No key yet")
        await wait_until(lambda: "no API key for this provider" in app.transcript_text(), what="missing key")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        assert [r for r in server.requests if r.path == "/v1/messages"] == []
        keys.set("Relay", KEY)
        server.enqueue(Reply([Text("x" * 300)], faults=[CutConnection(after_bytes=700)]))
        app.type_and_send(qtbot, "Now with a key")
        await wait_until(lambda: "The connection failed." in app.transcript_text(), what="the cut")
        reply = (await app.path())[-1]
        assert reply.status == "error" and reply.content[0]["text"], "the partial reply stays"
        await app.quit()

    run(qloop, body())


def test_the_tool_loop_sends_results_and_continues(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        call = ToolUse("get_weather", {"city": "Paris", "detail": "x" * 80}, id="toolu_w1")
        server.enqueue(Reply([call], pace=SLOW), Reply([Text("Sunny.")]))
        app.type_and_send(qtbot, "Weather?")
        await wait_until(
            lambda: "Tool call: get_weather…" in app.transcript_text(), what="the card, streaming"
        )
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the call to end")
        reply = (await app.path())[-1]
        app.window.transcript.toolResultRequested.emit(reply.id, "toolu_w1")
        await wait_until(lambda: app.window.findChild(ToolResultsDialog) is not None, what="the dialog")
        dialog = app.window.findChild(ToolResultsDialog)
        editor, is_error = dialog._fields[0][1], dialog._fields[0][2]
        editor.setPlainText('{"temp": 21}')
        is_error.setChecked(True)
        dialog.accept()
        await wait_until(lambda: "Sunny." in app.transcript_text(), what="the continued reply")
        sent = server.requests[-1].body["messages"][-1]["content"]
        assert sent == [
            {"type": "tool_result", "tool_use_id": "toolu_w1", "content": '{"temp": 21}', "is_error": True}
        ]
        await app.quit()

    run(qloop, body())


def test_switching_conversations_while_a_reply_streams(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        first = app.window._conversation.id
        server.enqueue(Reply([Text("alpha " * 80 + "END")], pace=SLOW))
        app.type_and_send(qtbot, "First conversation")
        await wait_until(lambda: "alpha alpha" in app.transcript_text(), what="the first reply")
        app.window.new_conversation()
        await wait_until(lambda: app.window._conversation.id != first, what="the new conversation")
        assert "alpha" not in app.transcript_text()
        # The window takes each update before this (connected later): let ten of them reach it.
        updates: list[int] = []
        finished: list[object] = []
        app.app.controller.replyUpdated.connect(lambda reply_id, _update: updates.append(reply_id))
        app.app.controller.replyFinished.connect(finished.append)
        await wait_until(lambda: len(updates) >= 10 or bool(finished), what="more of the first reply")
        assert "alpha" not in app.transcript_text(), "the other conversation's reply must not leak in"
        app.window.open_conversation(first)
        await wait_until(
            lambda: "alpha END" in app.transcript_text(), timeout=10, what="the first reply to end"
        )
        assert app.transcript_text().count("First conversation") == 1
        await app.quit()

    run(qloop, body())


def test_closing_mid_stream_saves_the_reply_and_a_restart_shows_it_interrupted(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        app = await start(qapp, tmp_path, server, keys)
        server.enqueue(Reply([Text("saved " * 200)], pace=SLOW))
        app.type_and_send(qtbot, "Remember me")
        await wait_until(lambda: "saved saved" in app.transcript_text(), what="the reply to begin")
        assert await app.quit() == 0
        again = await start(qapp, tmp_path, server, keys)
        await wait_until(
            lambda: "Remember me" in again.transcript_text(), what="the conversation after restart"
        )
        reply = (await again.path())[-1]
        assert reply.status == "interrupted" and reply.content[0]["text"].startswith("saved saved")
        assert "saved saved" in again.transcript_text()
        await again.quit()

    run(qloop, body(), timeout=40)


def test_the_key_is_in_no_file_the_app_wrote(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text("fine")]), HttpError(401, "invalid x-api-key"))
        app.type_and_send(qtbot, "one")
        await wait_until(lambda: "fine" in app.transcript_text(), what="a reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        app.type_and_send(qtbot, "two")
        await wait_until(lambda: "rejected the API key" in app.transcript_text(), what="the 401")
        await app.quit()

    run(qloop, body())
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.suffix == ".sqlite3" for path in written) and any(
        path.suffix == ".ini" for path in written
    )
    for path in written:
        assert KEY.encode() not in path.read_bytes(), f"the key leaked into {path.name}"


def test_a_first_start_on_a_small_screen_opens_the_window_whole(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    """The offscreen screen is 800 pixels high, less than the window's preferred 1280 × 800 with its title
    bar: with no saved layout the window opens inside the screen's height, Send on screen. (Its width stops
    at the three panes' minimum, wider than this 800-pixel screen but not than a laptop's.)"""
    screen = qapp.primaryScreen().availableGeometry()
    assert screen.height() <= 800, "the test needs a screen lower than the window"

    async def body() -> None:
        app = await start(qapp, tmp_path, server, KeyStore(DictKeyring()))
        await wait_until(lambda: app.window.isVisible(), what="the window")
        frame = app.window.frameGeometry()
        assert screen.top() <= frame.top() and frame.bottom() <= screen.bottom(), (frame, screen)
        send = app.window.composer.send_button
        assert send.mapToGlobal(send.rect().bottomRight()).y() <= screen.bottom(), "Send is on screen"
        await app.quit()

    run(qloop, body())


def test_the_layout_is_remembered_across_restarts(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        app = await start(qapp, tmp_path, server, keys)
        app.window.resize(1280, 720)  # as wide as a laptop's screen: the offscreen one opens it narrower
        app.window.splitter.setSizes([300, 640, 260])
        chosen = app.window.splitter.sizes()
        app.window.toggle_parameters_action.setChecked(False)
        await app.quit()
        again = await start(qapp, tmp_path, server, keys)
        assert again.window.splitter.sizes()[0] == chosen[0], "the conversation list keeps its width"
        assert not again.window.toggle_parameters_action.isChecked()
        assert not again.window.parameters.isVisible()
        await again.quit()

    run(qloop, body())


def test_the_preferences_apply_and_are_remembered_across_restarts(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        app = await start(qapp, tmp_path, server, keys)
        preferences = app.window.preferences
        preferences.theme_actions["dark"].trigger()
        assert app.app.settings.value("theme") == "dark"
        preferences.language_actions["zh_CN"].trigger()
        assert "starts again" in app.window.composer.notice.text()
        preferences.enter_sends_action.setChecked(False)
        app.window.composer.editor.setPlainText("Not yet")
        qtbot.keyClick(app.window.composer.editor, Qt.Key.Key_Return)
        typed = app.window.composer.editor.toPlainText()
        assert typed.count("\n") == 1 and typed.strip() == "Not yet", "Enter-sends off: Enter is a new line"
        assert not [r for r in server.requests if r.path == "/v1/messages"]
        await app.quit()

        again = await start(qapp, tmp_path, server, keys)
        preferences = again.window.preferences
        assert preferences.theme_actions["dark"].isChecked()
        assert preferences.language_actions["zh_CN"].isChecked()
        assert not preferences.enter_sends_action.isChecked()
        preferences.theme_actions["system"].trigger()
        await again.quit()

    run(qloop, body())


def test_an_edit_made_just_before_switching_stays_with_its_conversation(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    """Seen under load: the export of a conversation showed another one's model. The panel's pending save
    fired while the opening conversation's provider listed its models, writing the old panel into it."""

    async def body() -> None:
        # A provider whose model list never answers: opening its conversation waits on it for long.
        silent = await asyncio.start_server(lambda _r, _w: None, "127.0.0.1", 0)
        port = silent.sockets[0].getsockname()[1]
        app = await start(qapp, tmp_path, server)
        await app.app.store.call(lambda s: s.save_profile(Profile("Silent", f"http://127.0.0.1:{port}")))
        app.app.keys.set("Silent", KEY)
        assert app.app.providers is not None
        app.app.providers.profilesChanged.emit(await app.app.store.call(lambda s: s.list_profiles()))
        other = await app.app.store.call(
            lambda s: s.create_conversation(
                RequestSettings(model="claude-opus-4-1", temperature=0.3), "Silent"
            )
        )
        first = app.window.current_conversation()
        assert first is not None
        # Opened once more and awaited: the start's own opening (the store answers in order) has then shown
        # its settings too, and cannot reset the panel under the edit below.
        await app.window.reopen(first.id)
        app.window.parameters.sampling.temperature.set_value(0.7)  # an edit, saved 400 ms later
        app.window.open_conversation(other.id)
        await wait_until(
            lambda: app.window.model_picker.model_id() == "claude-opus-4-1", what="the other panel"
        )
        await wait_until(lambda: not app.window._save_settings_later.isActive(), what="no save pending")
        stored_first = await app.app.store.call(lambda s: s.get_conversation(first.id))
        stored_other = await app.app.store.call(lambda s: s.get_conversation(other.id))
        assert stored_first.settings.temperature == 0.7, "the edit was saved where it was made"
        assert (stored_other.settings.model, stored_other.settings.temperature) == ("claude-opus-4-1", 0.3)
        assert app.window.parameters.settings().temperature == 0.3
        silent.close()
        await app.quit()

    run(qloop, body())

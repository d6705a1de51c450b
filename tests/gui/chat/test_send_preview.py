"""Before sending, through the real window against the fake server: the token count of the next send (the
provider's count once typing pauses, a marked estimate otherwise), the context gauge and the input cost."""

from __future__ import annotations

import json
import time
from pathlib import Path

import qasync
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, HttpError, RawResponse
from core.demo.replies import estimate_input_tokens
from gui.chat.send_preview import DELAY_MS
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

COUNT_PATH = "/v1/messages/count_tokens"


def counts(server: FakeServer) -> list[dict]:
    return [request.body for request in server.requests if request.path == COUNT_PATH]


async def settled(app: Running) -> None:
    """Until the preview shows a figure with no newer count on its way."""
    bar = app.window.send_preview.bar
    await wait_until(lambda: bar.preview is not None and not bar.waiting, timeout=10, what="the count")


def test_typing_shows_the_providers_count_asked_once_typing_pauses(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    prompt = "Explain the difference between a list and a tuple"

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        bar = app.window.send_preview.bar
        editor = app.window.composer.editor
        assert not bar.isVisible() or bar.preview is None, "nothing to send, nothing counted"
        # A typist whose keys come faster than the delay: the event loop runs between keys until the key
        # has (re)started the count's timer.
        pauses = 0
        last = time.monotonic()
        timer = app.window.send_preview._timer
        for char in prompt:
            qtbot.keyClicks(editor, char)
            await wait_until(timer.isActive, what="the count's delay started again by the key")
            now = time.monotonic()
            pauses += now - last >= DELAY_MS / 1000  # a busy machine stalled the typist: a count may follow
            last = now
        await settled(app)
        asked = counts(server)
        assert 1 <= len(asked) <= 1 + pauses, f"one count after typing paused, not one per key ({len(asked)})"
        assert asked[-1]["messages"] == [{"role": "user", "content": [{"type": "text", "text": prompt}]}]
        expected = estimate_input_tokens(asked[-1])
        assert bar.preview is not None and bar.preview.exact and bar.preview.tokens == expected
        text = bar.label.text()
        assert text == f"{QLocale().toString(expected)} tokens · <1% of 1M context · <$0.0001 input"
        assert "≈" not in text and bar.isVisible()
        assert await app.quit() == 0

    run(qloop, body(), timeout=40)


def test_a_nearly_full_context_warns(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        bar = app.window.send_preview.bar
        answer = json.dumps({"input_tokens": 900_000})
        server.enqueue(RawResponse(200, answer, content_type="application/json"), path=COUNT_PATH)
        qtbot.keyClicks(app.window.composer.editor, "Summarise everything above")
        await settled(app)
        text = bar.label.text()
        tokens = QLocale().toString(900_000)
        assert text == f"{tokens} tokens · 90% of 1M context · $2.70 input · near the context limit"
        assert bar.gauge.value() == 90 and bar.gauge.isVisible()
        assert "color" in bar.label.styleSheet(), "the warning stands out"
        assert await app.quit() == 0

    run(qloop, body(), timeout=40)


def test_a_provider_without_count_tokens_shows_a_marked_estimate(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        bar = app.window.send_preview.bar
        editor = app.window.composer.editor
        server.enqueue(HttpError(404, "Not Found"), path=COUNT_PATH)
        qtbot.keyClicks(editor, "Hello there")
        await settled(app)
        assert bar.preview is not None and not bar.preview.exact
        assert bar.label.text().startswith("≈ "), bar.label.text()
        assert "Estimated here" in bar.toolTip()
        asked = len(counts(server))

        qtbot.keyClicks(editor, ", and more words to count")
        await wait_until(lambda: bar.waiting, what="the next count to start")
        await settled(app)
        assert bar.label.text().startswith("≈ ")
        assert len(counts(server)) == asked, "a provider that has no count_tokens is not asked again"
        assert await app.quit() == 0

    run(qloop, body(), timeout=40)


def test_a_send_right_after_typing_counts_nothing(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        previewer = app.window.send_preview
        app.type_and_send(qtbot, "Quick question")
        await wait_until(lambda: "end_turn" in app.transcript_text(), timeout=20, what="the reply")
        await wait_until(lambda: not previewer._timer.isActive(), what="the last count to be due")
        await wait_until(lambda: previewer.bar.preview is None, what="the preview of the empty composer")
        assert counts(server) == [], "the draft went with the send: no count of it follows"
        assert await app.quit() == 0

    run(qloop, body(), timeout=40)


def test_no_count_is_left_due_after_the_window_closes(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        previewer = app.window.send_preview
        qtbot.keyClicks(app.window.composer.editor, "typed just before quitting")
        assert previewer._timer.isActive()
        assert await app.quit() == 0
        # A count due after the app stopped would run without its event loop (in whatever runs next).
        assert not previewer._timer.isActive()
        previewer.refresh()  # a change made by the shutdown itself (a reply stopped, the composer cleared)
        assert not previewer._timer.isActive()
        assert app.app.tasks.running == 0

    run(qloop, body(), timeout=40)


def test_changes_arriving_while_a_send_is_on_its_way_do_not_count_its_draft(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window, previewer = app.window, app.window.send_preview
        window.composer.editor.setPlainText("On its way")
        previewer.hold()  # what Send does
        # The window finishing opening the conversation (its model, its turns) while the send starts:
        window.model_picker.modelChanged.emit("claude-haiku-4-5-20251001")
        window.transcript.turnsChanged.emit()
        assert not previewer._timer.isActive(), "the draft being sent is not counted"
        window.composer.editor.setPlainText("A new draft")
        assert previewer._timer.isActive(), "a new draft is counted again"
        assert await app.quit() == 0

    run(qloop, body(), timeout=40)

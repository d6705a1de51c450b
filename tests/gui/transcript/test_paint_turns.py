"""Several replies streaming at once (compare columns) repaint in turn: one per pass of the event loop.

On a loaded machine four repaints in one pass were the window's longest stall (bench/stream_render.py
--busy); each pass now holds at most one, and the others follow in the next passes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from core.model.conversation import ReplyError, StoredMessage
from core.wire.accumulate import StreamUpdate
from gui.transcript.view import TranscriptView

STREAMS = 4


def error_text(error: ReplyError) -> str:
    return error.message


def streaming_views(qtbot: QtBot, host: QWidget) -> list[TranscriptView]:
    host.setLayout(QHBoxLayout())
    qtbot.addWidget(host)
    views = [TranscriptView(error_text, parent=host) for _ in range(STREAMS)]
    for number, view in enumerate(views, start=1):
        host.layout().addWidget(view)
        view.begin_reply(StoredMessage(number, 1, None, "assistant", [], model="claude-test"))
        view.feed_update(number, StreamUpdate("block_start", 0, block_type="text", block={"type": "text"}))
    host.resize(1200, 500)
    host.show()
    qtbot.waitExposed(host)
    return views


def showing(views: list[TranscriptView], words: str) -> list[bool]:
    return [words in view.browser.toPlainText() for view in views]


def test_replies_streaming_together_repaint_one_per_pass(qtbot: QtBot) -> None:
    host = QWidget()
    views = streaming_views(qtbot, host)
    # Every reply painted, and long enough ago that a change now repaints at once.
    qtbot.waitUntil(
        lambda: all(not v._painter.busy and v._painter.throttle.ready for v in views), timeout=5000
    )

    # A delta for every reply at once, as when four columns' updates arrive in the same turn.
    for number, view in enumerate(views, start=1):
        view.feed_update(number, StreamUpdate("text", 0, f"Reply {number} says hello.", "text"))
    assert showing(views, "says hello").count(True) == 1  # painted at once: the first only

    deadline = time.monotonic() + 5
    while not all(showing(views, "says hello")) and time.monotonic() < deadline:
        before = showing(views, "says hello").count(True)
        QCoreApplication.processEvents()  # one pass of the event loop
        assert showing(views, "says hello").count(True) - before <= 1, "two repaints in one pass"
    assert all(showing(views, "says hello")), "a reply never repainted"
    assert [
        f"Reply {number} says hello." in view.browser.toPlainText()
        for number, view in enumerate(views, start=1)
    ] == [True] * STREAMS
    assert not any(view._painter.busy for view in views)

"""Several replies streaming at once (compare columns) repaint in turn: one per pass of the event loop.

On a loaded machine four repaints in one pass were the window's longest stall (bench/stream_render.py
--busy); each pass now holds at most one, and the others follow in the next passes.
"""

from __future__ import annotations

import itertools
import random
import re
import time

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from core.model.conversation import ReplyError, StoredMessage
from core.wire.accumulate import StreamUpdate
from gui.transcript.live_painter import REPAINT_MS, LivePainter, PaintTurns
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
    # The first repaints at once (its Markdown goes to the worker thread, and shows on a later repaint).
    assert showing(views, "says hello").count(True) <= 1

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


def test_replies_streaming_together_share_the_repaint_rate(qtbot: QtBot) -> None:
    """Four replies each repaint a quarter as often as one alone: the UI thread repaints about as often in
    all, and one is back to the full rate once the others have ended."""
    host = QWidget()
    views = streaming_views(qtbot, host)
    assert [view._painter.throttle.min_interval_ms for view in views] == [STREAMS * REPAINT_MS] * STREAMS
    for number, view in enumerate(views[1:], start=2):
        view.finish_reply(reply(number, f"Reply {number}."))
    qtbot.waitUntil(lambda: not any(view._painter.busy for view in views[1:]), timeout=5000)
    assert views[0]._painter.throttle.min_interval_ms == REPAINT_MS


def numbered_reply(number: int) -> str:
    """Paragraphs and tables that say where they are, so the order they show in can be checked."""
    parts = []
    for n in range(60):
        parts.append(f"Reply {number} part {n} says *something* about `it`.\n\n")
        if n % 7 == 3:
            parts.append(f"| part | reply |\n|---|---|\n| {n} | {number} |\n| {n}b | {number}b |\n\n")
    return "".join(parts)


def parts_shown(view: TranscriptView, number: int) -> list[int]:
    found = re.findall(rf"Reply {number} part (\d+) says", view.browser.toPlainText())
    return [int(part) for part in found]


def test_four_streams_arrive_complete_in_order_and_end_as_their_stored_render(qtbot: QtBot) -> None:
    host = QWidget()
    views = streaming_views(qtbot, host)
    texts = [numbered_reply(number) for number in range(1, STREAMS + 1)]
    rng = random.Random(17)
    sent = [0] * STREAMS
    shown = [0] * STREAMS
    while any(sent[i] < len(texts[i]) for i in range(STREAMS)):
        for i, view in enumerate(views):
            size = rng.randint(1, 40)
            delta = texts[i][sent[i] : sent[i] + size]
            sent[i] += len(delta)
            if delta:
                view.feed_update(i + 1, StreamUpdate("text", 0, delta, "text"))
        QCoreApplication.processEvents()
        for i, view in enumerate(views):
            parts = parts_shown(view, i + 1)
            assert parts == list(range(len(parts))), f"reply {i + 1} showed out of order: {parts}"
            assert len(parts) >= shown[i], f"reply {i + 1} went back"
            shown[i] = len(parts)
    for number, view in enumerate(views, start=1):
        view.feed_update(number, StreamUpdate("message_stop"))
    qtbot.waitUntil(lambda: not any(view._painter.busy for view in views), timeout=10_000)
    for number, view in enumerate(views, start=1):
        assert parts_shown(view, number) == list(range(60)), f"reply {number} is not complete"

    for number, view in enumerate(views, start=1):
        final = reply(number, texts[number - 1])
        view.finish_reply(final)
        qtbot.waitUntil(lambda view=view: not view._painter.busy, timeout=10_000)
        fresh = TranscriptView(error_text)
        qtbot.addWidget(fresh)
        fresh.show_messages([final])
        qtbot.waitUntil(lambda fresh=fresh: not fresh.loading, timeout=5000)
        assert view.browser.document().toHtml() == fresh.browser.document().toHtml()


def reply(number: int, text: str) -> StoredMessage:
    return StoredMessage(
        number,
        1,
        None,
        "assistant",
        [{"type": "text", "text": text}],
        model="claude-test",
        stop_reason="end_turn",
    )


def test_replies_streaming_together_repaint_staggered(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Their repaints alternate about REPAINT_MS apart, not several in a row and then none.

    Each repaint is timed where the shared turns let it go (`PaintTurns.take`), not where it begins to paint:
    in between, a worker thread rendering Markdown may hold Python's interpreter lock for a switch interval
    (5 ms), which would move one start and not the next."""
    host = QWidget()
    views = streaming_views(qtbot, host)
    began: list[tuple[float, int]] = []
    turns = PaintTurns.of_application()
    take = turns.take
    painters = {view._painter: number for number, view in enumerate(views, start=1)}

    def timed(painter: LivePainter) -> bool:
        taken = take(painter)
        if taken:
            began.append((turns._last, painters[painter]))
        return taken

    monkeypatch.setattr(turns, "take", timed)  # the application-wide turns outlive this test
    for n in range(40):
        for number, view in enumerate(views, start=1):
            view.feed_update(number, StreamUpdate("text", 0, f"Reply {number} word {n}. ", "text"))
        qtbot.wait(10)
    qtbot.waitUntil(lambda: not any(view._painter.busy for view in views), timeout=5000)
    assert {number for _, number in began} == set(range(1, STREAMS + 1))
    gaps = [(later - earlier) * 1000 for (earlier, _), (later, _) in itertools.pairwise(began)]
    assert min(gaps) >= REPAINT_MS - 1, f"two repaints {min(gaps):.1f} ms apart"
    assert all(
        f"Reply {number} word 39." in view.browser.toPlainText() for number, view in enumerate(views, 1)
    )

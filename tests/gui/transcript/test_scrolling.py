"""Scrolling through a long conversation as a user sees it: every turn shows, in order, whole; the turns that
come in above what the user reads neither move it nor repaint it."""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import gui.transcript.older_turns
from gui.transcript.view import TranscriptView
from tests.gui.transcript.test_message_copy import right_click_menu, trigger
from tests.gui.transcript.test_view import error_text, long_conversation, plain, visible_text

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")

TURN = re.compile(r"(?:Question (\d+):|Answer (\d+)\.)")


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView(error_text)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def in_view(view: TranscriptView) -> list[int]:
    """The turns the view shows, top to bottom: the turn under each point down its left side."""
    height = view.browser.viewport().height()
    numbers: list[int] = []
    for y in range(2, height, 10):
        number = view.message_at(QPoint(30, y))  # None above the first turn
        if number is not None and (not numbers or numbers[-1] != number):
            numbers.append(number)
    text = turns_in(visible_text(view))
    assert set(text) <= set(numbers), f"the view reads {text}, its turns are {numbers}"
    return numbers


def turns_in(text: str) -> list[int]:
    """The turn numbers a text shows, in order, each once where it repeats."""
    numbers: list[int] = []
    for match in TURN.finditer(text):
        number = int(match.group(1) or match.group(2))
        if not numbers or numbers[-1] != number:
            numbers.append(number)
    return numbers


def settle(view: TranscriptView) -> None:
    """Event-loop passes until the view has added or dropped what it wanted to (at most 2,000)."""
    for _ in range(2_000):
        QApplication.processEvents()
        if not view.loading:
            return
    raise AssertionError("the transcript kept adding or dropping turns")


def scroll_through(view: TranscriptView, up: bool) -> list[list[int]]:
    """Scroll half a screen at a time to the first turn (`up`) or the last, as a user's wheel does, until
    there is nothing more to come: the turns in view after each step."""
    scroll = view.browser.verticalScrollBar()
    step = view.browser.viewport().height() // 2
    older = view._older
    seen = [in_view(view)]
    for _ in range(1_000):
        end = scroll.value() == (0 if up else scroll.maximum())
        if end and not view.loading and (older.shown_from == 0 if up else older.newer_left == 0):
            return seen
        scroll.setValue(scroll.value() + (-step if up else step))
        settle(view)
        seen.append(in_view(view))
    raise AssertionError("the first or last turn never came")


def test_scrolling_a_long_conversation_up_and_down_shows_every_turn_in_order(
    qtbot: QtBot, view: TranscriptView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.transcript.older_turns, "BACKGROUND_CHARS", 4_000)
    monkeypatch.setattr(gui.transcript.older_turns, "WINDOW_CHARS", 12_000)  # a window of 5-6 of 80 turns
    messages = long_conversation(80)
    view.show_messages(messages)
    settle(view)
    for up in (True, False):
        seen = scroll_through(view, up)
        for numbers in seen:
            assert numbers == list(range(numbers[0], numbers[-1] + 1)), f"out of order in view: {numbers}"
        every = sorted({number for numbers in seen for number in numbers})
        assert every == list(range(1, 81)), "a turn never showed while scrolling through"
        # Half a screen a step: each view shares a turn with the one before, so nothing was skipped.
        for before, after in itertools.pairwise(seen):
            assert set(before) & set(after), f"a gap between {before} and {after}"
        in_document = turns_in(plain(view))
        assert in_document == list(range(in_document[0], in_document[-1] + 1)), "the document has a gap"
    assert in_view(view)[-1] == 80 and view.following, "back at the end, following the latest"


def test_a_turn_that_came_in_piece_by_piece_copies_whole(
    qtbot: QtBot, view: TranscriptView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.transcript.older_turns, "BACKGROUND_CHARS", 4_000)
    monkeypatch.setattr(gui.transcript.older_turns, "WINDOW_CHARS", 12_000)
    messages = long_conversation(40)
    view.show_messages(messages)
    settle(view)
    scroll_through(view, up=True)
    reply = messages[5]  # "Answer 6.", in pieces when it came in above the view
    assert plain(view).count("Answer 6.") == 1
    QGuiApplication.clipboard().clear()
    trigger(right_click_menu(qtbot, view, "Answer 6."), "Copy message as Markdown")
    assert QGuiApplication.clipboard().text() == reply.content[0]["text"]

    # Selected in the document, the turn reads as the same turn shown alone.
    alone = TranscriptView(error_text)
    qtbot.addWidget(alone)
    alone.show_messages([reply])
    assert region_text(view, reply.id) == region_text(alone, reply.id)


def region_text(view: TranscriptView, message_id: int) -> str:
    region = view._regions.find_turn(message_id)
    assert region is not None
    cursor = QTextCursor(view.browser.document())
    cursor.setPosition(region[0])
    cursor.setPosition(region[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def on_screen(view: TranscriptView) -> QImage:
    """What the screen shows of the transcript's viewport: the window's pixels as last painted (a grab of
    the widget would paint it afresh)."""
    viewport = view.browser.viewport()
    corner = viewport.mapTo(view.window(), QPoint(0, 0))
    screen = view.window().windowHandle().screen()
    return (
        screen.grabWindow(view.window().winId(), corner.x(), corner.y(), viewport.width(), viewport.height())
        .toImage()
        .convertToFormat(QImage.Format.Format_RGB32)
    )


def test_turns_coming_in_above_the_view_leave_it_in_place_without_repainting_it(
    qtbot: QtBot, view: TranscriptView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.transcript.older_turns, "BACKGROUND_CHARS", 1_000_000)  # all, in the background
    monkeypatch.setattr(gui.transcript.older_turns, "WINDOW_CHARS", 1_000_000)
    view.show_messages(long_conversation(60))
    scroll = view.browser.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)  # the user reads the middle of what is shown
    QApplication.processEvents()
    reading = visible_text(view)
    counter = PaintCounter()
    view.browser.viewport().installEventFilter(counter)
    pieces = 0
    for _ in range(1_000):
        if pieces >= 20 or not view.loading:
            break
        before = view.browser.document().characterCount()
        QApplication.processEvents()
        pieces += view.browser.document().characterCount() > before
    view.browser.viewport().removeEventFilter(counter)
    assert visible_text(view) == reading, "what the user reads stayed in place"
    assert pieces >= 20
    assert counter.paints <= 1, f"{counter.paints} repaints for {pieces} pieces added above the view"
    shown = on_screen(view)
    view.browser.viewport().repaint()
    assert on_screen(view) == shown, "the screen shows what a fresh paint of the view shows"


ANSWER = re.compile(r"Answer (\d+)\.")


def test_scrolling_down_from_the_first_turn_shows_each_turn_once_in_order_and_never_moves_the_view(
    qtbot: QtBot, view: TranscriptView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gui.transcript.older_turns, "BACKGROUND_CHARS", 4_000)
    monkeypatch.setattr(gui.transcript.older_turns, "WINDOW_CHARS", 12_000)  # a window of 5-6 of 80 turns
    view.show_messages(long_conversation(80))
    settle(view)
    scroll_through(view, up=True)
    older = view._older
    assert older.shown_from == 0 and older.newer_left > 0, "at the first turn, the newest dropped"

    scroll = view.browser.verticalScrollBar()
    step = view.browser.viewport().height() // 2
    seen = [in_view(view)]
    for _ in range(1_000):
        if scroll.value() == scroll.maximum() and older.newer_left == 0:
            break
        scroll.setValue(scroll.value() + step)
        reading = visible_text(view)
        # The oldest turns go out above the view and the newer come in below it, a piece per event-loop
        # pass: after every pass the user reads what they read when they stopped scrolling.
        for _ in range(2_000):
            if not view.loading:
                break
            QApplication.processEvents()
            assert visible_text(view) == reading, "the view moved while turns came and went"
        assert not view.loading, "the transcript kept adding or dropping turns"
        seen.append(in_view(view))
        answers = [int(number) for number in ANSWER.findall(plain(view))]
        assert answers == list(range(answers[0], answers[-1] + 1, 2)), f"a gap or a repeat: {answers}"
    else:
        raise AssertionError("the last turn never came")
    for numbers in seen:
        assert numbers == list(range(numbers[0], numbers[-1] + 1)), f"out of order in view: {numbers}"
    for before, after in itertools.pairwise(seen):
        assert set(before) & set(after) and before[0] <= after[0], f"a gap between {before} and {after}"
    assert sorted({number for numbers in seen for number in numbers}) == list(range(1, 81))
    assert in_view(view)[-1] == 80 and view.following, "at the end, following the latest"

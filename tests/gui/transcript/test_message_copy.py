"""A whole message copied from its right-click menu: its Markdown source, or its plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.wire.accumulate import StreamUpdate
from gui.transcript.view import TranscriptView
from tests.gui.transcript.test_view import assistant, error_text, text_block, user

# A popup menu asks the platform to raise it and grab the keyboard; offscreen it cannot, and says so.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")

REPLY = "## Plan\n\nFirst **bold** step, then `code`:\n\n```python\nprint('hi')\n```\n\n- one\n- two"
SECOND = "A second *text* block."


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView(error_text)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def right_click_menu(qtbot: QtBot, view: TranscriptView, text: str) -> QMenu:
    """Right-click on `text` as a user would (the context-menu event Qt sends for a right click)."""
    found = view.browser.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the transcript"
    inside = QTextCursor(view.browser.document())
    inside.setPosition(found.selectionStart() + 1)
    view.browser.setTextCursor(inside)
    view.browser.ensureCursorVisible()
    point = view.browser.cursorRect(inside).center()
    viewport = view.browser.viewport()
    before = set(view.browser.findChildren(QMenu))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menus = [menu for menu in view.browser.findChildren(QMenu) if menu not in before]
    assert len(menus) == 1, "no context menu opened"
    qtbot.waitUntil(menus[0].isVisible)
    return menus[0]


def trigger(menu: QMenu, label: str) -> None:
    actions = {action.text(): action for action in menu.actions()}
    assert label in actions, list(actions)
    assert actions[label].isEnabled()
    actions[label].trigger()
    menu.close()


def test_copy_message_as_markdown_puts_its_source_on_the_clipboard(
    qtbot: QtBot, view: TranscriptView
) -> None:
    view.show_messages(
        [
            user(1, text="Make a plan"),
            assistant(
                2, {"type": "thinking", "thinking": "Secret musings", "signature": "s"}, text_block(REPLY),
                text_block(SECOND), stop_reason="end_turn",
            ),
        ]
    )  # fmt: skip
    QGuiApplication.clipboard().clear()
    trigger(right_click_menu(qtbot, view, "bold"), "Copy message as Markdown")
    assert QGuiApplication.clipboard().text() == f"{REPLY}\n\n{SECOND}"

    trigger(right_click_menu(qtbot, view, "bold"), "Copy message as plain text")
    plain = QGuiApplication.clipboard().text()
    for word in ("Plan", "First bold step, then code:", "print('hi')", "one", "two", "A second text block."):
        assert word in plain, plain
    for mark in ("**", "##", "```", "`code`", "*text*", "Secret musings"):
        assert mark not in plain, plain

    trigger(right_click_menu(qtbot, view, "Make a plan"), "Copy message as Markdown")
    assert QGuiApplication.clipboard().text() == "Make a plan"


def test_a_reply_still_streaming_copies_what_has_arrived(qtbot: QtBot, view: TranscriptView) -> None:
    view.show_messages([user(1, text="Go")])
    view.begin_reply(assistant(2, status="streaming"))
    view.feed_update(2, StreamUpdate("block_start", 0, block_type="text"))
    view.feed_update(2, StreamUpdate("text", 0, "Half **way** there.\n\nMore", "text"))
    qtbot.waitUntil(lambda: "way there" in view.browser.toPlainText())
    trigger(right_click_menu(qtbot, view, "way there"), "Copy message as Markdown")
    assert QGuiApplication.clipboard().text() == "Half **way** there.\n\nMore"


def test_the_menu_offers_both_copies_on_every_turn(qtbot: QtBot, view: TranscriptView) -> None:
    view.show_messages([user(1, text="Hello"), assistant(2, text_block("Hi there."), stop_reason="end_turn")])
    menu = right_click_menu(qtbot, view, "Hi there")
    labels = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert {"Copy message as Markdown", "Copy message as plain text"} <= set(labels)
    menu.close()


def test_the_menu_key_opens_the_menu_of_the_turn_at_the_text_cursor(
    qtbot: QtBot, view: TranscriptView
) -> None:
    view.show_messages(
        [user(1, text="Hello"), assistant(2, text_block("Hi **there**."), stop_reason="end_turn")]
    )
    found = view.browser.document().find("there")
    cursor = QTextCursor(view.browser.document())
    cursor.setPosition(found.selectionStart())
    view.browser.setTextCursor(cursor)
    before = set(view.browser.findChildren(QMenu))
    qtbot.keyClick(view.browser, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    (menu,) = [menu for menu in view.browser.findChildren(QMenu) if menu not in before]
    trigger(menu, "Copy message as Markdown")
    assert QGuiApplication.clipboard().text() == "Hi **there**."
    before = set(view.browser.findChildren(QMenu))
    qtbot.keyClick(view.browser, Qt.Key.Key_Menu)
    assert [menu for menu in view.browser.findChildren(QMenu) if menu not in before]

"""A table streaming into the transcript, as a user sees it: the text before it at once, the table a whole
row at a time and in order, never a bar or a half row, and at the end the same document as the stored reply's.

The Markdown of a streaming text is rendered on the markdown worker thread and shown on a later repaint; every
state the document goes through is looked at (its `contentsChanged`), not only the ones between deltas.
"""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from core.model.conversation import ReplyError, StoredMessage
from core.wire.accumulate import StreamUpdate
from gui.transcript.view import TranscriptView

ROWS = [("alpha", "1", "first"), ("beta", "22", "second"), ("gamma", "333", "third"), ("delta", "4", "4th")]
REPLY = (
    "The results, *as measured*:\n\n| name | value | note |\n|---|:---:|---|\n"
    + "".join(f"| {name} | {value} | `{note}` |\n" for name, value, note in ROWS)
    + "\nThat is all."
)


def error_text(error: ReplyError) -> str:
    return error.message


def assistant(content: list[dict[str, object]], **fields: object) -> StoredMessage:
    return StoredMessage(2, 1, None, "assistant", content, model="claude-test", **fields)


def words(text: str) -> str:
    """The text as a reader sees it, whatever the cells' separators in the plain text."""
    return "".join(text.split())


def rows_shown(text: str) -> list[str]:
    """The names of the rows shown whole, in the order they show."""
    seen = words(text)
    return [name for name, value, note in ROWS if f"{name}{value}{note}" in seen]


def test_a_table_streams_in_a_whole_row_at_a_time_and_ends_as_the_stored_reply(qtbot: QtBot) -> None:
    view = TranscriptView(error_text)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    document = view.browser.document()
    states: list[str] = []
    document.contentsChanged.connect(lambda: states.append(document.toPlainText()))
    view.begin_reply(assistant([], status="streaming"))
    view.feed_update(2, StreamUpdate("block_start", 0, block_type="text", block={"type": "text"}))

    shown_at_rest: list[list[str]] = []
    for start in range(0, len(REPLY), 5):
        view.feed_update(2, StreamUpdate("text", 0, REPLY[start : start + 5], "text"))
        # Everything that arrived is rendered (on the worker) and painted before the next delta.
        qtbot.waitUntil(lambda: not view._painter.busy, timeout=5000)
        shown_at_rest.append(rows_shown(view.browser.toPlainText()))
        if start == 0:
            assert "The" in view.browser.toPlainText(), "the text before the table shows as it arrives"

    names = [name for name, _, _ in ROWS]
    # Each row shows once it is complete, while the reply still streams (before "That is all." arrives).
    assert any(len(shown) == 2 for shown in shown_at_rest) and names in shown_at_rest
    for text in states:
        assert "|" not in text and "---" not in text and "`" not in text, f"a marker showed:\n{text}"
        shown = rows_shown(text)
        assert shown == names[: len(shown)], f"rows out of order: {shown}"
        # A row shows whole or not at all: no row's name without its cells.
        assert not any(re.search(rf"\b{name}\b", text) and name not in shown for name in names), (
            f"a half row showed:\n{text}"
        )

    view.feed_update(2, StreamUpdate("message_stop"))
    stored = assistant([{"type": "text", "text": REPLY}], stop_reason="end_turn")
    view.finish_reply(stored)
    qtbot.waitUntil(lambda: not view._painter.busy, timeout=5000)
    assert rows_shown(view.browser.toPlainText()) == names and "That is all." in view.browser.toPlainText()

    fresh = TranscriptView(error_text)
    qtbot.addWidget(fresh)
    fresh.resize(800, 600)
    fresh.show_messages([stored])
    qtbot.waitUntil(lambda: not fresh.loading, timeout=5000)
    assert document.toHtml() == fresh.browser.document().toHtml()

"""The older turns of a long conversation, added above the shown ones a few milliseconds at a time.

Any edit at the top costs Qt's layout time in proportion to the whole document (some 15-50 ms per MB of
Markdown shown, whatever is inserted: every block and table below is moved), and each turn costs memory
for its layout. So after the newest turns are shown, older ones are added on later event-loop turns only up
to BACKGROUND_CHARS; beyond that, only while the user is within a screen of the top. Each pass renders
turns for what PASS_S leaves after the last insertion's cost (at least one turn) and inserts them in one
edit, keeping the text in view where it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTextBrowser

from core.model.conversation import StoredMessage
from gui.transcript.document import Regions

PASS_S = 0.015
"""Rendering plus insertion per pass. The insertion alone grows with the document (in bench/
open_conversation.py about 10 ms per 100 turns shown), so a pass stays within about 50 ms until some 500
turns are in, and grows past that only as far as the user scrolls up."""
MIN_RENDER_S = 0.002
BACKGROUND_CHARS = 500_000
"""Content added without being scrolled to (as `content_chars` counts it): a 200-message conversation of
long replies is shown whole in a couple of seconds, while a longer one costs no more than that until the
user scrolls up."""

Render = Callable[[int, int], str]
"""The HTML of the turns from one index to another."""


class OlderTurns(QObject):
    """Which turns are in the document (those from `shown_from` on) and the adding of older ones.

    Signals:
        allShown(): the first turn is in the document.
    """

    allShown = Signal()

    def __init__(self, browser: QTextBrowser, regions: Regions, render: Render) -> None:
        super().__init__(browser)
        self._browser = browser
        self._regions = regions
        self._render = render
        self._messages: Sequence[StoredMessage] = ()
        self.shown_from = 0
        """Messages before this index are not in the document yet."""
        self._background_left = 0
        self._insert_s = 0.0
        """What the last insertion cost."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    @property
    def busy(self) -> bool:
        """Older turns are being added (not just waiting for the user to scroll up)."""
        return self._timer.isActive()

    def reset(self, messages: Sequence[StoredMessage], shown_from: int) -> None:
        """The document now holds `messages` from `shown_from` on."""
        self._timer.stop()
        self._messages = messages
        self.shown_from = shown_from
        self._background_left = BACKGROUND_CHARS - content_chars(messages, shown_from, len(messages))
        self._next()

    def near_top(self) -> None:
        """The view moved: add older turns if the user is within a screen of the top."""
        if self.shown_from > 0 and not self._timer.isActive() and self._wanted():
            self._timer.start(0)

    def show_from(self, index: int) -> None:
        """Add every turn from `index` on at once (to go to one of them)."""
        if index < self.shown_from:
            self._timer.stop()
            self._insert(index, self._render(index, self.shown_from))
            self._next()

    def _wanted(self) -> bool:
        return self._background_left > 0 or self._browser.verticalScrollBar().value() <= self._screen()

    def _screen(self) -> int:
        return self._browser.viewport().height()

    def _step(self) -> None:
        deadline = time.monotonic() + max(MIN_RENDER_S, PASS_S - self._insert_s)
        start = self.shown_from
        parts: list[str] = []
        while start > 0 and (not parts or time.monotonic() < deadline):
            start -= 1
            parts.append(self._render(start, start + 1))
        self._background_left -= content_chars(self._messages, start, self.shown_from)
        self._insert(start, "".join(reversed(parts)))
        self._next()

    def _insert(self, start: int, html: str) -> None:
        # Everything below the insertion moves down by the height added: scroll by as much (at the bottom,
        # the view stays there by itself).
        scroll = self._browser.verticalScrollBar()
        following = scroll.value() >= scroll.maximum() - 4
        document = self._browser.document()
        height = document.size().height()
        began = time.monotonic()
        self._regions.insert(self._regions.top, html)
        self._insert_s = time.monotonic() - began
        self.shown_from = start
        if not following:
            scroll.setValue(scroll.value() + round(document.size().height() - height))

    def _next(self) -> None:
        if self.shown_from == 0:
            self._timer.stop()
            self.allShown.emit()
        elif self._wanted():
            self._timer.start(0)


def content_chars(messages: Sequence[StoredMessage], start: int, end: int) -> int:
    """About how much content the messages from `start` to `end` hold (a block counts at least 100)."""
    return sum(
        len(str(block.get("text") or block.get("thinking") or "")) + 100
        for message in messages[start:end]
        for block in message.content
    )


def slice_start(messages: Sequence[StoredMessage], end: int, chars: int) -> int:
    """Where a slice ending at `end` begins: back to about `chars` of content, at least one message."""
    total = 0
    start = end
    while start > 0 and (start == end or total < chars):
        start -= 1
        total += content_chars(messages, start, start + 1)
    return start

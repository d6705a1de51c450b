"""Which turns of a long conversation are in the document: a window of them, moved a few milliseconds a pass.

Any edit of a QTextDocument above its end costs Qt time in proportion to everything below it (each block
below is moved, and an edit holding a table rescans every frame of the document: in bench/
open_conversation.py about 12 ms per 100 turns, whatever is inserted), and each turn costs memory for its
layout. So the document holds a window of about WINDOW_CHARS of content (as `content_chars` counts it).
Opening shows the newest turns; older ones are added on later event-loop passes up to BACKGROUND_CHARS, then
while the user is within a screen of the top. As they come in, the newest turns beyond the window are dropped
from the document, and they come back (the oldest dropped in turn) while the user is within a screen of the
bottom. A turn comes in over several passes of about PASS_S each: its Markdown rendered a block at a time
(`Prerender`), then its HTML inserted in pieces of about INSERT_CHARS, keeping the text in view where it was;
an edit above the view is not repainted (`TranscriptBrowser.edit_above_view`: what is in view did not change).
A turn dropped at the top goes in pieces of about REMOVE_CHARS, a pass each; a pass after the user scrolled
makes no edit (it repaints the view), so no pass holds two of these costs.
While a reply streams at the end the newest turns stay: the window then grows by what the user scrolls up to.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from core.model.conversation import StoredMessage
from core.render.html_slices import chunks
from gui.startup.collector import collected_now
from gui.transcript.document import Regions, TranscriptBrowser
from gui.transcript.prerender import Prerender

PASS_S = 0.005
"""Rendering plus one edit of the document per pass: with the paint that follows, within a 16 ms frame, with
room for a loaded machine's slower passes (a Markdown block is rendered whole, so a pass may overrun this)."""
MIN_RENDER_S = 0.002
INSERT_CHARS = 1_200
"""HTML inserted at once (a paragraph, a list, a code block or a table and what surrounds it): about 1 ms of
Qt's parsing and layout, plus what the window below costs (about 1 ms for its ~700 blocks)."""
WINDOW_CHARS = 20_000
"""Content in the document at most (unless one turn is longer, or a reply streams): some 10 turns of the
benchmark's 3.7 KB replies, over 12 screens; an edit at its top costs Qt time for every block below it
(40,000 took twice the time per edit of 20,000 in bench/open_conversation.py)."""
BACKGROUND_CHARS = 15_000
"""Content added without being scrolled to: what a reader scrolling up meets at once."""
REMOVE_CHARS = 800
"""Document characters removed at once from the top. A removal there costs Qt about 1.5 ms whatever its size
plus about 1.5 ms per 800 characters: a turn of the benchmark's replies (3.7 KB, eight tables) dropped whole
took 6-9 ms."""

Render = Callable[[int, int], str]
"""The HTML of the turns from one index to another."""


@dataclass(frozen=True)
class TurnSource:
    """What the window asks of the view."""

    messages: Callable[[], Sequence[StoredMessage]]
    """The conversation's turns, oldest first (those not in the document too)."""
    html: Render
    markdown: Callable[[int], list[str]]
    """The Markdown texts the turn at an index renders (to render them ahead)."""
    streaming: Callable[[], bool]
    """A reply is being painted at the end of the document: the newest turns stay."""


@dataclass
class _Removal:
    """Turns going out of the document: the oldest a piece at a time, from `Regions.top` to `edge`; or the
    newest at once, from `edge` to the end of the document (no block below them to move)."""

    edge: int
    newest: bool = False


@dataclass
class _Insertion:
    """A turn going into the document a piece at a time."""

    index: int
    older: bool
    pieces: deque[str]
    cursor: QTextCursor | None
    """Where the next piece goes, for a turn going in at the top (after the pieces already in)."""


class OlderTurns(QObject):
    """The turns in the document (from `shown_from` to `shown_to`) and the moving of that window.

    Signals:
        allShown(): the first turn is in the document.
    """

    allShown = Signal()

    def __init__(
        self, browser: TranscriptBrowser, regions: Regions, source: TurnSource, prerender: Prerender
    ) -> None:
        super().__init__(browser)
        self._browser = browser
        self._regions = regions
        self._source = source
        self._prerender = prerender
        self.shown_from = 0
        """Messages before this index are not in the document."""
        self._shown_to: int | None = None
        """Messages from this index on are not in the document; None: the window reaches the end."""
        self._background_left = 0
        self._job: _Insertion | _Removal | None = None
        self._older_last = True
        """The last turn came in at the top (so the bottom is what is dropped)."""
        self._trim_blocked = False
        """The window is too big but what is over is within reach of the view: wait until it moves."""
        self._scrolled = False
        """The user scrolled since the last pass: the next one repaints the view (a scroll of a few hundred
        pixels repaints all of it, ~5 ms for a screen of tables and code), so it makes no edit."""
        self._waited = False
        """The last pass made no edit because the user had scrolled: this one does, whatever they did since
        (a view scrolled before every pass still gets its turns)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    @property
    def busy(self) -> bool:
        """Turns are being added or dropped (not just waiting for the user to scroll)."""
        return self._timer.isActive()

    @property
    def shown_to(self) -> int:
        count = len(self._source.messages())
        return count if self._shown_to is None else min(self._shown_to, count)

    @property
    def newer_left(self) -> int:
        """Turns after the window, not in the document (they come back as the user scrolls down)."""
        return len(self._source.messages()) - self.shown_to

    def reset(self, shown_from: int, shown_to: int | None = None) -> None:
        """The document now holds the turns from `shown_from` to `shown_to` (None: to the end)."""
        self._timer.stop()
        self._job = None
        self._trim_blocked = False
        self._older_last = True
        self.shown_from = shown_from
        self._shown_to = None if shown_to is None or shown_to >= len(self._source.messages()) else shown_to
        self._background_left = BACKGROUND_CHARS - self._chars(shown_from, self.shown_to)
        if shown_from == 0:
            self.allShown.emit()
        self._next()

    def moved(self) -> None:
        """The view moved: turns may be wanted at either end, or dropped at the far one."""
        self._trim_blocked = False
        self._scrolled = True
        if not self._timer.isActive():
            self._next()

    def go_to(self, index: int, chars: int) -> None:
        """Make turn `index` part of the document: the window moves to begin there, with about `chars` of
        content (while a reply streams, every turn from it on is added at once, the reply staying)."""
        if self.shown_from <= index < self.shown_to:
            return
        self.settle()
        if self._source.streaming() and index < self.shown_from:
            self._regions.insert(self._regions.top, self._source.html(index, self.shown_from))
            self.shown_from = index
            if index == 0:
                self.allShown.emit()
            self._next()
            return
        messages = self._source.messages()
        end = index + 1
        while end < len(messages) and content_chars(messages, index, end) < chars:
            end += 1
        self._regions.set_html(self._source.html(index, end))
        self.reset(index, end)

    def settle(self) -> None:
        """Insert the rest of a turn that is going in, or remove the rest of those going out, now (before
        another edit of the document)."""
        while self._job is not None:
            self._edit(self._job)

    # --- the passes ----------------------------------------------------------------------------

    def _step(self) -> None:
        if self._scrolled and not self._waited:
            self._scrolled, self._waited = False, True
            self._next()
            return
        if collected_now():
            self._next()
            return
        self._waited = False
        began = time.monotonic()
        if self._job is not None:
            self._edit(self._job)
        elif self._trim_due():
            self._trim()
        left = PASS_S - (time.monotonic() - began)
        # After an edit that took the whole pass, the rendering waits for the next pass rather than make this
        # one longer still.
        if self._job is None and not self._trim_due() and left > 0:
            self._prepare(time.monotonic() + max(MIN_RENDER_S, left))
        self._scrolled = False  # by this pass's own edits, keeping what the view shows
        self._next()

    def _next(self) -> None:
        if self._job is not None or self._trim_due() or self._direction() is not None:
            self._timer.start(0)
        else:
            self._timer.stop()

    def _direction(self) -> bool | None:
        """True: a turn is wanted at the top; False: at the bottom; None: none."""
        scroll = self._browser.verticalScrollBar()
        screen = self._browser.viewport().height()
        older = self.shown_from > 0 and (self._background_left > 0 or scroll.value() <= screen)
        newer = self._shown_to is not None and scroll.value() >= scroll.maximum() - screen
        if older and newer:
            return scroll.value() <= scroll.maximum() - scroll.value()
        return True if older else False if newer else None

    def _prepare(self, deadline: float) -> None:
        """Render toward the next turn wanted, and begin inserting it once its Markdown is ready."""
        older = self._direction()
        if older is None:
            return
        index = self.shown_from - 1 if older else self.shown_to
        if not self._prerender.ready(self._source.markdown(index), deadline):
            return
        cursor = None
        if older:
            cursor = QTextCursor(self._browser.document())
            cursor.setPosition(self._regions.top)
        pieces = deque(chunks(self._source.html(index, index + 1), INSERT_CHARS))
        self._job = _Insertion(index, older, pieces, cursor)
        if not pieces:
            self._done(self._job)

    def _edit(self, job: _Insertion | _Removal) -> None:
        if isinstance(job, _Insertion):
            self._insert_piece(job)
        else:
            self._remove_piece(job)

    def _insert_piece(self, job: _Insertion) -> None:
        # Everything below an insertion at the top moves down by the height added: scroll by as much (at the
        # end, following the latest, the view stays there by itself).
        scroll = self._browser.verticalScrollBar()
        following = scroll.value() >= scroll.maximum() - 4 and self._shown_to is None
        cursor = job.cursor
        if cursor is not None and not following:
            piece = job.pieces.popleft()
            self._browser.edit_above_view(
                lambda: cursor.setPosition(self._regions.insert(cursor.position(), piece))
            )
        elif cursor is not None:
            cursor.setPosition(self._regions.insert(cursor.position(), job.pieces.popleft()))
        else:
            self._regions.insert(self._regions.end(), job.pieces.popleft())
        if not job.pieces:
            self._done(job)

    def _done(self, job: _Insertion) -> None:
        self._job = None
        self._older_last = job.older
        if job.older:
            self.shown_from = job.index
            self._background_left -= self._chars(job.index, job.index + 1)
            if job.index == 0:
                self.allShown.emit()
        else:
            self._shown_to = None if job.index + 1 >= len(self._source.messages()) else job.index + 1

    def _trim_due(self) -> bool:
        if self._trim_blocked or self._chars(self.shown_from, self.shown_to) <= WINDOW_CHARS:
            return False
        return not (self._older_last and self._source.streaming())

    def _trim(self) -> None:
        """Drop turns at the far end of the window from the last one added, down to WINDOW_CHARS, keeping
        those within two screens of the view."""
        messages = self._source.messages()
        start, end = self.shown_from, self.shown_to
        over = self._chars(start, end) - WINDOW_CHARS
        document = self._browser.document()
        document.size()  # layout finished (Qt lays out a whole new document lazily): the scroll range is true
        scroll = self._browser.verticalScrollBar()
        screen = self._browser.viewport().height()
        layout = document.documentLayout()

        def top_of(position: int) -> float:
            return layout.blockBoundingRect(document.findBlock(position + 1)).top()

        if self._older_last:  # drop the newest: from turn `cut` on
            cut = end
            while cut - 1 > start and over > 0:
                cut -= 1
                over -= self._chars(cut, cut + 1)
            # One walk up from the end, to the first turn that may go whose region begins three screens below
            # the view (walking from the end once per turn tried took up to 6 ms).
            index_of = {messages[index].id: index for index in range(cut, end)}
            position = None
            for message_id, start_of_turn in self._regions.turn_starts_from_end():
                if message_id not in index_of or top_of(start_of_turn) <= scroll.value() + 3 * screen:
                    break
                cut, position = index_of[message_id], start_of_turn
            if position is None:
                self._trim_blocked = True
                return
            self._shown_to = cut
            self._job = _Removal(position, newest=True)  # on the next pass: this one walked
            return
        # Drop the oldest turn, the one before `cut`, in pieces on the next passes: like an insertion
        # above the view, a removal there costs Qt time for every block below it, and more for more blocks
        # removed (and each edit holding a table rescans every frame of the document).
        cut = start + 1 if start + 1 < end and over > 0 else start
        position = None
        while cut > start:
            position = self._regions.turn_start(messages[cut].id)
            if position is not None and top_of(position) < scroll.value() - 2 * screen:
                break
            cut -= 1
        if cut <= start or position is None:
            self._trim_blocked = True
            return
        self.shown_from = cut
        self._job = _Removal(position)

    def _remove_piece(self, job: _Removal) -> None:
        """Remove the newest turns going out, or about REMOVE_CHARS from the top of the oldest, up to the end
        of a block outside any table (a piece never splits a frame)."""
        if job.newest:
            self._regions.replace(job.edge, self._regions.end(), "")
            self._job = None
            return
        document = self._browser.document()
        top = self._regions.top
        cut = job.edge
        if cut - top > REMOVE_CHARS:
            root = document.rootFrame()
            block = document.findBlock(top + REMOVE_CHARS)
            while block.isValid() and QTextCursor(block).currentFrame() is not root:
                block = block.next()
            if block.isValid():
                cut = min(cut, block.position() + block.length() - 1)
        self._browser.edit_above_view(lambda: self._regions.replace(top, cut, ""))
        job.edge -= cut - top
        if job.edge <= top:
            self._job = None

    def _chars(self, start: int, end: int) -> int:
        return content_chars(self._source.messages(), start, end)


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

"""The streaming turn's region of the transcript document, painted a few milliseconds per event-loop turn.

A repaint takes the HTML the markdown worker thread rendered since the last one (see `LiveTurn`: the UI thread
renders no Markdown of a streaming text) and inserts it in pieces, about INSERT_CHARS of them within BUDGET_S,
at least one piece; whatever is left goes in on the next repaints, with no tail shown meanwhile, so the
display may lag behind a very fast stream but the window keeps painting and catches up. A repaint with nothing
new to show (the worker not done yet, or the tail looking as it did) edits nothing. Live turns of several
transcripts (compare columns, the streaming benchmark's four) take turns: one repaint per pass of the event
loop (`PaintTurns`), so a pass costs one budget however many replies stream, and timers and input get their
turn between them; on a loaded machine the sum of four repaints in one pass was what stalled the window. They
also share one repaint rate: with N replies streaming each repaints every N x REPAINT_MS (up to SHARED_MAX),
staggered, since most of a repaint's cost is Qt's per edit (laying out, rescanning the document's frames), not
per character; and a repaint's edits are one change of the document, laid out once. When the reply ends, the
blocks already in the document stay: the stored reply's HTML is checked to begin with them (it does, unless
the stored reply differs, e.g. by citations), and only its header and the rest after them are written, in the
same steps.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument
from shiboken6 import isValid

from core.render.html_slices import chunks
from gui.throttle import Throttle
from gui.transcript.document import Regions
from gui.transcript.live_turn import LiveTurn

BUDGET_S = 0.006
"""A repaint's insertions: with the tail, its layout and the paint, within a 16 ms frame, and within two on a
machine whose other core is busy (bench/stream_render.py --busy)."""
INSERT_CHARS = 2_000
"""HTML inserted into the document at once, and by one repaint (at least one piece): about 1-2 ms of Qt's
parsing and as much of its layout (after the insertions, outside BUDGET_S) for a piece holding a table and
code. 8,000 took 5-8 ms; two pieces of a section each, when the worker's first renders came back together, a
9.5 ms layout. Four replies streaming at 100 deltas/s bring about 500 characters of HTML per repaint each."""
REPAINT_MS = 33
"""The least interval between two repaints of one live turn streaming alone (about 30 a second)."""
SHARED_MAX = 4
"""Live turns streaming together share about REPAINT_MS between them: each repaints every REPAINT_MS times
their number, up to this many (four replies: each every 132 ms, so the UI thread still repaints ~30 times a
second in all, not ~120; each repaint writes a longer piece, and Qt's cost per edit, not per character, is
most of a repaint's)."""
SETTLE_CHARS = 6_000
"""A reply ending with less than this to render is completed at once, so it never shows half done."""

Complete = Callable[[], tuple[str, str]]
"""The ended reply as stored: (its header HTML, its whole turn HTML)."""


class PaintTurns(QObject):
    """The live painters of the application repaint one per pass of the event loop, in turn.

    The first repaint of a pass goes at once; another painter asking in the same pass waits, in order, for
    a later pass (a zero-time timer fires once per pass, after the events already waiting). While several
    turns stream, a repaint also waits until REPAINT_MS after the last one began: their repaints alternate
    evenly instead of bunching up between two frames."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("livePaintTurns")
        self._waiting: deque[LivePainter] = deque()
        self._live: list[LivePainter] = []
        """The painters with a live turn, in the order they began."""
        self._taken = False
        """A painter repainted in this pass of the event loop."""
        self._last = 0.0
        """When the last repaint began (time.monotonic())."""
        self._next_pass = QTimer(self)
        self._next_pass.setSingleShot(True)
        self._next_pass.timeout.connect(self._pass_begins)

    @classmethod
    def of_application(cls) -> PaintTurns:
        app = QCoreApplication.instance()
        turns = app.findChild(PaintTurns, "livePaintTurns") if app is not None else None
        return turns if turns is not None else cls(app)

    def take(self, painter: LivePainter) -> bool:
        """True: paint now. False: another painter painted in this pass; `painter` repaints in a later one."""
        wait_ms = self._wait_ms()
        if not self._taken and wait_ms == 0:
            self._taken = True
            self._last = time.monotonic()
            self._next_pass.start(0)
            return True
        if painter not in self._waiting:
            self._waiting.append(painter)
        if not self._taken and not self._next_pass.isActive():
            self._next_pass.start(wait_ms)
        return False

    def _wait_ms(self) -> int:
        """How long until the next repaint may go: while several turns stream, REPAINT_MS after the last one,
        so the repaints of the streams are staggered, one per REPAINT_MS, not several in a row."""
        if len(self._live) < 2:
            return 0
        return max(0, round(REPAINT_MS - (time.monotonic() - self._last) * 1000))

    def join(self, painter: LivePainter) -> None:
        """`painter` paints a live turn: the live painters' repaints spread out (see SHARED_MAX)."""
        if painter not in self._live:
            self._live.append(painter)
        self._spread()

    def leave(self, painter: LivePainter) -> None:
        if painter in self._live:
            self._live.remove(painter)
        self._spread()

    def _spread(self) -> None:
        self._live = [painter for painter in self._live if isValid(painter)]
        interval = REPAINT_MS * max(1, min(len(self._live), SHARED_MAX))
        for painter in self._live:
            painter.throttle.min_interval_ms = interval

    def waiting(self, painter: LivePainter) -> bool:
        return painter in self._waiting

    def forget(self, painter: LivePainter) -> None:
        if painter in self._waiting:
            self._waiting.remove(painter)

    def _pass_begins(self) -> None:
        self._taken = False
        wait_ms = self._wait_ms()
        if wait_ms and self._waiting:
            self._next_pass.start(wait_ms)
            return
        while self._waiting:
            painter = self._waiting.popleft()
            if isValid(painter) and painter.live is not None:
                painter.repaint_now()
                return


class LivePainter(QObject):
    """Paints one live turn, the last region of the document; `settle()` before any other edit of it."""

    def __init__(self, regions: Regions, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self.live: LiveTurn | None = None
        self._start = QTextCursor(document)
        self._header_end = QTextCursor(document)
        self._header_end.setKeepPositionOnInsert(True)
        self._tail = QTextCursor(document)
        """Where final HTML goes next; the tail follows it."""
        self._tail.setKeepPositionOnInsert(True)
        self._shown_tail = ""
        """The tail's HTML in the document, after the final HTML: not written again while it is the same."""
        self._inserts: deque[str] = deque()
        self._complete: Complete | None = None
        self.throttle = Throttle(self._repaint, min_interval_ms=REPAINT_MS, parent=self)
        self._turns = PaintTurns.of_application()

    @property
    def busy(self) -> bool:
        """Something is still to be painted (a repaint is due)."""
        return (
            self.throttle.pending
            or bool(self._inserts)
            or self._complete is not None
            or self._turns.waiting(self)
        )

    @property
    def start(self) -> int:
        """Where the live turn's region begins."""
        return self._start.position()

    def begin(self, live: LiveTurn, position: int) -> None:
        self.drop()
        self.live = live
        self._turns.join(self)
        self.render_all(position)

    def update(self) -> None:
        """The live turn changed: repaint soon."""
        if self._complete is None:
            self.throttle()

    def render_all(self, start: int) -> None:
        """Write the whole live turn from `start` (a block end) to the end of the document, at once."""
        assert self.live is not None
        self.throttle.cancel()
        self._inserts.clear()
        final, tail = self.live.full()
        header = self.live.header
        header_end = self._regions.replace(start, self._regions.end(), header)
        end = self._regions.insert(header_end, final[len(header) :])
        self._start.setPosition(start)
        self._header_end.setPosition(header_end)
        self._tail.setPosition(end)
        self._regions.insert(end, tail)
        self._shown_tail = tail

    def finish(self, complete: Complete) -> None:
        """The reply ended: paint what is left of it, then the stored reply from `complete()`."""
        assert self.live is not None
        self.live.stop()
        self._complete = complete
        self.throttle.cancel()
        if not self._inserts and self.live.backlog() < SETTLE_CHARS:
            self.settle()
        else:
            self.throttle()

    def settle(self) -> None:
        """Paint everything still to come now, whatever it costs (before another edit of the document)."""
        self.throttle.cancel()
        self._turns.forget(self)
        while self._step(None):
            pass

    def drop(self) -> None:
        """Forget the live turn (the document is being replaced)."""
        self.throttle.cancel()
        self._turns.forget(self)
        self._inserts.clear()
        self._shown_tail = ""
        self._complete = None
        self.live = None
        self._turns.leave(self)

    def repaint_now(self) -> None:
        """Its turn came (see `PaintTurns`): repaint, through the throttle, which times the repaint."""
        self.throttle.run_now()

    def _repaint(self) -> None:
        if not self._turns.take(self):
            return  # another live turn painted in this pass: `repaint_now` comes in a later one
        if self._step(time.monotonic() + BUDGET_S):
            self.throttle()

    def _step(self, deadline: float | None) -> bool:
        """Paint until `deadline` (None: all, waiting for the renders); True while more is to come."""
        live = self.live
        if live is None:
            return False
        tail, more = "", False
        if live.redraw and not live.ended:
            self.render_all(self.start)  # e.g. the thinking closed as the answer began
        if not live.ended:
            done, tail, more = live.take(wait=deadline is None)
            self._inserts.extend(chunks(done, INSERT_CHARS))
            if not more and self._complete is not None:
                self._end(live, self._complete)
                tail = ""
        if not self._inserts and tail == self._shown_tail:
            return self._painted(live, more)  # nothing new to show: no edit, no layout
        with self._regions.edits():  # the pieces and the tail laid out once, not once per edit
            return self._write(live, tail, more, deadline)

    def _write(self, live: LiveTurn, tail: str, more: bool, deadline: float | None) -> bool:
        """Insert final pieces, about INSERT_CHARS of them until `deadline`, then `tail` after them if nothing
        final is left."""
        regions = self._regions
        position = self._tail.position()
        inserted = 0
        while self._inserts:
            piece = self._inserts.popleft()
            position = regions.replace(position, regions.end(), piece)
            self._tail.setPosition(position)
            inserted += len(piece)
            if deadline is not None and (inserted >= INSERT_CHARS or time.monotonic() >= deadline):
                break
        # Final HTML inserted goes where the tail was: the tail after it is written again.
        self._shown_tail = "" if self._inserts else tail
        regions.replace(position, regions.end(), self._shown_tail)
        return bool(self._inserts) or self._painted(live, more)

    def _painted(self, live: LiveTurn, more: bool) -> bool:
        """What was taken is shown: True while more is to come; the live turn is done once it ended."""
        if more:
            return True
        if live.ended:
            self.live = None
            self._turns.leave(self)
        return False

    def _end(self, live: LiveTurn, complete: Complete) -> None:
        """Queue what turns the painted blocks into the stored reply's HTML."""
        self._complete = None
        live.ended = True
        header, whole = complete()
        shown = "".join(live.shown)[len(live.header) :]
        body = whole[len(header) :] if whole.startswith(header) else None
        if body is not None and body.startswith(shown):
            if header != live.header:
                start, at_header = self.start, self._tail.position() == self._header_end.position()
                end = self._regions.replace(start, self._header_end.position(), header)
                self._start.setPosition(start)
                self._header_end.setPosition(end)
                if at_header:
                    self._tail.setPosition(end)
            self._inserts.extend(chunks(body[len(shown) :], INSERT_CHARS))
            return
        self._inserts = deque(chunks(whole, INSERT_CHARS))
        self._tail.setPosition(self._regions.replace(self.start, self._regions.end(), ""))
        self._shown_tail = ""

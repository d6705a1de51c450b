"""The transcript's one document: a browser that fetches nothing, and edits of parts of the document.

Each turn begins with a header block carrying the anchor `turn-<message id>`; a turn's region runs from the
end of the block before it to the end of its last block. HTML goes in through a scratch document and
`insertFragment`, starting with a block separator, so the blocks around an edit keep their own formats
(`QTextCursor.insertHtml` would merge the first new block into the block at the cursor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QKeyEvent, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from gui.transcript.cards import IMAGE_SCHEME
from gui.transcript.math_images import MATH_SCHEME

# Qt drops an empty paragraph, so the first block (the one every region follows) holds a zero-width space.
_TOP = '<p style="margin-top:0; margin-bottom:0; font-size:1px">&#8203;</p>'
AFTER_TABLE = _TOP
"""A table is a frame, and the empty block Qt keeps after a frame takes the format of whatever is later
joined to it; a region never ends there, but in a block of its own (and so does every Markdown table, so
a reply painted in pieces is the same document as the reply painted at once)."""
_TURN_ANCHOR = "turn-"
_IMAGE_SCHEMES = (IMAGE_SCHEME, MATH_SCHEME)
"""The images the transcript serves: a message's own, and its formulas (drawn here)."""


class TranscriptBrowser(QTextBrowser):
    """A QTextBrowser that opens no link itself and loads no resource but the transcript's own images (a
    message's images and its formulas).

    Signals:
        resourceRequested(QUrl): every resource the document asked for, served or refused.
    """

    resourceRequested = Signal(QUrl)

    def __init__(self, images: Callable[[QUrl], QImage | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._content_kept = False
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(12)
        # Always there: a scroll bar that appears as a streaming reply outgrows the view narrows it, and the
        # whole document is laid out again in the middle of the stream (the longest pass of four replies
        # streaming into fresh views, bench/stream_render.py).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def edit_above_view(self, edit: Callable[[], object]) -> None:
        """Make an edit of the document wholly above what the view shows, scrolling by the height it adds or
        removes so the view shows the same content, without repainting it: the document's layout announces
        the change (everything below it moved) as an update of the whole view, and the scroll as pixels to
        move, and a full repaint of a screen of tables and code costs more than the edit (bench/
        open_conversation.py). Repaints as usual when the scroll cannot make up for the change (a document
        shorter than the view)."""
        document = self.document()
        layout = document.documentLayout()
        scroll = self.verticalScrollBar()
        before = document.size().height()
        value = scroll.value()
        layout.blockSignals(True)
        try:
            edit()
        finally:
            layout.blockSignals(False)
        size = layout.documentSize()
        change = size.height() - before
        wanted = value + round(change)
        self._content_kept = True
        try:
            # The scroll range follows, as it would have; a range shrunk below the value (a removal seen from
            # the bottom) moves the value already, toward `wanted`: from the value before the edit, not from
            # there.
            layout.documentSizeChanged.emit(size)
            scroll.setValue(wanted)
        finally:
            self._content_kept = False
        if scroll.value() != wanted or abs(change - round(change)) > 0.01:
            self.viewport().update()  # what is in view moved after all

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        if not self._content_kept:  # else the view shows what it showed: no pixels to move
            super().scrollContentsBy(dx, dy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The menu key or Shift+F10 asks for the menu of what is at the text cursor (where Tab left it, on a
        link), as a right-click does: not every platform turns these keys into a context-menu event."""
        shift_f10 = event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Menu or shift_f10:
            self.customContextMenuRequested.emit(self.cursorRect().center())
            return
        super().keyPressEvent(event)

    # Qt hands this virtual a QUrl; the stubs' "QUrl | str" is what a caller may pass in.
    def loadResource(self, kind: int, url: QUrl) -> Any:  # type: ignore[override]
        self.resourceRequested.emit(QUrl(url))
        if int(kind) == QTextDocument.ResourceType.ImageResource.value and url.scheme() in _IMAGE_SCHEMES:
            return self._images(url)
        return None


class Regions:
    def __init__(self, document: QTextDocument, scratch_parent: QObject) -> None:
        self._document = document
        # Parented to the browser, so a resource the scratch document might ask for goes through it too.
        self._scratch = QTextDocument(scratch_parent)
        self._scratch.setUndoRedoEnabled(False)

    def set_html(self, html: str) -> None:
        self._document.setHtml(_TOP + html + (AFTER_TABLE if html.rstrip().endswith("</table>") else ""))

    @property
    def top(self) -> int:
        """Where the first turn's region begins."""
        return self._document.begin().length() - 1

    def end(self) -> int:
        return self._document.characterCount() - 1

    def edits(self) -> AbstractContextManager[None]:
        """The edits made inside are one change of the document: laid out and signalled once, at the end."""
        return _one_change(self._document)

    def insert(self, position: int, html: str) -> int:
        """Insert blocks after the block that ends at `position`; return where they end."""
        return self.replace(position, position, html)

    def replace(self, start: int, end: int, html: str) -> int:
        """Replace the blocks from `start` to `end` (both block ends) by `html`; return where they end."""
        cursor = QTextCursor(self._document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        if html:
            if html.rstrip().endswith("</table>"):
                html += AFTER_TABLE
            self._scratch.setHtml("<p>x</p>" + html)
            source = QTextCursor(self._scratch)
            source.setPosition(1)
            source.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertFragment(source.selection())
        cursor.endEditBlock()
        return cursor.position()

    def find_turn(self, message_id: int) -> tuple[int, int] | None:
        """The region of a turn, found by its anchor: a walk over the blocks, done only on a click or so."""
        name = f"{_TURN_ANCHOR}{message_id}"
        start: int | None = None
        block = self._document.begin()
        while block.isValid():
            names = _anchor_names(block)
            if start is None and name in names:
                start = block.position() - 1
            elif start is not None and any(other.startswith(_TURN_ANCHOR) for other in names):
                return start, block.position() - 1
            block = block.next()
        return None if start is None else (start, self.end())

    def turn_start(self, message_id: int, from_end: bool = False) -> int | None:
        """Where a turn's region begins, walking the blocks from the start of the document or from its end:
        a walk only as long as the way to the turn (the window's edges are found from their own end)."""
        name = f"{_TURN_ANCHOR}{message_id}"
        block = self._document.lastBlock() if from_end else self._document.begin()
        while block.isValid():
            if name in _anchor_names(block):
                return block.position() - 1
            block = block.previous() if from_end else block.next()
        return None

    def turn_starts_from_end(self) -> Iterator[tuple[int, int]]:
        """The turns' message ids and where their regions begin, the last turn first: a walk up from the end
        of the document, only as far as the caller reads."""
        block = self._document.lastBlock()
        while block.isValid():
            for name in _anchor_names(block):
                if name.startswith(_TURN_ANCHOR):
                    yield int(name.removeprefix(_TURN_ANCHOR)), block.position() - 1
            block = block.previous()

    def turn_at(self, position: int) -> int | None:
        """The message id of the turn holding a document position: the nearest turn anchor at or above it."""
        block = self._document.findBlock(position)
        while block.isValid():
            for name in _anchor_names(block):
                if name.startswith(_TURN_ANCHOR):
                    return int(name.removeprefix(_TURN_ANCHOR))
            block = block.previous()
        return None


def _anchor_names(block: QTextBlock) -> list[str]:
    first = block.begin()
    return [] if first.atEnd() else first.fragment().charFormat().anchorNames()


@contextmanager
def _one_change(document: QTextDocument) -> Iterator[None]:
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()

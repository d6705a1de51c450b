"""The transcript: a conversation's turns in one rich-text document, with the reply that is streaming.

One QTextBrowser holds every turn (no widget per message). Opening a conversation renders the newest turns
at once and the older ones in slices on later event-loop turns, so a long conversation shows immediately.
While a reply streams, its finished Markdown blocks are appended once and only its unfinished tail is
replaced, at most about 30 times a second (see `Throttle`).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from core.accumulate import StreamUpdate
from core.conversation import ReplyError, StoredMessage
from gui.throttle import Throttle
from gui.transcript_cards import SCHEME, Colors
from gui.transcript_document import Regions, TranscriptBrowser
from gui.transcript_html import TurnHtml, TurnOptions, copy_link_code
from gui.transcript_live import LiveTurn

THUMBNAIL_PX = 240
_SLICE_CHARS = 20_000
"""About this much Markdown is rendered at once when a conversation opens, then per later slice."""


class TranscriptView(QWidget):
    """Shows a conversation path and streams replies into it.

    Signals:
        retryRequested(int): the Retry link under a failed reply (its message id).
        linkClicked(QUrl): an http or https link in the transcript; nothing else is emitted or opened.
        copyCodeRequested(str): a code block's Copy link; the code is already on the clipboard.
        toolResultRequested(int, str): "Reply with result…" on a tool call of the last turn
            (message id, tool_use id).
        allShown(): every turn of the conversation is in the document (older turns arrive in slices).
    """

    retryRequested = Signal(int)
    linkClicked = Signal(QUrl)
    copyCodeRequested = Signal(str)
    toolResultRequested = Signal(int, str)
    allShown = Signal()

    def __init__(self, error_text: Callable[[ReplyError], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dark: bool | None = None
        self._html = TurnHtml(error_text, Colors.from_palette(self.palette(), self._is_dark()), self)
        self._browser = TranscriptBrowser(self._image, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        document = self._browser.document()
        self._regions = Regions(document, self._browser)
        self._messages: list[StoredMessage] = []
        self._by_id: dict[int, StoredMessage] = {}
        self._shown_from = 0
        """Messages before this index are not in the document yet."""
        self._expanded: set[tuple[int, int]] = set()
        self._tool_names: dict[str, str] = {}
        self._links_on: int | None = None
        self._live: LiveTurn | None = None
        self._live_start = QTextCursor(document)
        self._tail = QTextCursor(document)
        self._tail.setKeepPositionOnInsert(True)
        self._throttle = Throttle(self._repaint, parent=self)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.timeout.connect(self._show_older)
        self._thumbnails: dict[str, QImage] = {}
        self._follow = True
        scroll = self._browser.verticalScrollBar()
        scroll.rangeChanged.connect(self._on_range)
        scroll.valueChanged.connect(self._on_scroll)
        self._browser.anchorClicked.connect(self._on_anchor)
        self._regions.set_html("")

    @property
    def browser(self) -> QTextBrowser:
        return self._browser

    @property
    def loading(self) -> bool:
        """True while older turns are still being added (see allShown)."""
        return self._shown_from > 0

    # --- the API the controller calls ---------------------------------------------------------------

    def show_messages(self, messages: list[StoredMessage]) -> None:
        """Show a conversation path (user and assistant turns), replacing what was shown."""
        self._throttle.cancel()
        self._live = None
        self._show(list(messages))

    def append_message(self, message: StoredMessage) -> None:
        """Add a finished turn (e.g. the user's new message) after the others."""
        if self._live is not None and self._live.message.id != message.id:
            self._messages.insert(len(self._messages) - 1, message)
            position = self._live_start.position()
        else:
            self._messages.append(message)
            position = self._regions.end()
        self._remember(message)
        lost_links = self._retarget_tool_links()
        self._regions.insert(position, self._turn_html(message))
        self._rerender(lost_links)

    def begin_reply(self, message: StoredMessage) -> None:
        """Add the assistant turn that is about to stream; content it already has is shown as its start."""
        self._throttle.cancel()
        region = self._regions.find_turn(message.id) if message.id in self._by_id else None
        if region is not None:
            self._regions.replace(*region, "")
        self._messages = [other for other in self._messages if other.id != message.id] + [message]
        self._remember(message)
        self._live = LiveTurn(message, self._html, self._expanded)
        self._rerender(self._retarget_tool_links())
        self._render_live(self._regions.end())

    def apply_update(self, message_id: int, update: StreamUpdate) -> None:
        """One streamed change of the reply begun with begin_reply; the repaint follows, throttled."""
        if self._live is not None and self._live.message.id == message_id and self._live.apply(update):
            self._throttle()

    def finish_reply(self, message: StoredMessage) -> None:
        """Show the reply as stored (authoritative), with its footer, error and status."""
        known = message.id in self._by_id
        region: tuple[int, int] | None = None
        if self._live is not None and self._live.message.id == message.id:
            self._throttle.cancel()
            self._live = None
            region = (self._live_start.position(), self._regions.end())
        elif known:
            region = self._regions.find_turn(message.id)
        if known:
            self._messages = [message if other.id == message.id else other for other in self._messages]
        else:
            self._messages.append(message)
        self._remember(message)
        lost_links = self._retarget_tool_links()
        if region is not None:
            self._regions.replace(*region, self._turn_html(message))
        elif not known:
            self._regions.insert(self._regions.end(), self._turn_html(message))
        # A known turn that is not in the document yet is rendered when the older turns arrive.
        self._rerender(lost_links)

    def set_dark(self, dark: bool | None) -> None:
        """Dark or light colours; None follows the palette."""
        self._dark = dark
        self._restyle()

    # --- rendering ---------------------------------------------------------------------------------

    def _show(self, messages: list[StoredMessage]) -> None:
        self._fill_timer.stop()
        self._messages = messages
        self._by_id = {}
        self._tool_names = {}
        self._thumbnails.clear()
        for message in messages:
            self._remember(message)
        self._links_on = self._tool_link_target()
        self._shown_from = _slice_start(messages, len(messages))
        self._regions.set_html(self._turns_html(self._shown_from, len(messages)))
        self._follow = True
        self._scroll_to_end()
        self._after_slice()

    def _show_older(self) -> None:
        start = _slice_start(self._messages, self._shown_from)
        html = self._turns_html(start, self._shown_from)
        self._shown_from = start
        # Keep what the user is reading where it is while older turns are added above it: the cursor at
        # the top of the view moves with its text.
        anchor = None if self._follow else self._browser.cursorForPosition(QPoint(0, 0))
        old_top = self._browser.cursorRect(anchor).top() if anchor is not None else 0
        self._regions.insert(self._regions.top, html)
        if anchor is not None:
            scroll = self._browser.verticalScrollBar()
            scroll.setValue(scroll.value() + self._browser.cursorRect(anchor).top() - old_top)
        self._after_slice()

    def _after_slice(self) -> None:
        if self._shown_from > 0:
            self._fill_timer.start(0)
        else:
            self.allShown.emit()

    def _turns_html(self, start: int, end: int) -> str:
        live_id = self._live.message.id if self._live is not None else None
        return "".join(self._turn_html(m) for m in self._messages[start:end] if m.id != live_id)

    def _turn_html(self, message: StoredMessage) -> str:
        options = TurnOptions(self._expanded, message.id == self._links_on, self._tool_names)
        return self._html.turn(message, options)

    def _render_live(self, start: int) -> None:
        """Write the whole live turn from `start` (a block end) to the end of the document."""
        assert self._live is not None
        done, tail = self._live.full()
        end = self._regions.replace(start, self._regions.end(), done)
        self._live_start.setPosition(start)
        self._tail.setPosition(end)
        self._regions.insert(end, tail)

    def _repaint(self) -> None:
        if self._live is None:
            return
        done, tail = self._live.take()
        position = self._tail.position()
        if done:
            position = self._regions.replace(position, self._regions.end(), done)
            self._tail.setPosition(position)
        self._regions.replace(position, self._regions.end(), tail)

    def _rerender(self, message_id: int | None) -> None:
        if message_id is None:
            return
        if self._live is not None and self._live.message.id == message_id:
            self._throttle.cancel()
            self._render_live(self._live_start.position())
            return
        message = self._by_id.get(message_id)
        region = self._regions.find_turn(message_id)
        if message is not None and region is not None:
            self._regions.replace(*region, self._turn_html(message))

    def _restyle(self) -> None:
        self._html.set_colors(Colors.from_palette(self.palette(), self._is_dark()))
        self._show(self._messages)
        if self._live is not None:
            self._render_live(self._regions.end())

    def _is_dark(self) -> bool:
        if self._dark is not None:
            return self._dark
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._dark is None:
            self._restyle()
        elif event.type() == QEvent.Type.LanguageChange:
            self._html.markdown.clear()
            self._restyle()

    # --- bookkeeping -------------------------------------------------------------------------------

    def _remember(self, message: StoredMessage) -> None:
        self._by_id[message.id] = message
        for block in message.content:
            if block.get("type") in ("tool_use", "server_tool_use") and block.get("id"):
                self._tool_names[str(block["id"])] = str(block.get("name", ""))

    def _tool_link_target(self) -> int | None:
        """The turn offering "Reply with result…": the last one, if the model stopped to use a tool."""
        if self._live is not None or not self._messages:
            return None
        last = self._messages[-1]
        if last.role == "assistant" and last.stop_reason == "tool_use" and last.status == "complete":
            return last.id
        return None

    def _retarget_tool_links(self) -> int | None:
        """Move "Reply with result…" to the turn that should offer it; return the turn that lost it."""
        target = self._tool_link_target()
        previous, self._links_on = self._links_on, target
        return previous if previous != target else None

    # --- links, images, scrolling -------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.linkClicked.emit(url)
            return
        if not url.scheme() and url.fragment():
            self._browser.scrollToAnchor(url.fragment())
            return
        if url.scheme() != SCHEME:
            return
        action, _, rest = url.path(QUrl.ComponentFormattingOption.FullyDecoded).partition("/")
        if action == "copy":
            code = copy_link_code(rest)
            QGuiApplication.clipboard().setText(code)
            self.copyCodeRequested.emit(code)
        elif action == "thinking":
            message_id, _, index = rest.partition("/")
            self._expanded ^= {(int(message_id), int(index))}
            self._rerender(int(message_id))
        elif action == "retry":
            self.retryRequested.emit(int(rest))
        elif action == "tool-result":
            message_id, _, tool_use_id = rest.partition("/")
            self.toolResultRequested.emit(int(message_id), tool_use_id)

    def _image(self, url: QUrl) -> QImage | None:
        key = url.toString()
        if key not in self._thumbnails:
            image = self._decode_image(url.path())
            if image is None:
                return None
            self._thumbnails[key] = image
        return self._thumbnails[key]

    def _decode_image(self, path: str) -> QImage | None:
        message_id, _, index = path.partition("/")
        try:
            block = self._by_id[int(message_id)].content[int(index)]
            image = QImage.fromData(base64.b64decode(block["source"]["data"]))
        except (KeyError, IndexError, ValueError, TypeError, binascii.Error):
            return None
        if image.isNull():
            return None
        if max(image.width(), image.height()) > THUMBNAIL_PX:
            image = image.scaled(
                THUMBNAIL_PX,
                THUMBNAIL_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return image

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self._browser.verticalScrollBar().setValue(maximum)

    def _on_scroll(self, value: int) -> None:
        self._follow = value >= self._browser.verticalScrollBar().maximum() - 4

    def _scroll_to_end(self) -> None:
        scroll = self._browser.verticalScrollBar()
        scroll.setValue(scroll.maximum())


def _slice_start(messages: list[StoredMessage], end: int) -> int:
    """Where a slice ending at `end` begins: back to about _SLICE_CHARS of content, at least one message."""
    total = 0
    start = end
    while start > 0 and (start == end or total < _SLICE_CHARS):
        start -= 1
        total += sum(
            len(str(block.get("text") or block.get("thinking") or "")) + 100
            for block in messages[start].content
        )
    return start

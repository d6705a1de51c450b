"""The transcript: a conversation's turns in one rich-text document, with the reply that is streaming.

One QTextBrowser holds every turn (no widget per message). Opening a conversation renders the newest turns
at once and the older ones a few at a time on later event-loop turns, up to a limit, then as the user
scrolls up (see `OlderTurns`), so a long conversation shows immediately and costs little until read.
While a reply streams, its finished Markdown blocks are appended once and only its unfinished tail is
replaced, at most about 30 times a second and a few milliseconds at a time (see `LivePainter`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from core.model.branching import Versions
from core.model.conversation import ReplyError, StoredMessage
from core.wire.accumulate import StreamUpdate
from gui.transcript.cards import Colors
from gui.transcript.document import Regions, TranscriptBrowser
from gui.transcript.images import thumbnail
from gui.transcript.jump_to_latest import JumpToLatest
from gui.transcript.links import TurnLinks
from gui.transcript.live_painter import LivePainter
from gui.transcript.live_turn import LiveTurn
from gui.transcript.math_images import MATH_SCHEME, MathImages
from gui.transcript.message_copy import add_copy_actions, joined, markdown_source
from gui.transcript.older_turns import OlderTurns, slice_start
from gui.transcript.turn_html import TurnHtml, TurnOptions

_FIRST_SLICE_CHARS = 6_000
"""About this much Markdown is rendered before a conversation's first paint: more than a tall window shows,
little enough to paint in well under 150 ms (bench/open_conversation.py)."""
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
"""A reference-style link definition: it reaches across blocks, so a text holding one is rendered whole."""


class TranscriptView(TurnLinks):
    """Shows a conversation path and streams replies into it (its signals: see TurnLinks)."""

    def __init__(self, error_text: Callable[[ReplyError], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dark: bool | None = None
        self._html = TurnHtml(error_text, Colors.from_palette(self.palette(), self._is_dark()), self)
        self._browser = TranscriptBrowser(self._image, self)
        self._browser.setAccessibleName(self.tr("Transcript"))
        self._browser.setAccessibleDescription(
            self.tr("The messages. Tab moves through their links; the menu key opens a message's menu.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        document = self._browser.document()
        self._regions = Regions(document, self._browser)
        self._messages: list[StoredMessage] = []
        self._by_id: dict[int, StoredMessage] = {}
        self._expanded: set[tuple[int, int]] = set()
        self._tool_names: dict[str, str] = {}
        self._links_on: int | None = None
        self._versions: dict[int, Versions] = {}
        self._alternatives: dict[int, int] = {}
        self._branch_links = False
        self._live: LiveTurn | None = None
        """The reply streaming (the painter may still be painting one that ended)."""
        self._painter = LivePainter(self._regions, document, self)
        self._throttle = self._painter.throttle
        self._older = OlderTurns(self._browser, self._regions, self._turns_html)
        self._older.allShown.connect(self.allShown)
        self._thumbnails: dict[str, QImage] = {}
        self._math = MathImages(document, self)
        self._follow = True
        """The view stays at the end as content arrives; false once the reader scrolls up."""
        self.jump_button = JumpToLatest(self._browser)
        self.jump_button.clicked.connect(self.follow_latest)
        scroll = self._browser.verticalScrollBar()
        scroll.rangeChanged.connect(self._on_range)
        scroll.valueChanged.connect(self._on_scroll)
        self._browser.anchorClicked.connect(self._route_link)
        self._browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._browser.customContextMenuRequested.connect(self._context_menu)
        self._regions.set_html("")

    @property
    def browser(self) -> QTextBrowser:
        return self._browser

    @property
    def loading(self) -> bool:
        """True while older turns are being added without the user scrolling up (see allShown)."""
        return self._older.busy

    # --- the API the controller calls ---------------------------------------------------------------

    def show_messages(self, messages: list[StoredMessage]) -> None:
        """Show a conversation path (user and assistant turns), replacing what was shown."""
        self._painter.drop()
        self._live = None
        self._show(list(messages))
        self.turnsChanged.emit()

    def append_message(self, message: StoredMessage) -> None:
        """Add a finished turn (e.g. the user's new message) after the others."""
        self._painter.settle()
        if self._live is not None and self._live.message.id != message.id:
            self._messages.insert(len(self._messages) - 1, message)
            position = self._painter.start
        else:
            self._messages.append(message)
            position = self._regions.end()
        self._remember(message)
        lost_links = self._retarget_tool_links()
        self._regions.insert(position, self._turn_html(message))
        self._rerender(lost_links)
        self.turnsChanged.emit()

    def begin_reply(self, message: StoredMessage) -> None:
        """Add the assistant turn that is about to stream; content it already has is shown as its start."""
        self._painter.settle()
        region = self._regions.find_turn(message.id) if message.id in self._by_id else None
        if region is not None:
            self._regions.replace(*region, "")
        self._messages = [other for other in self._messages if other.id != message.id] + [message]
        self._remember(message)
        self._live = LiveTurn(message, self._html, self._expanded)
        self._rerender(self._retarget_tool_links())
        self._painter.begin(self._live, self._regions.end())
        # A reply begins because the user sent, retried or regenerated: show it, wherever they had scrolled.
        self.follow_latest()
        self.turnsChanged.emit()

    def feed_update(self, message_id: int, update: StreamUpdate) -> None:
        """One streamed change of the reply begun with begin_reply; the repaint follows, throttled."""
        if self._live is not None and self._live.message.id == message_id and self._live.feed_update(update):
            self._painter.update()

    def finish_reply(self, message: StoredMessage) -> None:
        """Show the reply as stored (authoritative), with its footer, error and status. A streamed reply
        keeps the blocks already painted and gets the rest painted in steps (see `LivePainter`)."""
        known = message.id in self._by_id
        region: tuple[int, int] | None = None
        live, self._live = self._live, None
        if live is None or live.message.id != message.id:
            self._live = live
            live = None
            self._painter.settle()
            if known:
                region = self._regions.find_turn(message.id)
        if known:
            self._messages = [message if other.id == message.id else other for other in self._messages]
        else:
            self._messages.append(message)
        self._remember(message)
        lost_links = self._retarget_tool_links()
        if live is not None:
            self._painter.finish(lambda: self._final_html(message, live))
        elif region is not None:
            self._regions.replace(*region, self._turn_html(message))
        elif not known:
            self._regions.insert(self._regions.end(), self._turn_html(message))
        # A known turn that is not in the document yet is rendered when the older turns arrive.
        self._rerender(lost_links)

    def message(self, message_id: int) -> StoredMessage | None:
        return self._by_id.get(message_id)

    def message_at(self, position: QPoint) -> int | None:
        """The id of the turn at a point of the viewport: the nearest turn anchor at or above it."""
        return self._regions.turn_at(self._browser.cursorForPosition(position).position())

    def _context_menu(self, position: QPoint) -> None:
        browser = self._browser
        scroll = QPoint(browser.horizontalScrollBar().value(), browser.verticalScrollBar().value())
        menu = browser.createStandardContextMenu(position + scroll)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message_id = self.message_at(position)
        if message_id is not None:
            add_copy_actions(menu, self._markdown_of(message_id))
            self.turnMenuRequested.emit(message_id, menu)
        menu.popup(self._browser.viewport().mapToGlobal(position))

    def _markdown_of(self, message_id: int) -> str:
        """A turn's Markdown: what has arrived of a reply still streaming, else the stored text."""
        if self._live is not None and self._live.message.id == message_id:
            return joined([source for source, _ in self._live.texts()])
        message = self._by_id.get(message_id)
        return markdown_source(message) if message is not None else ""

    def message_ids(self) -> list[int]:
        """The conversation's turns, oldest first, including older ones not in the document yet."""
        return [message.id for message in self._messages]

    def set_branch_links(self, enabled: bool) -> None:
        """Offer Edit, Regenerate and Branch on each finished turn (those drawn from now on)."""
        self._branch_links = enabled

    def versions_of(self, message_id: int) -> Versions | None:
        """Where a turn stands among its versions, as last set (None: no other version known)."""
        return self._versions.get(message_id)

    def set_versions(self, versions: Mapping[int, Versions]) -> None:
        """Where turns stand among their versions; the turns whose switcher changes are drawn again."""
        for message_id, found in versions.items():
            shown = found if found.count > 1 else None
            if self._versions.get(message_id) == shown:
                continue
            if shown is None:
                del self._versions[message_id]
            else:
                self._versions[message_id] = shown
            if message_id in self._by_id:
                self._rerender(message_id)

    def set_alternatives(self, counts: Mapping[int, int]) -> None:
        """How many other compare replies each chosen reply has; the turns whose count changed are redrawn."""
        changed = [i for i, n in counts.items() if self._alternatives.get(i, 0) != n and i in self._by_id]
        self._alternatives.update(counts)
        for message_id in changed:
            self._rerender(message_id)

    def set_dark(self, dark: bool | None) -> None:
        """Dark or light colours; None follows the palette."""
        self._dark = dark
        self._restyle()

    # --- rendering ---------------------------------------------------------------------------------

    def _show(self, messages: list[StoredMessage]) -> None:
        self._messages = messages
        self._by_id = {}
        self._tool_names = {}
        self._thumbnails.clear()
        for message in messages:
            self._remember(message)
        self._links_on = self._tool_link_target()
        shown_from = slice_start(messages, len(messages), _FIRST_SLICE_CHARS)
        self._regions.set_html(self._turns_html(shown_from, len(messages)))
        self.follow_latest()
        self._older.reset(messages, shown_from)

    def _turns_html(self, start: int, end: int) -> str:
        live_id = self._live.message.id if self._live is not None else None
        return "".join(self._turn_html(m) for m in self._messages[start:end] if m.id != live_id)

    def _options(self, message: StoredMessage) -> TurnOptions:
        return TurnOptions(
            self._expanded,
            message.id == self._links_on,
            self._tool_names,
            versions=self._versions.get(message.id),
            branch_links=self._branch_links,
            alternatives=self._alternatives.get(message.id, 0),
        )

    def _turn_html(self, message: StoredMessage) -> str:
        return self._html.turn(message, self._options(message))

    def _final_html(self, message: StoredMessage, live: LiveTurn) -> tuple[str, str]:
        """The ended reply's (header, whole turn) HTML, its texts' Markdown taken from the blocks streamed."""
        for source, rendered in live.texts():
            if not _REFERENCE.search(source):
                self._html.markdown.remember(source, rendered)
        options = self._options(message)
        options.thinking_words = live.thinking_words()
        return self._html.header(message, options), self._html.turn(message, options)

    def _rerender(self, message_id: int | None) -> None:
        if message_id is None:
            return
        painting = self._painter.live
        if painting is not None and painting.message.id == message_id:
            self._painter.settle()
        if self._live is not None and self._live.message.id == message_id:
            self._painter.render_all(self._painter.start)
            return
        message = self._by_id.get(message_id)
        region = self._regions.find_turn(message_id)
        if message is not None and region is not None:
            self._regions.replace(*region, self._turn_html(message))

    def _restyle(self) -> None:
        self._painter.settle()
        self._html.set_colors(Colors.from_palette(self.palette(), self._is_dark()))
        self._show(self._messages)
        if self._live is not None:
            self._painter.render_all(self._regions.end())

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
            if block.get("type") in ("tool_use", "server_tool_use") and (tool_id := block.get("id")):
                self._tool_names[str(tool_id)] = str(block.get("name", ""))

    def _tool_link_target(self) -> int | None:
        """The turn offering "Reply with result…" (the last one, if the model stopped to use a tool) or "Get
        reply" (the last one, if it is the user's: a branch copied up to a user's message)."""
        if self._live is not None or not self._messages:
            return None
        last = self._messages[-1]
        if last.role == "assistant" and last.stop_reason == "tool_use" and last.status == "complete":
            return last.id
        if last.role == "user":
            return last.id
        return None

    def _retarget_tool_links(self) -> int | None:
        """Move "Reply with result…" to the turn that should offer it; return the turn that lost it."""
        target = self._tool_link_target()
        previous, self._links_on = self._links_on, target
        return previous if previous != target else None

    # --- links, images, scrolling -------------------------------------------------------------------

    def _scroll_to_anchor(self, name: str) -> None:
        self._browser.scrollToAnchor(name)

    def _toggle_thinking(self, message_id: int, index: int) -> None:
        self._expanded ^= {(message_id, index)}
        self._rerender(message_id)

    def _show_full_text(self, message_id: int) -> None:
        message = self._by_id.get(message_id)
        if message is not None:
            from gui.transcript.full_text import FullTextDialog  # a dialog: loaded when first opened

            FullTextDialog(message, self).show()

    def _image(self, url: QUrl) -> QImage | None:
        if url.scheme() == MATH_SCHEME:
            return self._math.image(url)
        key = url.toString()
        if key not in self._thumbnails:
            image = thumbnail(self._by_id, url.path())
            if image is None:
                return None
            self._thumbnails[key] = image
        return self._thumbnails[key]

    @property
    def following(self) -> bool:
        """True while the view keeps to the end as content arrives."""
        return self._follow

    def follow_latest(self) -> None:
        """Go to the end and stay there as content arrives."""
        self._follow = True
        self.jump_button.hide()
        self._scroll_to_end()

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self._browser.verticalScrollBar().setValue(maximum)
        elif self._painter.live is not None and self._browser.verticalScrollBar().value() < maximum - 4:
            # The reply grows below a reader who scrolled up: offer the way down, never pull them there.
            self.jump_button.show_over()

    def _on_scroll(self, value: int) -> None:
        self._follow = value >= self._browser.verticalScrollBar().maximum() - 4
        if self._follow:
            self.jump_button.hide()
        self._older.near_top()

    def scroll_to_message(self, message_id: int) -> bool:
        """Bring a shown turn to the top of the view, first adding the older turns down to it if they are
        still to come; False if the turn is not in the conversation shown."""
        index = next((i for i, message in enumerate(self._messages) if message.id == message_id), None)
        if index is None:
            return False
        self._follow = False
        self._older.show_from(index)
        self._browser.scrollToAnchor(f"turn-{message_id}")
        return True

    def _scroll_to_end(self) -> None:
        scroll = self._browser.verticalScrollBar()
        scroll.setValue(scroll.maximum())

"""The transcript: a conversation's turns in one rich-text document, with the reply that is streaming.

One QTextBrowser holds the turns (no widget per message). Opening a conversation renders the newest turns
at once and the older ones a piece at a time on later event-loop passes, up to a limit, then as the user
scrolls up; the document holds a window of turns, the far end dropped as turns come in at the near one and
brought back when the user scrolls there (see `OlderTurns`), so a long conversation shows immediately, costs
little until read, and scrolls through at the same cost per pass at any length.
While a reply streams, its finished Markdown blocks are appended once and only its unfinished tail is
replaced, at most about 30 times a second and a few milliseconds at a time (see `LivePainter`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from core.model.branching import Versions
from core.model.conversation import ReplyError, StoredMessage
from core.model.tools import RunStatus, ToolRun
from core.wire.accumulate import StreamUpdate
from gui.transcript.cards import Colors
from gui.transcript.document import Regions, TranscriptBrowser
from gui.transcript.images import thumbnail, thumbnail_of
from gui.transcript.jump_to_latest import JumpToLatest
from gui.transcript.links import TurnLinks
from gui.transcript.live_painter import LivePainter
from gui.transcript.live_turn import LiveTurn
from gui.transcript.math_images import MATH_SCHEME, MathImages
from gui.transcript.message_copy import add_copy_actions, joined, markdown_source
from gui.transcript.older_turns import OlderTurns, TurnSource, slice_start
from gui.transcript.prerender import REFERENCE, Prerender
from gui.transcript.tool_cards import TOOL_IMAGE, open_by_default, result_content, result_image
from gui.transcript.turn_html import TurnHtml, TurnOptions

_FIRST_SLICE_CHARS = 6_000
"""About this much Markdown is rendered before a conversation's first paint: more than a tall window shows,
little enough to paint in well under 150 ms (bench/open_conversation.py)."""


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
        self._live_runs: dict[int, dict[str, ToolRun]] = {}
        """Tool runs as the session reported them (fresher than a stored reply's), by reply id."""
        self._run_owner: dict[str, int] = {}
        """The reply holding each tool call that has a card, by tool_use id."""
        self._results: dict[str, Mapping[str, Any]] = {}
        """Saved tool_result blocks by tool_use id, shown in their call's card."""
        self._open_results: dict[str, bool] = {}
        self._runs_changed: set[int] = set()
        # Progress can come many times a second: the cards are redrawn at most ten times a second,
        # and a running call's elapsed time once a second.
        self._runs_flush = QTimer(self, singleShot=True, interval=100)
        self._runs_flush.timeout.connect(self._redraw_runs)
        self._runs_tick = QTimer(self, interval=1000)
        self._runs_tick.timeout.connect(self._tick_running)
        self._links_on: int | None = None
        self._versions: dict[int, Versions] = {}
        self._alternatives: dict[int, int] = {}
        self._branch_links = False
        self._live: LiveTurn | None = None
        """The reply streaming (the painter may still be painting one that ended)."""
        self._painter = LivePainter(self._regions, document, self)
        self._throttle = self._painter.throttle
        source = TurnSource(
            lambda: self._messages,
            self._turns_html,
            self._markdown_sources,
            lambda: self._painter.live is not None,
        )
        self._older = OlderTurns(self._browser, self._regions, source, Prerender(self._html))
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
        """True while turns are being added to the document or dropped from it, before the view waits for the
        user to scroll (see allShown)."""
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
        self._older.settle()
        if self._older.newer_left:  # the newest turns are not in the document: show the end, with this one
            self._messages.append(message)
            self._remember(message)
            self._show(self._messages)
            self.turnsChanged.emit()
            return
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
        if self._folded(message):  # its results now show in the cards they answer
            for reply_id in {self._run_owner[str(block.get("tool_use_id"))] for block in message.content}:
                if reply_id != lost_links:
                    self._rerender(reply_id)
        self.turnsChanged.emit()

    def begin_reply(self, message: StoredMessage) -> None:
        """Add the assistant turn that is about to stream; content it already has is shown as its start."""
        self._painter.settle()
        self._older.settle()
        if self._older.newer_left:  # the reply streams at the end: show the end
            self._show(self._messages)
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
        self._older.settle()
        known = message.id in self._by_id
        region: tuple[int, int] | None = None
        at_end = not self._older.newer_left
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
        elif not known and at_end:
            self._regions.insert(self._regions.end(), self._turn_html(message))
        # A turn outside the window is rendered when it comes into the document.
        self._rerender(lost_links)

    def update_tool_run(self, reply_id: int, run: ToolRun) -> None:
        """A tool call of a reply changed (approval, start, progress, end): its card is redrawn shortly."""
        self._live_runs.setdefault(reply_id, {})[run.tool_use_id] = run
        self._run_owner[run.tool_use_id] = reply_id
        self._runs_changed.add(reply_id)
        if not self._runs_flush.isActive():
            self._runs_flush.start()

    def tool_runs(self, reply_id: int) -> dict[str, ToolRun]:
        """The runs a reply's cards show, by tool_use id: the session's latest, else the stored ones (a
        stored run that was still waiting or running when the app stopped shows as stopped)."""
        message = self._by_id.get(reply_id)
        runs = {}
        for run in message.tool_runs if message is not None else []:
            if run.status in (RunStatus.WAITING, RunStatus.RUNNING):
                run = replace(run, status=RunStatus.CANCELLED)
            runs[run.tool_use_id] = run
        runs.update(self._live_runs.get(reply_id, {}))
        return runs

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
        self._results = {}
        self._run_owner = {run: reply for reply, runs in self._live_runs.items() for run in runs}
        self._thumbnails.clear()
        for message in messages:
            self._remember(message)
        self._links_on = self._tool_link_target()
        shown_from = slice_start(messages, len(messages), _FIRST_SLICE_CHARS)
        self._regions.set_html(self._turns_html(shown_from, len(messages)))
        self._older.reset(shown_from)
        self.follow_latest()

    def _markdown_sources(self, index: int) -> list[str]:
        message = self._messages[index]
        if self._live is not None and self._live.message.id == message.id:
            return []
        return self._html.markdown_sources(message, self._options(message))

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
            tool_runs=self.tool_runs(message.id) if message.role == "assistant" else {},
            tool_results=self._results,
            open_results=self._open_results,
            now=time.time(),
            folded=self._folded(message),
        )

    def _folded(self, message: StoredMessage) -> bool:
        """A user turn of tool results whose calls all have cards: shown in those cards."""
        return (
            message.role == "user"
            and bool(message.content)
            and all(
                block.get("type") == "tool_result" and str(block.get("tool_use_id")) in self._run_owner
                for block in message.content
            )
        )

    def _turn_html(self, message: StoredMessage) -> str:
        return self._html.turn(message, self._options(message))

    def _final_html(self, message: StoredMessage, live: LiveTurn) -> tuple[str, str]:
        """The ended reply's (header, whole turn) HTML, its texts' Markdown taken from the blocks streamed."""
        for source, rendered in live.texts():
            if not REFERENCE.search(source):
                self._html.markdown.remember(source, rendered)
        options = self._options(message)
        options.thinking_words = live.thinking_words()
        return self._html.header(message, options), self._html.turn(message, options)

    def _rerender(self, message_id: int | None) -> None:
        if message_id is None:
            return
        self._older.settle()
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
            elif block.get("type") == "tool_result":
                self._results[str(block.get("tool_use_id"))] = block
        for run in message.tool_runs:
            self._run_owner[run.tool_use_id] = message.id

    def _redraw_runs(self) -> None:
        changed, self._runs_changed = self._runs_changed, set()
        for reply_id in changed:
            if reply_id in self._by_id:
                self._rerender(reply_id)
        self._tick_when_running()

    def _tick_when_running(self) -> None:
        if self._running_replies():
            if not self._runs_tick.isActive():
                self._runs_tick.start()
        else:
            self._runs_tick.stop()

    def _running_replies(self) -> list[int]:
        return [
            reply_id
            for reply_id, runs in self._live_runs.items()
            if reply_id in self._by_id and any(run.status is RunStatus.RUNNING for run in runs.values())
        ]

    def _tick_running(self) -> None:
        """A running call's card counts its seconds."""
        for reply_id in self._running_replies():
            self._rerender(reply_id)
        self._tick_when_running()

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

    def _toggle_tool_output(self, message_id: int, tool_use_id: str) -> None:
        run = self.tool_runs(message_id).get(tool_use_id)
        if run is None:
            return
        result = result_content(run, self._results.get(tool_use_id))
        shown = self._open_results.get(tool_use_id)
        if shown is None:
            shown = result is not None and open_by_default(run, result)
        self._open_results[tool_use_id] = not shown
        self._rerender(message_id)

    def _tool_image(self, path: str) -> QImage | None:
        """An image of a tool's result: `tool/<reply id>/<tool_use id>/<index>`."""
        _kind, reply, tool_use_id, index = [*path.split("/"), "", "", ""][:4]
        try:
            run = self.tool_runs(int(reply)).get(unquote(tool_use_id))
            position = int(index)
        except ValueError:
            return None
        result = None if run is None else result_content(run, self._results.get(run.tool_use_id))
        return None if result is None else thumbnail_of(result_image(result.content, position))

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
            path = url.path()
            image = (
                self._tool_image(path) if path.startswith(f"{TOOL_IMAGE}/") else thumbnail(self._by_id, path)
            )
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
        if self._older.newer_left:  # the newest turns were dropped from the document as older ones came in
            self._show(self._messages)
            return
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
        at_end = value >= self._browser.verticalScrollBar().maximum() - 4
        self._follow = at_end and not self._older.newer_left
        if self._follow:
            self.jump_button.hide()
        self._older.moved()

    def scroll_to_message(self, message_id: int) -> bool:
        """Bring a shown turn to the top of the view, first adding the older turns down to it if they are
        still to come; False if the turn is not in the conversation shown."""
        index = next((i for i, message in enumerate(self._messages) if message.id == message_id), None)
        if index is None:
            return False
        anchor = f"turn-{message_id}"
        message = self._messages[index]
        if self._folded(message):
            # Tool results show in the cards of their calls, in the reply above: go to the first card.
            tool_use_id = str(message.content[0].get("tool_use_id"))
            owner = self._run_owner[tool_use_id]
            index = next((i for i, shown in enumerate(self._messages) if shown.id == owner), index)
            anchor = f"tool-{tool_use_id}"
        self._follow = False
        self._older.go_to(index, _FIRST_SLICE_CHARS)
        self._browser.scrollToAnchor(anchor)
        return True

    def _scroll_to_end(self) -> None:
        scroll = self._browser.verticalScrollBar()
        scroll.setValue(scroll.maximum())

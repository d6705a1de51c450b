"""The turn being streamed: its blocks as they arrive, rendered incrementally.

`LiveTurn.take()` returns the HTML that became final since the last call (appended to the document once) and
the HTML of the unfinished tail (replaced on a repaint when it changed). Only the last block can be
unfinished: the API streams blocks one after another. Consecutive text blocks are one text, as in the final
render.

A text's Markdown (and an open thinking's), its finished blocks and its unfinished tail, is rendered on the
markdown worker thread and taken on a later call once done (see `_Renders`), so a repaint of the UI thread
renders no Markdown however much text arrived since the last one; the tail last taken stays shown meanwhile.
An unfinished block too long to render again and again shows the end of its text, plain, until it is finished.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from core.model.conversation import StoredMessage
from core.render.html_slices import plain_preview
from core.render.queue import GroupQueue, Offload
from core.wire.accumulate import StreamUpdate
from gui.transcript.turn_html import TurnHtml

LONG_TAIL = 4_000
"""Characters of an unfinished block above which it shows as plain text until it is finished."""
PREVIEW_CHARS = 2_000
"""How much of the end of such a block shows."""
LIVE_THINKING_CHARS = 20_000
"""Characters of thinking shown open as they arrive; a longer thinking closes to its one line (a click opens
it): rendering it as it grows would cost the UI thread tens of milliseconds a repaint."""


class LiveTurn:
    def __init__(self, message: StoredMessage, turn_html: TurnHtml, expanded: set[tuple[int, int]]) -> None:
        self.message = message
        self._html = turn_html
        self._expanded = expanded
        self._blocks: list[_LiveBlock] = []
        self._by_index: dict[int, _LiveBlock] = {}
        self._flushed = 0
        """Blocks before this one are final and wholly in the document."""
        self.shown: list[str] = []
        """The final HTML given out so far, in order, from the header on."""
        self.header = ""
        self.ended = False
        """The stored reply replaced it: nothing more is taken from it."""
        self._opened: set[tuple[int, int]] = set()
        """Thinking blocks shown open because they were arriving: closed when the answer starts."""
        self.redraw = False
        """The turn's look changed behind what was painted (a thinking block closed): paint it again whole."""
        self._resume(message)

    def feed_update(self, update: StreamUpdate) -> bool:
        """Take in one streamed update; True when the turn looks different."""
        if update.kind == "block_start" and update.index is not None:
            self._start(update.index, update.block_type or "", update.block or {})
            return True
        block = self._by_index.get(update.index) if update.index is not None else None
        if update.kind in ("text", "thinking", "tool_input") and block is not None:
            block.feed(update.text)
            self._close_long_thinking(block)
            return bool(update.text)
        if update.kind == "block_stop" and block is not None and not isinstance(block, _LiveText):
            # A text block stays open: the next block may be text that continues it.
            block.stop()
            return True
        if update.kind == "message_stop" and self._blocks:
            self._blocks[-1].stop()
            return True
        return False

    def take(self, wait: bool = False) -> tuple[str, str, bool]:
        """(HTML that became final since the last call, HTML of the unfinished tail as it goes with that,
        whether renders are still to come: call again); with `wait`, waits for them all."""
        if not self._blocks:
            return "", self._placeholder(), False
        finished: list[str] = []
        tail = ""
        more = False
        for block in self._blocks[self._flushed :]:
            done, tail, more = block.take(wait)
            finished.append(done)
            if more:
                break
            if block.stopped:
                self._flushed += 1
        done = "".join(finished)
        if done:
            self.shown.append(done)
        return done, tail, more

    def full(self) -> tuple[str, str]:
        """The whole turn as it stands: (header and final HTML, tail), for a re-render of the turn."""
        self.redraw = False
        self.header = self._html.header(self.message)
        parts = [self.header]
        if not self._blocks:
            self.shown = parts
            return parts[0], self._placeholder()
        tail = ""
        for block in self._blocks:
            done, tail = block.full()
            parts.append(done)
        self._flushed = sum(1 for block in self._blocks if block.stopped)
        self.shown = ["".join(parts)]
        return self.shown[0], tail

    def stop(self) -> None:
        """The reply ended: its last block is final too."""
        if self._blocks:
            self._blocks[-1].stop()

    def backlog(self) -> int:
        """Characters of Markdown still to render."""
        return sum(block.backlog() for block in self._blocks[self._flushed :])

    def thinking_words(self) -> dict[int, int]:
        """The word counts of its thinking blocks, by block index."""
        return {block.key[1]: block.words.count for block in self._blocks if isinstance(block, _LiveThinking)}

    def texts(self) -> list[tuple[str, str]]:
        """(source, HTML as shown) of each text block: the render of the whole text, made block by block."""
        return [(block.source(), block.html()) for block in self._blocks if isinstance(block, _LiveText)]

    def _resume(self, message: StoredMessage) -> None:
        """A reply shown again while it streams: what arrived before is its beginning."""
        for index, block in enumerate(message.content):
            self._start(index, str(block.get("type")), dict(block))
            text = block.get("text") or block.get("thinking") or ""
            tool_input = block.get("input")
            if not text and isinstance(tool_input, dict) and tool_input:
                text = json.dumps(tool_input)
            self._by_index[index].feed(str(text))
            self._close_long_thinking(self._by_index[index])

    def _start(self, index: int, block_type: str, opened: dict[str, Any]) -> None:
        last = self._blocks[-1] if self._blocks else None
        if block_type == "text" and isinstance(last, _LiveText) and not last.stopped:
            self._by_index[index] = last
            return
        if last is not None:
            last.stop()
        if block_type not in ("thinking", "redacted_thinking"):
            self._close_thinking()
        block = self._new_block(index, block_type, opened)
        self._blocks.append(block)
        self._by_index[index] = block

    def _new_block(self, index: int, block_type: str, opened: dict[str, Any]) -> _LiveBlock:
        if block_type == "text":
            return _LiveText(self._html.offload)
        if block_type == "thinking":
            # Thinking shows as it arrives, open (as claude.ai shows it), until the answer starts.
            key = (self.message.id, index)
            if key not in self._expanded:
                self._expanded.add(key)
                self._opened.add(key)
            return _LiveThinking(self._html, self._html.offload, key, lambda: key in self._expanded)
        cards = self._html.cards
        if block_type in ("tool_use", "server_tool_use"):
            name = str(opened.get("name") or "")
            return _LiveCard(lambda partial: cards.tool_use_streaming(partial, name))
        if block_type == "web_search_tool_result" and opened.get("content") is not None:
            # A search result arrives whole when its block opens: show it at once.
            return _LiveCard(lambda _: cards.web_search_results(opened))
        return _LiveCard(lambda _: cards.streaming_block(block_type))

    def _close_long_thinking(self, block: _LiveBlock) -> None:
        """Thinking opened as it arrives closes once it is long: its Markdown is rendered on the UI thread,
        and megabytes of it (a relay's runaway thinking) would take minutes to paint."""
        if (
            isinstance(block, _LiveThinking)
            and block.key in self._opened
            and block.chars > LIVE_THINKING_CHARS
        ):
            self._close_thinking()

    def _close_thinking(self) -> None:
        """The answer starts: the thinking opened while it arrived closes (one click opens it again)."""
        if self._opened:
            self._expanded.difference_update(self._opened)
            self._opened.clear()
            self.redraw = True

    def _placeholder(self) -> str:
        return self._html.cards.note("…")


class _LiveBlock:
    stopped = False

    def backlog(self) -> int:
        return 0

    def feed(self, text: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self.stopped = True

    def take(self, wait: bool = False) -> tuple[str, str, bool]:
        raise NotImplementedError

    def full(self) -> tuple[str, str]:
        raise NotImplementedError


class _Renders:
    """A streaming Markdown text rendered on the markdown worker thread: on each call the blocks finished
    since the last one and the unfinished tail as it stands go to the worker as one group, and what is done
    comes back (in order, a group whole, see `GroupQueue`) on a later call; meanwhile the tail last taken
    stays shown. A tail that looks as it did (e.g. only a table row not complete yet arrived) is not rendered
    again."""

    def __init__(self, offload: Offload, text: str = "") -> None:
        # Python-Markdown loads with the first reply shown, not before the first paint.
        from core.render.markdown import IncrementalMarkdown

        self._markdown = IncrementalMarkdown()
        self._markdown.feed(text)
        self._groups = GroupQueue(offload)
        self._tail_sent: str | None = None
        """The tail as last sent to be rendered (its settled Markdown, or its raw text if shown plain)."""
        self._tail_html = ""
        """The tail of the last group taken: shown until a later group is done."""
        self._all_queued = False

    def feed(self, text: str) -> None:
        self._markdown.feed(text)

    def take(self, stopped: bool, wait: bool) -> tuple[list[str], str, bool]:
        """(the renders done since the last call, in order, without empty ones; the tail's HTML that goes
        with them; whether renders are still to come); once `stopped`, the rest of the text is final."""
        if not stopped:
            self._send(self._markdown.take_blocks())
        elif not self._all_queued:
            self._all_queued = True
            self._groups.put(self._markdown.finish_blocks(), None)  # the last group: no tail
        new, tail = self._groups.take(wait)
        if tail is not None:
            self._tail_html = tail
        return [part for part in new if part], self._tail_html, self._groups.pending

    def _send(self, finished: list[str]) -> None:
        """Queue the finished blocks and the tail, unless nothing changed since the last group."""
        long = self._markdown.tail_chars() > LONG_TAIL
        tail = self._markdown.raw_tail() if long else self._markdown.tail_text()
        if not finished and tail == self._tail_sent:
            return
        self._tail_sent = tail
        if long:
            self._groups.put(finished, None, plain_preview(tail, PREVIEW_CHARS))
        else:
            self._groups.put(finished, tail)

    def backlog(self) -> int:
        return self._groups.chars + self._markdown.untaken_chars()


class _LiveText(_LiveBlock):
    def __init__(self, offload: Offload) -> None:
        self._renders = _Renders(offload)
        self._source: list[str] = []
        self._rendered: list[str] = []
        """The renders of its finished blocks that are not empty."""
        self._closed = False

    def feed(self, text: str) -> None:
        self._source.append(text)
        self._renders.feed(text)

    def take(self, wait: bool = False) -> tuple[str, str, bool]:
        if self._closed:
            return "", "", False
        new, tail, pending = self._renders.take(self.stopped, wait)
        # Joined as the whole text's render joins its blocks.
        done = "".join(("\n" if self._rendered or i else "") + part for i, part in enumerate(new))
        self._rendered += new
        if pending:
            return done, tail, True
        if self.stopped:
            self._closed = True
            return done, "", False
        return done, tail, False

    def backlog(self) -> int:
        return self._renders.backlog()

    def full(self) -> tuple[str, str]:
        _, tail, _ = self.take(wait=True)
        return self.html(), tail

    def source(self) -> str:
        return "".join(self._source)

    def html(self) -> str:
        return "\n".join(self._rendered)


class _LiveCard(_LiveBlock):
    """A block shown whole on every repaint (a tool call's input as it arrives), final once stopped."""

    def __init__(self, card: Callable[[str], str]) -> None:
        self._card = card
        self._parts: list[str] = []
        self._closed = False

    def feed(self, text: str) -> None:
        self._parts.append(text)

    def take(self, wait: bool = False) -> tuple[str, str, bool]:
        if self._closed:
            return "", "", False
        card = self._card("".join(self._parts))
        if self.stopped:
            self._closed = True
            return card, "", False
        return "", card, False

    def full(self) -> tuple[str, str]:
        if self._closed:
            return self._card("".join(self._parts)), ""
        done, tail, _ = self.take()
        return done, tail


class _LiveThinking(_LiveBlock):
    """Collapsed: one line with the word count so far. Open: the thinking as Markdown, rendered on the
    markdown worker thread as a text's is."""

    def __init__(
        self,
        turn_html: TurnHtml,
        offload: Offload,
        key: tuple[int, int],
        is_expanded: Callable[[], bool],
    ) -> None:
        self._html = turn_html
        self._offload = offload
        self.key = key
        self._is_expanded = is_expanded
        self._parts: list[str] = []
        self.chars = 0
        self.words = _WordCounter()
        self._renders: _Renders | None = None
        self._header_due = False
        """Open, and its header not given out yet."""
        self._closed = False
        if is_expanded():
            self._open()

    def feed(self, text: str) -> None:
        self._parts.append(text)
        self.chars += len(text)
        self.words.feed(text)
        if self._renders is not None:
            self._renders.feed(text)

    def take(self, wait: bool = False) -> tuple[str, str, bool]:
        if self._closed:
            return "", "", False
        if self._renders is None:
            line = self._html.thinking(*self.key, "", expanded=False, words=self.words.count)
            self._closed = self.stopped
            return (line, "", False) if self.stopped else ("", line, False)
        body = self._html.thinking_body
        header = self._html.thinking_open_header(*self.key) if self._header_due else ""
        self._header_due = False
        new, tail, pending = self._renders.take(self.stopped, wait)
        done = header + body("\n".join(new))
        if pending:
            return done, body(tail), True
        if self.stopped:
            self._closed = True
            return done, "", False
        return done, body(tail), False

    def full(self) -> tuple[str, str]:
        """Render from the start, opened or collapsed as the user last chose."""
        self._closed = False
        if not self._is_expanded():
            self._renders = None
            self._header_due = False
        else:
            self._open()
        done, tail, _ = self.take(wait=True)
        return done, tail

    def _open(self) -> None:
        self._renders = _Renders(self._offload, "".join(self._parts))
        self._header_due = True


class _WordCounter:
    """Counts words as text arrives in pieces, the same count as `len(whole.split())`."""

    def __init__(self) -> None:
        self.count = 0
        self._in_word = False

    def feed(self, text: str) -> None:
        if not text:
            return
        words = len(text.split())
        if words and self._in_word and not text[0].isspace():
            words -= 1
        self.count += words
        self._in_word = not text[-1].isspace()

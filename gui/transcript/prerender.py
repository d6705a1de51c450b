"""The Markdown of turns about to enter the transcript, rendered ahead a top-level block at a time.

A stored reply of a few KB with code and tables takes Python-Markdown and Pygments some 15-20 ms to render
at once: more than a frame, on the UI thread. Split into its top-level blocks (as a streamed reply is, see
`IncrementalMarkdown`), it renders a few milliseconds at a time over several event-loop passes (a block too
long for that on the markdown worker thread); the joined blocks equal the whole render, and go into the turn
renderer's cache, where building the turn's HTML then finds them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.render.queue import RenderQueue
from gui.transcript.turn_html import TurnHtml

REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
"""A reference-style link definition: it reaches across blocks, so a text holding one is rendered whole."""


class Prerender:
    """Renders texts into a TurnHtml's Markdown cache, one text at a time, a time budget at a time."""

    def __init__(self, html: TurnHtml) -> None:
        self._html = html
        self._text: str | None = None
        """The text being rendered."""
        self._queue: RenderQueue | None = None
        self._parts: list[str] = []

    def ready(self, texts: Sequence[str], deadline: float) -> bool:
        """Render toward `texts` until `deadline` (time.monotonic()); True once all of them are cached."""
        cache = self._html.markdown
        for text in texts:
            if text in cache:
                continue
            if self._text != text:
                self._start(text)
            assert self._queue is not None
            self._parts += [part for part in self._queue.take(deadline) if part]
            if self._queue.pending:
                return False
            # Joined as the whole text's render joins its blocks (and as a streamed reply's are).
            cache.remember(text, "\n".join(self._parts))
            self._text = self._queue = None
        return True

    def _start(self, text: str) -> None:
        self._text, self._parts = text, []
        self._queue = RenderQueue(self._html.live_markdown, self._html.offload)
        if REFERENCE.search(text):
            self._queue.put(text)
            return
        # Python-Markdown loads with the first turn shown, not before the first paint.
        from core.render.markdown import IncrementalMarkdown

        blocks = IncrementalMarkdown(self._html.live_markdown)
        blocks.feed(text)
        for block in blocks.finish_blocks():
            self._queue.put(block)

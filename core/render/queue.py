"""Texts rendered in order, a time budget at a time, so a caller on a UI thread never renders for long.

Short texts are rendered in the caller's thread until its budget is spent; a long one (which could take
longer than the budget by itself) goes to a worker thread as soon as it is queued and is taken once done.
The worker renders with its own renderer: a Markdown converter is not safe to share between threads.

`GroupQueue` is for a streaming text: everything of it is rendered on the worker, the blocks finished since
the last repaint and the unfinished tail together, and taken once done, in order.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future

Offload = Callable[[str], "Future[str]"]
"""Starts rendering a text on a worker thread."""


class RenderQueue:
    def __init__(
        self, render: Callable[[str], str], offload: Offload | None = None, long: int = 4_000
    ) -> None:
        self._render = render
        self._offload = offload
        self._long = long
        self._items: deque[tuple[str, Future[str] | None]] = deque()
        self.chars = 0
        """Characters of the texts queued."""

    @property
    def pending(self) -> bool:
        return bool(self._items)

    def put(self, text: str) -> None:
        future = self._offload(text) if self._offload is not None and len(text) > self._long else None
        self._items.append((text, future))
        self.chars += len(text)

    def take(self, deadline: float | None = None) -> list[str]:
        """The renders of the texts at the head of the queue, in order: as many as are done or can be
        rendered here before `deadline` (time.monotonic(); at least one short text), all of them if None."""
        rendered: list[str] = []
        while self._items:
            text, future = self._items[0]
            if future is not None:
                if deadline is not None and not future.done():
                    break
                rendered.append(future.result())
            else:
                if deadline is not None and rendered and time.monotonic() >= deadline:
                    break
                rendered.append(self._render(text))
            self._items.popleft()
            self.chars -= len(text)
        return rendered


class GroupQueue:
    """A streaming text's renders, all made on a worker thread (the caller's thread renders nothing) and taken
    in order, a group at a time: each group is the blocks that finished since the group before and the
    unfinished tail as it then stood. A group is taken whole once all of it is rendered, so the tail shown
    always continues the blocks shown; a later group's tail supersedes an earlier one's."""

    def __init__(self, offload: Offload) -> None:
        self._offload = offload
        self._groups: deque[tuple[list[Future[str]], Future[str], int]] = deque()
        self.chars = 0
        """Characters of the blocks queued."""

    @property
    def pending(self) -> bool:
        return bool(self._groups)

    def put(self, blocks: list[str], tail: str | None, tail_html: str = "") -> None:
        """Queue the blocks' renders, then the tail's: of the Markdown `tail`, or if None, `tail_html` as it
        is (a plain preview, say)."""
        chars = sum(len(text) for text in blocks)
        futures = [self._offload(text) for text in blocks]
        if tail is not None:
            tail_future = self._offload(tail)
        else:
            tail_future = Future()
            tail_future.set_result(tail_html)
        self._groups.append((futures, tail_future, chars))
        self.chars += chars

    def take(self, wait: bool = False) -> tuple[list[str], str | None]:
        """(the renders of the blocks of the groups done, in order; the tail of the last of them, None if no
        group is done); with `wait`, of all the groups, waiting for them."""
        blocks: list[str] = []
        tail: str | None = None
        while self._groups:
            futures, tail_future, chars = self._groups[0]
            if not wait and not (tail_future.done() and all(future.done() for future in futures)):
                break
            blocks += [future.result() for future in futures]
            tail = tail_future.result()
            self._groups.popleft()
            self.chars -= chars
        return blocks, tail

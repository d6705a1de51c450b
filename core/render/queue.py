"""Texts rendered in order, a time budget at a time, so a caller on a UI thread never renders for long.

Short texts are rendered in the caller's thread until its budget is spent; a long one (which could take
longer than the budget by itself) goes to a worker thread as soon as it is queued and is taken once done.
The worker renders with its own renderer: a Markdown converter is not safe to share between threads.
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

"""A server-sent events decoder that works on bytes, free of any HTTP library.

Lines are split only at CR, LF and CRLF, and only then decoded as UTF-8. Decoding first (as httpx's
`aiter_lines()` does) would also split at U+2028, U+2029 and U+0085, which may appear raw inside a JSON
string, and would cut an event in two. Splitting bytes first also means a chunk boundary inside a multi-byte
character never matters: a line is decoded only once it is complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_END = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class ServerSentEvent:
    event: str | None
    data: str
    id: str | None = None
    retry: int | None = None
    line: int = 0
    """The 1-based line of the stream where this event's data began (else its first field), for errors."""


class SSEDecoder:
    """Feed it bytes as they arrive; it returns the events completed so far (WHATWG event-stream rules)."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._scan_from = 0
        self._skip_leading_lf = False
        self._line_number = 0
        self._reset_event()

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        if self._skip_leading_lf and chunk:
            # A CR ended the previous chunk; an LF opening this one belongs to the same CRLF.
            self._skip_leading_lf = False
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
        self._buffer += chunk
        events: list[ServerSentEvent] = []
        consumed = 0
        for match in _LINE_END.finditer(self._buffer, self._scan_from):
            if match.group() == b"\r" and match.end() == len(self._buffer):
                self._skip_leading_lf = True
            line = bytes(self._buffer[consumed : match.start()])
            consumed = match.end()
            event = self._take_line(line.decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)
        del self._buffer[:consumed]
        self._scan_from = len(self._buffer)
        return events

    def flush(self) -> list[ServerSentEvent]:
        """At the end of the stream: an unterminated last line still counts, and a pending event is sent."""
        events: list[ServerSentEvent] = []
        if self._buffer:
            event = self._take_line(self._buffer.decode("utf-8", errors="replace"))
            self._buffer.clear()
            self._scan_from = 0
            if event is not None:
                events.append(event)
        event = self._take_line("")
        if event is not None:
            events.append(event)
        return events

    @property
    def pending_text(self) -> str:
        """What was received but does not yet form a complete event (for error reports)."""
        fields = "\n".join(self._data)
        return fields + self._buffer.decode("utf-8", errors="replace")

    def _reset_event(self) -> None:
        self._event: str | None = None
        self._data: list[str] = []
        self._id: str | None = None
        self._retry: int | None = None
        self._first_line = 0
        self._data_line = 0

    def _take_line(self, line: str) -> ServerSentEvent | None:
        self._line_number += 1
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if not self._first_line:
            self._first_line = self._line_number
        if name == "data":
            self._data_line = self._data_line or self._line_number
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        if self._event is None and not self._data and self._id is None and self._retry is None:
            self._reset_event()
            return None
        event = ServerSentEvent(
            event=self._event,
            data="\n".join(self._data),
            id=self._id,
            retry=self._retry,
            line=self._data_line or self._first_line,
        )
        self._reset_event()
        return event

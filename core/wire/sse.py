"""A server-sent events decoder that works on bytes, free of any HTTP library.

Lines are split only at CR, LF and CRLF, and only then decoded as UTF-8. Decoding first (as httpx's
`aiter_lines()` does) would also split at U+2028, U+2029 and U+0085, which may appear raw inside a JSON
string, and would cut an event in two. Splitting bytes first also means a chunk boundary inside a multi-byte
character never matters: a line is decoded only once it is complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_END = re.compile("\r\n|\r|\n")
_PLAIN_EVENT = re.compile("(?:event: ?([^\n]*)\n)?data: ?([^\n]*)\n\n")
"""An event as servers write nearly all of them: an optional `event` line, one `data` line, a blank line
(LF line ends). Matched whole, such an event skips the per-line work: most of the decoder's cost per event."""


@dataclass(slots=True)
class ServerSentEvent:
    # Not frozen: one is built per event, and a frozen dataclass costs three times as much to build.
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
        self._skip_leading_lf = False
        self._line_number = 0
        self._reset_event()

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        if self._skip_leading_lf and chunk:
            # A CR ended the previous chunk; an LF opening this one belongs to the same CRLF.
            self._skip_leading_lf = False
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
        # Only the new chunk is searched (the buffer holds no line end), so a long line fed in small
        # pieces still costs linear time. The complete lines are decoded in one go: after decoding they
        # are split at CR and LF only (`str.split` and the patterns, not `splitlines`), so U+2028 and
        # friends stay inside.
        if chunk.endswith(b"\n") and not self._buffer:
            complete = chunk  # whole lines, as a server writes them: nothing to cut or join
        else:
            last_end = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
            if last_end < 0:
                self._buffer += chunk
                return []
            complete = chunk[: last_end + 1]
            if self._buffer:
                complete = bytes(self._buffer) + complete
                self._buffer.clear()
            self._buffer += chunk[last_end + 1 :]
            # Only a CR ending the chunk may have its LF in the next one; a CR followed by text here ends its
            # line already, and a next chunk opening with LF ends the line now buffered.
            self._skip_leading_lf = chunk.endswith(b"\r")
        text = complete.decode("utf-8", errors="replace")
        if "\r" in text:
            return self._take_lines(_LINE_END.split(text))
        events: list[ServerSentEvent] = []
        end = 0
        # An event begun in an earlier chunk (a read often ends inside one) is finished line by line, and
        # the events after it are matched whole again: left to the line-by-line path, every later chunk
        # ending inside an event would keep the whole stream there (three times the cost per event).
        while self._first_line and end < len(text):
            line_end = text.index("\n", end)
            event = self._take_line(text[end:line_end])
            end = line_end + 1
            if event is not None:
                events.append(event)
        if not self._first_line:  # between events: plain ones are matched whole
            match = _PLAIN_EVENT.match
            number = self._line_number
            while (plain := match(text, end)) is not None:
                name, data = plain.group(1, 2)
                number += 2 if name is None else 3
                events.append(ServerSentEvent(name, data, None, None, number - 1))
                end = plain.end()
            self._line_number = number
        if end < len(text):
            events += self._take_lines(text[end:].split("\n"))
        return events

    @property
    def between_events(self) -> bool:
        """Nothing is buffered or begun: the next byte fed starts a line and an event."""
        return not self._first_line and not self._buffer and not self._skip_leading_lf

    def count_lines(self, lines: int) -> None:
        """Counts the lines of whole events that the caller read itself instead of feeding them here, so that
        the events fed after them still know their line numbers."""
        self._line_number += lines

    def _take_lines(self, lines: list[str]) -> list[ServerSentEvent]:
        """Lines one by one; the last piece, after the last line end, is empty."""
        events: list[ServerSentEvent] = []
        for line in lines[:-1]:
            event = self._take_line(line)
            if event is not None:
                events.append(event)
        return events

    def flush(self) -> list[ServerSentEvent]:
        """At the end of the stream: an unterminated last line still counts, and a pending event is sent."""
        events: list[ServerSentEvent] = []
        if self._buffer:
            event = self._take_line(self._buffer.decode("utf-8", errors="replace"))
            self._buffer.clear()
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

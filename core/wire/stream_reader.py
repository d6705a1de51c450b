"""Bytes of a reply stream in, updates out: the whole decoding pipeline, with no I/O of its own.

Anthropic streams are read as they are; OpenAI-style chunk streams are translated into Anthropic events
first, so one accumulator and one kind of update serve both styles. `core.api.reply` feeds it from the network
and `core.wire.replay` from a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.model.profile import ApiStyle
from core.wire.accumulate import MessageSnapshot, StreamUpdate, UpdateKind, apply_event
from core.wire.errors import MalformedStreamError, stream_error
from core.wire.openai.compat import ChunkTranslator, is_done_sentinel, parse_openai_error
from core.wire.sse import ServerSentEvent, SSEDecoder

_SHAPE_ERRORS = (TypeError, AttributeError, KeyError, IndexError, ValueError)
"""What a relay's chunk of the wrong shape (a number where a list belongs…) raises in the translator."""


_DECODER = json.JSONDecoder()
_JSON_WHITESPACE = " \t\n\r"

_DELTA_EVENT_LINE = b"event: content_block_delta\ndata: "
_DATA_FIELD = b"data: "
_DELTA_HEAD = b'{"type":"content_block_delta","index":'
_DELTA_FIELDS: tuple[tuple[bytes, UpdateKind], ...] = (
    (b',"delta":{"type":"text_delta","text":"', "text"),
    (b',"delta":{"type":"thinking_delta","thinking":"', "thinking"),
    (b',"delta":{"type":"input_json_delta","partial_json":"', "tool_input"),
)
_DELTA_STARTS = (_DELTA_EVENT_LINE + _DELTA_HEAD, _DATA_FIELD + _DELTA_HEAD)
_DELTA_END = b'"}}\n\n'
"""A delta event as the API writes it (compact JSON, keys in this order), around its index and its string."""
_DELTA_END_SIZE = len(_DELTA_END)
_DELTA_END_AT_LINE_END = _DELTA_END.index(b"\n")
_NOT_PLAIN_IN_JSON_STRINGS = bytes(range(0x20)) + b'"\\'
"""Bytes that a JSON string's contents cannot hold as they are: control characters, a quote, a backslash."""

_EVENTS_READ_AFTER_A_BROKEN_ONE = 8
"""How many events are still read after a malformed one, looking for the error event that says why.

A relay whose upstream is cut mid-event forwards the partial `data:` line without a line end, then writes its
own `ping` and `error` events (LiteLLM closes a stream it could not finish with an `error` event:
BerriAI/litellm#32159); the partial line and the ping merge into one invalid event, and the error event comes
right after. Content after a malformed event is not used: the reply has a hole there."""


@dataclass(slots=True)
class _DeltaShape:
    """Deltas of one block, as the API writes them: all alike up to the string, which `head` ends before."""

    head: bytes
    head_size: int
    kind: UpdateKind
    index: int
    parts: list[str]
    """Where the block keeps what its deltas add."""
    block_type: str
    lines: int
    """Lines per event: 3 with an `event` line, else 2."""


class StreamReader:
    def __init__(self, api_style: ApiStyle, *, request_id: str | None = None) -> None:
        self.request_id = request_id
        self.snapshot: MessageSnapshot | None = None
        self.events_read = 0
        self.warnings: list[str] = []
        """Said while reading, before the end: a malformed event that an error event followed."""
        self._decoder = SSEDecoder()
        self._translator = ChunkTranslator() if api_style == "openai" else None
        self._end_marker = "finish_reason" if api_style == "openai" else "message_stop"
        self._line = 0
        self._translation_warnings: list[str] = []
        self._broken: MalformedStreamError | None = None
        self._read_since_broken = 0
        self._delta_shape: _DeltaShape | None = None

    def feed(self, chunk: bytes) -> list[StreamUpdate]:
        """Raises StreamErrorEvent for an `error` event and MalformedStreamError for a broken stream."""
        if self._translator is not None:
            return [update for sse in self._decoder.feed(chunk) for update in self._take_checked(sse)]
        updates: list[StreamUpdate] = []
        decoder = self._decoder
        size = len(chunk)
        at = 0
        while at < size:
            if decoder.between_events and self._broken is None and self.snapshot is not None:
                at = self._take_deltas(chunk, at, updates)
                if at == size:
                    break
            # Events the decoder reads: up to a blank line (which ends an event, or the one a previous read
            # began) followed by what may be a delta, so that deltas are again read straight from the bytes.
            cut = chunk.find(b"\n\n", at)
            while cut >= 0 and not chunk.startswith(_DELTA_STARTS, cut + 2):
                cut = chunk.find(b"\n\n", cut + 2)
            cut = size if cut < 0 else cut + 2
            self._take_events(decoder.feed(chunk[at:cut] if at or cut < size else chunk), updates)
            at = cut
        return updates

    def _take_deltas(self, chunk: bytes, at: int, updates: list[StreamUpdate]) -> int:
        """Reads the text, thinking and tool-input deltas that begin at `at`, as the API writes them, straight
        from the bytes; returns where the first other event begins (or the chunk's end).

        Nearly every event of a reply is one of these, and read this way one costs a fraction of what the
        decoder, the JSON parser and the reducer take for it (bench/stream_processing.py): no lines, no
        ServerSentEvent, no dicts, and the bytes before the string (the same for every delta of a block)
        compared in one go. Only that exact shape is taken; whatever else, or a delta the reducer would
        refuse or warn about, is left to the general path, so what comes out is the same either way
        (tests/core/wire/test_delta_bytes.py)."""
        size = len(chunk)
        lines = taken = 0
        shape = self._delta_shape
        while at < size:
            if shape is None or not chunk.startswith(shape.head, at):
                shape = self._shape_at(chunk, at)
                if shape is None:
                    break
                self._delta_shape = shape
            value_at = at + shape.head_size
            # The data line's end, then the delta's: searching for the delta's end alone could run past a
            # line of another shape to the far end of a long chunk, again for each such line.
            end = chunk.find(b"\n", value_at) - _DELTA_END_AT_LINE_END
            if end < value_at or not chunk.startswith(_DELTA_END, end):
                break
            raw = chunk[value_at:end]
            if raw.translate(None, _NOT_PLAIN_IN_JSON_STRINGS) == raw:
                value = raw.decode("utf-8", errors="replace")
            else:
                escaped = _json_string(raw)  # None when a line end, a quote or a bad escape is in it
                if escaped is None:
                    break
                value = escaped
            shape.parts.append(value)
            updates.append(StreamUpdate(shape.kind, shape.index, value, shape.block_type))
            lines += shape.lines
            taken += 1
            at = end + _DELTA_END_SIZE
        self.events_read += taken
        self._decoder.count_lines(lines)
        return at

    def _shape_at(self, chunk: bytes, at: int) -> _DeltaShape | None:
        """The shape of the delta event beginning at `at`, if it is one the general path would take without
        a word: its block has begun and is of the delta's kind."""
        if chunk.startswith(_DELTA_EVENT_LINE, at):
            data_at = at + len(_DELTA_EVENT_LINE)
        elif chunk.startswith(_DATA_FIELD, at):
            data_at = at + len(_DATA_FIELD)
        else:
            return None
        if not chunk.startswith(_DELTA_HEAD, data_at):
            return None
        digits_at = data_at + len(_DELTA_HEAD)
        comma = chunk.find(b",", digits_at, digits_at + 12)
        digits = chunk[digits_at:comma]
        if comma < 0 or not digits.isdigit() or (digits[0] == ord("0") and len(digits) > 1):
            return None  # not a JSON number (no leading zeros) or not a whole one
        assert self.snapshot is not None
        block = self.snapshot.blocks.get(int(digits))
        if block is None:
            return None
        lines = 3 if data_at > at + len(_DATA_FIELD) else 2
        for field, kind in _DELTA_FIELDS:
            if not chunk.startswith(field, comma):
                continue
            head = chunk[at : comma + len(field)]
            if kind == "tool_input":
                if "input" not in block.start:
                    return None
                return _DeltaShape(head, len(head), kind, int(digits), block.json_parts, block.type, lines)
            if block.type != kind:
                return None
            return _DeltaShape(head, len(head), kind, int(digits), block.parts, kind, lines)
        return None

    def _take_events(self, events: list[ServerSentEvent], updates: list[StreamUpdate]) -> None:
        for sse in events:
            if self._broken is not None:
                updates += self._after_broken(sse)
                continue
            self.events_read += 1
            self._line = sse.line
            if not sse.data:
                continue
            try:
                updates.append(self._apply(self._parse(sse)))
            except MalformedStreamError as broken:
                self._broken = broken

    def finish(self) -> tuple[list[StreamUpdate], list[str]]:
        """At the end of the bytes: the last updates, and warnings. Raises if the reply is incomplete."""
        updates = [update for sse in self._decoder.flush() for update in self._take_checked(sse)]
        if self._broken is not None:
            raise self._broken
        updates += self._finish_translation()
        return updates, self._check_complete()

    @property
    def broken(self) -> MalformedStreamError | None:
        """The malformed event being held while the next few are searched for an error event."""
        return self._broken

    def _take_checked(self, sse: ServerSentEvent) -> list[StreamUpdate]:
        """`_take`, except that a malformed event is held while the next few are searched for an error."""
        if self._broken is not None:
            return self._after_broken(sse)
        try:
            return self._take(sse)
        except MalformedStreamError as broken:
            self._broken = broken
            return []

    def _after_broken(self, sse: ServerSentEvent) -> list[StreamUpdate]:
        assert self._broken is not None
        self._read_since_broken += 1
        data = _json_object(sse.data)
        is_error = data is not None and (
            data.get("type") == "error" or sse.event == "error" or isinstance(data.get("error"), (dict, str))
        )
        if is_error and data is not None:
            self.warnings.append(f"{self._broken.message} The server's error event came next: it says why.")
            if self._translator is not None:
                error_type, message = parse_openai_error(data)
                data = {"type": "error", "error": {"type": error_type, "message": message}}
            raise stream_error(data, request_id=self.request_id)
        if self._read_since_broken >= _EVENTS_READ_AFTER_A_BROKEN_ONE:
            raise self._broken
        return []

    def _take(self, sse: ServerSentEvent) -> list[StreamUpdate]:
        self.events_read += 1
        self._line = sse.line
        if self._translator is not None and is_done_sentinel(sse.data):
            return self._finish_translation()
        if not sse.data:
            return []
        data = self._parse(sse)
        if self._translator is None:
            return [self._apply(data)]
        if isinstance(data.get("error"), dict):
            raise stream_error(data, request_id=self.request_id)
        try:
            events = self._translator.feed(data)
        except _SHAPE_ERRORS:
            raise self._malformed(
                f"the chunk is not shaped like a chat completion chunk: {sse.data[:200]}"
            ) from None
        return [self._apply(event) for event in events]

    def _parse(self, sse: ServerSentEvent) -> dict[str, Any]:
        text = sse.data
        # `json.loads(text)` at a third of its cost: `loads` is three Python calls deep, `raw_decode` one.
        # What `raw_decode` does not take whole (leading whitespace, extra data, an error) `loads` decides.
        try:
            data, end = _DECODER.raw_decode(text)
            whole = end == len(text) or not text[end:].strip(_JSON_WHITESPACE)
        except ValueError:
            whole = False
        if not whole:
            try:
                data = json.loads(text)
            except ValueError:
                raise self._malformed(f"the data is not valid JSON: {text[:200]}") from None
        if not isinstance(data, dict):
            raise self._malformed("the data is not a JSON object.")
        if "type" not in data and sse.event and self._translator is None:
            # The event name is the type; a relay that leaves it out of the data still says it here.
            data["type"] = sse.event
        return data

    def _apply(self, event: dict[str, Any]) -> StreamUpdate:
        try:
            self.snapshot, update = apply_event(self.snapshot, event)
        except MalformedStreamError as exc:
            raise self._malformed(exc.message) from None
        if update.kind == "error":
            raise stream_error(event, request_id=self.request_id)
        return update

    def _finish_translation(self) -> list[StreamUpdate]:
        if self._translator is None:
            return []
        translator, self._translator = self._translator, None
        try:
            events = translator.finish()
        except _SHAPE_ERRORS:
            raise self._malformed("the chunks do not add up to a chat completion.") from None
        updates = [self._apply(event) for event in events]
        self._translation_warnings = translator.warnings
        return updates

    def _check_complete(self) -> list[str]:
        if self.snapshot is None:
            raise MalformedStreamError(
                "The stream ended before any message began.", request_id=self.request_id
            )
        warnings = self.snapshot.warnings + self._translation_warnings
        if self.snapshot.stopped:
            return warnings
        if self.snapshot.stop_reason is not None:
            return [*warnings, "The stream ended without message_stop, after the reply was complete."]
        raise MalformedStreamError(
            f"The stream ended before the reply was complete (no {self._end_marker}).",
            request_id=self.request_id,
        )

    def _malformed(self, what: str) -> MalformedStreamError:
        return MalformedStreamError(
            f"Line {self._line} of the stream: {what}", line=self._line, request_id=self.request_id
        )


def _json_object(data: str) -> dict[str, Any] | None:
    try:
        parsed = json.loads(data)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) else None


def _json_string(contents: bytes) -> str | None:
    """The contents of a JSON string (what is between its quotes) decoded, escapes and all, as `json.loads`
    would; None unless they make exactly one valid string."""
    text = '"' + contents.decode("utf-8", errors="replace") + '"'
    try:
        value, end = _DECODER.raw_decode(text)
    except ValueError:
        return None
    return value if end == len(text) and isinstance(value, str) else None

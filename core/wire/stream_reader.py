"""Bytes of a reply stream in, updates out: the whole decoding pipeline, with no I/O of its own.

Anthropic streams are read as they are; OpenAI-style chunk streams are translated into Anthropic events
first, so one accumulator and one kind of update serve both styles. `core.api.reply` feeds it from the network
and `core.wire.replay` from a file.
"""

from __future__ import annotations

import json
from typing import Any

from core.model.profile import ApiStyle
from core.wire.accumulate import MessageSnapshot, StreamUpdate, apply_event
from core.wire.errors import MalformedStreamError, stream_error
from core.wire.openai.compat import ChunkTranslator, is_done_sentinel, parse_openai_error
from core.wire.sse import ServerSentEvent, SSEDecoder

_SHAPE_ERRORS = (TypeError, AttributeError, KeyError, IndexError, ValueError)
"""What a relay's chunk of the wrong shape (a number where a list belongs…) raises in the translator."""


_DECODER = json.JSONDecoder()
_JSON_WHITESPACE = " \t\n\r"

_EVENTS_READ_AFTER_A_BROKEN_ONE = 8
"""How many events are still read after a malformed one, looking for the error event that says why.

A relay whose upstream is cut mid-event forwards the partial `data:` line without a line end, then writes its
own `ping` and `error` events (LiteLLM closes a stream it could not finish with an `error` event:
BerriAI/litellm#32159); the partial line and the ping merge into one invalid event, and the error event comes
right after. Content after a malformed event is not used: the reply has a hole there."""


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

    def feed(self, chunk: bytes) -> list[StreamUpdate]:
        """Raises StreamErrorEvent for an `error` event and MalformedStreamError for a broken stream."""
        events = self._decoder.feed(chunk)
        if self._translator is not None:
            return [update for sse in events for update in self._take_checked(sse)]
        # An Anthropic stream: `_take_checked` and `_take` unrolled, since this runs for every event.
        updates: list[StreamUpdate] = []
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
        return updates

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

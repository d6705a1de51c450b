"""Fuzzing the accumulator: any sequence of events gives a snapshot that reads as a message, or a
MalformedStreamError; nothing else is ever raised."""

from __future__ import annotations

from typing import Any

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from core.wire.accumulate import MessageSnapshot, apply_event
from core.wire.errors import MalformedStreamError

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_INDEX = st.one_of(st.integers(min_value=-1, max_value=3), _JSON)
_BLOCK = st.one_of(
    st.fixed_dictionaries({"type": st.just("text"), "text": st.text(max_size=8)}),
    st.fixed_dictionaries({"type": st.just("thinking"), "thinking": st.text(max_size=8)}),
    st.fixed_dictionaries(
        {
            "type": st.just("tool_use"),
            "id": st.text(max_size=4),
            "name": st.text(max_size=4),
            "input": st.just({}),
        }
    ),
    st.fixed_dictionaries({"type": st.just("redacted_thinking"), "data": st.text(max_size=8)}),
    st.dictionaries(st.text(max_size=6), _JSON, max_size=3),
)
_DELTA = st.one_of(
    st.fixed_dictionaries({"type": st.just("text_delta"), "text": _JSON}),
    st.fixed_dictionaries({"type": st.just("thinking_delta"), "thinking": _JSON}),
    st.fixed_dictionaries({"type": st.just("signature_delta"), "signature": _JSON}),
    st.fixed_dictionaries(
        {
            "type": st.just("input_json_delta"),
            "partial_json": st.sampled_from(['{"a": 1', "}", '{"city": "Par', "", "[", "null"]),
        }
    ),
    st.fixed_dictionaries({"type": st.just("citations_delta"), "citation": _JSON}),
    _JSON,
)
_USAGE = st.one_of(
    st.dictionaries(st.sampled_from(["input_tokens", "output_tokens", "cache_read_input_tokens"]), _JSON),
    _JSON,
)
_MESSAGE = st.one_of(
    st.fixed_dictionaries(
        {
            "id": st.text(max_size=5),
            "model": st.text(max_size=5),
            "content": st.lists(_BLOCK | _JSON, max_size=2),
        },
        optional={"usage": _USAGE, "stop_reason": _JSON},
    ),
    _JSON,
)
EVENTS = st.one_of(
    st.fixed_dictionaries({"type": st.just("message_start"), "message": _MESSAGE}),
    st.fixed_dictionaries({"type": st.just("content_block_start"), "index": _INDEX, "content_block": _BLOCK}),
    st.fixed_dictionaries({"type": st.just("content_block_delta"), "index": _INDEX, "delta": _DELTA}),
    st.fixed_dictionaries({"type": st.just("content_block_stop"), "index": _INDEX}),
    st.fixed_dictionaries({"type": st.just("message_delta"), "delta": _JSON}, optional={"usage": _USAGE}),
    st.fixed_dictionaries({"type": st.sampled_from(["message_stop", "ping", "error", "future_event"])}),
    st.dictionaries(st.text(max_size=6), _JSON, max_size=3),
)


_GOOD_START: dict[str, Any] = {
    "type": "message_start",
    "message": {"id": "msg_1", "model": "m", "content": [], "usage": {}},
}
FIRST = st.one_of(
    st.just(_GOOD_START),
    st.fixed_dictionaries({"type": st.just("message_start"), "message": _MESSAGE}),
    EVENTS,
)

FAST_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
"""No explain phase: it can take a minute on a failure, for a hint the shrunk example already gives."""


@settings(max_examples=200, deadline=None, phases=FAST_PHASES)
@given(FIRST, st.lists(EVENTS, max_size=15))
def test_any_events_give_a_message_or_a_malformed_stream_error(first: dict, events: list) -> None:
    snapshot: MessageSnapshot | None = None
    for event in [first, *events]:
        try:
            snapshot, _update = apply_event(snapshot, event)
        except MalformedStreamError as error:
            assert error.message
            break
    if snapshot is not None:
        message = snapshot.to_message()
        assert isinstance(message.content, list)
        assert all(isinstance(block, dict) for block in message.content)
        message.to_api()
        assert isinstance(message.usage.input_tokens, int) and isinstance(message.usage.output_tokens, int)

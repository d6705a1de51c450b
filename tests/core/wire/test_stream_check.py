"""The strict stream checker: the documented samples pass, and every rule fires on a stream that breaks it."""

import json
from collections.abc import Callable
from typing import Any

import pytest

from core.wire.sse import SSEDecoder
from core.wire.stream_check import StreamCheck, check_stream
from tests.sse_samples import SAMPLES, sample_bytes

Event = dict[str, Any]


def pairs_of(stream: bytes) -> list[tuple[str | None, Event]]:
    decoder = SSEDecoder()
    events = decoder.feed(stream) + decoder.flush()
    return [(event.event, json.loads(event.data)) for event in events if event.data]


def named(events: list[Event]) -> list[tuple[str | None, Event]]:
    return [(event.get("type"), event) for event in events]


def violations(check: StreamCheck) -> list[str]:
    return [violation.message for violation in check.violations]


def start(index: int, block_type: str = "text") -> Event:
    blocks = {
        "text": {"type": "text", "text": ""},
        "thinking": {"type": "thinking", "thinking": "", "signature": ""},
        "tool_use": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}},
        "web_search_tool_result": {
            "type": "web_search_tool_result",
            "tool_use_id": "srvtoolu_1",
            "content": [],
        },
    }
    return {"type": "content_block_start", "index": index, "content_block": blocks[block_type]}


def delta(index: int, delta_type: str, **payload: Any) -> Event:
    return {"type": "content_block_delta", "index": index, "delta": {"type": delta_type, **payload}}


def stop(index: int) -> Event:
    return {"type": "content_block_stop", "index": index}


MESSAGE_START = {
    "type": "message_start",
    "message": {"id": "msg_1", "type": "message", "role": "assistant", "content": [], "model": "m"},
}
MESSAGE_DELTA = {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 3}}
MESSAGE_STOP = {"type": "message_stop"}
PING = {"type": "ping"}


def valid_stream() -> list[Event]:
    return [
        MESSAGE_START,
        start(0),
        delta(0, "text_delta", text="Hi"),
        stop(0),
        start(1, "tool_use"),
        delta(1, "input_json_delta", partial_json=""),
        delta(1, "input_json_delta", partial_json='{"a":'),
        delta(1, "input_json_delta", partial_json=" 1}"),
        stop(1),
        MESSAGE_DELTA,
        MESSAGE_STOP,
    ]


@pytest.mark.parametrize(
    "name",
    [
        "docs-basic-text.sse",
        "docs-thinking-signature.sse",
        "docs-tool-use-input-json-delta.sse",
        "docs-error-event-overloaded.sse",
        "docs-web-search-server-tool.sse",
    ],
)
def test_documented_samples_are_valid(name: str) -> None:
    check = check_stream(pairs_of(sample_bytes(name)))
    assert check.valid, check.violations
    assert check.notices == []


def test_web_search_sample_with_only_the_elided_lines_removed_still_shows_the_docs_gap() -> None:
    """The docs skip blocks 4-16 and close the last text block as 17: removing two lines cannot hide that."""
    lines = (SAMPLES / "docs-web-search-server-tool.sse").read_bytes().split(b"\n")[1:]
    kept = [line for line in lines if line.strip() != b"..." and b",...]" not in line]
    assert len(kept) == len(lines) - 2
    assert violations(check_stream(pairs_of(b"\n".join(kept)))) == [
        "content_block_stop for block 2, which never started.",
        "Block 3 started where block 2 was due.",
        "content_block_stop for block 17, which never started.",
        "Block 3 was never stopped.",
    ]


def test_a_hand_built_stream_with_every_block_kind_is_valid() -> None:
    events = [
        PING,
        MESSAGE_START,
        start(0, "thinking"),
        delta(0, "thinking_delta", thinking="hmm"),
        delta(0, "signature_delta", signature="sig"),
        stop(0),
        start(1),
        delta(1, "text_delta", text="See"),
        delta(1, "citations_delta", citation={"type": "char_location"}),
        stop(1),
        start(2, "web_search_tool_result"),
        stop(2),
        PING,
        MESSAGE_DELTA,
        MESSAGE_DELTA,
        MESSAGE_STOP,
        PING,
    ]
    assert check_stream(named(events)) == StreamCheck()


def test_an_error_may_end_the_stream_anywhere() -> None:
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    assert check_stream(named([*valid_stream()[:3], error])).valid


def replace(position: int, event: Event) -> Callable[[list[Event]], list[Event]]:
    return lambda events: [*events[:position], event, *events[position + 1 :]]


def insert(position: int, event: Event) -> Callable[[list[Event]], list[Event]]:
    return lambda events: [*events[:position], event, *events[position:]]


def drop(position: int) -> Callable[[list[Event]], list[Event]]:
    return lambda events: events[:position] + events[position + 1 :]


BROKEN = {
    "no message_start first": (
        drop(0),
        ["content_block_start came before message_start.", "The stream has no message_start."],
    ),
    "second message_start": (insert(4, MESSAGE_START), ["A second message_start."]),
    "no message_stop": (drop(10), ["The stream ended without message_stop."]),
    "message_stop twice": (insert(11, MESSAGE_STOP), ["message_stop came after message_stop"]),
    "event after message_stop": (insert(11, start(2)), ["content_block_start came after message_stop"]),
    "first index not 0": (
        lambda events: [MESSAGE_START, start(1), stop(1), MESSAGE_DELTA, MESSAGE_STOP],
        ["Block 1 started where block 0 was due."],
    ),
    "index skipped": (
        replace(4, start(2, "tool_use")),
        [
            "Block 2 started where block 1 was due.",
            *["content_block_delta for block 1, which never started."] * 3,
            "content_block_stop for block 1, which never started.",
            "Block 2 was never stopped.",
        ],
    ),
    "block started twice": (insert(3, start(0)), ["Block 0 started a second time."]),
    "delta before start": (
        lambda events: [MESSAGE_START, delta(0, "text_delta", text="x"), MESSAGE_DELTA, MESSAGE_STOP],
        ["content_block_delta for block 0, which never started."],
    ),
    "delta after stop": (insert(4, delta(0, "text_delta", text="x")), ["block 0, which had already stopped"]),
    "stopped twice": (insert(4, stop(0)), ["content_block_stop for block 0, which had already stopped."]),
    "never stopped": (drop(8), ["Block 1 was never stopped."]),
    "never stopped, no end": (
        lambda events: events[:3],
        ["Block 0 was never stopped.", "without message_stop"],
    ),
    "text_delta in a tool_use block": (
        replace(5, delta(1, "text_delta", text="x")),
        ["A text_delta in block 1, which is a tool_use block."],
    ),
    "input_json_delta in a text block": (
        replace(2, delta(0, "input_json_delta", partial_json="{}")),
        ["A input_json_delta in block 0, which is a text block."],
    ),
    "signature_delta in a text block": (
        replace(2, delta(0, "signature_delta", signature="s")),
        ["A signature_delta in block 0, which is a text block."],
    ),
    "citations_delta in a tool_use block": (
        replace(5, delta(1, "citations_delta", citation={})),
        ["A citations_delta in block 1, which is a tool_use block."],
    ),
    "thinking_delta in a text block": (
        replace(2, delta(0, "thinking_delta", thinking="x")),
        ["A thinking_delta in block 0, which is a text block."],
    ),
    "delta without its payload": (replace(2, delta(0, "text_delta")), ["has no str text"]),
    "delta without a delta object": (
        replace(2, {"type": "content_block_delta", "index": 0}),
        ["has no delta object"],
    ),
    "input JSON invalid": (drop(7), ['The input JSON of block 1 is not valid JSON: {"a":']),
    "input JSON not an object": (
        lambda events: [*events[:5], delta(1, "input_json_delta", partial_json="[1]"), *events[8:]],
        ["The input JSON of block 1 is not a JSON object: [1]"],
    ),
    "no message_delta": (drop(9), ["message_stop came without any message_delta before it."]),
    "content after message_delta": (
        lambda events: [*events[:10], start(2), stop(2), MESSAGE_STOP],
        ["content_block_start came after message_delta.", "content_block_stop came after message_delta."],
    ),
    "block open at message_delta": (
        lambda events: [*events[:8], MESSAGE_DELTA, stop(1), MESSAGE_STOP],
        ["Block 1 was never stopped.", "content_block_stop came after message_delta."],
    ),
    "bad index": (
        replace(3, {"type": "content_block_stop", "index": "0"}),
        ["no valid index: '0'", "Block 0"],
    ),
    "start without content_block": (
        replace(1, {"type": "content_block_start", "index": 0}),
        ["has no content_block", "never started", "never started", "Block 1 started where block 0"],
    ),
    "message_start without message": (replace(0, {"type": "message_start"}), ["has no message object"]),
    "message_delta without delta": (replace(9, {"type": "message_delta"}), ["has no delta object"]),
    "event after an error": (
        insert(3, {"type": "error", "error": {"type": "api_error", "message": "x"}}),
        ["content_block_stop came after the error event"],
    ),
    "error without a type": (
        lambda events: [{"type": "error", "error": {"message": "x"}}],
        ["The error event has no error object with a type."],
    ),
    "error without a message": (
        lambda events: [{"type": "error", "error": {"type": "api_error"}}],
        ["The error event has no message."],
    ),
    "empty stream": (lambda events: [], ["The stream has no message_start."]),
}


@pytest.mark.parametrize("case", BROKEN)
def test_each_rule_fires(case: str) -> None:
    """Each expected fragment matches one violation, in order, and nothing else is reported."""
    mutate, expected = BROKEN[case]
    found = violations(check_stream(named(mutate(valid_stream()))))
    assert len(found) == len(expected), found
    for message, fragment in zip(found, expected, strict=True):
        assert fragment in message


def test_event_names_must_match_the_data_type() -> None:
    events = named(valid_stream())
    events[2] = ("content_block_start", events[2][1])
    events[3] = (None, events[3][1])
    events[4] = ("content_block_start", {"index": 1})
    check = check_stream(events)
    assert [(v.position, v.message) for v in check.violations] == [
        (2, 'The event is named "content_block_start" but its data has type "content_block_delta".'),
        (3, 'The content_block_stop event has no "event:" name; the official SDK would drop it.'),
        (4, "The event data has no type."),
        (5, "content_block_delta for block 1, which never started."),
        (6, "content_block_delta for block 1, which never started."),
        (7, "content_block_delta for block 1, which never started."),
        (8, "content_block_stop for block 1, which never started."),
    ]


def test_unknown_types_are_notices_not_violations() -> None:
    events = valid_stream()
    events[5:5] = [{"type": "content_block_wobble", "index": 1}]
    events[3:3] = [delta(0, "sparkle_delta", sparkle=1)]
    check = check_stream(named(events))
    assert check.valid
    assert [(n.position, n.message) for n in check.notices] == [
        (3, 'Unknown delta type "sparkle_delta" in block 0; it was not checked.'),
        (6, 'Unknown event type "content_block_wobble"; it was not checked.'),
    ]


def test_an_unknown_block_type_is_a_notice_and_its_deltas_are_not_judged() -> None:
    events = [
        MESSAGE_START,
        {"type": "content_block_start", "index": 0, "content_block": {"type": "hologram"}},
        delta(0, "text_delta", text="x"),
        stop(0),
        MESSAGE_DELTA,
        MESSAGE_STOP,
    ]
    check = check_stream(named(events))
    assert check.valid
    assert [n.message for n in check.notices] == [
        'Block 0 has the unknown type "hologram"; its deltas were not checked.'
    ]


def test_positions_at_the_end_count_the_events() -> None:
    check = check_stream(named(valid_stream()[:-1]))
    assert [(v.position, v.message) for v in check.violations] == [
        (10, "The stream ended without message_stop.")
    ]

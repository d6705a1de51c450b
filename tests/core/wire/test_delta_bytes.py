"""Deltas read straight from the bytes (StreamReader's shortcut for the API's own shape) come out exactly as
the general path (decoder, JSON, reducer) makes them: the same updates, message, warnings, errors and line
numbers, whatever the chunking.

The general path is the reference: the same stream with CRLF line ends reads the same lines and events, and
the shortcut never takes CRLF events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model.profile import ApiStyle
from core.wire.errors import MalformedStreamError, StreamErrorEvent
from core.wire.stream_reader import StreamReader
from tests.core.wire.test_fuzz_sse import FAST_PHASES, cut

START = (
    b'event: message_start\ndata: {"type":"message_start","message":{"id":"m","model":"x","content":[],'
    b'"usage":{"input_tokens":1,"output_tokens":0}}}\n\n'
)
BLOCKS = (
    b'event: content_block_start\ndata: {"type":"content_block_start","index":0,'
    b'"content_block":{"type":"text","text":""}}\n\n'
    b'event: content_block_start\ndata: {"type":"content_block_start","index":1,'
    b'"content_block":{"type":"thinking","thinking":""}}\n\n'
    b'event: content_block_start\ndata: {"type":"content_block_start","index":2,'
    b'"content_block":{"type":"tool_use","id":"t","name":"f","input":{}}}\n\n'
)
END = (
    b'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},'
    b'"usage":{"output_tokens":3}}\n\n'
    b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
)
KINDS = [
    (b"text_delta", b"text"),
    (b"thinking_delta", b"thinking"),
    (b"input_json_delta", b"partial_json"),
    (b"citations_delta", b"citation"),
    (b"text_delta", b"thinking"),  # the key of another kind
]
STRINGS = st.sampled_from(
    [
        b"",
        b"plain words",
        "über café 東京 😀 \u2028".encode(),
        b'say \\"hi\\"\\n\\ttab \\\\ \\/ \\u00e9 \\ud83d\\ude00',
        b"lone \\ud800 surrogate",
        b'{\\"a\\": [1, 2',
        b"\xff\xfe bad utf-8 \xe6\x97",
        b'unescaped " quote',
        b"bad \\x escape",
        b"ends in a backslash \\",
        b"raw \t control",
        b'"}}',
        b"\\u12",
    ]
)


def usually(common: list[bytes], rare: list[bytes]) -> st.SearchStrategy[bytes]:
    """One of `common` three times in four, else one of `rare`."""
    return st.sampled_from(common * len(rare) * 3 + rare * len(common))


@st.composite
def delta(draw: st.DrawFn) -> bytes:
    """A delta event, mostly in the API's own shape, sometimes bent out of it."""
    index = draw(usually([b"0", b"1", b"2"], [b"3", b"00", b"01", b"-1", b"", b"1e0", b"99999999999"]))
    kind, key = draw(st.sampled_from(KINDS))
    value = draw(STRINGS)
    data = delta_data(index, kind, key, value)
    if draw(st.integers(0, 5)) == 0:
        data = data.replace(b",", b", ", 1)  # valid JSON, not the API's compact shape
    field = draw(usually([b"data: "], [b"data:", b"data:  "]))
    event = draw(usually([b"event: content_block_delta\n", b""], [b"event: other\n", b": hi\n"]))
    return event + field + data + b"\n\n"


OTHER = st.sampled_from(
    [
        b'event: ping\ndata: {"type": "ping"}\n\n',
        b'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
        b"data: {not json\n\n",
        b"\n",
        b'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Busy"}}\n\n',
        START,
    ]
)
STREAMS = st.builds(
    lambda head, body, end: head + b"".join(body) + end,
    usually([START + BLOCKS], [START, BLOCKS, b""]),
    st.lists(delta() | delta() | delta() | OTHER, max_size=16),
    st.sampled_from([END, b"", b"data: {"]),
)


@dataclass
class Outcome:
    updates: list[tuple[Any, ...]]
    error: tuple[str, str] | None
    message: dict[str, Any] | None
    warnings: list[str]
    events_read: int


def read(chunks: list[bytes], style: ApiStyle = "anthropic") -> Outcome:
    reader = StreamReader(style)
    updates = []
    error = None
    warnings: list[str] = []
    try:
        for chunk in chunks:
            updates += reader.feed(chunk)
        last, warnings = reader.finish()
        updates += last
    except (MalformedStreamError, StreamErrorEvent) as exc:
        error = (type(exc).__name__, exc.message)
    return Outcome(
        # An error loses the updates of the read it came in, which depend on the chunking.
        updates=[] if error else [(u.kind, u.index, u.text, u.block_type, u.block) for u in updates],
        error=error,
        message=reader.snapshot.to_message().to_api() if reader.snapshot else None,
        warnings=warnings + reader.warnings,
        events_read=reader.events_read,
    )


@settings(max_examples=400, deadline=None, phases=FAST_PHASES)
@given(STREAMS, st.lists(st.integers(min_value=0, max_value=1500), max_size=10))
def test_deltas_read_from_the_bytes_equal_the_general_paths(data: bytes, points: list[int]) -> None:
    reference = read([data.replace(b"\n", b"\r\n")])
    assert read([data]) == reference
    assert read(cut(data, points)) == reference


def test_a_reply_read_a_byte_at_a_time_or_whole_is_the_same() -> None:
    deltas = [
        b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
        b'"delta":{"type":"text_delta","text":"' + piece + b'"}}\n\n'
        for piece in [b"Hello", b", w\\u00f6rld", b"\\n\\n| a |", "東京".encode()]
    ]
    stream = START + BLOCKS + b"".join(deltas) + END
    whole = read([stream])
    assert whole.error is None
    assert whole.message is not None and whole.message["content"][0]["text"] == "Hello, wörld\n\n| a |東京"
    assert read([stream[i : i + 1] for i in range(len(stream))]) == whole
    assert read([stream.replace(b"\n", b"\r\n")]) == whole


def test_an_error_after_deltas_names_the_line_the_general_path_names() -> None:
    delta_event = (
        b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
        b'"delta":{"type":"text_delta","text":"x"}}\n\n'
    )
    stream = START + BLOCKS + delta_event * 5 + b"data: {not json\n\n" + b"data: {}\n\n" * 8
    outcome = read([stream])
    assert outcome.error == (
        "MalformedStreamError",
        "Line 28 of the stream: the data is not valid JSON: {not json",
    )
    assert outcome.events_read == 4 + 5 + 1


def delta_data(index: bytes, kind: bytes, key: bytes, value: bytes) -> bytes:
    """A delta's JSON as the API writes it: compact, its keys in the API's order."""
    return (
        b'{"type":"content_block_delta","index":' + index + b',"delta":{"type":"' + kind + b'","' + key
        + b'":"' + value + b'"}}'
    )  # fmt: skip


def delta_event(index: bytes, kind: bytes, key: bytes, value: bytes) -> bytes:
    return b"event: content_block_delta\ndata: " + delta_data(index, kind, key, value) + b"\n\n"


BENT = [
    delta_event(b"00", b"text_delta", b"text", b"x"),
    delta_event(b"01", b"thinking_delta", b"thinking", b"x"),
    delta_event(b"-1", b"text_delta", b"text", b"x"),
    delta_event(b"", b"text_delta", b"text", b"x"),
    delta_event(b"3", b"text_delta", b"text", b"never started"),
    delta_event(b"1e0", b"thinking_delta", b"thinking", b"x"),
    delta_event(b"1", b"text_delta", b"text", b"text into a thinking block"),
    delta_event(b"0", b"thinking_delta", b"thinking", b"thinking into a text block"),
    delta_event(b"0", b"input_json_delta", b"partial_json", b"json into a text block"),
    delta_event(b"0", b"text_delta", b"thinking", b"the wrong key"),
    delta_event(b"0", b"text_delta", b"text", b'unescaped " quote'),
    delta_event(b"0", b"text_delta", b"text", b"bad \\x escape"),
    delta_event(b"0", b"text_delta", b"text", b"a backslash at the end \\"),
    delta_event(b"0", b"text_delta", b"text", b"a raw \x01 control"),
    delta_event(b"0", b"text_delta", b"text", b"x").replace(b"data: ", b"data:"),
    delta_event(b"0", b"text_delta", b"text", b"x").replace(b",", b", "),
    delta_event(b"0", b"text_delta", b"text", b"x").replace(b"content_block_delta\n", b"other\n"),
    b": a comment\n" + delta_event(b"0", b"text_delta", b"text", b"x"),
]


@pytest.mark.parametrize("bent", BENT)
def test_a_delta_out_of_the_api_shape_is_read_as_the_general_path_reads_it(bent: bytes) -> None:
    good = delta_event(b"0", b"text_delta", b"text", b"ok") + delta_event(
        b"2", b"input_json_delta", b"partial_json", b"{}"
    )
    stream = START + BLOCKS + good + bent + good + END
    reference = read([stream.replace(b"\n", b"\r\n")])
    assert read([stream]) == reference
    half = len(stream) // 2
    assert read([stream[:half], stream[half:]]) == reference

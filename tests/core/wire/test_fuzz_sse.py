"""Fuzzing the SSE decoder: any bytes, cut anywhere, decode to the same events as in one piece, and never
raise; and the whole reader (decoder, OpenAI translation, accumulator) raises only a clear API error."""

from __future__ import annotations

import itertools

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from core.model.profile import ApiStyle
from core.wire.errors import MalformedStreamError, StreamErrorEvent
from core.wire.sse import ServerSentEvent, SSEDecoder
from core.wire.stream_reader import StreamReader

# Pieces that exercise every rule: each line ending, fields with and without a space, comments, UTF-8
# split across chunks, U+2028 (not a line end in SSE), NUL in an id, invalid UTF-8.
_PIECES = st.sampled_from(
    [
        b"\n",
        b"\r",
        b"\r\n",
        b"data: ",
        b"data:",
        b"event: ",
        b"id: ",
        b"retry: 12",
        b": comment",
        b'{"type": "ping"}',
        "é日😀\u2028".encode(),
        b"\x00",
        b"\xff\xfe",
        b"\xe6\x97",
        b":",
        b" ",
    ]
)
STREAMS = st.one_of(
    st.binary(max_size=400), st.lists(_PIECES | st.binary(max_size=6), max_size=60).map(b"".join)
)


def decode(chunks: list[bytes]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush()


def cut(data: bytes, points: list[int]) -> list[bytes]:
    edges = sorted({min(point, len(data)) for point in points})
    bounds = [0, *edges, len(data)]
    return [data[start:end] for start, end in itertools.pairwise(bounds)]


FAST_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
"""No explain phase: it can take a minute on a failure, for a hint the shrunk example already gives."""


@settings(max_examples=200, deadline=None, phases=FAST_PHASES)
@given(STREAMS, st.lists(st.integers(min_value=0, max_value=400), max_size=20))
def test_any_chunking_gives_the_events_of_the_whole_stream(data: bytes, points: list[int]) -> None:
    whole = decode([data])
    assert decode(cut(data, points)) == whole
    assert decode([data[i : i + 1] for i in range(len(data))]) == whole
    for event in whole:
        assert isinstance(event.data, str) and event.line >= 1


@settings(max_examples=100, deadline=None, phases=FAST_PHASES)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=30
        ),
        max_size=10,
    )
)
def test_data_lines_come_back_joined_by_newlines(lines: list[str]) -> None:
    stream = "".join(f"data: {line}\n" for line in lines).encode() + b"\n"
    events = decode([stream])
    if lines:
        assert [event.data for event in events] == ["\n".join(lines)]
    else:
        assert events == []


_FRAMES = st.sampled_from(
    [
        b'event: message_start\ndata: {"type":"message_start","message":{"id":"m","model":"x","content":[],'
        b'"usage":{"input_tokens":1,"output_tokens":0}}}\n\n',
        b'event: content_block_start\ndata: {"type":"content_block_start","index":0,'
        b'"content_block":{"type":"text","text":""}}\n\n',
        b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,'
        b'"delta":{"type":"text_delta","text":"h\xc3\xa9"}}\n\n',
        b'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
        b'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},'
        b'"usage":{"output_tokens":3}}\n\n',
        b'event: message_stop\ndata: {"type":"message_stop"}\n\n',
        b'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Busy"}}\n\n',
        b'data: {"choices":5}\n\n',
        b'data: {"choices":[{"delta":5,"finish_reason":7}]}\n\n',
        b'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":"a",'
        b'"function":{"arguments":5}}]}}]}\n\n',
        b'data: {"choices":[{"index":0,"delta":{"tool_calls":[5]}}],"usage":7}\n\n',
        b'data: {"error":"plain words"}\n\n',
        b'data: {"choices":[],"usage":{"prompt_tokens":"x","completion_tokens":null}}\n\n',
        b'data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n',
        b"data: [DONE]\n\n",
        b"data: {not json\n\n",
        b"data: [1, 2]\n\n",
        b"event: ping\ndata: {}\n\n",
    ]
)


@settings(max_examples=150, deadline=None, phases=FAST_PHASES)
@given(
    st.sampled_from(["anthropic", "openai"]),
    st.lists(_FRAMES | st.binary(max_size=8), max_size=14).map(b"".join),
    st.lists(st.integers(min_value=0, max_value=600), max_size=8),
)
def test_a_reader_fed_any_stream_raises_only_clear_api_errors(
    style: ApiStyle, data: bytes, points: list[int]
) -> None:
    reader = StreamReader(style)
    try:
        for chunk in cut(data, points):
            reader.feed(chunk)
        reader.finish()
    except (MalformedStreamError, StreamErrorEvent) as error:
        assert error.message
    if reader.snapshot is not None:
        reader.snapshot.to_message().to_api()

"""The SSE decoder: WHATWG framing from bytes, whatever the chunking."""

import itertools
import sys
from types import FrameType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from core.wire.sse import ServerSentEvent, SSEDecoder
from tests.paths import RECORDED_STREAMS

SAMPLES = RECORDED_STREAMS


def decode_all(chunks: list[bytes]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush()


def fields(events: list[ServerSentEvent]) -> list[tuple[str | None, str, str | None, int | None]]:
    return [(e.event, e.data, e.id, e.retry) for e in events]


def test_event_and_data_lines_make_one_event() -> None:
    events = decode_all([b'event: ping\ndata: {"type": "ping"}\n\n'])
    assert fields(events) == [("ping", '{"type": "ping"}', None, None)]


def test_comments_are_ignored_and_one_leading_space_is_stripped() -> None:
    events = decode_all([b": keep-alive\ndata:  two spaces\ndata:none\n\n"])
    assert [e.data for e in events] == [" two spaces\nnone"]


def test_crlf_cr_and_lf_all_end_lines() -> None:
    stream = b"event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n"
    assert fields(decode_all([stream])) == [
        ("a", "1", None, None),
        ("b", "2", None, None),
        ("c", "3", None, None),
    ]


def test_crlf_split_across_chunks_is_one_line_end() -> None:
    events = decode_all([b"data: 1\r", b"\n\r", b"\ndata: 2\r\n\r\n"])
    assert [e.data for e in events] == ["1", "2"]


def test_unicode_line_separators_inside_json_do_not_split_the_event() -> None:
    text = '{"text": "a\u2028b\u2029c\u0085d"}'
    events = decode_all([f"event: x\ndata: {text}\n\n".encode()])
    assert [e.data for e in events] == [text]


def test_a_multibyte_character_split_between_chunks_survives() -> None:
    payload = "data: 你好\n\n".encode()
    cut = payload.index("好".encode()) + 1
    assert [e.data for e in decode_all([payload[:cut], payload[cut:]])] == ["你好"]


def test_stream_ending_without_blank_line_still_delivers_the_last_event() -> None:
    assert [e.data for e in decode_all([b"data: last"])] == ["last"]


def test_id_and_retry_fields() -> None:
    events = decode_all([b"id: 7\nretry: 1500\nretry: soon\ndata: x\n\n"])
    assert fields(events) == [(None, "x", "7", 1500)]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert decode_all([b"\n\n\r\n: only a comment\n\n"]) == []


def test_events_know_the_line_their_data_began_on() -> None:
    events = decode_all([b": comment\n\nevent: a\ndata: 1\n\nevent: b\ndata: 2\n\nid: 9\n\n"])
    assert [e.line for e in events] == [4, 7, 9]


def test_a_large_single_line_fed_byte_by_byte_decodes_in_linear_time() -> None:
    data = "x" * 200_000
    payload = f"data: {data}\n\n".encode()
    chunks = [payload[i : i + 7] for i in range(0, len(payload), 7)]
    assert [e.data for e in decode_all(chunks)] == [data]


def test_reads_ending_inside_events_keep_the_events_after_them_matched_whole() -> None:
    # A read of many events nearly always ends inside one (a client behind its server reads 64 KB at a time).
    # The event it cuts is finished line by line; the next ones must be matched whole again, not every line
    # of every later read go through the per-line path (three calls per event, counted here, not timed).
    event = b'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"text":"x"}}\n\n'
    stream = event * 2_000
    chunks = [stream[i : i + 4_096] for i in range(0, len(stream), 4_096)]
    decoder = SSEDecoder()
    calls = 0

    def count(frame: FrameType, kind: str, _arg: Any) -> None:
        nonlocal calls
        calls += kind == "call" and frame.f_code.co_filename.endswith(("sse.py", "<string>"))

    sys.setprofile(count)
    try:
        events = [event for chunk in chunks for event in decoder.feed(chunk)]
    finally:
        sys.setprofile(None)
    assert len(events) == 2_000 and events[-1].line == 3 * 1_999 + 2  # its data line
    # One call per event (building it) and a few per read for the event the read cut.
    assert calls / len(events) < 1.5, f"{calls / len(events):.1f} calls of the decoder per event"


def sample_streams() -> list[bytes]:
    return [path.read_bytes() for path in sorted(SAMPLES.glob("*.sse"))]


def test_every_recorded_sample_decodes_to_events() -> None:
    for stream in sample_streams():
        assert decode_all([stream]), "a sample gave no events"


@st.composite
def chunkings(draw: st.DrawFn) -> tuple[bytes, list[bytes]]:
    stream = draw(st.sampled_from(sample_streams()))
    newline = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    stream = stream.replace(b"\n", newline)
    cuts = sorted(draw(st.lists(st.integers(0, len(stream)), max_size=40)))
    bounds = [0, *cuts, len(stream)]
    return stream, [stream[a:b] for a, b in itertools.pairwise(bounds)]


@given(chunkings())
def test_any_chunking_and_any_line_ending_gives_the_same_events(case: tuple[bytes, list[bytes]]) -> None:
    stream, chunks = case
    whole, pieces = decode_all([stream]), decode_all(chunks)
    assert fields(pieces) == fields(whole)
    assert [e.line for e in pieces] == [e.line for e in whole]


def test_events_matched_whole_equal_events_read_line_by_line() -> None:
    # LF-only text is matched an event at a time where it can be; a CR anywhere makes the decoder go
    # line by line. Both must give the same events, down to the line numbers errors quote.
    mixed = (
        b": hello\n\nevent: a\ndata: 1\n\ndata: 2\n\nevent: b\ndata:3\ndata: 4\n\nevent:c\ndata:  5\n\n"
        b"id: 9\ndata: 6\n\n\n\nevent: d\ndata: \xe2\x80\xa8 \xe4\xbd\xa0\n\nevent: e\n: note\ndata: 7\n\n"
    )
    for stream in [*sample_streams(), mixed]:
        by_line = decode_all([stream.replace(b"\n", b"\r\n")])
        whole = decode_all([stream])
        assert fields(whole) == fields(by_line)
        assert [e.line for e in whole] == [e.line for e in by_line]


@given(
    st.lists(
        st.text(
            alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), max_size=30
        ),
        min_size=1,
        max_size=5,
    )
)
def test_data_round_trips_whatever_the_text(lines: list[str]) -> None:
    payload = "".join(f"data:{line}\n" for line in lines).encode() + b"\n"
    single_bytes = [payload[i : i + 1] for i in range(len(payload))]
    expected = "\n".join(line[1:] if line.startswith(" ") else line for line in lines)
    assert [e.data for e in decode_all(single_bytes)] == [expected]


def test_an_lf_after_a_chunk_whose_cr_is_followed_by_text_ends_that_text() -> None:
    # Found by the chunking property test: the CR inside the first chunk is not one half of a CRLF split
    # across chunks, so the LF opening the second chunk ends the line "data:" that came after it.
    decoder = SSEDecoder()
    events = decoder.feed(b"x\rdata:") + decoder.feed(b"\n\n")
    assert [(event.data, event.line) for event in events] == [("", 2)]

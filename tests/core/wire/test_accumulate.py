"""The stream reducer: the same final message as the official SDK, built in linear time."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.wire.accumulate import accumulate, apply_event
from core.wire.errors import MalformedStreamError
from tests.sdk_reference import sdk_accumulate, without_nones
from tests.sse_samples import ANTHROPIC_SAMPLES, sample_events


def ours(events: list[dict]) -> dict:
    snapshot = None
    for event in events:
        snapshot = accumulate(snapshot, event)
    assert snapshot is not None
    return without_nones(snapshot.to_message().to_api())


def start_event(**message: object) -> dict:
    base = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "m",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 1},
    }
    return {"type": "message_start", "message": base | message}


def text_block(index: int) -> dict:
    return {"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}}


def text_delta(index: int, text: str) -> dict:
    return {"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": text}}


@pytest.mark.parametrize("name", [name for name in ANTHROPIC_SAMPLES if "error" not in name])
def test_recorded_samples_accumulate_exactly_as_the_sdk_does(name: str) -> None:
    events = sample_events(name)
    assert ours(events) == sdk_accumulate(events)


def test_thinking_sample_keeps_text_thinking_and_signature() -> None:
    message = ours(sample_events("docs-thinking-signature.sse"))
    thinking, text = message["content"]
    assert thinking["type"] == "thinking" and thinking["signature"].startswith("EqQBCgIYAhIM")
    assert "GCD(1071, 462) = 21" in thinking["thinking"]
    assert "**21**" in text["text"]


def test_tool_input_arrives_as_parsed_json() -> None:
    message = ours(sample_events("docs-tool-use-input-json-delta.sse"))
    tool = next(block for block in message["content"] if block["type"] == "tool_use")
    assert tool["name"] == "get_weather"
    assert tool["input"] == {"location": "San Francisco, CA"}


def test_web_search_result_block_and_citations_are_kept() -> None:
    message = ours(sample_events("docs-web-search-server-tool.sse"))
    types = [block["type"] for block in message["content"]]
    assert "server_tool_use" in types and "web_search_tool_result" in types
    assert message["content"][-1]["text"].startswith("Here's the current weather")
    assert message["usage"]["server_tool_use"]["web_search_requests"] == 1


def test_error_event_is_recorded_with_the_partial_message() -> None:
    snapshot = None
    for event in sample_events("docs-error-event-overloaded.sse"):
        snapshot = accumulate(snapshot, event)
    assert snapshot is not None and snapshot.error is not None
    assert snapshot.error["error"]["type"] == "overloaded_error"


def test_message_delta_usage_replaces_instead_of_adding() -> None:
    events = [
        start_event(),
        {"type": "message_delta", "delta": {"stop_reason": None}, "usage": {"output_tokens": 5}},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": 9, "input_tokens": 12, "cache_read_input_tokens": 3},
        },
    ]
    message = ours(events)
    assert message["usage"] == {"input_tokens": 12, "output_tokens": 9, "cache_read_input_tokens": 3}
    assert message["stop_reason"] == "end_turn"
    assert message == sdk_accumulate(events)


def test_apply_event_reports_each_delta_for_the_view() -> None:
    snapshot, update = apply_event(None, start_event())
    snapshot, update = apply_event(snapshot, text_block(0))
    assert (update.kind, update.index, update.block_type) == ("block_start", 0, "text")
    snapshot, update = apply_event(snapshot, text_delta(0, "Hi"))
    assert (update.kind, update.text) == ("text", "Hi")
    assert snapshot.block_text(0) == "Hi"


def test_a_delta_for_a_block_that_never_started_is_a_protocol_error() -> None:
    snapshot = accumulate(None, start_event())
    with pytest.raises(MalformedStreamError, match="block 3, which never started"):
        accumulate(snapshot, text_delta(3, "x"))


def test_a_stream_must_begin_with_message_start() -> None:
    with pytest.raises(MalformedStreamError, match='began with "content_block_start"'):
        accumulate(None, text_block(0))


def test_a_second_message_start_is_ignored_with_a_warning() -> None:
    snapshot = accumulate(None, start_event())
    snapshot = accumulate(snapshot, text_block(0))
    snapshot = accumulate(snapshot, text_delta(0, "kept"))
    snapshot = accumulate(snapshot, start_event(id="msg_2"))
    assert snapshot.to_message().text == "kept" and snapshot.to_message().id == "msg_1"
    assert snapshot.warnings


def test_unknown_events_and_mismatched_deltas_are_ignored_safely() -> None:
    snapshot = accumulate(None, start_event())
    snapshot = accumulate(snapshot, {"type": "future_event", "payload": 1})
    snapshot = accumulate(snapshot, text_block(0))
    snapshot = accumulate(
        snapshot,
        {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "x"}},
    )
    assert snapshot.to_message().content == [{"type": "text", "text": ""}]


def test_a_tool_call_cut_mid_input_is_kept_with_what_parsed() -> None:
    snapshot = accumulate(None, start_event())
    snapshot = accumulate(
        snapshot,
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}},
        },
    )
    snapshot = accumulate(
        snapshot,
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "input_json_delta", "partial_json": '{"a": '},
        },
    )
    assert snapshot.to_message().content[0]["input"] == {}


def test_invalid_tool_json_at_block_stop_is_reported() -> None:
    snapshot = accumulate(None, start_event())
    snapshot = accumulate(
        snapshot,
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}},
        },
    )
    snapshot = accumulate(
        snapshot,
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "input_json_delta", "partial_json": '{"a": tru'},
        },
    )
    snapshot = accumulate(snapshot, {"type": "content_block_stop", "index": 0})
    assert any('"f" is not valid JSON' in warning for warning in snapshot.warnings)


@given(st.lists(st.text(max_size=8), max_size=30))
def test_text_is_the_concatenation_of_its_deltas(pieces: list[str]) -> None:
    events = [
        start_event(),
        text_block(0),
        *(text_delta(0, p) for p in pieces),
        {"type": "content_block_stop", "index": 0},
    ]
    message = ours(events)
    assert message["content"][0]["text"] == "".join(pieces)
    assert message == sdk_accumulate(events)


def test_a_citations_delta_without_a_citation_is_ignored_with_a_warning() -> None:
    citation = {"type": "web_search_result_location", "url": "https://example.com", "cited_text": "Sunny"}
    events = [
        {"type": "message_start", "message": {"id": "m", "model": "x", "content": [], "usage": {}}},
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "citations_delta"}},
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "citations_delta", "citation": citation},
        },
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Sunny."}},
        {"type": "content_block_stop", "index": 0},
    ]
    snapshot = None
    for event in events:
        snapshot = accumulate(snapshot, event)
    assert snapshot is not None
    assert snapshot.to_message().content == [{"type": "text", "text": "Sunny.", "citations": [citation]}]
    assert snapshot.warnings == ["A citations_delta without a citation was ignored."]

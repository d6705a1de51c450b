"""OpenAI chunk streams read as Anthropic event streams: valid by the strict checker, and the same reply as
the openai SDK's own accumulation and the anthropic SDK's accumulation of the translated events."""

import json
from typing import Any

import pytest
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletionChunk

from core.wire.accumulate import accumulate
from core.wire.openai.compat import (
    ChunkTranslator,
    convert_chat_completion,
    is_done_sentinel,
    parse_openai_error,
)
from core.wire.stream_check import check_stream
from tests.sdk_reference import sdk_accumulate, without_nones
from tests.sse_samples import SAMPLES

Event = dict[str, Any]


def recorded_chunks() -> list[Event]:
    """The `data:` lines of the recorded OpenAI stream, up to its [DONE]."""
    lines = (SAMPLES / "openai-chat-completion-chunks-with-usage.sse").read_text().splitlines()[1:]
    data = [line.removeprefix("data:").strip() for line in lines if line.startswith("data:")]
    assert is_done_sentinel(data[-1])
    return [json.loads(item) for item in data[:-1]]


def chunk(delta: Event | None = None, finish: str | None = None, **extra: Any) -> Event:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "claude-sonnet-4-6",
        "choices": [{"index": 0, "delta": delta or {}, "finish_reason": finish}],
    } | extra


def usage_chunk(**usage: Any) -> Event:
    return chunk() | {"choices": [], "usage": usage}


def call(index: int | None, arguments: str, id: str | None = None, name: str | None = None) -> Event:
    function = {"arguments": arguments} | ({"name": name} if name else {})
    out = {"function": function} | ({"id": id, "type": "function"} if id else {})
    return out | ({"index": index} if index is not None else {})


def translate(chunks: list[Event]) -> list[Event]:
    translator = ChunkTranslator()
    return [event for item in chunks for event in translator.feed(item)] + translator.finish()


def message_of(events: list[Event]) -> dict[str, Any]:
    snapshot = None
    for event in events:
        snapshot = accumulate(snapshot, event)
    assert snapshot is not None
    return without_nones(snapshot.to_message().to_api())


def openai_final(chunks: list[Event]) -> Any:
    """What the official openai SDK makes of the same chunks."""
    state: ChatCompletionStreamState[None] = ChatCompletionStreamState()
    for item in chunks:
        state.handle_chunk(ChatCompletionChunk.model_validate(item))
    return state.get_final_completion()


def assert_valid(events: list[Event]) -> None:
    check = check_stream([(event["type"], event) for event in events])
    assert check.violations == [] and check.notices == []


def test_the_recorded_stream_becomes_a_valid_anthropic_stream_with_its_text_and_usage() -> None:
    chunks = recorded_chunks()
    events = translate(chunks)
    assert_valid(events)
    message = message_of(events)
    final = openai_final(chunks)
    assert message["content"] == [{"type": "text", "text": final.choices[0].message.content}]
    assert message["content"][0]["text"].startswith("I'm unable to provide real-time updates,")
    assert message["usage"] == {"input_tokens": 14, "output_tokens": 47}
    assert (final.usage.prompt_tokens, final.usage.completion_tokens) == (14, 47)
    assert message["stop_reason"] == "end_turn"
    assert (message["id"], message["model"]) == (
        "chatcmpl-9tXjg9DdaOfymTPDrSLfxslQEH0C2",
        "gpt-4o-2024-08-06",
    )


def test_the_anthropic_sdk_accumulates_the_translated_events_as_we_do() -> None:
    events = translate(recorded_chunks())
    assert message_of(events) == sdk_accumulate(events)


def test_the_event_sequence_of_a_short_reply() -> None:
    chunks = [
        chunk({"role": "assistant", "content": ""}),
        chunk({"content": "Hi"}),
        chunk(finish="stop"),
        usage_chunk(prompt_tokens=5, completion_tokens=1, total_tokens=6),
    ]
    assert [(event["type"], event.get("index")) for event in translate(chunks)] == [
        ("message_start", None),
        ("content_block_start", 0),
        ("content_block_delta", 0),
        ("content_block_stop", 0),
        ("message_delta", None),
        ("message_delta", None),
        ("message_stop", None),
    ]


SPLIT_ARGUMENTS = '{"city": "Zürich", "days": [1, 2]}'


@pytest.mark.parametrize("cut", range(len(SPLIT_ARGUMENTS) + 1))
def test_tool_call_arguments_split_anywhere(cut: int) -> None:
    chunks = [
        chunk({"role": "assistant", "tool_calls": [call(0, "", id="call_a", name="get_weather")]}),
        chunk({"tool_calls": [call(0, SPLIT_ARGUMENTS[:cut])]}),
        chunk({"tool_calls": [call(0, SPLIT_ARGUMENTS[cut:])]}),
        chunk(finish="tool_calls"),
    ]
    events = translate(chunks)
    assert_valid(events)
    message = message_of(events)
    assert message["content"] == [
        {"type": "tool_use", "id": "call_a", "name": "get_weather", "input": json.loads(SPLIT_ARGUMENTS)}
    ]
    assert message["stop_reason"] == "tool_use"


PARALLEL_CALLS = [
    chunk({"role": "assistant", "content": "Checking both."}),
    chunk({"tool_calls": [call(0, "", id="call_a", name="get_weather")]}),
    chunk({"tool_calls": [call(0, '{"ci')]}),
    chunk({"tool_calls": [call(0, 'ty": "Oslo"}')]}),
    chunk({"tool_calls": [call(1, '{"city"', id="call_b", name="get_time")]}),
    chunk({"tool_calls": [call(1, ': "Lima"}')]}),
    chunk(finish="tool_calls"),
    usage_chunk(prompt_tokens=50, completion_tokens=20, total_tokens=70),
]


def test_two_parallel_tool_calls_become_two_sequential_blocks() -> None:
    events = translate(PARALLEL_CALLS)
    assert_valid(events)
    message = message_of(events)
    assert message["content"] == [
        {"type": "text", "text": "Checking both."},
        {"type": "tool_use", "id": "call_a", "name": "get_weather", "input": {"city": "Oslo"}},
        {"type": "tool_use", "id": "call_b", "name": "get_time", "input": {"city": "Lima"}},
    ]
    final = openai_final(PARALLEL_CALLS).choices[0].message
    assert [(c.id, c.function.name, json.loads(c.function.arguments)) for c in final.tool_calls or []] == [
        (block["id"], block["name"], block["input"]) for block in message["content"][1:]
    ]
    assert message_of(events) == sdk_accumulate(events)


def test_tool_calls_without_an_index_are_told_apart_by_their_ids() -> None:
    chunks = [
        chunk({"tool_calls": [call(None, '{"a":', id="call_a", name="f")]}),
        chunk({"tool_calls": [call(None, " 1}")]}),
        chunk({"tool_calls": [call(None, "{}", id="call_b", name="g")]}),
        chunk(finish="tool_calls"),
    ]
    events = translate(chunks)
    assert_valid(events)
    assert [(b["id"], b["input"]) for b in message_of(events)["content"]] == [
        ("call_a", {"a": 1}),
        ("call_b", {}),
    ]


def test_arguments_for_a_call_whose_block_closed_are_reported() -> None:
    translator = ChunkTranslator()
    chunks = [
        chunk({"tool_calls": [call(0, "{}", id="call_a", name="f")]}),
        chunk({"tool_calls": [call(1, "{}", id="call_b", name="g")]}),
        chunk({"tool_calls": [call(0, "late")]}),
        chunk(finish="tool_calls"),
        usage_chunk(prompt_tokens=9, completion_tokens=9),
    ]
    events = [event for item in chunks for event in translator.feed(item)] + translator.finish()
    assert_valid(events)
    assert translator.warnings == ["Arguments of tool call 0 came after its block closed and were lost."]


def test_a_call_without_an_id_gets_one() -> None:
    events = translate([chunk({"tool_calls": [call(0, "{}", name="f")]}), chunk(finish="tool_calls")])
    assert message_of(events)["content"][0]["id"].startswith("call_")


@pytest.mark.parametrize("field", ["reasoning_content", "reasoning"])
def test_relay_reasoning_becomes_a_thinking_block_before_the_text(field: str) -> None:
    chunks = [
        chunk({"role": "assistant", field: "Let me "}),
        chunk({field: "think."}),
        chunk({"content": "Done."}),
        chunk(finish="stop"),
    ]
    events = translate(chunks)
    assert_valid(events)
    assert message_of(events)["content"] == [
        {"type": "thinking", "thinking": "Let me think.", "signature": ""},
        {"type": "text", "text": "Done."},
    ]


@pytest.mark.parametrize(
    ("finish_reason", "stop_reason"),
    [
        ("stop", "end_turn"),
        ("length", "max_tokens"),
        ("tool_calls", "tool_use"),
        ("function_call", "tool_use"),
        ("content_filter", "refusal"),
        ("end_turn", "end_turn"),
        ("something_new", "something_new"),
    ],
)
def test_finish_reasons(finish_reason: str, stop_reason: str) -> None:
    events = translate([chunk({"content": "x"}), chunk(finish=finish_reason)])
    assert message_of(events)["stop_reason"] == stop_reason
    completion = {"choices": [{"message": {"content": "x"}, "finish_reason": finish_reason}]}
    assert convert_chat_completion(completion).stop_reason == stop_reason


def test_cached_prompt_tokens_become_cache_reads_and_leave_input_tokens() -> None:
    usage = {"prompt_tokens": 1000, "completion_tokens": 9, "prompt_tokens_details": {"cached_tokens": 800}}
    events = translate([chunk({"content": "x"}), chunk(finish="stop"), usage_chunk(**usage)])
    expected = {"input_tokens": 200, "output_tokens": 9, "cache_read_input_tokens": 800}
    assert message_of(events)["usage"] == expected
    assert convert_chat_completion({"choices": [], "usage": usage}).usage.to_api() == expected


def test_usage_on_the_finishing_chunk_is_read_too() -> None:
    last = chunk(finish="stop", usage={"prompt_tokens": 3, "completion_tokens": 2})
    events = translate([chunk({"content": "x"}), last])
    assert [event["type"] for event in events].count("message_delta") == 1
    assert message_of(events)["usage"] == {"input_tokens": 3, "output_tokens": 2}


def test_without_a_usage_chunk_usage_stays_zero_and_that_is_reported() -> None:
    translator = ChunkTranslator()
    events = translator.feed(chunk({"content": "x"})) + translator.feed(chunk(finish="stop"))
    events += translator.finish()
    assert_valid(events)
    assert message_of(events)["usage"] == {"input_tokens": 0, "output_tokens": 0}
    assert translator.warnings == [
        "The server sent no token usage, so the token counts and the cost of this reply are unknown."
    ]


def test_a_stream_cut_before_its_finish_reason_is_left_unfinished() -> None:
    events = translate([chunk({"content": "Hal"})])
    assert [event["type"] for event in events] == [
        "message_start",
        "content_block_start",
        "content_block_delta",
    ]
    assert not check_stream([(event["type"], event) for event in events]).valid


def test_the_stop_reason_goes_out_with_the_finish_reason_and_the_usage_follows() -> None:
    """A connection lost between the finish_reason and [DONE] must not lose the stop reason."""
    translator = ChunkTranslator()
    fed = translator.feed(chunk({"content": "x"}, finish="length"))
    assert [event["type"] for event in fed][-2:] == ["content_block_stop", "message_delta"]
    assert fed[-1]["delta"]["stop_reason"] == "max_tokens"
    [usage_delta] = translator.feed(usage_chunk(prompt_tokens=4, completion_tokens=1))
    assert usage_delta["delta"]["stop_reason"] == "max_tokens"
    assert usage_delta["usage"] == {"input_tokens": 4, "output_tokens": 1}
    assert translator.finish() == [{"type": "message_stop"}]
    assert translator.finish() == []
    assert translator.feed(chunk({"content": "more"})) == []
    assert translator.warnings == []


def test_content_after_the_finish_reason_is_left_out_and_reported() -> None:
    translator = ChunkTranslator()
    late = chunk({"content": "late"})
    chunks = [chunk({"content": "x"}, finish="stop"), late, late, usage_chunk(prompt_tokens=1)]
    events = [event for item in chunks for event in translator.feed(item)] + translator.finish()
    assert_valid(events)
    assert message_of(events)["content"] == [{"type": "text", "text": "x"}]
    assert translator.warnings == ["Content that came after the finish_reason was left out."]


def test_an_error_chunk_becomes_an_error_event() -> None:
    translator = ChunkTranslator()
    error = {"error": {"message": "Overloaded", "type": "overloaded_error", "code": None}}
    events = translator.feed(error) + translator.finish()
    assert events == [{"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}]
    assert_valid(events)


def test_a_chunk_for_another_choice_is_ignored() -> None:
    other = chunk({"content": "second choice"}) | {"choices": [{"index": 1, "delta": {"content": "no"}}]}
    events = translate([chunk({"content": "yes"}), other, chunk(finish="stop")])
    assert message_of(events)["content"] == [{"type": "text", "text": "yes"}]


def test_a_whole_chat_completion_becomes_a_message() -> None:
    completion = {
        "id": "chatcmpl-2",
        "object": "chat.completion",
        "model": "claude-sonnet-4-6",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "reasoning_content": "Think.",
                    "content": "Calling.",
                    "tool_calls": [
                        {
                            "id": "call_a",
                            "type": "function",
                            "function": {"name": "f", "arguments": '{"x": 1}'},
                        },
                        {
                            "id": "call_b",
                            "type": "function",
                            "function": {"name": "g", "arguments": "not json"},
                        },
                    ],
                },
                "finish_reason": "tool_calls",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    message = convert_chat_completion(completion)
    assert (message.id, message.model, message.stop_reason) == ("chatcmpl-2", "claude-sonnet-4-6", "tool_use")
    assert message.content == [
        {"type": "thinking", "thinking": "Think.", "signature": ""},
        {"type": "text", "text": "Calling."},
        {"type": "tool_use", "id": "call_a", "name": "f", "input": {"x": 1}},
        {"type": "tool_use", "id": "call_b", "name": "g", "input": {}},
    ]
    assert (message.usage.input_tokens, message.usage.output_tokens) == (10, 5)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"error": {"message": "Bad key", "type": "authentication_error", "code": None}},
            ("authentication_error", "Bad key"),
        ),
        (
            {"error": {"message": "Slow down", "type": None, "code": "rate_limit"}},
            ("rate_limit", "Slow down"),
        ),
        ({"error": {"message": "Oops"}}, ("api_error", "Oops")),
        ({"error": "plain words"}, ("api_error", "plain words")),
        ({"detail": "not this shape"}, ("api_error", "The server reported an error without describing it.")),
        ("not even an object", ("api_error", "The server reported an error without describing it.")),
    ],
)
def test_parse_openai_error(body: object, expected: tuple[str, str]) -> None:
    assert parse_openai_error(body) == expected


@pytest.mark.parametrize(
    ("data", "done"), [("[DONE]", True), (" [DONE]\n", True), ("{}", False), ("", False)]
)
def test_done_sentinel(data: str, done: bool) -> None:
    assert is_done_sentinel(data) is done

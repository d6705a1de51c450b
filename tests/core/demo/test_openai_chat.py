"""/v1/chat/completions renders the same scripts as OpenAI chunks, the way relays send Claude replies."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from core.demo import (
    ErrorEvent,
    FakeServer,
    HttpError,
    NoMessageStop,
    Pace,
    RedactedThinking,
    Reply,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
)
from core.model.messages import Usage
from tests.core.demo.helpers import MODEL, chat_body, chat_chunks, sse_frames
from tests.sse_samples import SAMPLES


def recorded_chunks() -> list[dict[str, Any]]:
    text = (SAMPLES / "openai-chat-completion-chunks-with-usage.sse").read_text().split("\n", 1)[1]
    return chat_chunks(text)


async def stream(client: httpx.AsyncClient, **fields: Any) -> list[dict[str, Any]]:
    response = await client.post("/v1/chat/completions", json=chat_body(stream=True, **fields))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    return chat_chunks(response.text)


def deltas(chunks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [chunk["choices"][0]["delta"] for chunk in chunks if chunk["choices"]]


async def test_a_text_stream_has_the_recorded_shape_and_ends_with_usage_and_done(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    recorded = recorded_chunks()
    server.enqueue(
        Reply([Text("I'm unable to help.")], usage=Usage(input_tokens=14, output_tokens=47), pace=Pace(4))
    )

    chunks = await stream(client, stream_options={"include_usage": True})

    for ours, theirs in ((chunks[0], recorded[0]), (chunks[1], recorded[1]), (chunks[-2], recorded[-2])):
        assert set(ours) <= set(theirs)
        assert set(ours["choices"][0]) == set(theirs["choices"][0])
    assert {chunk["id"] for chunk in chunks} == {chunks[0]["id"]}
    assert all(chunk["object"] == "chat.completion.chunk" and chunk["model"] == MODEL for chunk in chunks)
    assert deltas(chunks)[0] == {"role": "assistant", "content": ""}
    assert "".join(delta.get("content", "") for delta in deltas(chunks)) == "I'm unable to help."
    assert chunks[-2]["choices"][0] == {"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"] == {"prompt_tokens": 14, "completion_tokens": 47, "total_tokens": 61}


async def test_without_include_usage_there_is_no_usage_chunk(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Reply([Text("Hi")]))

    chunks = await stream(client)

    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert all("usage" not in chunk for chunk in chunks)


async def test_thinking_streams_as_reasoning_content(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(
        Reply([Thinking("Pondering.", "sig"), RedactedThinking("xx"), Text("Answer.")], pace=Pace(4))
    )

    chunks = await stream(client)

    reasoning = [delta["reasoning_content"] for delta in deltas(chunks) if "reasoning_content" in delta]
    assert reasoning == ["Pond", "erin", "g."]
    # As LiteLLM sends them: each piece again as a block whose signature is still to come, then the
    # signature alone, and a redacted block whole.
    blocks = [block for delta in deltas(chunks) for block in delta.get("thinking_blocks", [])]
    assert blocks[:3] == [{"type": "thinking", "thinking": p, "signature": None} for p in reasoning]
    assert blocks[3:] == [
        {"type": "thinking", "thinking": "", "signature": "sig"},
        {"type": "redacted_thinking", "data": "xx"},
    ]
    assert "".join(delta.get("content", "") for delta in deltas(chunks)) == "Answer."


async def test_tool_calls_stream_their_arguments_in_fragments(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    weather = ToolUse("get_weather", {"location": "Paris"}, id="toolu_1")
    time = ToolUse("get_time", {"zone": "CET"}, id="toolu_2")
    search = ServerToolUse({"query": "x"})
    server.enqueue(Reply([Text("Checking."), search, weather, time], pace=Pace(5)))

    chunks = await stream(client)

    calls = [call for delta in deltas(chunks) for call in delta.get("tool_calls", [])]
    assert calls[0] == {
        "index": 0,
        "id": "toolu_1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": ""},
    }
    arguments = {0: "", 1: ""}
    for call in calls:
        arguments[call["index"]] += call["function"]["arguments"]
    assert {index: json.loads(text) for index, text in arguments.items()} == {0: weather.input, 1: time.input}
    assert all(set(call) == {"index", "function"} for call in calls if "id" not in call)
    assert chunks[-1]["choices"][0]["finish_reason"] == "tool_calls"


@pytest.mark.parametrize(
    ("stop_reason", "finish_reason"),
    [("end_turn", "stop"), ("stop_sequence", "stop"), ("max_tokens", "length"), ("tool_use", "tool_calls")],
)
async def test_stop_reasons_map_to_finish_reasons(
    server: FakeServer, client: httpx.AsyncClient, stop_reason: str, finish_reason: str
) -> None:
    server.enqueue(Reply([Text("x")], stop_reason=stop_reason), Reply([Text("x")], stop_reason=stop_reason))

    chunks = await stream(client)
    whole = (await client.post("/v1/chat/completions", json=chat_body())).json()

    assert chunks[-1]["choices"][0]["finish_reason"] == finish_reason
    assert whole["choices"][0]["finish_reason"] == finish_reason


async def test_without_stream_the_completion_is_whole(server: FakeServer, client: httpx.AsyncClient) -> None:
    usage = Usage(input_tokens=10, output_tokens=5, cache_read_input_tokens=2)
    server.enqueue(
        Reply([Thinking("Hm.", "s"), Text("Sure."), ToolUse("f", {"a": 1}, id="toolu_9")], usage=usage)
    )

    response = await client.post("/v1/chat/completions", json=chat_body())

    completion = response.json()
    assert completion["object"] == "chat.completion"
    assert completion["id"].startswith("chatcmpl-")
    assert completion["choices"] == [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Sure.",
                "reasoning_content": "Hm.",
                "thinking_blocks": [{"type": "thinking", "thinking": "Hm.", "signature": "s"}],
                "tool_calls": [
                    {"id": "toolu_9", "type": "function", "function": {"name": "f", "arguments": '{"a": 1}'}}
                ],
            },
            "logprobs": None,
            "finish_reason": "tool_calls",
        }
    ]
    assert completion["usage"] == {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17}
    assert server.requests[-1].reply is not None and server.requests[-1].reply["type"] == "message"


async def test_scripted_errors_use_the_openai_shape(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(HttpError(429, "Slow down", headers={"retry-after": "1"}))

    response = await client.post("/v1/chat/completions", json=chat_body(stream=True))

    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"
    assert response.json() == {"error": {"message": "Slow down", "type": "rate_limit_error", "code": None}}


async def test_an_error_mid_stream_is_an_error_chunk(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(Reply([Text("abcdefgh")], pace=Pace(2), faults=[ErrorEvent(after_deltas=2)]))

    response = await client.post("/v1/chat/completions", json=chat_body(stream=True))

    frames = sse_frames(response.text)
    assert json.loads(frames[-1][1]) == {
        "error": {"message": "Overloaded", "type": "overloaded_error", "code": None}
    }
    assert len(frames) == 4  # the role chunk, two deltas, the error


async def test_a_stream_can_end_without_done(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(Reply([Text("Hi")], faults=[NoMessageStop()]))

    response = await client.post("/v1/chat/completions", json=chat_body(stream=True))

    assert sse_frames(response.text)[-1][1] != "[DONE]"

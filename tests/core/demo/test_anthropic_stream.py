"""Scripted replies stream in the shapes of the documented streams, and come back whole without `stream`."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from core.demo import (
    FakeServer,
    Pace,
    RedactedThinking,
    Reply,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
    WebSearchResult,
    WholeBlock,
)
from core.model.messages import Usage
from tests.core.demo.helpers import MODEL, messages_body, sse_events
from tests.sse_samples import sample_events


async def stream(client: httpx.AsyncClient, **fields: Any) -> list[dict[str, Any]]:
    response = await client.post("/v1/messages", json=messages_body(stream=True, **fields))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    return sse_events(response.text)


def types(events: list[dict[str, Any]]) -> list[str]:
    return [event["type"] for event in events]


def deltas(events: list[dict[str, Any]], index: int) -> list[dict[str, Any]]:
    return [
        event["delta"]
        for event in events
        if event["type"] == "content_block_delta" and event["index"] == index
    ]


async def test_a_text_reply_streams_exactly_like_the_documented_one(
    server: FakeServer, client: httpx.AsyncClient
):
    documented = sample_events("docs-basic-text.sse")
    server.enqueue(
        Reply(
            [Text("Hello!")],
            id=documented[0]["message"]["id"],
            model="claude-opus-4-8",
            usage=Usage(input_tokens=25, output_tokens=15),
            pace=Pace(chunk_chars=5),
        )
    )

    events = await stream(client)

    assert events[:-2] == documented[:-2]
    assert events[-1] == documented[-1]
    assert events[-2]["delta"] == documented[-2]["delta"]
    assert events[-2]["usage"] == {
        "input_tokens": 25,
        "output_tokens": 15,
    }  # cumulative, the docs show a part


async def test_the_sse_framing_is_event_then_data_then_a_blank_line(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(Reply([Text("Hi")]))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    frames = response.text.split("\n\n")
    assert frames[-1] == ""
    for frame in frames[:-1]:
        event_line, data_line = frame.split("\n")
        assert event_line.startswith("event: ")
        assert json.loads(data_line.removeprefix("data: "))["type"] == event_line.removeprefix("event: ")


async def test_a_tool_call_streams_its_input_in_fragments_after_an_empty_one(
    server: FakeServer, client: httpx.AsyncClient
):
    documented = sample_events("docs-tool-use-input-json-delta.sse")
    tool = ToolUse("get_weather", {"location": "San Francisco, CA"}, id="toolu_01T1x1fJ34qAmk2tNTrN7Up6")
    server.enqueue(
        Reply([Text("Okay, let's check the weather for San Francisco, CA:"), tool], pace=Pace(chunk_chars=7))
    )

    events = await stream(client)

    assert types(events) == ["message_start", "content_block_start", "ping"] + ["content_block_delta"] * 8 + [
        "content_block_stop",
        "content_block_start",
    ] + ["content_block_delta"] * 6 + ["content_block_stop", "message_delta", "message_stop"]
    tool_start = next(e for e in events if e["type"] == "content_block_start" and e["index"] == 1)
    assert tool_start == next(e for e in documented if e["type"] == "content_block_start" and e["index"] == 1)
    fragments = [delta["partial_json"] for delta in deltas(events, 1)]
    assert fragments[0] == ""
    assert all(1 <= len(fragment) <= 7 for fragment in fragments[1:])
    assert "".join(fragments) == '{"location": "San Francisco, CA"}'
    assert events[-2]["delta"] == {"stop_reason": "tool_use", "stop_sequence": None}


async def test_thinking_streams_then_its_signature_replaces_the_empty_one(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(
        Reply([Thinking("Let me think about it.", "sig-123"), Text("Done.")], pace=Pace(chunk_chars=10))
    )

    events = await stream(client)

    assert events[1]["content_block"] == {"type": "thinking", "thinking": "", "signature": ""}
    assert deltas(events, 0) == [
        {"type": "thinking_delta", "thinking": "Let me thi"},
        {"type": "thinking_delta", "thinking": "nk about i"},
        {"type": "thinking_delta", "thinking": "t."},
        {"type": "signature_delta", "signature": "sig-123"},
    ]


async def test_omitted_thinking_sends_only_the_signature(server: FakeServer, client: httpx.AsyncClient):
    server.enqueue(Reply([Thinking("", "sig-only"), Text("Answer.")]))

    events = await stream(client)

    assert deltas(events, 0) == [{"type": "signature_delta", "signature": "sig-only"}]


async def test_whole_blocks_arrive_in_content_block_start_without_deltas(
    server: FakeServer, client: httpx.AsyncClient
):
    documented = sample_events("docs-web-search-server-tool.sse")
    search = ServerToolUse({"query": "weather NYC today"}, id="srvtoolu_014hJH82Qum7Td6UV8gDXThB")
    result_block = next(e for e in documented if e["type"] == "content_block_start" and e["index"] == 2)
    result = WebSearchResult(search.id, result_block["content_block"]["content"])
    future = {"type": "hologram", "payload": {"x": 1}}
    usage = Usage(input_tokens=2679, output_tokens=510, server_tool_use={"web_search_requests": 1})
    server.enqueue(Reply([search, result, RedactedThinking("c2VjcmV0"), WholeBlock(future)], usage=usage))

    events = await stream(client)

    starts = [e["content_block"] for e in events if e["type"] == "content_block_start"]
    assert starts[0] == {"type": "server_tool_use", "id": search.id, "name": "web_search", "input": {}}
    assert starts[1:] == [
        result_block["content_block"],
        {"type": "redacted_thinking", "data": "c2VjcmV0"},
        future,
    ]
    assert "".join(d["partial_json"] for d in deltas(events, 0)) == '{"query": "weather NYC today"}'
    assert deltas(events, 1) == deltas(events, 2) == deltas(events, 3) == []
    assert events[0]["message"]["usage"] == {"input_tokens": 2679, "output_tokens": 1}
    assert events[-2]["usage"] == {
        "input_tokens": 2679,
        "output_tokens": 510,
        "server_tool_use": {"web_search_requests": 1},
    }


async def test_a_cited_text_block_opens_with_citations_then_sends_them_as_deltas(
    server: FakeServer, client: httpx.AsyncClient
):
    citation = {
        "type": "char_location",
        "cited_text": "The sky is blue.",
        "document_index": 0,
        "document_title": "Facts",
        "start_char_index": 0,
        "end_char_index": 16,
    }
    server.enqueue(Reply([Text("The sky is blue.", citations=(citation,))]))

    events = await stream(client)

    assert events[1]["content_block"] == {"type": "text", "text": "", "citations": []}
    assert deltas(events, 0)[0] == {"type": "citations_delta", "citation": citation}


async def test_indices_are_sequential_and_usage_is_cumulative(server: FakeServer, client: httpx.AsyncClient):
    usage = Usage(
        input_tokens=10, output_tokens=42, cache_creation_input_tokens=3, cache_read_input_tokens=100
    )
    server.enqueue(Reply([Thinking("hm", "s"), Text("a"), ToolUse("f", {})], usage=usage))

    events = await stream(client)

    assert [e["index"] for e in events if e["type"] == "content_block_start"] == [0, 1, 2]
    assert [e["index"] for e in events if e["type"] == "content_block_stop"] == [0, 1, 2]
    assert events[0]["message"]["usage"] == {
        "input_tokens": 10,
        "output_tokens": 1,
        "cache_creation_input_tokens": 3,
        "cache_read_input_tokens": 100,
    }
    assert events[-2]["usage"] == {
        "input_tokens": 10,
        "cache_creation_input_tokens": 3,
        "cache_read_input_tokens": 100,
        "output_tokens": 42,
    }


async def test_pings_come_as_often_as_the_pace_asks(server: FakeServer, client: httpx.AsyncClient):
    server.enqueue(Reply([Text("abcdefgh")], pace=Pace(chunk_chars=1, ping_every=3)))

    events = await stream(client)

    assert types(events).count("ping") == 1 + 8 // 3


async def test_the_delta_interval_spaces_out_the_deltas(server: FakeServer, client: httpx.AsyncClient):
    server.enqueue(Reply([Text("abcd")], pace=Pace(chunk_chars=1, delta_interval=0.04)))

    started = time.monotonic()
    await stream(client)

    assert time.monotonic() - started >= 0.15


async def test_defaults_echo_the_model_derive_the_stop_reason_and_estimate_usage(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(Reply([Text("x" * 40), ToolUse("f", {"a": 1})]))

    events = await stream(client)

    assert events[0]["message"]["model"] == MODEL
    assert events[-2]["delta"]["stop_reason"] == "tool_use"
    assert events[-2]["usage"]["output_tokens"] == -(-(40 + len('{"a": 1}')) // 4)
    assert events[-2]["usage"]["input_tokens"] >= 1


async def test_without_stream_the_reply_is_the_whole_message(server: FakeServer, client: httpx.AsyncClient):
    reply = Reply([Thinking("t", "s"), Text("Hello"), ToolUse("f", {"q": "x"})], stop_reason="tool_use")
    server.enqueue(reply)

    response = await client.post("/v1/messages", json=messages_body())

    assert response.headers["content-type"] == "application/json"
    message = response.json()
    assert message == server.requests[-1].reply
    assert message["type"] == "message"
    assert message["content"] == [
        {"type": "thinking", "thinking": "t", "signature": "s"},
        {"type": "text", "text": "Hello"},
        {"type": "tool_use", "id": reply.content[2].id, "name": "f", "input": {"q": "x"}},  # type: ignore[union-attr]
    ]


async def test_each_request_is_recorded(server: FakeServer, client: httpx.AsyncClient):
    await client.post(
        "/v1/messages?beta=true", json=messages_body("Record me"), headers={"Anthropic-Beta": "x"}
    )

    record = server.requests[-1]
    assert (record.method, record.path, record.query) == ("POST", "/v1/messages", {"beta": "true"})
    assert record.headers["anthropic-beta"] == "x"
    assert record.body["messages"][0]["content"] == "Record me"
    assert record.reply is not None and record.reply["role"] == "assistant"
    assert not record.disconnected.is_set()

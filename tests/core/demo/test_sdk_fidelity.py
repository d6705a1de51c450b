"""The official SDKs, pointed at the fake server, build exactly the message each script intends.

The server runs on a background thread because the SDK clients used here are the sync ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import anthropic
import openai
import pytest

from core.demo import (
    ErrorEvent,
    FakeServer,
    HttpError,
    Pace,
    RedactedThinking,
    Reply,
    Text,
    Thinking,
    ToolUse,
    WebSearchResult,
)
from core.model.messages import Usage
from tests.core.demo.helpers import API_KEY, MODEL
from tests.scripted_blocks import SEARCH, SEARCH_RESULTS, WEB_CITATION
from tests.sdk_reference import without_nones

CITATION = {
    "type": "char_location",
    "cited_text": "The grass is green.",
    "document_index": 0,
    "document_title": "Facts",
    "start_char_index": 0,
    "end_char_index": 19,
}

SCRIPTS = {
    "text": Reply([Text("Hello! How can I help?")]),
    "unicode split anywhere": Reply([Text("naïve café — 日本語 🙂\u2028next")], pace=Pace(chunk_chars=1)),
    "thinking": Reply([Thinking("Let me think step by step.", "EqQBCgIYAhIM1gbcDa9G"), Text("42.")]),
    "omitted thinking": Reply([Thinking("", "EqQBsig"), Text("42.")]),
    "redacted thinking": Reply([RedactedThinking("EmwKAhgBEgy3va3pzix"), Text("Done.")]),
    "tool use": Reply(
        [Text("Let me check."), ToolUse("get_weather", {"location": "San Francisco, CA", "days": [1, 2]})],
        pace=Pace(chunk_chars=3),
    ),
    "citations": Reply([Text("Per the document, "), Text("the grass is green.", citations=(CITATION,))]),
    "web search": Reply(
        [
            Text("I'll search."),
            SEARCH,
            WebSearchResult(SEARCH.id, SEARCH_RESULTS),
            Text("It is sunny.", citations=(WEB_CITATION,)),
        ],
        usage=Usage(input_tokens=2679, output_tokens=510, server_tool_use={"web_search_requests": 1}),
    ),
    "stop sequence and cache usage": Reply(
        [Text("Counting: 1, 2, ")],
        stop_reason="stop_sequence",
        stop_sequence="3",
        usage=Usage(
            input_tokens=5, output_tokens=7, cache_creation_input_tokens=11, cache_read_input_tokens=13
        ),
        model="claude-opus-4-6",
    ),
    "refusal": Reply(
        [],
        stop_reason="refusal",
        stop_details={"type": "refusal", "category": "cyber", "explanation": "Not that."},
    ),
}


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with FakeServer.running_in_thread(api_key=API_KEY) as server:
        yield server


@pytest.fixture(scope="module")
def claude(server: FakeServer) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=server.base_url, api_key=API_KEY, max_retries=0)


@pytest.fixture(scope="module")
def gpt(server: FakeServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url + "/v1", api_key=API_KEY, max_retries=0)


def ask(claude: anthropic.Anthropic, **fields: Any) -> dict[str, Any]:
    request: Any = {
        "model": MODEL,
        "max_tokens": 1024,
        "messages": [{"role": "user", "content": "Hi"}],
        **fields,
    }
    with claude.messages.stream(**request) as stream:
        return without_nones(stream.get_final_message().model_dump())


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_the_sdk_stream_builds_the_intended_message(
    server: FakeServer, claude: anthropic.Anthropic, script: Reply
) -> None:
    server.enqueue(script)

    final = ask(claude)

    intended = server.requests[-1].reply
    assert intended is not None
    assert final == without_nones(intended)
    assert final["content"] == without_nones([block.final() for block in script.content])


@pytest.mark.parametrize(
    "script", [SCRIPTS["tool use"], SCRIPTS["web search"]], ids=["tool use", "web search"]
)
def test_the_sdk_reads_the_same_message_without_streaming(
    server: FakeServer, claude: anthropic.Anthropic, script: Reply
) -> None:
    server.enqueue(script)

    message = claude.messages.create(
        model=MODEL, max_tokens=1024, messages=[{"role": "user", "content": "Hi"}]
    )

    assert without_nones(message.model_dump()) == without_nones(server.requests[-1].reply)


def test_the_sdk_reads_the_demo_model(server: FakeServer, claude: anthropic.Anthropic) -> None:
    final = ask(claude, thinking={"type": "enabled", "budget_tokens": 1024}, max_tokens=2048)

    assert final == without_nones(server.requests[-1].reply)
    assert [block["type"] for block in final["content"]] == ["thinking", "text"]


def test_the_sdk_raises_the_error_event_and_the_status_errors(
    server: FakeServer, claude: anthropic.Anthropic
) -> None:
    server.enqueue(Reply([Text("abc")], faults=[ErrorEvent(after_deltas=1)]), HttpError(529, "Overloaded"))

    with pytest.raises(anthropic.APIStatusError) as mid_stream:
        ask(claude)
    with pytest.raises(anthropic.OverloadedError) as refused:
        ask(claude)

    assert mid_stream.value.body == {
        "type": "error",
        "error": {"type": "overloaded_error", "message": "Overloaded"},
    }
    assert refused.value.request_id == server.requests[-1].request_id


def test_the_sdk_retries_after_the_time_the_server_names(server: FakeServer) -> None:
    retrying = anthropic.Anthropic(base_url=server.base_url, api_key=API_KEY, max_retries=1)
    server.enqueue(HttpError(429, "Slow down", headers={"retry-after-ms": "10"}), Reply([Text("Finally.")]))

    final = ask(retrying)

    assert final["content"] == [{"type": "text", "text": "Finally."}]
    assert [record.headers["x-stainless-retry-count"] for record in server.requests[-2:]] == ["0", "1"]


def test_the_sdk_counts_tokens_and_pages_through_models(claude: anthropic.Anthropic) -> None:
    counted = claude.messages.count_tokens(model=MODEL, messages=[{"role": "user", "content": "Hi"}])
    models = [model.id for model in claude.models.list(limit=4)]

    assert counted.input_tokens >= 1
    assert len(models) == 9
    assert "claude-haiku-3-5-20241022" in models


def test_the_openai_sdk_accumulates_the_text_and_usage(server: FakeServer, gpt: openai.OpenAI) -> None:
    server.enqueue(
        Reply([Thinking("Hmm.", "s"), Text("Hello from a relay!")], usage=Usage(9, 4), pace=Pace(3))
    )

    chunks = list(
        gpt.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": "Hi"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )

    assert (
        "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)
        == "Hello from a relay!"
    )
    assert chunks[-1].usage is not None
    assert (chunks[-1].usage.prompt_tokens, chunks[-1].usage.completion_tokens) == (9, 4)


def test_the_openai_stream_helper_builds_the_intended_tool_calls(
    server: FakeServer, gpt: openai.OpenAI
) -> None:
    calls = [ToolUse("get_weather", {"city": "Paris"}), ToolUse("get_time", {"zone": "Europe/Paris"})]
    server.enqueue(Reply([Text("Checking both."), *calls], pace=Pace(4)))
    tools: Any = [
        {"type": "function", "function": {"name": call.name, "parameters": {"type": "object"}}}
        for call in calls
    ]

    with gpt.chat.completions.stream(
        model=MODEL, messages=[{"role": "user", "content": "Hi"}], tools=tools
    ) as stream:
        completion = stream.get_final_completion()

    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content == "Checking both."
    received = [
        (call.id, call.function.name, json.loads(call.function.arguments))
        for call in choice.message.tool_calls or []
    ]
    assert received == [(call.id, call.name, call.input) for call in calls]


def test_the_openai_sdk_raises_the_openai_shaped_error(gpt: openai.OpenAI, server: FakeServer) -> None:
    wrong_key = openai.OpenAI(base_url=server.base_url + "/v1", api_key="sk-wrong", max_retries=0)

    with pytest.raises(openai.AuthenticationError) as refused:
        wrong_key.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])

    assert refused.value.body == {
        "message": "invalid x-api-key",
        "type": "authentication_error",
        "code": None,
    }

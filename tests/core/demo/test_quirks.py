"""Each relay quirk profile does what it says, seen from outside over real HTTP (as the relay doctor will see
it), and the faithful profile changes nothing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from core.demo import (
    CACHE_FIELDS_DROPPED,
    CUT_THEN_ERROR,
    FAITHFUL,
    HEADERS_RENAMED,
    MODEL_REWRITTEN,
    OVERLOADED_AS_500,
    PROFILES,
    SIGNATURES_STRIPPED,
    USAGE_INFLATED,
    FakeServer,
    HttpError,
    Pace,
    Quirks,
    Reply,
    Text,
    Thinking,
)
from core.model.messages import Usage
from tests.core.demo.helpers import (
    API_KEY,
    HEADERS,
    MODEL,
    chat_body,
    chat_chunks,
    messages_body,
    sse_events,
    sse_frames,
)

THOUGHT = Thinking("Let me think this through.", "sig-abc")
CACHED = Usage(input_tokens=10, output_tokens=5, cache_read_input_tokens=300, cache_creation_input_tokens=40)


async def relay(quirks: Quirks) -> AsyncIterator[tuple[FakeServer, httpx.AsyncClient]]:
    async with (
        FakeServer(api_key=API_KEY, quirks=quirks) as server,
        httpx.AsyncClient(base_url=server.base_url, headers=HEADERS, timeout=5.0) as client,
    ):
        yield server, client


@pytest.fixture
async def faithful() -> AsyncIterator[tuple[FakeServer, httpx.AsyncClient]]:
    async for pair in relay(FAITHFUL):
        yield pair


def test_every_profile_names_its_public_source() -> None:
    assert Quirks() == FAITHFUL and FAITHFUL in PROFILES
    for profile in PROFILES[1:]:
        assert profile.name and profile.name != "faithful"
        assert "#" in profile.source or "/" in profile.source, profile.name
    assert len({profile.name for profile in PROFILES}) == len(PROFILES)


async def test_the_faithful_profile_keeps_headers_model_usage_and_signatures(
    faithful: tuple[FakeServer, httpx.AsyncClient],
) -> None:
    server, client = faithful
    server.enqueue(
        HttpError(429, "Slow down", headers={"retry-after": "3"}),
        Reply([THOUGHT, Text("Hi")], usage=CACHED),
        Reply([THOUGHT, Text("Hi")]),
    )
    limited = await client.post("/v1/messages", json=messages_body())
    assert limited.headers["retry-after"] == "3" and limited.headers["request-id"].startswith("req_")
    assert "x-litellm-call-id" not in limited.headers
    reply = (await client.post("/v1/messages", json=messages_body())).json()
    assert reply["model"] == MODEL
    assert reply["usage"]["cache_read_input_tokens"] == 300 and reply["usage"]["input_tokens"] == 10
    chat = (await client.post("/v1/chat/completions", json=chat_body())).json()
    assert chat["choices"][0]["message"]["thinking_blocks"] == [THOUGHT.final()]


async def test_headers_renamed_moves_retry_after_and_request_id_and_adds_the_relays_id() -> None:
    async for server, client in relay(HEADERS_RENAMED):
        server.enqueue(HttpError(429, "Slow down", headers={"retry-after": "3"}), Reply([Text("Hi")]))
        limited = await client.post("/v1/messages", json=messages_body())
        ok = await client.post("/v1/messages", json=messages_body())
        for response in (limited, ok):
            assert "request-id" not in response.headers and "retry-after" not in response.headers
            assert (
                response.headers["llm_provider-request-id"]
                == server.requests[-1 if response is ok else 0].request_id
            )
            assert response.headers["x-litellm-call-id"].startswith("call_")
        assert limited.headers["llm_provider-retry-after"] == "3"


async def test_overloaded_becomes_a_500_naming_overloaded_error_only_in_its_message() -> None:
    async for server, client in relay(OVERLOADED_AS_500):
        server.enqueue(HttpError(529, "Overloaded"), HttpError(529, "Overloaded"), HttpError(500, "Internal"))
        anthropic = await client.post("/v1/messages", json=messages_body())
        openai = await client.post("/v1/chat/completions", json=chat_body())
        other = await client.post("/v1/messages", json=messages_body())
        for response in (anthropic, openai):
            assert response.status_code == 500
            error = response.json()["error"]
            assert error["type"] is None and error["code"] == "500"
            assert error["message"].startswith("litellm.InternalServerError: AnthropicException - ")
            assert '"type":"overloaded_error"' in error["message"]
            assert "request-id" not in response.headers and "x-litellm-call-id" in response.headers
        assert other.status_code == 500 and other.json()["error"]["type"] == "api_error", "other errors pass"


async def test_signatures_stripped_leaves_only_reasoning_content_on_the_openai_route() -> None:
    async for server, client in relay(SIGNATURES_STRIPPED):
        server.enqueue(Reply([THOUGHT, Text("Hi")], pace=Pace(8)), Reply([THOUGHT, Text("Hi")]))
        streamed = await client.post("/v1/chat/completions", json=chat_body(stream=True))
        whole = (await client.post("/v1/chat/completions", json=chat_body())).json()
        deltas = [chunk["choices"][0]["delta"] for chunk in chat_chunks(streamed.text) if chunk["choices"]]
        assert "".join(d.get("reasoning_content", "") for d in deltas) == THOUGHT.thinking
        assert all("thinking_blocks" not in d for d in deltas)
        assert whole["choices"][0]["message"]["reasoning_content"] == THOUGHT.thinking
        assert "thinking_blocks" not in whole["choices"][0]["message"]
        server.enqueue(Reply([THOUGHT, Text("Hi")]))
        anthropic = (await client.post("/v1/messages", json=messages_body())).json()
        assert anthropic["content"][0]["signature"] == "sig-abc", "the Anthropic route keeps it"


@pytest.mark.parametrize("route", ["/v1/messages", "/v1/chat/completions"])
async def test_cut_then_error_sends_half_an_event_then_a_ping_and_an_error_and_ends_cleanly(
    route: str,
) -> None:
    async for server, client in relay(CUT_THEN_ERROR):
        body = messages_body(stream=True) if route == "/v1/messages" else chat_body(stream=True)
        response = await client.post(route, json=body)  # read whole: the stream ends cleanly
        assert response.status_code == 200
        text = response.text
        assert "message_stop" not in text and "[DONE]" not in text
        frames = sse_frames(text)
        error_name, error_data = frames[-1]
        error = json.loads(error_data)["error"]
        assert "peer closed connection" in error["message"]
        broken = frames[-2][1]
        with pytest.raises(ValueError):
            json.loads(broken)
        # The half event runs straight into the relay's ping, with no line end between them.
        assert ("event: ping" in broken) if route == "/v1/messages" else (": keep-alive" in text)
        if route == "/v1/messages":
            assert error_name == "error"
        assert not server.disconnects


async def test_model_rewritten_names_another_model_in_every_reply() -> None:
    async for server, client in relay(MODEL_REWRITTEN):
        server.enqueue(Reply([Text("Hi")]), Reply([Text("Hi")]), Reply([Text("Hi")]))
        whole = (await client.post("/v1/messages", json=messages_body())).json()
        streamed = sse_events((await client.post("/v1/messages", json=messages_body(stream=True))).text)
        chat = (await client.post("/v1/chat/completions", json=chat_body())).json()
        served = MODEL_REWRITTEN.served_model
        assert served != MODEL
        assert whole["model"] == streamed[0]["message"]["model"] == chat["model"] == served


async def test_usage_inflated_reports_more_input_than_count_tokens_for_the_same_body() -> None:
    async for _server, client in relay(USAGE_INFLATED):
        body = messages_body("How many tokens is this?")
        counted = (await client.post("/v1/messages/count_tokens", json=_count_body(body))).json()[
            "input_tokens"
        ]
        reply = (await client.post("/v1/messages", json=body)).json()
        assert reply["usage"]["input_tokens"] == counted + USAGE_INFLATED.hidden_prompt_tokens
        streamed = sse_events(
            (
                await client.post("/v1/messages", json=messages_body("How many tokens is this?", stream=True))
            ).text
        )
        assert (
            streamed[0]["message"]["usage"]["input_tokens"] == counted + USAGE_INFLATED.hidden_prompt_tokens
        )
        chat = (await client.post("/v1/chat/completions", json=chat_body("How many tokens is this?"))).json()
        assert chat["usage"]["prompt_tokens"] > counted + 1000


async def test_cache_fields_dropped_leaves_them_out_of_usage_everywhere() -> None:
    async for server, client in relay(CACHE_FIELDS_DROPPED):
        server.enqueue(Reply([Text("Hi")], usage=CACHED), Reply([Text("Hi")], usage=CACHED))
        whole = (await client.post("/v1/messages", json=messages_body())).json()
        events = sse_events((await client.post("/v1/messages", json=messages_body(stream=True))).text)
        usages = [whole["usage"], events[0]["message"]["usage"], events[-2]["usage"]]
        for usage in usages:
            assert "cache_read_input_tokens" not in usage and "cache_creation_input_tokens" not in usage
        assert whole["usage"]["input_tokens"] == 10


def _count_body(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != "max_tokens"}

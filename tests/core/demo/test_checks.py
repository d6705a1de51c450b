"""The server refuses what the API refuses: wrong keys, missing version headers, malformed bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from core.demo import FakeServer, Reply, Text
from tests.core.demo.helpers import API_KEY, MODEL, chat_body, messages_body


async def test_a_wrong_key_gets_401_with_the_api_error_body(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/messages", json=messages_body(), headers={"x-api-key": "sk-wrong"})

    assert response.status_code == 401
    request_id = response.headers["request-id"]
    assert request_id.startswith("req_")
    assert response.json() == {
        "type": "error",
        "error": {"type": "authentication_error", "message": "invalid x-api-key"},
        "request_id": request_id,
    }


async def test_a_missing_key_gets_401(server: FakeServer) -> None:
    async with httpx.AsyncClient(base_url=server.base_url) as bare:
        response = await bare.post(
            "/v1/messages", json=messages_body(), headers={"anthropic-version": "2023-06-01"}
        )

    assert response.status_code == 401
    assert response.json()["error"]["type"] == "authentication_error"


async def test_a_bearer_token_is_accepted_as_the_key(server: FakeServer) -> None:
    headers = {"authorization": f"Bearer {API_KEY}", "anthropic-version": "2023-06-01"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers) as bearer:
        response = await bearer.post("/v1/messages", json=messages_body())

    assert response.status_code == 200
    assert "x-api-key" not in server.requests[-1].headers


async def test_the_version_header_is_required_on_messages(server: FakeServer) -> None:
    async with httpx.AsyncClient(base_url=server.base_url, headers={"x-api-key": API_KEY}) as unversioned:
        response = await unversioned.post("/v1/messages", json=messages_body())

    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
    assert "anthropic-version" in response.json()["error"]["message"]


@pytest.mark.parametrize(("version", "status"), [("2023-06-01", 200), ("2026-10-21", 200), ("latest", 400)])
async def test_any_date_like_version_is_accepted(
    client: httpx.AsyncClient, version: str, status: int
) -> None:
    response = await client.post("/v1/messages", json=messages_body(), headers={"anthropic-version": version})

    assert response.status_code == status


def _without(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.pop(key)


def _setting(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.update({key: value})


def _content(*blocks: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.update(messages=[{"role": "user", "content": list(blocks)}])


def _custom_tool(**tool: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.update(
        tools=[{"name": "get_weather", "input_schema": {"type": "object"}, **tool}]
    )


INVALID_BODIES = {
    "model missing": (_without("model"), "model: Field required"),
    "max_tokens missing": (_without("max_tokens"), "max_tokens: Field required"),
    "max_tokens zero": (_setting("max_tokens", 0), "max_tokens: Input should be greater than or equal to 1"),
    "max_tokens a string": (_setting("max_tokens", "100"), "max_tokens: Input should be a valid integer"),
    "max_tokens a bool": (_setting("max_tokens", True), "max_tokens: Input should be a valid integer"),
    "max_tokens above the model's": (_setting("max_tokens", 100_000), "max_tokens: 100000 > 64000"),
    "messages missing": (_without("messages"), "messages: Field required"),
    "messages empty": (_setting("messages", []), "messages: at least one message is required"),
    "messages not alternating": (
        _setting("messages", [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]),
        'messages: roles must alternate between "user" and "assistant"',
    ),
    "role unknown": (_setting("messages", [{"role": "system", "content": "a"}]), "messages.0.role"),
    "first role assistant": (
        _setting("messages", [{"role": "assistant", "content": "a"}]),
        "messages.0.role",
    ),
    "content missing": (_setting("messages", [{"role": "user"}]), "messages.0.content: Field required"),
    "text block without text": (_content({"type": "text"}), "messages.0.content.0.text: Field required"),
    "empty text block": (_content({"type": "text", "text": ""}), "messages.0.content.0.text"),
    "unknown block type": (_content({"type": "hologram"}), "messages.0.content.0.type: Input tag 'hologram'"),
    "tool_use without input": (
        _content({"type": "text", "text": "x"}, {"type": "tool_use", "id": "toolu_1", "name": "f"}),
        "messages.0.content.1.input: Field required",
    ),
    "image of an unknown media type": (
        _content({"type": "image", "source": {"type": "base64", "media_type": "image/bmp", "data": "AA=="}}),
        "messages.0.content.0.source.media_type",
    ),
    "temperature above 1": (_setting("temperature", 1.5), "temperature: Input should be between 0 and 1"),
    "temperature below 0": (_setting("temperature", -0.1), "temperature"),
    "stream not a bool": (_setting("stream", "yes"), "stream: Input should be a valid boolean"),
    "system not text blocks": (_setting("system", [{"type": "image"}]), "system.0.type"),
    "thinking budget below 1024": (
        _setting("thinking", {"type": "enabled", "budget_tokens": 512}),
        "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
    ),
    "thinking budget not below max_tokens": (
        _setting("thinking", {"type": "enabled", "budget_tokens": 1024}),
        "`max_tokens` must be greater than `thinking.budget_tokens`",
    ),
    "thinking of an unknown type": (_setting("thinking", {"type": "deep"}), "thinking.type"),
    "tool name with a space": (_custom_tool(name="get weather"), "tools.0.custom.name: String should match"),
    "tool name too long": (_custom_tool(name="x" * 65), "tools.0.custom.name"),
    "tool name ending in a newline": (_custom_tool(name="get_weather\n"), "tools.0.custom.name"),
    "tool schema not an object": (
        _custom_tool(input_schema={"type": "array"}),
        "tools.0.custom.input_schema.type",
    ),
    "tool without schema": (
        lambda body: body.update(tools=[{"name": "get_weather"}]),
        "tools.0.custom.input_schema: Field required",
    ),
    "tool_choice of an unknown type": (_setting("tool_choice", {"type": "sometimes"}), "tool_choice.type"),
    "tool_choice tool without a name": (_setting("tool_choice", {"type": "tool"}), "tool_choice.tool.name"),
}


@pytest.mark.parametrize(("change", "expected"), INVALID_BODIES.values(), ids=INVALID_BODIES.keys())
async def test_an_invalid_body_gets_400_naming_the_field(
    client: httpx.AsyncClient, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    body = messages_body()
    change(body)

    response = await client.post("/v1/messages", json=body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert expected in error["message"]


async def test_a_body_that_is_not_json_gets_400_and_is_recorded_raw(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    response = await client.post(
        "/v1/messages", content=b"{not json", headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("body:")
    assert server.requests[-1].raw_body == b"{not json"
    assert server.requests[-1].body is None


async def test_server_tools_and_valid_blocks_pass(client: httpx.AsyncClient) -> None:
    body = messages_body(
        temperature=0.0,
        system=[{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
        tools=[{"type": "web_search_20250305", "name": "web_search", "max_uses": 2}],
        tool_choice={"type": "auto"},
        thinking={"type": "enabled", "budget_tokens": 1024},
        max_tokens=2048,
    )
    body["messages"] = [
        {"role": "user", "content": "What is the weather?"},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "w", "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "Sunny"}]},
    ]

    response = await client.post("/v1/messages", json=body)

    assert response.status_code == 200, response.text


async def test_a_refused_request_consumes_no_script_item(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(Reply([Text("scripted")]))

    refused = await client.post("/v1/messages", json=messages_body(max_tokens=0))
    answered = await client.post("/v1/messages", json=messages_body())

    assert refused.status_code == 400
    assert answered.json()["content"] == [{"type": "text", "text": "scripted"}]


async def test_every_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    responses = [
        await client.post("/v1/messages", json=messages_body()),
        await client.post("/v1/messages", json=messages_body(stream=True)),
        await client.post("/v1/messages", json=messages_body(), headers={"x-api-key": "sk-wrong"}),
        await client.get("/v1/models"),
        await client.get("/v1/no-such-thing"),
        await client.post("/v1/chat/completions", json=chat_body()),
    ]

    ids = [response.headers["request-id"] for response in responses]
    assert all(request_id.startswith("req_") for request_id in ids)
    assert len(set(ids)) == len(ids)


async def test_an_unknown_path_gets_a_404_in_the_api_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/no-such-thing")

    assert response.status_code == 404
    assert response.json()["error"]["type"] == "not_found_error"


async def test_chat_completions_errors_use_the_openai_shape(client: httpx.AsyncClient) -> None:
    refused = await client.post("/v1/chat/completions", json=chat_body(), headers={"x-api-key": "sk-wrong"})
    invalid = await client.post("/v1/chat/completions", json={"model": MODEL, "messages": []})

    assert refused.status_code == 401
    assert refused.json() == {
        "error": {"message": "invalid x-api-key", "type": "authentication_error", "code": None}
    }
    assert invalid.status_code == 400
    assert invalid.json()["error"]["type"] == "invalid_request_error"
    assert invalid.json()["error"]["message"].startswith("messages:")


async def test_chat_completions_need_no_version_header(server: FakeServer) -> None:
    headers = {"authorization": f"Bearer {API_KEY}"}
    async with httpx.AsyncClient(base_url=server.base_url, headers=headers) as openai_style:
        response = await openai_style.post("/v1/chat/completions", json=chat_body())

    assert response.status_code == 200


async def test_a_request_of_several_megabytes_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/messages", json=messages_body("x" * 3_000_000))

    assert response.status_code == 200


def test_only_the_generation_paths_can_be_scripted_with_a_reply() -> None:
    with pytest.raises(TypeError):
        FakeServer().enqueue(Reply([Text("no")]), path="/v1/models")

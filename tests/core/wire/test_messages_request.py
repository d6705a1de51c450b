"""Bodies for /v1/messages and /v1/messages/count_tokens, checked field by field and against the SDK."""

import copy
import json
from typing import Any, get_type_hints

import anthropic
import httpx
import pytest
from anthropic.types import (
    JSONOutputFormatParam,
    MetadataParam,
    OutputConfigParam,
    ThinkingConfigEnabledParam,
    ToolChoiceToolParam,
    ToolParam,
    WebFetchTool20250910Param,
    WebSearchTool20250305Param,
)
from anthropic.types.message_count_tokens_params import MessageCountTokensParams
from anthropic.types.message_create_params import MessageCreateParamsStreaming

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.messages_request import COUNT_TOKENS_FIELDS, build_count_tokens_body, build_messages_body

HELLO = [ChatMessage.user_text("Hello")]

WEATHER_TOOL: dict[str, Any] = {
    "name": "get_weather",
    "description": "The weather in a city.",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    "type": "custom",
    "cache_control": {"type": "ephemeral", "ttl": "1h"},
    "strict": True,
    "input_examples": [{"city": "Paris"}],
    "defer_loading": False,
    "eager_input_streaming": True,
    "allowed_callers": ["direct"],
}
WEB_SEARCH: dict[str, Any] = {
    "type": "web_search_20250305",
    "name": "web_search",
    "allowed_domains": ["example.com"],
    "max_uses": 3,
    "user_location": {"type": "approximate", "city": "Paris", "country": "FR", "timezone": "Europe/Paris"},
}
WEB_FETCH: dict[str, Any] = {
    "type": "web_fetch_20250910",
    "name": "web_fetch",
    "blocked_domains": ["example.org"],
    "citations": {"enabled": True},
    "max_content_tokens": 5000,
    "max_uses": 2,
}
CODE_EXECUTION: dict[str, Any] = {"type": "code_execution_20250825", "name": "code_execution"}
ANSWER_SCHEMA: dict[str, Any] = {"type": "object", "properties": {"answer": {"type": "string"}}}


def rich_settings() -> RequestSettings:
    return RequestSettings(
        model="claude-sonnet-4-6",
        max_tokens=8000,
        system=[{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
        temperature=1.0,
        top_p=0.99,
        top_k=None,
        stop_sequences=["END"],
        stream=True,
        thinking=ThinkingSettings(mode="enabled", budget_tokens=2048, display="omitted"),
        effort="high",
        output_schema=ANSWER_SCHEMA,
        tools=[WEATHER_TOOL, WEB_SEARCH, WEB_FETCH, CODE_EXECUTION],
        tool_choice={"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
        cache_control={"type": "ephemeral", "ttl": "5m"},
        metadata_user_id="user-1234",
        service_tier="standard_only",
        inference_geo="us",
        container="container_abc",
    )


def test_a_minimal_body_has_only_the_required_fields_and_stream() -> None:
    body = build_messages_body(HELLO, RequestSettings(model="claude-haiku-4-5"))
    assert body == {
        "model": "claude-haiku-4-5",
        "max_tokens": 4096,
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
        "stream": True,
    }


def test_every_field_of_a_rich_request() -> None:
    body = build_messages_body(HELLO, rich_settings())
    assert body == {
        "model": "claude-sonnet-4-6",
        "max_tokens": 8000,
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
        "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
        "temperature": 1.0,
        "top_p": 0.99,
        "stop_sequences": ["END"],
        "stream": True,
        "thinking": {"type": "enabled", "budget_tokens": 2048, "display": "omitted"},
        "output_config": {"effort": "high", "format": {"type": "json_schema", "schema": ANSWER_SCHEMA}},
        "tools": [WEATHER_TOOL, WEB_SEARCH, WEB_FETCH, CODE_EXECUTION],
        "tool_choice": {"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
        "cache_control": {"type": "ephemeral", "ttl": "5m"},
        "metadata": {"user_id": "user-1234"},
        "service_tier": "standard_only",
        "inference_geo": "us",
        "container": "container_abc",
    }


def test_top_k_zero_temperature_and_a_string_system_prompt_are_sent() -> None:
    settings = RequestSettings(model="m", system="You are terse.", temperature=0.0, top_k=5, stream=False)
    body = build_messages_body(HELLO, settings)
    assert (body["system"], body["temperature"], body["top_k"], body["stream"]) == (
        "You are terse.",
        0.0,
        5,
        False,
    )


def test_unset_and_empty_fields_are_omitted() -> None:
    settings = RequestSettings(
        model="m",
        system="",
        stop_sequences=[],
        tools=[],
        metadata_user_id="",
        inference_geo=None,
        container="",
    )
    assert set(build_messages_body(HELLO, settings)) == {"model", "max_tokens", "messages", "stream"}


@pytest.mark.parametrize(
    ("thinking", "expected"),
    [
        (ThinkingSettings("enabled", 1024), {"type": "enabled", "budget_tokens": 1024}),
        (
            ThinkingSettings("enabled", 1024, "summarized"),
            {"type": "enabled", "budget_tokens": 1024, "display": "summarized"},
        ),
        (ThinkingSettings("adaptive", 5000, "omitted"), {"type": "adaptive", "display": "omitted"}),
        (ThinkingSettings("adaptive"), {"type": "adaptive"}),
        (ThinkingSettings("disabled", 5000, "omitted"), {"type": "disabled"}),
    ],
)
def test_thinking_carries_only_what_its_type_takes(
    thinking: ThinkingSettings, expected: dict[str, Any]
) -> None:
    body = build_messages_body(HELLO, RequestSettings(model="m", thinking=thinking))
    assert body["thinking"] == expected


def test_output_config_with_effort_only_or_format_only() -> None:
    effort_only = build_messages_body(HELLO, RequestSettings(model="m", effort="max"))
    assert effort_only["output_config"] == {"effort": "max"}
    format_only = build_messages_body(HELLO, RequestSettings(model="m", output_schema=ANSWER_SCHEMA))
    assert format_only["output_config"] == {"format": {"type": "json_schema", "schema": ANSWER_SCHEMA}}


def test_extra_json_adds_fields_and_deep_merges_nested_objects() -> None:
    settings = rich_settings()
    settings.extra_json = {
        "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
        "output_config": {"effort": "low"},
        "metadata": {"session": "s-1"},
        "stop_sequences": ["STOP"],
        "top_p": 0.95,
    }
    body = build_messages_body(HELLO, settings)
    assert body["context_management"] == {"edits": [{"type": "clear_tool_uses_20250919"}]}
    assert body["output_config"] == {
        "effort": "low",
        "format": {"type": "json_schema", "schema": ANSWER_SCHEMA},
    }
    assert body["metadata"] == {"user_id": "user-1234", "session": "s-1"}
    assert body["stop_sequences"] == ["STOP"]  # lists replace, they do not append
    assert body["top_p"] == 0.95


def test_extra_json_none_removes_a_field_at_any_depth() -> None:
    settings = rich_settings()
    settings.extra_json = {"temperature": None, "output_config": {"format": None}, "not_there": None}
    body = build_messages_body(HELLO, settings)
    assert "temperature" not in body
    assert "not_there" not in body
    assert body["output_config"] == {"effort": "high"}


def test_content_blocks_travel_verbatim() -> None:
    assistant_blocks: list[Any] = [
        {"type": "thinking", "thinking": "Let me see.", "signature": "EqQBCkYIBxgCKkD+/=="},
        {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4a"},
        {"type": "text", "text": "Checking.", "citations": None},
        {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}},
        {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {"query": "x"}},
        {
            "type": "web_search_tool_result",
            "tool_use_id": "srvtoolu_01",
            "content": [{"type": "web_search_result"}],
        },
        {"type": "block_from_the_future", "payload": {"nested": [1, 2, 3]}},
    ]
    user_blocks: list[Any] = [
        {"type": "tool_result", "tool_use_id": "toolu_01", "content": [{"type": "text", "text": "sunny"}]},
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
        {"type": "document", "source": {"type": "url", "url": "https://example.com/a.pdf"}, "title": "A"},
    ]
    messages = [*HELLO, ChatMessage("assistant", assistant_blocks), ChatMessage("user", user_blocks)]
    body = build_messages_body(messages, RequestSettings(model="m"))
    assert body["messages"][1] == {"role": "assistant", "content": assistant_blocks}
    assert body["messages"][2] == {"role": "user", "content": user_blocks}
    assert json.loads(json.dumps(body))["messages"][1]["content"][0]["signature"] == "EqQBCkYIBxgCKkD+/=="


def test_editing_the_body_never_edits_the_settings_or_the_history() -> None:
    settings = rich_settings()
    settings.extra_json = {"metadata": {"session": "s-1"}}
    messages = [*HELLO, ChatMessage("assistant", [{"type": "thinking", "thinking": "t", "signature": "s"}])]
    before = (copy.deepcopy(settings), copy.deepcopy(messages))
    body = build_messages_body(messages, settings)
    body["tools"][0]["input_schema"]["properties"]["city"]["type"] = "number"
    body["messages"][1]["content"][0]["signature"] = "tampered"
    body["metadata"]["session"] = "changed"
    body["system"][0]["text"] = "changed"
    assert (settings, messages) == before


def test_the_count_tokens_body_keeps_only_the_fields_that_endpoint_accepts() -> None:
    settings = rich_settings()
    settings.extra_json = {"output_config": {"effort": "low"}}
    body = build_count_tokens_body(HELLO, settings)
    assert set(body) == {
        "model",
        "messages",
        "system",
        "tools",
        "tool_choice",
        "thinking",
        "output_config",
        "cache_control",
    }
    assert body["output_config"]["effort"] == "low"
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048, "display": "omitted"}


def test_the_count_tokens_fields_are_the_sdks() -> None:
    assert set(get_type_hints(MessageCountTokensParams)) - {"user_profile_id"} == COUNT_TOKENS_FIELDS


# --- The official SDK as the reference for what a request may contain ------------------------------------


def test_every_top_level_field_is_a_field_of_the_sdks_request_type() -> None:
    body = build_messages_body(HELLO, rich_settings())
    assert set(body) <= set(get_type_hints(MessageCreateParamsStreaming))


@pytest.mark.parametrize(
    ("path", "sdk_type"),
    [
        (("tools", 0), ToolParam),
        (("tools", 1), WebSearchTool20250305Param),
        (("tools", 2), WebFetchTool20250910Param),
        (("thinking",), ThinkingConfigEnabledParam),
        (("output_config",), OutputConfigParam),
        (("output_config", "format"), JSONOutputFormatParam),
        (("metadata",), MetadataParam),
        (("tool_choice",), ToolChoiceToolParam),
    ],
)
def test_nested_objects_use_only_the_keys_of_the_sdk_typeddicts(
    path: tuple[Any, ...], sdk_type: type
) -> None:
    value: Any = build_messages_body(HELLO, rich_settings())
    for step in path:
        value = value[step]
    assert set(value) <= set(sdk_type.__annotations__)
    assert sdk_type.__required_keys__ <= set(value)  # type: ignore[attr-defined]


def sent_by_the_sdk(call: str, body: dict[str, Any]) -> dict[str, Any]:
    """What the official client puts on the wire when given our body as keyword arguments: a field it does not
    know would be a TypeError, and any field it would reshape shows up as a difference."""
    sent: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        if request.url.path.endswith("/count_tokens"):
            return httpx.Response(200, json={"input_tokens": 1})
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=b"")

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        client = anthropic.Anthropic(api_key="test-key", http_client=http, max_retries=0)
        if call == "count_tokens":
            client.messages.count_tokens(**body)
        else:
            client.messages.create(**body).close()
    return sent[0]


def test_the_sdk_sends_our_rich_body_unchanged() -> None:
    body = build_messages_body(HELLO, rich_settings())
    assert sent_by_the_sdk("create", body) == body


def test_the_sdk_sends_our_count_tokens_body_unchanged() -> None:
    body = build_count_tokens_body(HELLO, rich_settings())
    assert sent_by_the_sdk("count_tokens", body) == body


def test_the_choice_of_mcp_servers_is_never_sent() -> None:
    """Which MCP servers a conversation offers is the app's own setting: their tools travel in `tools`."""
    from core.wire.openai.request import build_chat_completions_body

    for servers in (["time", "git"], []):
        settings = RequestSettings(model="claude-sonnet-4-6", mcp_servers=servers, tools=[WEATHER_TOOL])
        for body in (build_messages_body(HELLO, settings), build_count_tokens_body(HELLO, settings)):
            assert "mcp" not in json.dumps(body)
            assert body["tools"] == [WEATHER_TOOL]
        openai_body = json.dumps(build_chat_completions_body(HELLO, settings).body)
        assert "mcp" not in openai_body and "get_weather" in openai_body

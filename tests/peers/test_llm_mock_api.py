"""Our client against llm-mock-api: what the user sees of its streamed text, thinking and tool calls.

Every case runs on `/v1/messages` (api_style "anthropic") and `/v1/chat/completions` (api_style "openai"),
streamed and not. The expected content is read from the rules file the server was started with; a rule is
selected by the system prompt (README.md, L13). Where the peer departs from the spec (README.md, L1-L13),
the tests pin what the client makes of it: the user still gets the text, and nothing the peer did not send
is claimed.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from core.api.client import ApiClient
from core.api.reply import ReplyResult
from core.api.retry import RetryPolicy
from core.model.messages import ChatMessage
from core.model.profile import ApiStyle, Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.accumulate import StreamUpdate
from core.wire.errors import NotFoundError
from tests.peers.servers import PeerServer, llm_mock_api_rule

pytestmark = pytest.mark.peers

MODEL = "claude-sonnet-4-5-20250929"
STYLES: tuple[ApiStyle, ...] = ("anthropic", "openai")


async def ask(
    server: PeerServer,
    rule: dict[str, Any],
    *,
    api_style: ApiStyle,
    stream: bool = True,
    updates: list[StreamUpdate] | None = None,
    **settings: Any,
) -> ReplyResult:
    profile = Profile(
        f"llm-mock-api ({api_style})",
        server.url,
        auth_style="bearer" if api_style == "openai" else "x-api-key",
        api_style=api_style,
    )
    client = ApiClient(profile, api_key="peer-test-key", retry=RetryPolicy(max_retries=0))
    try:
        return await client.send(
            [ChatMessage.user_text("Go ahead.")],
            RequestSettings(model=MODEL, system=rule["when"]["system"], stream=stream, **settings),
            on_update=updates.append if updates is not None else None,
        )
    finally:
        await client.aclose()


def blocks_of(result: ReplyResult, block_type: str) -> list[dict[str, Any]]:
    assert result.message is not None
    return [dict(block) for block in result.message.content if block.get("type") == block_type]


def assert_complete(result: ReplyResult) -> None:
    assert result.error is None, f"{type(result.error).__name__}: {result.error}"
    assert result.complete
    assert result.message is not None


@pytest.mark.parametrize("api_style", STYLES)
async def test_streamed_text_arrives_whole_and_in_pieces(
    llm_mock_api: PeerServer, api_style: ApiStyle
) -> None:
    rule = llm_mock_api_rule("text")
    updates: list[StreamUpdate] = []

    result = await ask(llm_mock_api, rule, api_style=api_style, updates=updates)

    assert_complete(result)
    assert result.message is not None
    assert result.message.text == rule["reply"]
    assert [block["type"] for block in result.message.content] == ["text"]
    assert result.message.stop_reason == "end_turn"
    # It really streamed: the 10-character chunks reached the caller one by one, and add up to the text.
    text_updates = [update.text for update in updates if update.kind == "text" and update.text]
    assert len(text_updates) == math.ceil(len(rule["reply"]) / 10)
    assert "".join(text_updates) == rule["reply"]


@pytest.mark.parametrize("api_style", STYLES)
async def test_non_streamed_text(llm_mock_api: PeerServer, api_style: ApiStyle) -> None:
    rule = llm_mock_api_rule("text")

    result = await ask(llm_mock_api, rule, api_style=api_style, stream=False)

    assert_complete(result)
    assert result.message is not None
    assert result.message.text == rule["reply"]
    assert result.message.stop_reason == "end_turn"


@pytest.mark.parametrize("api_style", STYLES)
async def test_usage_is_what_the_peer_reported(llm_mock_api: PeerServer, api_style: ApiStyle) -> None:
    """L4: constant usage, 10 in / 5 out; on the OpenAI route it comes in a trailing chunk (L8) that the
    client must still read, although it has `finish_reason: null` after the real finish."""
    result = await ask(llm_mock_api, llm_mock_api_rule("text"), api_style=api_style)

    assert_complete(result)
    assert result.message is not None
    assert (result.message.usage.input_tokens, result.message.usage.output_tokens) == (10, 5)


@pytest.mark.parametrize("api_style", STYLES)
async def test_no_request_id_is_claimed(llm_mock_api: PeerServer, api_style: ApiStyle) -> None:
    """L5: the peer sends no request-id; the client must not make one up."""
    result = await ask(llm_mock_api, llm_mock_api_rule("text"), api_style=api_style)

    assert_complete(result)
    assert result.request_id is None


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "not-streamed"])
async def test_thinking_without_a_signature_is_shown_and_not_signed(
    llm_mock_api: PeerServer, stream: bool
) -> None:
    """L1: the thinking block comes with no signature at all. The user sees the thinking and the answer;
    the client neither fails nor fills in a signature the peer never sent."""
    rule = llm_mock_api_rule("thinking")

    result = await ask(
        llm_mock_api,
        rule,
        api_style="anthropic",
        stream=stream,
        max_tokens=2048,
        thinking=ThinkingSettings(mode="enabled", budget_tokens=1024),
    )

    assert_complete(result)
    assert result.message is not None
    assert [block["type"] for block in result.message.content] == ["thinking", "text"]
    (thinking,) = blocks_of(result, "thinking")
    assert thinking["thinking"] == rule["reply"]["reasoning"]
    assert not thinking.get("signature"), f"a signature the peer never sent: {thinking.get('signature')!r}"
    assert result.message.text == rule["reply"]["text"]
    assert result.message.stop_reason == "end_turn"


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "not-streamed"])
async def test_thinking_through_chat_completions_is_not_claimed(
    llm_mock_api: PeerServer, stream: bool
) -> None:
    """L3: the OpenAI route drops the reasoning; the user gets the answer and no made-up thinking block."""
    rule = llm_mock_api_rule("thinking")

    result = await ask(
        llm_mock_api,
        rule,
        api_style="openai",
        stream=stream,
        max_tokens=2048,
        thinking=ThinkingSettings(mode="enabled", budget_tokens=1024),
    )

    assert_complete(result)
    assert result.message is not None
    assert result.message.text == rule["reply"]["text"]
    assert blocks_of(result, "thinking") == []
    assert blocks_of(result, "redacted_thinking") == []


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "not-streamed"])
@pytest.mark.parametrize("api_style", STYLES)
async def test_text_then_a_tool_call(llm_mock_api: PeerServer, api_style: ApiStyle, stream: bool) -> None:
    rule = llm_mock_api_rule("tool")
    (tool,) = rule["reply"]["tools"]

    result = await ask(llm_mock_api, rule, api_style=api_style, stream=stream)

    assert_complete(result)
    assert result.message is not None
    assert result.message.text == rule["reply"]["text"]
    (call,) = blocks_of(result, "tool_use")
    assert call["name"] == tool["name"]
    assert call["input"] == tool["args"]
    assert isinstance(call["id"], str) and call["id"]
    assert result.message.stop_reason == "tool_use"
    assert [block["type"] for block in result.message.content] == ["text", "tool_use"]


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "not-streamed"])
@pytest.mark.parametrize("api_style", STYLES)
async def test_two_tool_calls_and_no_text(
    llm_mock_api: PeerServer, api_style: ApiStyle, stream: bool
) -> None:
    """Two calls stay apart (blocks 0/1, or tool_calls indices 0/1), with their non-ASCII input intact.
    L7: not streamed, /v1/messages adds an empty text block; the user sees no text either way."""
    rule = llm_mock_api_rule("tools_only")

    result = await ask(llm_mock_api, rule, api_style=api_style, stream=stream)

    assert_complete(result)
    assert result.message is not None
    calls = blocks_of(result, "tool_use")
    assert [(call["name"], call["input"]) for call in calls] == [
        (tool["name"], tool["args"]) for tool in rule["reply"]["tools"]
    ]
    assert len({call["id"] for call in calls}) == 2
    assert result.message.text == ""
    assert result.message.stop_reason == "tool_use"


async def test_a_missing_model_list_is_a_not_found_error(llm_mock_api: PeerServer) -> None:
    """llm-mock-api has no /v1/models: FastAPI's `404 {"detail":"Not Found"}` becomes a typed error that
    quotes the body, not a crash or an empty list."""
    client = ApiClient(Profile("llm-mock-api", llm_mock_api.url), api_key="peer-test-key")
    try:
        with pytest.raises(NotFoundError) as caught:
            await client.list_models()
    finally:
        await client.aclose()

    assert caught.value.status == 404
    assert "Not Found" in caught.value.message

"""Our client against llmock: Anthropic-shaped (and OpenAI-shaped) 429s with retry-after, and streams cut
partway, each scripted from llmock_scenarios.json. llmock's journal (`llmock_peer.requests()`) shows every
attempt with the server's own monotonic timestamps, so retries and their spacing are checked from the
server's side, not only from what the client says it did.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from core.api.client import ApiClient
from core.api.reply import ReplyResult
from core.api.retry import RetryPolicy
from core.model.messages import ChatMessage
from core.model.profile import ApiStyle, Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiConnectionError, ApiError, RateLimitError
from tests.peers.servers import LlmockPeer, llmock_scenario

pytestmark = pytest.mark.peers

MODEL = "claude-sonnet-4-5-20250929"
STYLES: tuple[ApiStyle, ...] = ("anthropic", "openai")
# Backoff without retry-after would be ~10 ms: a retry that comes later than that waited for retry-after.
FAST_BACKOFF = {"initial_delay": 0.01, "max_delay": 0.02}
# Server and client share the machine's monotonic clock; allow for timer granularity only.
CLOCK_SLACK = 0.02

Retry = tuple[ApiError, float, int]

# How the client may say that a reply stopped short; the exact wording is its own business.
CUT_SHORT = ("cut", "before the reply was complete", "incomplete", "ended early")


def says_cut_short(error: ApiError | None) -> bool:
    return error is not None and any(phrase in error.message.lower() for phrase in CUT_SHORT)


def profile_for(peer: LlmockPeer, api_style: ApiStyle) -> Profile:
    if api_style == "openai":
        return Profile("llmock (openai)", peer.openai_base_url, auth_style="bearer", api_style="openai")
    return Profile("llmock (anthropic)", peer.anthropic_base_url)


async def ask(
    peer: LlmockPeer,
    *,
    api_style: ApiStyle = "anthropic",
    max_retries: int,
    retries: list[Retry] | None = None,
) -> ReplyResult:
    client = ApiClient(
        profile_for(peer, api_style),
        api_key="peer-test-key",
        retry=RetryPolicy(max_retries=max_retries, **FAST_BACKOFF),
    )
    try:
        return await client.send(
            [ChatMessage.user_text("Count to ten, please.")],
            RequestSettings(model=MODEL, max_tokens=256),
            on_retry=(lambda error, wait, number: retries.append((error, wait, number)))
            if retries is not None
            else None,
        )
    finally:
        await client.aclose()


def scripted_text(scenario: str) -> str:
    (reply,) = [behavior for behavior in llmock_scenario(scenario) if behavior["type"] == "reply"]
    return reply["text"]


def gaps(attempts: list[dict[str, Any]]) -> list[float]:
    """Seconds between the end of each attempt and the start of the next, by the server's clock."""
    return [after["started_at"] - before["ended_at"] for before, after in itertools.pairwise(attempts)]


# -- 429 ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("api_style", STYLES)
async def test_a_429_is_a_rate_limit_error_with_its_retry_after(
    llmock_peer: LlmockPeer, api_style: ApiStyle
) -> None:
    llmock_peer.script("rate_limited_always")

    result = await ask(llmock_peer, api_style=api_style, max_retries=0)

    assert result.message is None
    error = result.error
    assert isinstance(error, RateLimitError), f"{type(error).__name__}: {error}"
    assert error.status == 429
    assert error.error_type == "rate_limit_error"
    assert error.message == "Rate limit exceeded."
    assert error.retry_after == pytest.approx(0.1)
    # K2: llmock sends no request id; none is made up.
    assert error.request_id is None and result.request_id is None
    assert [attempt["status"] for attempt in llmock_peer.requests()] == [429]


async def test_retry_after_ms_wins_over_the_rounded_up_retry_after(llmock_peer: LlmockPeer) -> None:
    """K1: `retry-after: 3`, `retry-after-ms: 2500` for a 2.5 s wait; the exact value is the one to keep."""
    llmock_peer.script("rate_limited_long_wait")

    result = await ask(llmock_peer, max_retries=0)

    assert isinstance(result.error, RateLimitError)
    assert result.error.retry_after == pytest.approx(2.5)


@pytest.mark.parametrize("api_style", STYLES)
async def test_a_429_is_retried_after_the_wait_it_asks_for(
    llmock_peer: LlmockPeer, api_style: ApiStyle
) -> None:
    llmock_peer.script("rate_limited_once")
    retries: list[Retry] = []

    result = await ask(llmock_peer, api_style=api_style, max_retries=2, retries=retries)

    assert result.error is None, f"{type(result.error).__name__}: {result.error}"
    assert result.complete
    assert result.message is not None
    assert result.message.text == scripted_text("rate_limited_once")
    # The user was told about the retry and how long it waits.
    ((error, wait, number),) = retries
    assert isinstance(error, RateLimitError) and error.retry_after == pytest.approx(0.3)
    assert (wait, number) == (pytest.approx(0.3), 1)
    # The server saw the wait.
    attempts = llmock_peer.requests()
    assert [attempt["status"] for attempt in attempts] == [429, 200]
    assert gaps(attempts)[0] >= 0.3 - CLOCK_SLACK
    findings = {finding["code"] for finding in llmock_peer.verdict()["findings"]}
    assert not findings & {"retry_after_ignored", "retry_storm", "retried_non_retryable"}


async def test_retries_stop_after_max_retries_and_the_429_is_returned(llmock_peer: LlmockPeer) -> None:
    llmock_peer.script("rate_limited_always")
    retries: list[Retry] = []

    result = await ask(llmock_peer, max_retries=2, retries=retries)

    assert isinstance(result.error, RateLimitError)
    assert result.message is None
    assert [number for _, _, number in retries] == [1, 2]
    attempts = llmock_peer.requests()
    assert [attempt["status"] for attempt in attempts] == [429, 429, 429]
    assert all(gap >= 0.1 - CLOCK_SLACK for gap in gaps(attempts))


# -- streams cut partway -----------------------------------------------------------------------------------

# What arrives before the cut (after_chunks=5 events): on the Anthropic route message_start,
# content_block_start and ping come first, on the OpenAI route only the role chunk.
TEXT_BEFORE_THE_CUT = {"anthropic": "One two ", "openai": "One two three four "}


@pytest.mark.parametrize("api_style", STYLES)
async def test_a_dropped_connection_keeps_the_partial_text_and_says_it_was_cut(
    llmock_peer: LlmockPeer, api_style: ApiStyle
) -> None:
    llmock_peer.script("disconnect_mid_text")

    result = await ask(llmock_peer, api_style=api_style, max_retries=2)

    assert result.message is not None
    assert result.message.text == TEXT_BEFORE_THE_CUT[api_style]
    assert scripted_text("disconnect_mid_text").startswith(result.message.text)
    assert isinstance(result.error, ApiConnectionError), f"{type(result.error).__name__}: {result.error}"
    assert says_cut_short(result.error), result.error.message
    assert not result.complete
    assert result.message.stop_reason is None, "a cut reply must not look finished"
    # Not retried: the output had begun, and a second answer would be appended to the first.
    (attempt,) = llmock_peer.requests()
    assert attempt["fault"] == "stream:disconnect@5"


@pytest.mark.parametrize("api_style", STYLES)
async def test_a_stream_that_ends_early_is_not_taken_for_a_whole_reply(
    llmock_peer: LlmockPeer, api_style: ApiStyle
) -> None:
    """K6: the HTTP body ends cleanly; only the missing message_stop / finish_reason tells. (llmock's own
    verdict calls any non-retried truncation `truncated_stream_accepted`, even when the client reports it,
    so it is not consulted here.)"""
    llmock_peer.script("truncate_mid_text")

    result = await ask(llmock_peer, api_style=api_style, max_retries=2)

    assert result.message is not None
    assert result.message.text == TEXT_BEFORE_THE_CUT[api_style]
    assert result.error is not None, "a truncated stream was accepted as a complete reply"
    assert says_cut_short(result.error), result.error.message
    assert not result.complete
    assert result.message.stop_reason is None
    (attempt,) = llmock_peer.requests()
    assert attempt["fault"] == "stream:truncate@5"


async def test_a_tool_call_cut_partway_keeps_the_text_and_invents_no_input(llmock_peer: LlmockPeer) -> None:
    llmock_peer.script("disconnect_mid_tool_input")
    (reply,) = [b for b in llmock_scenario("disconnect_mid_tool_input") if b["type"] == "reply"]
    (tool,) = reply["tool_calls"]

    result = await ask(llmock_peer, max_retries=2)

    assert isinstance(result.error, ApiConnectionError)
    assert says_cut_short(result.error), result.error.message
    assert result.message is not None
    assert result.message.text == reply["text"]
    assert result.message.stop_reason is None
    calls = [block for block in result.message.content if block.get("type") == "tool_use"]
    # The partial call may be shown, but with no input that was not received.
    for call in calls:
        assert call["name"] == tool["name"]
        assert all(tool["arguments"].get(key) == value for key, value in call["input"].items())


# -- model list ----------------------------------------------------------------------------------------------


async def test_the_model_list_in_both_shapes(llmock_peer: LlmockPeer) -> None:
    """Spec §8: an Anthropic page (`/anthropic/v1/models`: data, has_more, first_id, last_id) and an
    OpenAI list (`/v1/models`: object "list", entries with `owned_by`) are both read; nothing the peer
    did not say (context sizes, thinking support) is filled in."""
    anthropic = ApiClient(profile_for(llmock_peer, "anthropic"), api_key="peer-test-key")
    openai = ApiClient(profile_for(llmock_peer, "openai"), api_key="peer-test-key")
    try:
        claude_models = await anthropic.list_models()
        openai_models = await openai.list_models()
    finally:
        await anthropic.aclose()
        await openai.aclose()

    by_id = {model.id: model for model in claude_models}
    assert "claude-sonnet-4-6" in by_id
    assert by_id["claude-sonnet-4-6"].display_name == "Claude Sonnet 4.6"
    assert all(model.max_input_tokens is None and model.thinking_types is None for model in claude_models)
    assert "gpt-4o" in {model.id for model in openai_models}


# -- the end of a stream that only lost its last events ---------------------------------------------------


@pytest.mark.parametrize("api_style", STYLES)
async def test_a_connection_dropped_after_the_stop_reason_is_not_called_an_incomplete_reply(
    llmock_peer: LlmockPeer, api_style: ApiStyle
) -> None:
    """The whole answer and its stop reason arrived; only message_stop (or `data: [DONE]`) is missing when
    the connection drops. The reply is whole and must not be reported as cut short, nor lose its stop
    reason (on the OpenAI route it arrives as a finish_reason chunk before the usage chunk)."""
    llmock_peer.script("disconnect_after_the_stop_reason")

    result = await ask(llmock_peer, api_style=api_style, max_retries=0)

    assert result.message is not None
    assert result.message.text == scripted_text("disconnect_after_the_stop_reason")
    assert result.message.stop_reason == "end_turn"
    assert not says_cut_short(result.error), f"a whole reply called incomplete: {result.error}"
    (attempt,) = llmock_peer.requests()
    assert attempt["fault"].startswith("stream:disconnect@")


async def test_an_openai_stream_without_its_usage_chunk_does_not_claim_zero_tokens(
    llmock_peer: LlmockPeer,
) -> None:
    """The finish_reason chunk arrives, then the body ends without the usage chunk that
    `stream_options.include_usage` asked for. Counting that as 0 tokens (a free reply) would be false."""
    llmock_peer.script("truncate_before_usage")

    result = await ask(llmock_peer, api_style="openai", max_retries=0)

    assert result.message is not None
    assert result.message.text == scripted_text("truncate_before_usage")
    told = result.error is not None or any("usage" in warning.lower() for warning in result.warnings)
    assert told or result.message.usage.output_tokens > 0, "usage never arrived, yet 0 tokens are reported"

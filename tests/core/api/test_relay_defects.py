"""Issue 15's defects behind a relay, in core: each through the real client against the fake server speaking
as the relay does (a quirk profile of `core.demo.quirks`, or the relay's exact bytes)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import AsyncIterator

import pytest

from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.retry import RetryPolicy, is_throttled, parse_retry_after
from core.demo import (
    CUT_THEN_ERROR,
    HEADERS_RENAMED,
    OVERLOADED_AS_500,
    CutMidEvent,
    ErrorEvent,
    FakeServer,
    HttpError,
    Pace,
    Quirks,
    Reply,
    Text,
    Thinking,
    ToolUse,
)
from core.model.messages import ChatMessage
from core.model.profile import ApiStyle, Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire import errors
from core.wire.openai.compat import ChunkTranslator, convert_chat_completion
from core.wire.stream_reader import StreamReader

KEY = "sk-relay-test"
MODEL = "claude-sonnet-4-6"
HELLO = [ChatMessage.user_text("Hello")]
THINKING = RequestSettings(MODEL, max_tokens=4000, thinking=ThinkingSettings("enabled", budget_tokens=2000))


@pytest.fixture
async def relay(request: pytest.FixtureRequest) -> AsyncIterator[FakeServer]:
    quirks: Quirks = getattr(request, "param", Quirks())
    async with FakeServer(api_key=KEY, quirks=quirks) as running:
        yield running


def client_for(
    server: FakeServer, *, api_style: ApiStyle = "anthropic", retry: RetryPolicy | None = None
) -> ApiClient:
    return ApiClient(
        Profile("relay", server.base_url, api_style=api_style),
        KEY,
        retry=retry or RetryPolicy(max_retries=0),
        limits=NetworkLimits(connect=2.0, idle=5.0),
    )


# --- 1. thinking signatures on the OpenAI route ---------------------------------------------------------


@pytest.mark.parametrize("stream", [True, False])
async def test_thinking_signatures_from_thinking_blocks_are_kept_and_sent_back(
    relay: FakeServer, stream: bool
) -> None:
    call = ToolUse("get_weather", {"city": "Paris"}, id="toolu_1")
    relay.enqueue(
        Reply([Thinking("Weather first.", "sig-kept"), call], pace=Pace(4)), Reply([Text("Sunny.")])
    )
    settings = dataclasses.replace(THINKING, stream=stream)
    async with client_for(relay, api_style="openai") as client:
        first = await client.send(HELLO, settings)
        assert first.error is None and first.message is not None
        assert first.message.content[0] == {
            "type": "thinking",
            "thinking": "Weather first.",
            "signature": "sig-kept",
        }
        follow_up = [
            *HELLO,
            first.message.as_chat_message(),
            ChatMessage("user", [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "21 C"}]),
        ]
        second = await client.send(follow_up, settings)
    assert second.error is None
    assistant = relay.requests[-1].body["messages"][1]
    assert assistant["thinking_blocks"] == [
        {"type": "thinking", "thinking": "Weather first.", "signature": "sig-kept"}
    ]
    assert assistant["tool_calls"][0]["id"] == "toolu_1"


def test_two_signed_thinking_blocks_stay_two_blocks() -> None:
    def delta(**fields: object) -> dict[str, object]:
        return {"id": "c", "model": MODEL, "choices": [{"index": 0, "delta": fields, "finish_reason": None}]}

    translator = ChunkTranslator()
    events = []
    for item in [
        delta(
            reasoning_content="One.",
            thinking_blocks=[{"type": "thinking", "thinking": "One.", "signature": None}],
        ),
        delta(
            reasoning_content="", thinking_blocks=[{"type": "thinking", "thinking": "", "signature": "s1"}]
        ),
        delta(
            reasoning_content="Two.",
            thinking_blocks=[{"type": "thinking", "thinking": "Two.", "signature": None}],
        ),
        delta(thinking_blocks=[{"type": "thinking", "thinking": "", "signature": "s2"}]),
        {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
    ]:
        events += translator.feed(item)
    starts = [e for e in events if e["type"] == "content_block_start"]
    signatures = [
        e["delta"]["signature"] for e in events if e.get("delta", {}).get("type") == "signature_delta"
    ]
    assert len(starts) == 2 and signatures == ["s1", "s2"]


def test_a_whole_completion_keeps_its_thinking_blocks() -> None:
    message = convert_chat_completion(
        {
            "id": "c",
            "model": MODEL,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {
                        "role": "assistant",
                        "content": "Hi",
                        "reasoning_content": "Think.",
                        "thinking_blocks": [{"type": "thinking", "thinking": "Think.", "signature": "abc"}],
                    },
                }
            ],
        }
    )
    assert message.content[0] == {"type": "thinking", "thinking": "Think.", "signature": "abc"}


# --- 2. an error event is not an HTTP status -------------------------------------------------------------


async def test_an_error_event_keeps_its_type_and_no_status(relay: FakeServer) -> None:
    relay.enqueue(Reply([Text("Half a reply " * 10)], faults=[ErrorEvent(after_deltas=3)]))
    async with client_for(relay) as client:
        result = await client.send(HELLO, RequestSettings(MODEL))
    assert isinstance(result.error, errors.StreamErrorEvent)
    assert result.error.error_type == "overloaded_error"
    assert not hasattr(result.error, "status")


# --- 3. retry-after under other names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"llm_provider-retry-after": "7"}, 7.0),
        ({"llm_provider-retry-after-ms": "1500"}, 1.5),
        ({"x-retry-after": "4"}, 4.0),
        ({"x-ratelimit-reset-requests": "1s", "x-ratelimit-reset-tokens": "6m0s"}, 360.0),
        ({"llm_provider-x-ratelimit-reset-tokens": "250ms"}, 0.25),
        ({"retry-after": "2", "llm_provider-retry-after": "9"}, 2.0),
    ],
)
def test_retry_after_is_read_under_the_names_relays_give_it(headers: dict[str, str], seconds: float) -> None:
    assert parse_retry_after(headers) == pytest.approx(seconds)


def test_an_anthropic_reset_time_counts_from_now() -> None:
    in_ten = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 10))
    wait = parse_retry_after({"llm_provider-anthropic-ratelimit-requests-reset": in_ten})
    assert wait is not None and 8 < wait <= 10


def test_a_throttled_answer_without_a_wait_backs_off_past_a_relays_cooldown() -> None:
    """LiteLLM cools a failed deployment down for 5 s: the retries must not all fall inside it."""
    policy = RetryPolicy()
    for _ in range(20):
        first, second = policy.delay(0, None, throttled=True), policy.delay(1, None, throttled=True)
        assert first >= 3.0 and first + second > 5.0
        assert policy.delay(0, None) <= 0.5, "other failures still retry quickly"
    assert is_throttled(errors.status_error(429, b"{}", request_id=None, retry_after=None))
    assert is_throttled(
        errors.status_error(
            500, b'{"error":{"message":"overloaded_error"}}', request_id=None, retry_after=None
        )
    )
    assert not is_throttled(errors.status_error(500, b"{}", request_id=None, retry_after=None))


@pytest.mark.parametrize("relay", [HEADERS_RENAMED], indirect=True)
async def test_the_client_waits_as_the_renamed_header_says(relay: FakeServer) -> None:
    relay.enqueue(HttpError(429, "Rate limited", headers={"retry-after": "0.6"}), Reply([Text("Done.")]))
    waits: list[float] = []
    async with client_for(relay, retry=RetryPolicy(max_retries=1)) as client:
        result = await client.send(
            HELLO, RequestSettings(MODEL), on_retry=lambda _e, wait, _n: waits.append(wait)
        )
    assert result.error is None and waits == [0.6]
    assert "retry-after" not in relay.requests[0].headers  # (a request header: nothing to see there)


# --- 4. overloaded wrapped in a 500, the relay's own id ---------------------------------------------------


@pytest.mark.parametrize("relay", [OVERLOADED_AS_500], indirect=True)
async def test_a_500_that_names_overloaded_error_keeps_its_status_and_says_overloaded(
    relay: FakeServer,
) -> None:
    relay.enqueue(HttpError(529, "Overloaded"))
    async with client_for(relay) as client:
        result = await client.send(HELLO, RequestSettings(MODEL))
    error = result.error
    assert isinstance(error, errors.InternalServerError)
    assert (error.status, error.error_type) == (500, "overloaded_error")
    assert error.request_id is not None and error.request_id.startswith("call_")
    assert result.request_id == error.request_id


# --- 5. a half event, then the relay's error event ----------------------------------------------------------


@pytest.mark.parametrize("api_style", ["anthropic", "openai"])
async def test_after_a_half_event_the_relays_error_event_is_read(api_style: ApiStyle) -> None:
    async with FakeServer(api_key=KEY, quirks=CUT_THEN_ERROR) as relay:
        relay.enqueue(
            Reply([Text("Some words of a reply that breaks " * 4)], faults=[CutMidEvent(after_deltas=4)])
        )
        async with client_for(relay, api_style=api_style) as client:
            result = await client.send(HELLO, RequestSettings(MODEL))
    assert isinstance(result.error, errors.StreamErrorEvent)
    assert "peer closed connection" in result.error.message
    assert any(
        "is not valid JSON" in warning and "error event came next" in warning for warning in result.warnings
    )
    assert result.message is not None and result.message.content[0]["text"].startswith("Some words")


def test_a_malformed_event_without_an_error_after_it_still_breaks_the_stream() -> None:
    reader = StreamReader("anthropic")
    reader.feed(b'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message",')
    with pytest.raises(errors.MalformedStreamError):
        reader.feed(b"\n\n" + b'event: ping\ndata: {"type": "ping"}\n\n' * 9)

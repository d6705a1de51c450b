"""The client over real HTTP against the fake server: what is sent, what comes back, how it fails."""

import asyncio
import socket
import time
from collections.abc import AsyncIterator

import pytest

from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.reply import ReplyRun
from core.api.retry import RetryPolicy
from core.demo import (
    CutConnection,
    DuplicateMessageStart,
    ErrorEvent,
    FakeServer,
    Gzip,
    HttpError,
    MalformedData,
    NoMessageStop,
    Pace,
    RawResponse,
    Reply,
    Stall,
    StallBeforeHeaders,
    Text,
    Thinking,
    ToolUse,
    UnknownEvent,
)
from core.model.messages import ChatMessage, Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire import errors
from core.wire.accumulate import StreamUpdate
from core.wire.validation import RequestValidationError

KEY = "sk-client-test"
MODEL = "claude-sonnet-4-5-20250929"
HELLO = [ChatMessage.user_text("Hello")]
SLOW = Pace(chunk_chars=4, delta_interval=0.03)


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    async with FakeServer(api_key=KEY) as running:
        yield running


def client_for(
    server: FakeServer, *, retries: int = 0, read_timeout: float = 5.0, **profile: object
) -> ApiClient:
    return ApiClient(
        Profile(name="test", base_url=server.base_url, **profile),  # type: ignore[arg-type]
        KEY,
        retry=RetryPolicy(max_retries=retries, initial_delay=0.01, max_delay=0.05),
        limits=NetworkLimits(connect=2.0, idle=read_timeout),
    )


def settings(**fields: object) -> RequestSettings:
    return RequestSettings(model=MODEL, **{"max_tokens": 512, **fields})  # type: ignore[arg-type]


async def test_a_streamed_reply_arrives_delta_by_delta_and_whole(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Hello there, general Kenobi.")], usage=Usage(12, 7)))
    updates: list[StreamUpdate] = []
    async with client_for(server) as client:
        result = await client.send(HELLO, settings(), on_update=updates.append)
    assert result.complete and result.message is not None
    assert result.message.text == "Hello there, general Kenobi."
    assert "".join(u.text for u in updates if u.kind == "text") == "Hello there, general Kenobi."
    assert len([u for u in updates if u.kind == "text"]) > 1
    assert (
        result.message.stop_reason,
        result.message.usage.input_tokens,
        result.message.usage.output_tokens,
    ) == (
        "end_turn",
        12,
        7,
    )
    assert result.request_id == server.requests[0].request_id


async def test_the_request_carries_the_settings_the_key_and_the_version(server: FakeServer) -> None:
    chosen = settings(
        system="Be brief.",
        temperature=0.3,
        stop_sequences=["END"],
        metadata_user_id="user-7",
        extra_json={"service_tier": "standard_only"},
    )
    async with client_for(server) as client:
        await client.send(HELLO, chosen)
    sent = server.requests[0]
    assert sent.path == "/v1/messages"
    assert sent.headers["x-api-key"] == KEY and "authorization" not in sent.headers
    assert sent.headers["anthropic-version"] == "2023-06-01"
    assert sent.body == {
        "model": MODEL,
        "max_tokens": 512,
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}],
        "system": "Be brief.",
        "temperature": 0.3,
        "stop_sequences": ["END"],
        "stream": True,
        "metadata": {"user_id": "user-7"},
        "service_tier": "standard_only",
    }


async def test_bearer_auth_and_betas_reach_the_server(server: FakeServer) -> None:
    async with client_for(server, auth_style="bearer", betas=("beta-one",)) as client:
        result = await client.send(HELLO, settings())
    assert result.complete
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert server.requests[0].headers["anthropic-beta"] == "beta-one"


async def test_thinking_and_a_tool_call_accumulate_with_signature_and_parsed_input(
    server: FakeServer,
) -> None:
    server.enqueue(
        Reply([Thinking("Let me look.", "sig-123"), ToolUse("get_weather", {"city": "北京", "days": 3})])
    )
    async with client_for(server) as client:
        result = await client.send(
            HELLO, settings(max_tokens=2048, thinking=ThinkingSettings("enabled", budget_tokens=1024))
        )
    assert result.message is not None
    thinking, tool = result.message.content
    assert thinking == {"type": "thinking", "thinking": "Let me look.", "signature": "sig-123"}
    assert (tool["name"], tool["input"]) == ("get_weather", {"city": "北京", "days": 3})
    assert result.message.stop_reason == "tool_use"


async def test_metrics_follow_the_servers_timing(server: FakeServer) -> None:
    server.enqueue(Reply([Text("abcd" * 6)], pace=SLOW, faults=[Stall(0.3, after_deltas=0)]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    metrics = result.metrics
    assert metrics.time_to_first_token is not None and metrics.duration is not None
    # The server stalls 0.3 s before the first delta, then sends 6 deltas 0.03 s apart.
    assert 0.3 <= metrics.time_to_first_token < 1.5
    assert metrics.duration >= metrics.time_to_first_token + 5 * 0.03
    assert metrics.bytes_received > 0


async def test_a_non_streaming_request_gives_the_same_message(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Whole at once.")], usage=Usage(3, 4)))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings(stream=False))
    assert result.complete and result.message is not None
    assert result.message.text == "Whole at once."
    assert server.requests[0].body["stream"] is False  # type: ignore[index]


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (413, errors.RequestTooLargeError),
        (500, errors.InternalServerError),
        (529, errors.OverloadedError),
    ],
)
async def test_http_errors_become_typed_errors_with_the_servers_words(
    server: FakeServer, status: int, error_class: type[errors.ApiStatusError]
) -> None:
    server.enqueue(HttpError(status, "The relay says no."))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert type(result.error) is error_class
    assert result.error.status == status and result.error.message == "The relay says no."
    assert result.error.request_id == server.requests[0].request_id
    assert result.message is None


async def test_a_wrong_key_is_an_authentication_error_from_the_server_itself(server: FakeServer) -> None:
    client = ApiClient(Profile("p", server.base_url), "sk-wrong", retry=RetryPolicy(max_retries=2))
    async with client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.AuthenticationError)
    assert len(server.requests) == 1, "a 401 must not be retried"


async def test_a_429_waits_its_retry_after_and_then_succeeds(server: FakeServer) -> None:
    server.enqueue(HttpError(429, "Slow down.", headers={"retry-after": "0.4"}), Reply([Text("Finally.")]))
    notices: list[tuple[str, float, int]] = []
    began = time.monotonic()
    async with client_for(server, retries=2) as client:
        result = await client.send(
            HELLO, settings(), on_retry=lambda error, wait, n: notices.append((type(error).__name__, wait, n))
        )
    assert result.complete and result.message is not None and result.message.text == "Finally."
    assert notices == [("RateLimitError", 0.4, 1)]
    assert time.monotonic() - began >= 0.4
    assert len(server.requests) == 2


async def test_retries_stop_at_the_limit_with_the_last_error(server: FakeServer) -> None:
    server.enqueue(*[HttpError(529, "Overloaded.")] * 3)
    async with client_for(server, retries=2) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.OverloadedError)
    assert len(server.requests) == 3


async def test_x_should_retry_false_is_obeyed(server: FakeServer) -> None:
    server.enqueue(HttpError(500, "Do not retry me.", headers={"x-should-retry": "false"}))
    async with client_for(server, retries=2) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.InternalServerError)
    assert len(server.requests) == 1


async def test_a_relay_html_502_page_is_described_plainly(server: FakeServer) -> None:
    server.enqueue(RawResponse.html_page(502))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.InternalServerError)
    assert result.error.message.startswith("HTTP 502: the server sent an HTML page (502")


async def test_connection_refused_is_retried_then_reported() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    attempts: list[int] = []
    client = ApiClient(
        Profile("p", f"http://127.0.0.1:{port}"), KEY, retry=RetryPolicy(max_retries=2, initial_delay=0.01)
    )
    async with client:
        result = await client.send(HELLO, settings(), on_retry=lambda _e, _w, n: attempts.append(n))
    assert isinstance(result.error, errors.ApiConnectionError)
    assert "connection was refused" in result.error.message
    assert attempts == [1, 2]


async def test_an_error_event_mid_stream_keeps_the_partial_reply_and_is_not_retried(
    server: FakeServer,
) -> None:
    server.enqueue(Reply([Text("Half of a reply that never ends")], faults=[ErrorEvent(after_deltas=2)]))
    async with client_for(server, retries=2) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.StreamErrorEvent)
    assert result.error.error_type == "overloaded_error"
    assert result.message is not None and result.message.text == "Half of a reply that never ends"[:16]
    assert len(server.requests) == 1


async def test_a_connection_cut_mid_stream_keeps_what_arrived(server: FakeServer) -> None:
    server.enqueue(Reply([Text("x" * 400)], faults=[CutConnection(after_bytes=900)]))
    async with client_for(server, retries=2) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.ApiConnectionError)
    assert "connection was cut" in result.error.message
    assert result.message is not None and 0 < len(result.message.text) < 400
    assert len(server.requests) == 1


async def test_a_stalled_stream_times_out_and_keeps_what_arrived(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Before the stall, after it.")], faults=[Stall(3.0, after_deltas=2)]))
    async with client_for(server, read_timeout=0.4) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.ApiTimeoutError)
    assert "stalled" in result.error.message
    assert result.message is not None and result.message.text == "Before the stall, after it."[:16]


async def test_no_headers_in_time_is_a_timeout(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Too late.")], faults=[StallBeforeHeaders(3.0)]))
    async with client_for(server, read_timeout=0.4) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.ApiTimeoutError)
    assert result.message is None


async def test_malformed_json_names_the_line(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Some text here.")], faults=[MalformedData(after_deltas=1)]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.MalformedStreamError)
    assert result.error.message.startswith(
        f"Line {result.error.line} of the stream: the data is not valid JSON"
    )
    assert result.message is not None and result.message.text == "Some tex"


async def test_unknown_events_are_ignored(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Still fine.")], faults=[UnknownEvent(after_deltas=1)]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert result.complete and result.message is not None and result.message.text == "Still fine."


async def test_a_stream_without_message_stop_after_its_stop_reason_is_complete_with_a_warning(
    server: FakeServer,
) -> None:
    server.enqueue(Reply([Text("Done.")], faults=[NoMessageStop()]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert result.complete and result.message is not None and result.message.stop_reason == "end_turn"
    assert any("without message_stop" in warning for warning in result.warnings)


async def test_a_duplicate_message_start_is_survived_with_a_warning(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Once.")], faults=[DuplicateMessageStart()]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert result.complete and result.message is not None and result.message.text == "Once."
    assert any("message_start twice" in warning for warning in result.warnings)


async def test_a_gzip_encoded_stream_is_decoded(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Compressed but readable.")], faults=[Gzip()]))
    async with client_for(server) as client:
        result = await client.send(HELLO, settings())
    assert (
        result.complete and result.message is not None and result.message.text == "Compressed but readable."
    )


async def test_cancelling_closes_the_connection_at_once_and_keeps_the_partial_reply(
    server: FakeServer,
) -> None:
    server.enqueue(Reply([Text("word " * 200)], pace=SLOW))
    first_text = asyncio.Event()
    async with client_for(server) as client:
        run = ReplyRun(
            client.stream(HELLO, settings()),
            lambda update: first_text.set() if update.kind == "text" else None,
        )
        await asyncio.wait_for(first_text.wait(), 5)
        run.cancel()
        result = await asyncio.wait_for(run.result(), 1)
        await server.wait_for_disconnect(2)
    assert result.cancelled and result.error is None
    assert result.message is not None and 0 < len(result.message.text) < len("word " * 200)
    assert server.requests[0].disconnected.is_set()


async def test_cancelling_before_the_request_starts_sends_nothing(server: FakeServer) -> None:
    async with client_for(server) as client:
        run = ReplyRun(client.stream(HELLO, settings()))
        run.cancel()
        result = await run.result()
    assert result.cancelled and result.message is None
    assert server.requests == []


async def test_invalid_settings_are_refused_before_anything_is_sent(server: FakeServer) -> None:
    async with client_for(server) as client:
        with pytest.raises(RequestValidationError, match="temperature"):
            await client.send(HELLO, settings(temperature=1.5))
    assert server.requests == []


async def test_the_openai_style_streams_text_and_tool_calls(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Calling a tool."), ToolUse("lookup", {"q": "x"})], usage=Usage(9, 5)))
    async with client_for(server, api_style="openai") as client:
        result = await client.send(HELLO, settings())
    assert server.requests[0].path == "/v1/chat/completions"
    assert result.complete and result.message is not None
    text, tool = result.message.content
    assert text["text"] == "Calling a tool."
    assert (tool["type"], tool["name"], tool["input"]) == ("tool_use", "lookup", {"q": "x"})
    assert result.message.stop_reason == "tool_use"
    assert (result.message.usage.input_tokens, result.message.usage.output_tokens) == (9, 5)


async def test_the_openai_style_maps_errors_too(server: FakeServer) -> None:
    server.enqueue(HttpError(429, "Too many requests."))
    async with client_for(server, api_style="openai") as client:
        result = await client.send(HELLO, settings())
    assert isinstance(result.error, errors.RateLimitError)
    assert result.error.message == "Too many requests."


async def test_models_are_listed_from_the_provider(server: FakeServer) -> None:
    async with client_for(server) as client:
        models = await client.list_models()
    ids = [model.id for model in models]
    assert "claude-sonnet-4-6" in ids and len(ids) == 9
    assert server.requests[0].query.get("limit") == "1000"


async def test_count_tokens(server: FakeServer) -> None:
    async with client_for(server) as client:
        count = await client.count_tokens([ChatMessage.user_text("count these words " * 20)], settings())
    assert count > 20
    assert set(server.requests[0].body) <= {"model", "messages", "system", "tools"}  # type: ignore[arg-type]

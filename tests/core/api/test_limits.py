"""Hostile and broken servers end in a plain, typed error within a limit: endless bodies, no headers, a byte
a second, only pings, a proxy that is not there. Real HTTP against the fake server, with short limits."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator

import pytest

from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.reply import ReplyResult
from core.api.retry import RetryPolicy
from core.demo import (
    EndlessBody,
    FakeServer,
    Pace,
    PingsForever,
    Reply,
    StallBeforeHeaders,
    Text,
    Trickle,
)
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire import errors

KEY = "sk-limits-test"
HELLO = [ChatMessage.user_text("Hello")]
LONG_TEXT = "".join(f"Sentence {n} of a reply. " for n in range(40))
SHORT = NetworkLimits(
    connect=2.0,
    headers=1.0,
    first_event=1.0,
    idle=10.0,
    progress=1.0,
    whole_reply=1.0,
    error_body_bytes=16 * 1024,
    whole_body_bytes=256 * 1024,
    stream_bytes=64 * 1024,
)
"""Every time limit well under the idle one, so only the limit under test can end a request."""
GIVE_UP = 10.0
"""A test that has not ended by then would, before the limits, have waited for ever."""


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    async with FakeServer(api_key=KEY) as running:
        yield running


def client_for(base_url: str, limits: NetworkLimits = SHORT, **profile: object) -> ApiClient:
    return ApiClient(
        Profile(name="test", base_url=base_url, **profile),  # type: ignore[arg-type]
        KEY,
        retry=RetryPolicy(max_retries=0),
        limits=limits,
    )


async def send(server: FakeServer, *, stream: bool = True, limits: NetworkLimits = SHORT) -> ReplyResult:
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=256, stream=stream)
    async with client_for(server.base_url, limits) as client, asyncio.timeout(GIVE_UP):
        return await client.send(HELLO, settings)


async def test_an_endless_error_body_is_cut_and_the_status_still_speaks(server: FakeServer) -> None:
    server.enqueue(EndlessBody(status=500))
    result = await send(server, limits=NetworkLimits(error_body_bytes=16 * 1024, idle=10.0))
    assert isinstance(result.error, errors.InternalServerError)
    assert result.error.status == 500
    assert "the error body went on past 16 KB; the rest was not read" in result.error.message
    assert len(result.error.body) <= 16 * 1024
    await server.wait_for_disconnect()


async def test_an_endless_reply_that_is_not_streamed_is_too_large(server: FakeServer) -> None:
    server.enqueue(EndlessBody())
    result = await send(server, stream=False, limits=NetworkLimits(whole_body_bytes=256 * 1024, idle=10.0))
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert "went on past 256 KB" in result.error.message
    assert result.message is None
    await server.wait_for_disconnect()


async def test_an_endless_model_list_is_too_large(server: FakeServer) -> None:
    server.enqueue(EndlessBody(), path="/v1/models")
    async with client_for(server.base_url) as client, asyncio.timeout(GIVE_UP):
        with pytest.raises(
            errors.ResponseTooLargeError, match=r"The model list from 127\.0\.0\.1:\d+ is larger"
        ):
            await client.list_models()
    await server.wait_for_disconnect()


async def test_an_endless_token_count_is_too_large(server: FakeServer) -> None:
    server.enqueue(EndlessBody(), path="/v1/messages/count_tokens")
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=256)
    async with client_for(server.base_url) as client, asyncio.timeout(GIVE_UP):
        with pytest.raises(errors.ResponseTooLargeError, match="The token count"):
            await client.count_tokens(HELLO, settings)


async def test_an_endless_stream_stops_at_its_cap_and_keeps_what_arrived(server: FakeServer) -> None:
    endless = LONG_TEXT * 200  # far past the 64 KB cap, sent as fast as it is read
    server.enqueue(Reply([Text(endless)], pace=Pace(chunk_chars=512)))
    result = await send(server)
    assert isinstance(result.error, errors.ResponseTooLargeError)
    assert "The stream went on past 64 KB" in result.error.message
    assert result.message is not None and endless.startswith(result.message.text)
    assert len(result.message.text) > 30_000, "what arrived before the cap is kept"


async def test_a_server_that_sends_no_headers_fails_at_the_headers_limit(server: FakeServer) -> None:
    server.enqueue(Reply([Text("late")], faults=[StallBeforeHeaders(30.0)]))
    started = time.monotonic()
    result = await send(server)
    assert isinstance(result.error, errors.ReplyNotStartedError)
    assert isinstance(result.error, errors.ApiTimeoutError), "retried and worded like any timeout"
    assert "did not answer within 1 s: no response headers came" in result.error.message
    assert time.monotonic() - started < 5


async def test_a_reply_not_streamed_gets_its_own_limit_for_headers_and_body(server: FakeServer) -> None:
    server.enqueue(Reply([Text("late")], faults=[StallBeforeHeaders(30.0)]))
    result = await send(server, stream=False, limits=NetworkLimits(headers=30.0, whole_reply=0.5))
    assert isinstance(result.error, errors.ReplyNotStartedError)
    assert "within 0.5 s" in result.error.message


async def test_a_reply_not_streamed_may_be_silent_longer_than_the_idle_limit(server: FakeServer) -> None:
    """Not streamed, the API says nothing until the whole reply is written: minutes, for a long one."""
    server.enqueue(Reply([Text("Written whole, then sent.")], faults=[StallBeforeHeaders(1.5)]))
    result = await send(server, stream=False, limits=NetworkLimits(idle=0.5, headers=0.5, whole_reply=10.0))
    assert result.complete, result.error
    assert result.message is not None and result.message.text == "Written whole, then sent."


async def test_only_pings_fail_at_the_first_event_limit(server: FakeServer) -> None:
    server.enqueue(Reply([Text(LONG_TEXT)], faults=[PingsForever(interval=0.02)]))
    result = await send(server)
    assert isinstance(result.error, errors.ReplyNotStartedError)
    assert "did not begin within 1 s of the response headers" in result.error.message
    assert "of them pings" in result.error.message
    await server.wait_for_disconnect()


async def test_a_byte_a_tick_fails_at_the_first_event_limit_though_never_idle(server: FakeServer) -> None:
    """Bytes keep arriving, so an idle limit never fires: the reply must begin in time."""
    server.enqueue(Reply([Text(LONG_TEXT)], faults=[Trickle(interval=0.02)]))
    result = await send(server)
    assert isinstance(result.error, errors.ReplyNotStartedError)
    assert "came, but no content" in result.error.message
    await server.wait_for_disconnect()


async def test_pings_for_ever_after_the_reply_began_fail_at_the_progress_limit(server: FakeServer) -> None:
    server.enqueue(Reply([Text(LONG_TEXT)], pace=Pace(chunk_chars=16), faults=[PingsForever(0.02, 5)]))
    result = await send(server)
    assert isinstance(result.error, errors.ReplyStalledError)
    assert "made no progress for 1 s" in result.error.message
    assert result.message is not None and result.message.text == LONG_TEXT[:80], "what came is kept"


async def test_a_slow_reply_that_keeps_making_progress_is_not_cut(server: FakeServer) -> None:
    """Each limit is on waiting, not on the whole: 2 s of deltas 0.1 s apart, under 1 s limits."""
    server.enqueue(Reply([Text(LONG_TEXT[:200])], pace=Pace(chunk_chars=10, delta_interval=0.1)))
    result = await send(server)
    assert result.complete, result.error
    assert result.message is not None and result.message.text == LONG_TEXT[:200]


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_a_dead_proxy_is_named_not_the_api_host() -> None:
    port = _dead_port()
    client = client_for("https://api.anthropic.com", proxy=f"http://user:secret@127.0.0.1:{port}")
    async with client, asyncio.timeout(GIVE_UP):
        result = await client.send(HELLO, RequestSettings(model="claude-sonnet-4-6", max_tokens=16))
    assert isinstance(result.error, errors.ProxyConnectionError)
    assert result.error.proxy == f"127.0.0.1:{port}"
    assert result.error.message == (
        f"Could not connect to the proxy at 127.0.0.1:{port}: the connection was refused. "
        "api.anthropic.com was not reached."
    )
    assert "secret" not in result.error.message


async def test_a_dead_proxy_from_the_environment_is_named_too(monkeypatch: pytest.MonkeyPatch) -> None:
    port = _dead_port()
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with client_for("https://api.anthropic.com") as client, asyncio.timeout(GIVE_UP):
        with pytest.raises(errors.ProxyConnectionError, match=f"proxy at 127.0.0.1:{port}"):
            await client.list_models()

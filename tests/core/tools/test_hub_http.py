"""ToolHub over Streamable HTTP (and the legacy HTTP+SSE transport) against the faulty test server on
127.0.0.1: calls with progress and cancellation, a server that is down, one answering 401 (and the same one
with its token), and a server dying mid-call (the stream cut)."""

from __future__ import annotations

import asyncio

import pytest

from core.model.tools import RunProblem, ServerConfig, ServerProblem, ServerState, ToolProgress
from core.tools.hub import ToolHub
from tests.core.tools.servers import free_port, http_server, text, wait_for_answer
from tests.waiting import wait_until


@pytest.fixture
async def hub():
    hub = ToolHub(start_timeout=20)
    yield hub
    await hub.close()


async def test_streamable_http_calls_with_progress_and_cancellation(hub):
    async with http_server() as (port, _):
        await hub.configure([ServerConfig(name="web", transport="http", url=f"http://127.0.0.1:{port}/mcp")])
        [status] = hub.statuses()
        assert status.state is ServerState.READY and status.tool_count == len(hub.tools())

        assert text(await hub.call(hub.find("add"), {"a": 40, "b": 2})) == "42"
        progress: list[ToolProgress] = []
        done = await hub.call(hub.find("slow"), {"steps": 2}, on_progress=progress.append)
        assert text(done) == "done in 2 steps"
        await wait_until(lambda: len(progress) == 2, what="progress over HTTP")

        call = asyncio.ensure_future(hub.call(hub.find("hang"), {}))
        await wait_for_answer(hub, "hanging", "1")
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        await wait_for_answer(hub, "cancellations", "1")


async def test_legacy_sse_transport(hub):
    async with http_server("--sse") as (port, _):
        await hub.configure([ServerConfig(name="old", transport="sse", url=f"http://127.0.0.1:{port}/sse")])
        assert hub.statuses()[0].state is ServerState.READY
        assert text(await hub.call(hub.find("echo"), {"text": "over sse"})) == "over sse"


async def test_a_server_that_is_down_is_not_reachable(hub):
    await hub.configure(
        [ServerConfig(name="down", transport="http", url=f"http://127.0.0.1:{free_port()}/mcp")]
    )
    [status] = hub.statuses()
    assert status.state is ServerState.FAILED and status.problem is ServerProblem.NOT_REACHABLE


async def test_401_is_unauthorized_and_the_right_header_gets_in(hub):
    async with http_server("--token", "s3cret") as (port, _):
        url = f"http://127.0.0.1:{port}/mcp"
        await hub.configure(
            [
                ServerConfig(name="no-token", transport="http", url=url),
                ServerConfig(
                    name="token", transport="http", url=url, headers={"Authorization": "Bearer s3cret"}
                ),
            ]
        )
        without, with_token = hub.statuses()
        assert without.state is ServerState.FAILED and without.problem is ServerProblem.UNAUTHORIZED
        assert "401" in without.detail
        assert with_token.state is ServerState.READY


async def test_a_server_dying_mid_call_cuts_the_stream_fails_the_call_and_the_server(hub):
    async with http_server() as (port, _):
        await hub.configure([ServerConfig(name="web", transport="http", url=f"http://127.0.0.1:{port}/mcp")])
        outcome = await hub.call(hub.find("crash"), {})
        assert outcome.is_error and outcome.problem is RunProblem.SERVER_CRASHED
        await wait_until(
            lambda: hub.statuses()[0].state is ServerState.FAILED, timeout=20, what="server failed"
        )
        assert hub.statuses()[0].problem in (ServerProblem.STREAM_CUT, ServerProblem.NOT_REACHABLE)
        assert hub.tools() == []

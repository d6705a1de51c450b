"""A profile's HTTP proxy carries every request (users behind corporate and national proxies need it)."""

from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from core.api.client import ApiClient
from core.demo import FakeServer, Reply, Text
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings

KEY = "sk-proxy-test"


class ForwardProxy:
    """A plain-HTTP forward proxy: takes absolute-URI requests, forwards them, streams the answer back."""

    def __init__(self) -> None:
        self.forwarded: list[str] = []
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._upstream = httpx.AsyncClient(timeout=10)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        target = str(request.url) if request.url.is_absolute() else request.path_qs
        self.forwarded.append(target)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "proxy-connection")}
        upstream_request = self._upstream.build_request(
            request.method, target, headers=headers, content=await request.read()
        )
        upstream = await self._upstream.send(upstream_request, stream=True)
        response = web.StreamResponse(status=upstream.status_code)
        response.content_type = upstream.headers.get("content-type", "application/octet-stream")
        await response.prepare(request)
        async for chunk in upstream.aiter_raw():
            await response.write(chunk)
        await upstream.aclose()
        await response.write_eof()
        return response

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        await self._upstream.aclose()
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
async def proxy() -> AsyncIterator[ForwardProxy]:
    running = ForwardProxy()
    await running.start()
    yield running
    await running.stop()


async def test_requests_and_streams_go_through_the_profiles_proxy(proxy: ForwardProxy) -> None:
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(Reply([Text("Through the proxy.")]))
        messages_url = f"{server.base_url}/v1/messages"
        profile = Profile("p", server.base_url, proxy=f"http://127.0.0.1:{proxy.port}")
        async with ApiClient(profile, KEY) as client:
            result = await client.send(
                [ChatMessage.user_text("hi")], RequestSettings(model="claude-sonnet-4-6", max_tokens=64)
            )
    assert result.complete and result.message is not None
    assert result.message.text == "Through the proxy."
    assert proxy.forwarded == [messages_url]
    assert server.requests[0].headers["x-api-key"] == KEY

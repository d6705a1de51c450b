"""A redirect never carries the API key to another host; one on the same host is followed."""

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from core.api.client import ApiClient
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import RedirectRefusedError

KEY = "sk-redirect-test-key"


class Recorder:
    """A tiny server that redirects or answers, and remembers every request's path and key."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None]] = []
        self.redirect_to: str | None = None
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.seen.append((request.path, request.headers.get("x-api-key")))
        if self.redirect_to and request.path == "/v1/messages":
            raise web.HTTPTemporaryRedirect(self.redirect_to)
        message = {
            "id": "msg_r",
            "type": "message",
            "role": "assistant",
            "model": "m",
            "content": [{"type": "text", "text": "answered at " + request.path}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 2},
        }
        return web.json_response(message)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


@pytest.fixture
async def servers() -> AsyncIterator[tuple[Recorder, Recorder]]:
    first, second = Recorder(), Recorder()
    await first.start()
    await second.start()
    yield first, second
    for server in (first, second):
        assert server.runner is not None
        await server.runner.cleanup()


async def send_to(port: int) -> object:
    settings = RequestSettings(model="claude-sonnet-4-5-20250929", max_tokens=64, stream=False)
    async with ApiClient(Profile("p", f"http://127.0.0.1:{port}"), KEY) as client:
        return await client.send([ChatMessage.user_text("hi")], settings)


async def test_a_redirect_to_another_host_is_refused_and_the_key_stays_home(
    servers: tuple[Recorder, Recorder],
) -> None:
    first, second = servers
    # "localhost" is another host name than "127.0.0.1", though it reaches this machine.
    first.redirect_to = f"http://localhost:{second.port}/v1/messages"
    result = await send_to(first.port)
    assert isinstance(result.error, RedirectRefusedError)
    assert "does not follow redirects to another host" in result.error.message
    assert second.seen == []
    assert result.message is None


async def test_a_redirect_on_the_same_host_is_followed(servers: tuple[Recorder, Recorder]) -> None:
    first, _ = servers
    first.redirect_to = f"http://127.0.0.1:{first.port}/v1/messages-moved"
    result = await send_to(first.port)
    assert result.error is None
    assert result.message is not None and result.message.text == "answered at /v1/messages-moved"
    assert first.seen == [("/v1/messages", KEY), ("/v1/messages-moved", KEY)]

"""A key the server echoes back never survives in the error the client hands on, whatever path it took."""

from core.api.client import ApiClient
from core.api.retry import RetryPolicy
from core.demo import ErrorEvent, FakeServer, HttpError, RawResponse, Reply, Text
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import (
    SECRET_SHOWN_AS,
    ApiError,
    AuthenticationError,
    InternalServerError,
    StreamErrorEvent,
)

KEY = "sk-ant-echo-test-9f3a1c7e5b2d"


def _keyless(error: ApiError | None) -> None:
    assert error is not None
    said = [error.message, str(error), getattr(error, "body", "")]
    assert not [text for text in said if KEY in text], said
    assert SECRET_SHOWN_AS in error.message


async def test_an_echoed_key_is_taken_out_of_every_error() -> None:
    async with FakeServer(api_key=KEY) as server:
        client = ApiClient(Profile("Relay", server.base_url), KEY, retry=RetryPolicy(max_retries=0))
        messages, settings = (
            [ChatMessage("user", [{"type": "text", "text": "Hi"}])],
            RequestSettings("claude-sonnet-4-6"),
        )
        server.enqueue(
            HttpError(401, f"invalid x-api-key: {KEY}"),
            RawResponse(502, f"relay: bad key {KEY}"),
            Reply([Text("Half")], faults=[ErrorEvent(1, "api_error", f"upstream refused {KEY}")]),
        )
        for kind in (AuthenticationError, InternalServerError, StreamErrorEvent):
            result = await client.send(messages, settings)
            assert isinstance(result.error, kind)
            _keyless(result.error)

        server.enqueue(RawResponse(200, f"not json, but {KEY}"), path="/v1/models")
        try:
            await client.list_models()
        except ApiError as error:
            _keyless(error)
        else:
            raise AssertionError("a page that is not JSON is an error")
        server.enqueue(HttpError(403, f"the key {KEY} may not count"), path="/v1/messages/count_tokens")
        try:
            await client.count_tokens(messages, settings)
        except ApiError as error:
            _keyless(error)
        else:
            raise AssertionError("a 403 is an error")
        await client.aclose()

"""A key the server echoes back never survives in the error the client hands on, whatever path it took and
whatever form it took (escaped, URL- or base64-encoded)."""

import base64
import json
from urllib.parse import quote

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
from tests.secret_search import forms_in

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


def _every_form_gone(text: str, key: str) -> list[str]:
    """The forms of `key` still in `text`."""
    return forms_in(text.encode(), key)


async def test_a_key_echoed_base64_encoded_or_escaped_is_taken_out_too() -> None:
    encoded = base64.b64encode(f"user:{KEY}".encode()).decode()
    async with FakeServer(api_key=KEY) as server:
        client = ApiClient(Profile("Relay", server.base_url), KEY, retry=RetryPolicy(max_retries=0))
        messages, settings = [ChatMessage.user_text("Hi")], RequestSettings("claude-sonnet-4-6")
        server.enqueue(
            HttpError(401, f"bad credentials: Basic {encoded}"),
            RawResponse(502, f"relay: bad key {base64.urlsafe_b64encode(KEY.encode()).decode()}"),
            HttpError(403, f"key {quote(KEY)} refused; repr {KEY!r}; json {json.dumps({'k': KEY})}"),
        )
        for _ in range(3):
            result = await client.send(messages, settings)
            assert result.error is not None
            said = "\n".join([result.error.message, str(result.error), getattr(result.error, "body", "")])
            assert _every_form_gone(said, KEY) == [], said
            assert SECRET_SHOWN_AS in said
        await client.aclose()


async def test_a_key_with_a_line_break_inside_never_shows_in_the_error_in_any_form() -> None:
    """The pool refuses such a key before sending; a client given one directly still never quotes it: the
    header is refused by the HTTP library with the key in repr form, which is scrubbed as well."""
    key = "sk-ant-first-half-7c2e9a\nsecond-half-4b1d"
    async with (
        FakeServer(api_key=KEY) as server,
        ApiClient(Profile("Relay", server.base_url), key, retry=RetryPolicy(max_retries=0)) as client,
    ):
        result = await client.send([ChatMessage.user_text("Hi")], RequestSettings("claude-sonnet-4-6"))
    assert result.error is not None
    said = "\n".join([result.error.message, str(result.error)])
    assert _every_form_gone(said, key) == [], said
    for half in key.split("\n"):
        assert half not in said, said

"""The `user:password` a base URL or a proxy URL carries lives in the keyring beside the key (one service
each), follows a renamed profile, goes with a removed one, is put back into the URLs only for sending, and is
taken out of every error like the key."""

from __future__ import annotations

import asyncio

import pytest

from core.api.keys import CREDENTIAL_SERVICES, SERVICE, KeyStore
from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import ErrorEvent, FakeServer, HttpError, RawResponse, Reply, Text
from core.model.messages import ChatMessage
from core.model.profile import Profile, split_userinfo, with_userinfo
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError
from tests.keyring_backends import DictKeyring
from tests.secret_search import forms_in
from tests.socks5_server import Socks5Server

KEY = "sk-ant-credentials-test-6b3f9d1e"
PROXY_PASSWORD = "proxy-pass-0e7c4a"
URL_PASSWORD = "url-pass-9d2b7f"
MESSAGES = [ChatMessage.user_text("Hi")]
SETTINGS = RequestSettings(model="claude-sonnet-4-6", max_tokens=16)


@pytest.fixture(autouse=True)
def no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_userinfo_is_split_from_a_url_and_put_back() -> None:
    assert split_userinfo(" https://u:p%40ss@relay.example:8443/v1 ") == (
        "https://relay.example:8443/v1",
        "u:p%40ss",
    )
    assert split_userinfo("https://relay.example/v1") == ("https://relay.example/v1", "")
    assert split_userinfo("https://TOKEN@relay.example") == ("https://relay.example", "TOKEN")
    assert (
        with_userinfo("https://relay.example:8443/v1", "u:p%40ss") == "https://u:p%40ss@relay.example:8443/v1"
    )
    assert with_userinfo("https://relay.example", "") == "https://relay.example"


def test_credentials_live_in_the_keyring_beside_the_key_and_follow_the_profile() -> None:
    backend = DictKeyring()
    keys = KeyStore(backend)
    keys.set("Relay", KEY)
    keys.set_credentials("Relay", "base_url", f"user:{URL_PASSWORD}")
    keys.set_credentials("Relay", "proxy", f"proxy-user:{PROXY_PASSWORD}")
    assert backend.entries == {
        (SERVICE, "Relay"): KEY,
        (CREDENTIAL_SERVICES["base_url"], "Relay"): f"user:{URL_PASSWORD}",
        (CREDENTIAL_SERVICES["proxy"], "Relay"): f"proxy-user:{PROXY_PASSWORD}",
    }
    keys.rename("Relay", "Renamed")
    assert {name for _, name in backend.entries} == {"Renamed"}
    assert keys.credentials("Renamed", "proxy") == f"proxy-user:{PROXY_PASSWORD}"
    keys.set_credentials("Renamed", "proxy", None)
    assert keys.credentials("Renamed", "proxy") is None
    keys.delete("Renamed")
    assert backend.entries == {}


def test_session_only_credentials_stay_in_memory() -> None:
    backend = DictKeyring()
    keys = KeyStore(backend)
    keys.set_credentials("Relay", "base_url", f"user:{URL_PASSWORD}", session_only=True)
    assert keys.credentials("Relay", "base_url") == f"user:{URL_PASSWORD}"
    assert backend.entries == {}
    keys.delete("Relay")
    assert keys.credentials("Relay", "base_url") is None


async def test_a_socks5_proxy_with_a_password_from_the_keyring_carries_requests() -> None:
    keys = KeyStore(DictKeyring())
    keys.set("Relay", KEY)
    keys.set_credentials("Relay", "proxy", f"proxy-user:{PROXY_PASSWORD}")
    async with FakeServer(api_key=KEY) as server, Socks5Server(("proxy-user", PROXY_PASSWORD)) as socks:
        server.enqueue(Reply([Text("Through the proxy.")]))
        pool = ClientPool(keys, [Profile("Relay", server.base_url, proxy=socks.url)])
        client = await pool.client_for("Relay")
        result = await client.send(MESSAGES, SETTINGS)
        await pool.aclose()
    assert result.error is None and result.message is not None
    assert socks.logins == [("proxy-user", PROXY_PASSWORD)]
    assert socks.connections == [("127.0.0.1", server.port)]


async def test_url_and_proxy_passwords_are_taken_out_of_errors() -> None:
    keys = KeyStore(DictKeyring())
    keys.set("Relay", KEY)
    keys.set_credentials("Relay", "base_url", f"user:{URL_PASSWORD}")
    keys.set_credentials("Relay", "proxy", f"proxy-user:{PROXY_PASSWORD}")
    async with FakeServer(api_key=KEY) as server, Socks5Server(("proxy-user", PROXY_PASSWORD)) as socks:
        server.enqueue(HttpError(401, f"basic user:{URL_PASSWORD} refused, proxy said {PROXY_PASSWORD}"))
        pool = ClientPool(
            keys, [Profile("Relay", server.base_url, proxy=socks.url)], retry=RetryPolicy(max_retries=0)
        )
        client = await pool.client_for("Relay")
        result = await client.send(MESSAGES, SETTINGS)
        await pool.aclose()
    assert result.error is not None
    said = f"{result.error.message}\n{result.error}\n{getattr(result.error, 'body', '')}".encode()
    assert [forms_in(said, secret) for secret in (URL_PASSWORD, PROXY_PASSWORD)] == [[], []], said


async def test_url_and_proxy_passwords_are_taken_out_of_what_comes_after_the_headers() -> None:
    """A relay's `error` event mid-stream, a reply that is neither a stream nor JSON, and a model list that is
    not JSON come after the response began: their words are scrubbed of the URL's and the proxy's passwords,
    not only of the key."""
    keys = KeyStore(DictKeyring())
    keys.set("Relay", KEY)
    keys.set_credentials("Relay", "base_url", f"user:{URL_PASSWORD}")
    keys.set_credentials("Relay", "proxy", f"proxy-user:{PROXY_PASSWORD}")
    echo = f"user:{URL_PASSWORD} may not, said {PROXY_PASSWORD}"
    async with FakeServer(api_key=KEY) as server, Socks5Server(("proxy-user", PROXY_PASSWORD)) as socks:
        pool = ClientPool(
            keys, [Profile("Relay", server.base_url, proxy=socks.url)], retry=RetryPolicy(max_retries=0)
        )
        client = await pool.client_for("Relay")
        server.enqueue(Reply([Text("Half an answer")], faults=[ErrorEvent(1, "api_error", echo)]))
        mid_stream = await client.send(MESSAGES, SETTINGS)
        server.enqueue(RawResponse(200, echo))
        not_json = await client.send(
            MESSAGES, RequestSettings(model=SETTINGS.model, max_tokens=16, stream=False)
        )
        server.enqueue(RawResponse(200, echo), path="/v1/models")
        with pytest.raises(ApiError) as model_list:
            await client.list_models()
        await pool.aclose()
    assert mid_stream.error is not None and mid_stream.message is not None, "the half answer is kept"
    assert not_json.error is not None
    for error in (mid_stream.error, not_json.error, model_list.value):
        said = f"{error.message}\n{error}\n{getattr(error, 'body', '')}".encode()
        assert [forms_in(said, secret) for secret in (URL_PASSWORD, PROXY_PASSWORD)] == [[], []], said


async def test_columns_asking_for_one_profile_at_once_share_one_client() -> None:
    """Compare columns start together: one client is made for the profile, none is left unclosed."""
    keys = KeyStore(DictKeyring())
    keys.set("Relay", KEY)
    pool = ClientPool(keys, [Profile("Relay", "http://127.0.0.1:9")])
    clients = await asyncio.gather(*(pool.client_for("Relay") for _ in range(4)))
    assert len({id(client) for client in clients}) == 1
    await pool.aclose()

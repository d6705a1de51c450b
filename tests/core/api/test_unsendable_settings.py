"""Whatever a user can type into a provider setting, or a program can leave in the keyring or the
environment, becomes a typed error on the reply, never an exception that ends the app: a key that cannot go
in a header, a proxy Triptych cannot use, a header setting that is not ASCII. A SOCKS5 proxy works, and a
loopback base URL is reached directly whatever proxy the environment names."""

from __future__ import annotations

import pytest

from core.api.client import ApiClient
from core.api.keys import InvalidKeyError, KeyStore, key_problem
from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import FakeServer, Reply, Text
from core.model.conversation import ErrorKind
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError, ProxySettingError, UnsendableKeyError, UnsendableSettingError
from tests.keyring_backends import DictKeyring
from tests.socks5_server import Socks5Server

KEY = "sk-ant-settings-test-4d9c2e7a1b"
ZERO_WIDTH = "\u200b"
MESSAGES = [ChatMessage.user_text("Hi")]
SETTINGS = RequestSettings(model="claude-sonnet-4-6", max_tokens=16)
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (KEY + ZERO_WIDTH, "not_ascii"),
        ("sk-ant-\u00e9t\u00e9-key", "not_ascii"),
        ("sk-ant-first\nsecond", "inner_space"),
        ("sk-ant-first second", "inner_space"),
        ("sk-ant-tab\there", "inner_space"),
        ("sk-ant-bell\x07", "control"),
        ("", "empty"),
    ],
)
def test_a_key_that_cannot_be_sent_is_refused_and_not_saved(key: str, problem: str) -> None:
    assert key_problem(key) == problem
    backend = DictKeyring()
    keys = KeyStore(backend)
    with pytest.raises(InvalidKeyError) as refused:
        keys.set("Relay", key)
    assert refused.value.problem == problem
    assert key not in str(refused.value) or not key
    assert backend.entries == {}
    with pytest.raises(InvalidKeyError):
        keys.set("Relay", key, session_only=True)
    assert keys.get("Relay") is None


def test_a_pasted_key_keeps_working_without_what_surrounds_it() -> None:
    keys = KeyStore(DictKeyring())
    keys.set("Relay", f"  {KEY}\n")
    assert keys.get("Relay") == KEY
    assert key_problem(KEY) is None


async def test_an_unsendable_key_already_in_the_keyring_is_a_typed_error_and_nothing_is_sent() -> None:
    """A key saved by an older version (or by another program) is named as the problem on the reply."""
    async with FakeServer(api_key=KEY) as server:
        backend = DictKeyring()
        backend.set_password("triptych", "Relay", KEY + ZERO_WIDTH)
        pool = ClientPool(KeyStore(backend), [Profile("Relay", server.base_url)])
        with pytest.raises(UnsendableKeyError) as refused:
            await pool.client_for("Relay")
        assert refused.value.kind is ErrorKind.INVALID_KEY
        assert "not plain ASCII" in refused.value.message
        assert KEY not in refused.value.message
        await pool.aclose()
    assert server.requests == []


@pytest.mark.parametrize(
    "profile_change",
    [{"anthropic_version": "2023-06-01" + ZERO_WIDTH}, {"betas": ("files-api-2025-04-14\u00a0",)}],
)
async def test_a_header_setting_that_is_not_ascii_is_a_typed_error_on_the_reply(profile_change: dict) -> None:
    async with FakeServer(api_key=KEY) as server:
        profile = Profile("Relay", server.base_url, **profile_change)
        async with ApiClient(profile, KEY, retry=RetryPolicy(max_retries=0)) as client:
            result = await client.send(MESSAGES, SETTINGS)
    assert isinstance(result.error, UnsendableSettingError)
    assert result.error.kind is ErrorKind.INVALID_SETTING
    assert server.requests == []


@pytest.mark.parametrize("proxy", ["socks4://127.0.0.1:1080", "ftp://127.0.0.1:21", "http://[::1"])
async def test_a_proxy_that_cannot_be_used_is_a_typed_error(proxy: str) -> None:
    pool = ClientPool(_OneKey(), [Profile("Relay", "https://relay.example", proxy=proxy)])
    with pytest.raises(ProxySettingError) as refused:
        await pool.client_for("Relay")
    assert refused.value.source == "profile"
    assert refused.value.kind is ErrorKind.PROXY_SETTING
    await pool.aclose()


async def test_an_environment_proxy_that_cannot_be_used_is_a_typed_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks4://user:hunter2@127.0.0.1:1080")
    pool = ClientPool(_OneKey(), [Profile("Relay", "https://relay.example")])
    with pytest.raises(ApiError) as refused:
        await pool.client_for("Relay")
    assert isinstance(refused.value, ProxySettingError) and refused.value.source == "environment"
    assert "hunter2" not in refused.value.message
    await pool.aclose()


async def test_a_socks5_proxy_carries_requests_and_streams() -> None:
    async with FakeServer(api_key=KEY) as server, Socks5Server() as socks:
        server.enqueue(Reply([Text("Through SOCKS.")]))
        profile = Profile("Relay", server.base_url, proxy=socks.url)
        async with ApiClient(profile, KEY, retry=RetryPolicy(max_retries=0)) as client:
            result = await client.send(MESSAGES, SETTINGS)
    assert result.error is None and result.message is not None
    assert result.message.text == "Through SOCKS."
    assert socks.connections == [("127.0.0.1", server.port)]


@pytest.mark.parametrize("variable", ["ALL_PROXY", "all_proxy", "HTTP_PROXY"])
@pytest.mark.parametrize("proxy", ["socks5://127.0.0.1:9", "socks4://127.0.0.1:9", "http://127.0.0.1:9"])
async def test_a_loopback_base_url_never_goes_through_the_environments_proxy(
    monkeypatch: pytest.MonkeyPatch, variable: str, proxy: str
) -> None:
    """The demo, and a relay on this machine, work whatever proxy the environment names (port 9 answers
    nothing: a request sent through it would fail)."""
    monkeypatch.setenv(variable, proxy)
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(Reply([Text("Direct.")]))
        pool = ClientPool(_OneKey(), [Profile("Local", server.base_url)], retry=RetryPolicy(max_retries=0))
        client = await pool.client_for("Local")
        result = await client.send(MESSAGES, SETTINGS)
        await pool.aclose()
    assert result.error is None and result.message is not None and result.message.text == "Direct."


async def test_an_environment_socks5_proxy_carries_requests_to_other_hosts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A host only the proxy can resolve (socks5h: the name goes to the proxy) stands for a remote one."""
    async with FakeServer(api_key=KEY) as server, Socks5Server(hosts={"relay.invalid": "127.0.0.1"}) as socks:
        monkeypatch.setenv("ALL_PROXY", f"socks5h://127.0.0.1:{socks.port}")
        server.enqueue(Reply([Text("Via the environment.")]))
        profile = Profile("Remote", f"http://relay.invalid:{server.port}")
        pool = ClientPool(_OneKey(), [profile], retry=RetryPolicy(max_retries=0))
        client = await pool.client_for("Remote")
        result = await client.send(MESSAGES, SETTINGS)
        await pool.aclose()
    assert result.error is None and result.message is not None
    assert result.message.text == "Via the environment."
    assert socks.connections == [("relay.invalid", server.port)]


class _OneKey:
    def get(self, profile_name: str) -> str | None:
        return KEY

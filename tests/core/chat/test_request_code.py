"""Copy as code: a real reply is recorded (key redacted), and the generated cURL command and Python script,
run for real against the same fake server, send it the very same body."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from core.api.keys import KeyStore
from core.api.pool import ClientPool, KeySource
from core.api.retry import RetryPolicy
from core.chat.request_code import (
    HEREDOC_ABOVE,
    RECONSTRUCTED_NOTE,
    URL_CREDENTIALS_VAR,
    CodeUnavailableError,
    curl_command,
    env_var_for,
    exchange_for_turn,
    python_script,
)
from core.chat.session import ChatSession
from core.demo import FakeServer, HttpError, Pace, Reply, Text
from core.model.conversation import StoredMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.worker import StoreWorker
from core.wire.exchange import MAX_RESPONSE_BYTES, REDACTED, URL_CREDENTIALS, Exchange
from tests.core.chat.test_session import Keys, Recorder
from tests.keyring_backends import DictKeyring
from tests.secret_search import forms_in

KEY = "sk-ant-code-test-5d2e8f1a9b3c7"
SETTINGS = RequestSettings(
    model="claude-sonnet-4-6", max_tokens=512, extra_json={"metadata": {"user_id": "u1"}}
)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    # In its own thread: the copied code runs as a blocking subprocess while the server answers it.
    with FakeServer.running_in_thread(api_key=KEY) as running:
        yield running


@dataclass
class Chat:
    server: FakeServer
    store: StoreWorker
    session: ChatSession
    profile: Profile
    conversation_id: int

    async def send(self, text: str) -> StoredMessage:
        return await self.session.send(self.conversation_id, [{"type": "text", "text": text}])

    async def exchange(self, message_id: int) -> Exchange:
        return await self.store.call(lambda s: exchange_for_turn(s, message_id, self.profile))


async def open_chat(
    tmp_path: Path,
    server: FakeServer,
    profile: Profile,
    settings: RequestSettings = SETTINGS,
    retries: int = 0,
    keys: KeySource | None = None,
) -> AsyncIterator[Chat]:
    store = StoreWorker(tmp_path / "chat.sqlite3")
    clients = ClientPool(
        keys or Keys({profile.name: KEY}),
        [profile],
        retry=RetryPolicy(max_retries=retries, initial_delay=0.01),
    )
    session = ChatSession(store, clients, Recorder(), save_interval=0.1)
    conversation = await store.call(lambda s: s.create_conversation(settings, profile.name))
    yield Chat(server, store, session, profile, conversation.id)
    await clients.aclose()
    await store.close()


@pytest.fixture
async def chat(tmp_path: Path, server: FakeServer) -> AsyncIterator[Chat]:
    async for opened in open_chat(tmp_path, server, Profile("Relay", server.base_url)):
        yield opened


def run_curl(command: str, env_var: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], env_var: KEY}
    return subprocess.run(["sh", "-c", command], env=env, capture_output=True, text=True, timeout=30)


def run_python(script: str, env_var: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "request.py"
    path.write_text(script, encoding="utf-8")
    env = {"PATH": os.environ["PATH"], env_var: KEY}
    return subprocess.run([sys.executable, str(path)], env=env, capture_output=True, text=True, timeout=30)


def assert_replayed(
    server: FakeServer, run: subprocess.CompletedProcess[str], body: bytes, done: str
) -> None:
    assert run.returncode == 0, run.stderr
    assert done in run.stdout
    assert server.requests[-1].raw_body == body


def scan_for_key(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and KEY.encode() in path.read_bytes()]


async def test_the_record_is_what_was_sent_with_the_key_redacted(chat: Chat, tmp_path: Path) -> None:
    reply = await chat.send("Hello")
    sent = chat.server.requests[-1]
    exchange = await chat.exchange(reply.id)
    assert not exchange.reconstructed
    assert exchange.request_body == sent.raw_body
    assert b'"metadata":{"user_id":"u1"}' in exchange.request_body  # after the extra-JSON merge
    assert exchange.method == "POST" and exchange.url == f"{chat.server.base_url}/v1/messages"
    assert exchange.request_headers["x-api-key"] == REDACTED
    assert exchange.status == 200
    assert exchange.response_headers["content-type"].startswith("text/event-stream")
    assert b"event: message_stop" in exchange.response_body
    assert not exchange.response_truncated
    assert scan_for_key(tmp_path) == []


async def test_curl_and_python_replay_the_exact_body(chat: Chat, tmp_path: Path) -> None:
    reply = await chat.send("Replay me")
    exchange = await chat.exchange(reply.id)
    env_var = env_var_for(exchange)
    assert env_var == "ANTHROPIC_API_KEY"
    curl = curl_command(exchange, env_var)
    assert '"x-api-key: ${ANTHROPIC_API_KEY}"' in curl and KEY not in curl
    assert_replayed(chat.server, run_curl(curl, env_var), exchange.request_body, "message_stop")
    script = python_script(exchange, env_var)
    assert 'os.environ["ANTHROPIC_API_KEY"]' in script.replace("'", '"') and KEY not in script
    assert_replayed(chat.server, run_python(script, env_var, tmp_path), exchange.request_body, "message_stop")


async def test_without_the_key_in_the_environment_the_server_refuses(chat: Chat) -> None:
    reply = await chat.send("Hello")
    exchange = await chat.exchange(reply.id)
    run = run_curl(curl_command(exchange, "ANTHROPIC_API_KEY"), "SOME_OTHER_VARIABLE")
    assert "authentication_error" in run.stdout


async def test_a_large_body_goes_through_a_here_document(chat: Chat, tmp_path: Path) -> None:
    reply = await chat.send("Quote: " + "многоязычный текст 'quoted' $HOME `cmd` \\ " * 2000)
    exchange = await chat.exchange(reply.id)
    assert len(exchange.request_body) > HEREDOC_ABOVE
    curl = curl_command(exchange, "ANTHROPIC_API_KEY")
    assert "<<'TRIPTYCH_BODY'" in curl
    assert_replayed(chat.server, run_curl(curl, "ANTHROPIC_API_KEY"), exchange.request_body, "message_stop")
    script = python_script(exchange, "ANTHROPIC_API_KEY")
    run = run_python(script, "ANTHROPIC_API_KEY", tmp_path)
    assert_replayed(chat.server, run, exchange.request_body, "message_stop")


async def test_bearer_auth(tmp_path: Path, server: FakeServer) -> None:
    profile = Profile("Bearer relay", server.base_url, auth_style="bearer")
    async for chat in open_chat(tmp_path, server, profile):
        reply = await chat.send("Hello")
        exchange = await chat.exchange(reply.id)
        assert exchange.request_headers["authorization"] == f"Bearer {REDACTED}"
        assert "x-api-key" not in exchange.request_headers
        curl = curl_command(exchange, "ANTHROPIC_API_KEY")
        assert '"authorization: Bearer ${ANTHROPIC_API_KEY}"' in curl
        assert_replayed(server, run_curl(curl, "ANTHROPIC_API_KEY"), exchange.request_body, "message_stop")
        script = python_script(exchange, "ANTHROPIC_API_KEY")
        run = run_python(script, "ANTHROPIC_API_KEY", tmp_path)
        assert_replayed(server, run, exchange.request_body, "message_stop")
        assert scan_for_key(tmp_path) == []


async def test_openai_style(tmp_path: Path, server: FakeServer) -> None:
    profile = Profile("OpenAI relay", server.base_url, auth_style="bearer", api_style="openai")
    async for chat in open_chat(tmp_path, server, profile):
        reply = await chat.send("Hello")
        exchange = await chat.exchange(reply.id)
        assert exchange.url.endswith("/v1/chat/completions")
        assert b'"stream_options":{"include_usage":true}' in exchange.request_body
        assert b"[DONE]" in exchange.response_body
        env_var = env_var_for(exchange)
        assert env_var == "OPENAI_API_KEY"
        curl = curl_command(exchange, env_var)
        assert_replayed(server, run_curl(curl, env_var), exchange.request_body, "[DONE]")
        script = python_script(exchange, env_var)
        assert_replayed(server, run_python(script, env_var, tmp_path), exchange.request_body, "[DONE]")


async def test_a_non_streaming_request_prints_the_json_answer(tmp_path: Path, server: FakeServer) -> None:
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=512, stream=False)
    async for chat in open_chat(tmp_path, server, Profile("Relay", server.base_url), settings):
        reply = await chat.send("Hello")
        exchange = await chat.exchange(reply.id)
        assert not exchange.streaming
        assert exchange.response_headers["content-type"].startswith("application/json")
        curl = curl_command(exchange, "ANTHROPIC_API_KEY")
        assert "--no-buffer" not in curl
        assert_replayed(server, run_curl(curl, "ANTHROPIC_API_KEY"), exchange.request_body, '"end_turn"')
        script = python_script(exchange, "ANTHROPIC_API_KEY")
        run = run_python(script, "ANTHROPIC_API_KEY", tmp_path)
        assert_replayed(server, run, exchange.request_body, '"stop_reason": "end_turn"')


async def test_a_long_stream_is_capped(chat: Chat) -> None:
    chat.server.enqueue(Reply([Text("x" * 2_500_000)], pace=Pace(chunk_chars=250_000)))
    reply = await chat.send("Say a lot")
    assert reply.status == "complete"
    exchange = await chat.exchange(reply.id)
    assert len(exchange.response_body) == MAX_RESPONSE_BYTES
    assert exchange.response_bytes > 2_500_000
    assert exchange.response_truncated


async def test_a_retried_request_records_the_last_attempt(tmp_path: Path, server: FakeServer) -> None:
    async for chat in open_chat(tmp_path, server, Profile("Relay", server.base_url), retries=1):
        server.enqueue(HttpError(529, "Overloaded"))
        reply = await chat.send("Hello")
        assert reply.status == "complete"
        exchange = await chat.exchange(reply.id)
        assert exchange.status == 200 and b"Overloaded" not in exchange.response_body


async def test_an_error_answer_is_recorded(chat: Chat) -> None:
    chat.server.enqueue(HttpError(400, "No such thing"))
    reply = await chat.send("Hello")
    assert reply.status == "error"
    exchange = await chat.exchange(reply.id)
    assert exchange.status == 400 and b"No such thing" in exchange.response_body


async def test_a_turn_without_a_record_is_reconstructed_and_labelled(chat: Chat, tmp_path: Path) -> None:
    def old_turn(s):  # as a reply saved before exchanges were recorded
        user = s.add_message(chat.conversation_id, None, "user", [{"type": "text", "text": "Old question"}])
        return s.add_message(chat.conversation_id, user.id, "assistant", [{"type": "text", "text": "Old"}])

    reply = await chat.store.call(old_turn)
    exchange = await chat.exchange(reply.id)
    assert exchange.reconstructed
    curl = curl_command(exchange, "ANTHROPIC_API_KEY")
    assert curl.startswith(f"# {RECONSTRUCTED_NOTE}\n")
    assert python_script(exchange, "ANTHROPIC_API_KEY").startswith(f"# {RECONSTRUCTED_NOTE}\n")
    run = run_curl(curl, "ANTHROPIC_API_KEY")
    assert_replayed(chat.server, run, exchange.request_body, "message_stop")
    assert chat.server.requests[-1].body["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "Old question"}]}
    ]
    assert chat.server.requests[-1].body["metadata"] == {"user_id": "u1"}
    user_id = reply.parent_id
    assert user_id is not None
    with pytest.raises(CodeUnavailableError):
        await chat.store.call(lambda s: exchange_for_turn(s, user_id, chat.profile))
    with pytest.raises(CodeUnavailableError):
        await chat.store.call(lambda s: exchange_for_turn(s, reply.id, None))


async def test_deleting_a_reply_deletes_its_record(chat: Chat) -> None:
    reply = await chat.send("Hello")
    assert await chat.store.call(lambda s: s.get_exchange(reply.id)) is not None
    await chat.store.call(lambda s: s.delete_message_subtree(reply.id))
    assert await chat.store.call(lambda s: s.get_exchange(reply.id)) is None


async def test_a_key_in_the_url_is_read_from_the_environment_too(chat: Chat, tmp_path: Path) -> None:
    reply = await chat.send("Hello")
    recorded = await chat.exchange(reply.id)
    exchange = replace(recorded, url=f"{recorded.url}?relay_key={REDACTED}")
    curl = curl_command(exchange, "ANTHROPIC_API_KEY")
    assert KEY not in curl
    assert_replayed(chat.server, run_curl(curl, "ANTHROPIC_API_KEY"), exchange.request_body, "message_stop")
    assert chat.server.requests[-1].query == {"relay_key": KEY}
    script = python_script(exchange, "ANTHROPIC_API_KEY")
    run = run_python(script, "ANTHROPIC_API_KEY", tmp_path)
    assert_replayed(chat.server, run, exchange.request_body, "message_stop")
    assert chat.server.requests[-1].query == {"relay_key": KEY}


URL_USERINFO = "relay-user:pa%24%24-word-8c1e"
URL_PASSWORD = "pa$$-word-8c1e"
BASIC = "Basic " + base64.b64encode(f"relay-user:{URL_PASSWORD}".encode()).decode()


def run_with_url_credentials(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ["PATH"],
        "ANTHROPIC_API_KEY": KEY,
        URL_CREDENTIALS_VAR: f"relay-user:{URL_PASSWORD}",
    }
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=30)


async def assert_url_credentials_handled(chat: Chat, tmp_path: Path) -> None:
    """The base URL's user:password went as Basic auth beside the key; the record keeps neither, the copied
    code sends the same two headers again (the key from its variable, the credentials from theirs)."""
    reply = await chat.send("Hello")
    sent = chat.server.requests[-1]
    assert (sent.headers["authorization"], sent.headers["x-api-key"]) == (BASIC, KEY)
    exchange = await chat.exchange(reply.id)
    assert exchange.url == f"{chat.server.base_url}/v1/messages"
    assert exchange.request_headers["authorization"] == f"Basic {URL_CREDENTIALS}"
    assert exchange.request_headers["x-api-key"] == REDACTED
    curl = curl_command(exchange, "ANTHROPIC_API_KEY")
    assert f'--user "${{{URL_CREDENTIALS_VAR}}}"' in curl
    assert "authorization" not in curl.lower(), "the key must not go in an authorization header"
    script = python_script(exchange, "ANTHROPIC_API_KEY")
    path = tmp_path / "request.py"
    path.write_text(script, encoding="utf-8")
    for argv in (["sh", "-c", curl], [sys.executable, str(path)]):
        run = run_with_url_credentials(argv)
        assert run.returncode == 0 and "message_stop" in run.stdout, run.stderr
        replayed = chat.server.requests[-1]
        assert (replayed.headers["authorization"], replayed.headers["x-api-key"]) == (BASIC, KEY)
        assert replayed.raw_body == sent.raw_body
    for text in (curl, script, exchange.url, json.dumps(exchange.request_headers)):
        for secret in (URL_PASSWORD, URL_USERINFO, BASIC.removeprefix("Basic ")):
            assert secret not in text
    found = [
        (path.name, forms_in(path.read_bytes(), secret))
        for path in tmp_path.rglob("*")
        if path.is_file() and path.suffix != ".py"
        for secret in (URL_PASSWORD, f"relay-user:{URL_PASSWORD}", URL_USERINFO)
        if forms_in(path.read_bytes(), secret)
    ]
    assert found == []


async def test_a_profile_stored_with_url_credentials_is_recorded_and_copied_as_sent(
    tmp_path: Path, server: FakeServer
) -> None:
    """A profile stored before URL credentials moved to the keyring carries them in its base URL."""
    host = server.base_url.removeprefix("http://")
    profile = Profile("Basic relay", f"http://{URL_USERINFO}@{host}")
    async for chat in open_chat(tmp_path, server, profile):
        await assert_url_credentials_handled(chat, tmp_path)


async def test_url_credentials_from_the_keyring_are_recorded_and_copied_as_sent(
    tmp_path: Path, server: FakeServer
) -> None:
    keys = KeyStore(DictKeyring())
    keys.set("Basic relay", KEY)
    keys.set_credentials("Basic relay", "base_url", URL_USERINFO)
    profile = Profile("Basic relay", server.base_url)
    async for chat in open_chat(tmp_path, server, profile, keys=keys):
        await assert_url_credentials_handled(chat, tmp_path)

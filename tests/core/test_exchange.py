"""The exchange record: the key never kept, wherever it appears; limits; the store round trip; compare
replies recorded too; the raw text shown to the user."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from core.clients import ClientPool
from core.compare_session import CompareSession
from core.demo import FakeServer, RawResponse
from core.exchange import MAX_REQUEST_BYTES, REDACTED, Exchange, ExchangeCapture, redact_headers
from core.exchange_text import exchange_text
from core.profile import Profile
from core.retry import RetryPolicy
from core.settings import RequestSettings
from core.store import Store
from core.store_worker import StoreWorker
from tests.core.test_compare_session import Recorder

KEY = "sk-ant-exchange-test-0a9b8c7d6e"


def captured(body: bytes, response: httpx.Response, chunks: list[bytes]) -> Exchange:
    capture = ExchangeCapture()
    request = httpx.Request(
        "POST",
        "https://relay.example/v1/messages",
        headers={"x-api-key": KEY, "x-relay-token": f"tok-{KEY}", "anthropic-version": "2023-06-01"},
        content=body,
    )
    capture.request_sent(request, KEY)
    capture.response_received(response)
    for chunk in chunks:
        capture.body_read(chunk)
    exchange = capture.record()
    assert exchange is not None
    return exchange


def test_the_key_is_redacted_wherever_it_appears() -> None:
    echoed = [b'{"error": "bad key sk-ant-exch', b'ange-test-0a9b8c7d6e"}']  # split across two chunks
    response = httpx.Response(401, headers={"x-echo": KEY})
    exchange = captured(b'{"note": "my key is ' + KEY.encode() + b'"}', response, echoed)
    assert exchange.request_headers["x-api-key"] == REDACTED
    assert exchange.request_headers["x-relay-token"] == f"tok-{REDACTED}"
    assert exchange.response_headers["x-echo"] == REDACTED
    assert KEY.encode() not in exchange.request_body + exchange.response_body
    assert REDACTED.encode() in exchange.response_body


def test_auth_headers_are_redacted_even_without_the_key() -> None:
    headers = redact_headers({"Authorization": "Bearer something-else", "X-Api-Key": "other"}, KEY)
    assert headers == {"authorization": REDACTED, "x-api-key": REDACTED}


def test_a_huge_request_body_is_not_kept() -> None:
    exchange = captured(b"x" * (MAX_REQUEST_BYTES + 1), httpx.Response(200), [b"{}"])
    assert not exchange.request_kept and exchange.request_body == b""


def test_no_request_no_record() -> None:
    assert ExchangeCapture().record() is None


def test_the_store_round_trip(tmp_path: Path) -> None:
    exchange = captured(b'{"model":"m","stream":true}', httpx.Response(200), [b"event: ping\n\n"] * 3)
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(RequestSettings(model="m"), None)
    user = store.add_message(conversation.id, None, "user", [{"type": "text", "text": "Hi"}])
    reply = store.add_message(conversation.id, user.id, "assistant", [])
    store.save_exchange(reply.id, exchange)
    assert store.get_exchange(reply.id) == exchange
    assert exchange.streaming
    store.close()


def test_the_raw_text_is_indented_json_and_the_events_as_received() -> None:
    stream = captured(
        b'{"model":"m"}', httpx.Response(200, headers={"request-id": "req_1"}), [b"data: 1\n\n"]
    )
    text = exchange_text(stream)
    assert text.request_head.startswith("POST https://relay.example/v1/messages\n")
    assert f"x-api-key: {REDACTED}\n" in text.request_head
    assert text.request_body == '{\n  "model": "m"\n}'
    assert text.response_head == "HTTP 200\nrequest-id: req_1\n"
    assert text.response_body == "data: 1\n\n"
    answer = captured(b"{}", httpx.Response(200), [json.dumps({"content": ["é"]}).encode()])
    assert exchange_text(answer).response_body == '{\n  "content": [\n    "é"\n  ]\n}'


async def test_compare_replies_are_recorded(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(RawResponse(502, "<html>Bad Gateway</html>", content_type="text/html"))
        store = StoreWorker(tmp_path / "compare.sqlite3")
        clients = ClientPool(_Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
        session = CompareSession(store, clients, Recorder(), save_interval=0.05)
        base = RequestSettings(model="claude-sonnet-4-6", max_tokens=256)
        conversation = await store.call(lambda s: s.create_conversation(base, "Relay"))
        columns = [("Relay", base), ("Relay", RequestSettings(model="claude-haiku-4-5", max_tokens=256))]
        run = await session.start(conversation.id, columns, "Hello")
        replies = await session.wait(run.id)
        exchanges = [await store.call(lambda s, m=reply.id: s.get_exchange(m)) for reply in replies]
        assert all(exchange is not None for exchange in exchanges)
        statuses = sorted(exchange.status for exchange in exchanges if exchange is not None)
        assert statuses == [200, 502]
        bodies = {request.raw_body for request in server.requests}
        assert {exchange.request_body for exchange in exchanges if exchange is not None} == bodies
        await session.close()
        await clients.aclose()
        await store.close()


class _Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY

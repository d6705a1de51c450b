"""The exchange record: the key never kept, wherever it appears; limits; the store round trip; compare
replies recorded too; the raw text shown to the user; request bodies stored once per turn, not per request,
and given back byte for byte."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import zlib
from pathlib import Path
from urllib.parse import quote

import httpx

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import ChatSession
from core.compare.session import CompareSession
from core.demo import ErrorEvent, FakeServer, RawResponse, Reply, Text
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.exchange_parts import join_body, split_body
from core.store.repository import Store
from core.store.worker import StoreWorker
from core.wire.exchange import MAX_REQUEST_BYTES, REDACTED, Exchange, ExchangeCapture, redact_headers
from core.wire.exchange_text import exchange_text
from tests.core.chat.test_session import Recorder as ChatRecorder
from tests.core.compare.test_session import Recorder
from tests.secret_search import forms_in

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


def test_stored_parts_hold_the_key_redacted(tmp_path: Path) -> None:
    body = json.dumps({"model": "m", "messages": [{"role": "user", "content": f"my key is {KEY}"}]}).encode()
    exchange = captured(body, httpx.Response(200), [b"{}"])
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(RequestSettings(model="m"), None)
    reply = store.add_message(conversation.id, None, "assistant", [])
    store.save_exchange(reply.id, exchange)
    store.close()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        parts = [zlib.decompress(row[0]) for row in db.execute("SELECT body FROM exchange_parts")]
    db.close()
    assert parts == [f'{{"role": "user", "content": "my key is {REDACTED}"}}'.encode()]


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


def test_a_body_splits_at_its_messages_and_joins_back_byte_for_byte() -> None:
    body = '  {"model": "m", "messages" : [ {"role":"user","content":"é"} ,\n[1, 2]], "stream":1}\n'.encode()
    split = split_body(body)
    assert [part.data for part in split.parts] == ['{"role":"user","content":"é"}'.encode(), b"[1, 2]"]
    assert join_body(split.template, split.parts) == body
    for whole in (b"\xff{}", b'{"messages": [1]} trailing', b"[1, 2]", b"", b'{"messages": "text"}'):
        assert split_body(whole).template == whole and split_body(whole).parts == ()


async def run_conversation(server: FakeServer, store: StoreWorker, turns: int, tag: str = "") -> list[int]:
    """`turns` user turns, each answered with ~2 KB of hex; returns the reply ids. Conversations with
    different tags share their first turn and its answer, and nothing after."""
    clients = ClientPool(_Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
    session = ChatSession(store, clients, ChatRecorder(), save_interval=1)
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=256)
    conversation = await store.call(lambda s: s.create_conversation(settings, "Relay"))
    replies = []
    for turn in range(turns):
        seed = f"{tag}{turn}" if turn else "first"
        answer = "".join(hashlib.sha256(f"{seed}-{i}".encode()).hexdigest() for i in range(32))
        server.enqueue(Reply([Text(answer)]))
        question = f"Question {turn}: and what about {answer[:40]}?"
        reply = await session.send(conversation.id, [{"type": "text", "text": question}])
        assert reply.status == "complete"
        replies.append(reply.id)
    await session.close()
    await clients.aclose()
    return replies


def stored_request_bytes(db: sqlite3.Connection) -> int:
    (templates,) = db.execute("SELECT coalesce(sum(length(request_template)), 0) FROM exchanges").fetchone()
    (parts,) = db.execute("SELECT coalesce(sum(length(body)), 0) FROM exchange_parts").fetchone()
    return templates + parts


async def test_a_long_conversation_stores_its_bodies_in_linear_space_byte_for_byte(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "long.sqlite3")
        replies = await run_conversation(server, store, 60)
        recorded = [await store.call(lambda s, m=reply: s.get_exchange(m)) for reply in replies]
        await store.close()
    sent = [request.raw_body for request in server.requests]
    assert len(sent) == 60
    assert [exchange.request_body for exchange in recorded if exchange is not None] == sent
    whole_bodies = sum(len(zlib.compress(body)) for body in sent)  # what keeping each body whole would take
    with sqlite3.connect(tmp_path / "long.sqlite3") as db:
        stored = stored_request_bytes(db)
    db.close()
    assert stored < 3 * len(sent[-1]) < whole_bodies / 5


async def test_parts_no_longer_used_go_with_their_replies(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(path)
        kept = await run_conversation(server, store, 3, tag="kept")
        gone = await run_conversation(server, store, 4, tag="gone")
        await store.close()
    sync = Store.open(path)
    conversation = sync.get_message(gone[0]).conversation_id
    digests = [{part.digest for part in split_body(request.raw_body).parts} for request in server.requests]
    sync.delete_message_subtree(gone[-1])
    stored = {row[0] for row in sync._db.execute("SELECT digest FROM exchange_parts")}
    assert digests[-1] - digests[-2] and not (digests[-1] - digests[-2]) & stored
    assert digests[-2] <= stored
    sync.delete_conversation(conversation)
    assert sync.purge_deleted(0) == 1
    bodies = [request.raw_body for request in server.requests[:3]]
    assert [sync.get_exchange(reply).request_body for reply in kept] == bodies  # type: ignore[union-attr]
    db = sync._db
    still_used = {part.digest for body in bodies for part in split_body(body).parts}
    assert {row[0] for row in db.execute("SELECT digest FROM exchange_parts")} == still_used
    assert db.execute("SELECT count(*) FROM exchange_part_uses").fetchone()[0] == 1 + 3 + 5
    sync.close()


class _Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


async def test_a_key_echoed_in_any_form_is_not_in_the_stored_exchange(tmp_path: Path) -> None:
    """A relay that echoes the key base64-encoded (in its error, in a header, in an error event mid-stream),
    or URL-encoded, leaves no form of it in the database: not in the error saved with the reply, not in the
    recorded exchange."""
    b64 = base64.b64encode(f"relay:{KEY}".encode()).decode()
    urlsafe = base64.urlsafe_b64encode(f"x{KEY}".encode()).decode()
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(
            RawResponse(502, f"upstream: Basic {b64}; {quote(KEY)}", headers={"x-echo": urlsafe}),
            Reply([Text("Half an answer")], faults=[ErrorEvent(1, "api_error", f"token {b64} / {urlsafe}")]),
        )
        store = StoreWorker(tmp_path / "chat.sqlite3")
        clients = ClientPool(_Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
        recorder = ChatRecorder()
        session = ChatSession(store, clients, recorder, save_interval=0.05)
        conversation = await store.call(
            lambda s: s.create_conversation(
                RequestSettings(model="claude-sonnet-4-6", max_tokens=64), "Relay"
            )
        )
        replies = [
            await session.send(conversation.id, [{"type": "text", "text": text}]) for text in ("Hi", "Again")
        ]
        exchanges = [await store.call(lambda s, m=reply.id: s.get_exchange(m)) for reply in replies]
        await session.close()
        await clients.aclose()
        await store.close()
    assert [exchange.status for exchange in exchanges if exchange is not None] == [502, 200]
    assert all(reply.error is not None for reply in replies)
    for path in tmp_path.iterdir():
        assert forms_in(path.read_bytes(), KEY) == [], path
    # What is compressed in the database is searched decompressed.
    with sqlite3.connect(tmp_path / "chat.sqlite3") as db:
        stored = [
            zlib.decompress(blob)
            for table, column in (("exchanges", "response_body"), ("exchange_parts", "body"))
            for (blob,) in db.execute(f"SELECT {column} FROM {table}")
        ]
        stored += [row[0].encode() for row in db.execute("SELECT response_headers_json FROM exchanges")]
        stored += [(row[0] or "").encode() for row in db.execute("SELECT error_json FROM messages")]
    db.close()
    assert [forms_in(data, KEY) for data in stored if forms_in(data, KEY)] == []


def test_a_short_key_is_redacted_where_sent_and_nowhere_in_the_bodies() -> None:
    """The demo's key is "demo": it is a word of the user's text and of the reply, which stay as they were;
    the header and the query that carried it read REDACTED."""
    capture = ExchangeCapture()
    body = b'{"messages":[{"role":"user","content":"a demo of demos"}]}'
    request = httpx.Request(
        "POST", "https://relay.example/demo/v1/messages?key=demo", headers={"x-api-key": "demo"}, content=body
    )
    capture.request_sent(request, "demo")
    capture.response_received(httpx.Response(200, headers={"x-note": "demo"}))
    capture.body_read(b'{"content":[{"type":"text","text":"the demo"}]}')
    exchange = capture.record()
    assert exchange is not None
    assert exchange.request_headers["x-api-key"] == REDACTED
    assert exchange.url == f"https://relay.example/demo/v1/messages?key={REDACTED}"
    assert exchange.request_body == body
    assert exchange.response_body == b'{"content":[{"type":"text","text":"the demo"}]}'
    assert exchange.response_headers["x-note"] == "demo"


def test_a_long_key_in_a_body_is_replaced_only_as_a_whole_token() -> None:
    body = f'{{"a": "{KEY}", "b": "x{KEY}9", "c": "key={KEY}."}}'.encode()
    exchange = captured(body, httpx.Response(200), [b"{}"])
    assert exchange.request_body == f'{{"a": "{REDACTED}", "b": "x{KEY}9", "c": "key={REDACTED}."}}'.encode()

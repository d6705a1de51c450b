"""The chat session against the fake server and a real SQLite file: sent, streamed, saved, stopped."""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import ChatSession
from core.demo import FakeServer, HttpError, Pace, Reply, Text, Thinking, ToolUse
from core.model.conversation import StoredMessage
from core.model.messages import ToolResult, Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.worker import StoreWorker
from core.wire.accumulate import StreamUpdate
from core.wire.errors import ApiError
from core.wire.validation import RequestValidationError
from tests.waiting import wait_for, wait_until

KEY = "sk-chat-test-key-0123456789"
SLOW = Pace(chunk_chars=4, delta_interval=0.02)


@dataclass
class Recorder:
    events: list[tuple[str, object]] = field(default_factory=list)
    text: dict[int, str] = field(default_factory=dict)

    def reply_started(self, path: list[StoredMessage], message: StoredMessage) -> None:
        self.events.append(("started", (len(path), message.id)))

    def reply_updated(self, message_id: int, update: StreamUpdate) -> None:
        if update.kind == "text":
            self.text[message_id] = self.text.get(message_id, "") + update.text

    def reply_retrying(self, message_id: int, error: ApiError, wait: float, attempt: int) -> None:
        self.events.append(("retrying", attempt))

    def reply_finished(self, message: StoredMessage) -> None:
        self.events.append(("finished", message.status))

    def conversation_changed(self, conversation_id: int) -> None:
        self.events.append(("changed", conversation_id))


class Keys:
    def __init__(self, keys: dict[str, str]) -> None:
        self.keys = keys

    def get(self, profile_name: str) -> str | None:
        return self.keys.get(profile_name)


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    session: ChatSession
    events: Recorder
    keys: Keys
    conversation_id: int


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "chat.sqlite3")
        keys = Keys({"Relay": KEY})
        clients = ClientPool(keys, [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
        events = Recorder()
        session = ChatSession(store, clients, events, save_interval=0.1)
        settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
        conversation = await store.call(lambda s: s.create_conversation(settings, "Relay"))
        yield Setup(server, store, session, events, keys, conversation.id)
        await clients.aclose()
        await store.close()


def user(text: str) -> list[dict]:
    return [{"type": "text", "text": text}]


async def test_a_turn_is_sent_streamed_and_saved_with_its_measurements(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("Hello back!")], usage=Usage(11, 3)))
    reply = await setup.session.send(setup.conversation_id, user("Hello there"))
    assert reply.status == "complete" and reply.content == [{"type": "text", "text": "Hello back!"}]
    assert setup.events.text[reply.id] == "Hello back!"
    assert (reply.usage.input_tokens, reply.usage.output_tokens) == (11, 3)  # type: ignore[union-attr]
    assert reply.cost_usd == pytest.approx((11 * 3 + 3 * 15) / 1e6)
    assert reply.timing is not None and reply.timing.duration is not None
    assert reply.request_id == setup.server.requests[0].request_id
    path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
    assert [(m.role, m.status) for m in path] == [("user", "complete"), ("assistant", "complete")]
    conversation = await setup.store.call(lambda s: s.get_conversation(setup.conversation_id))
    assert conversation.title == "Hello there"


async def test_the_next_turn_sends_the_history_with_thinking_verbatim(setup: Setup) -> None:
    setup.server.enqueue(Reply([Thinking("Pondering.", "sig-abc"), Text("First.")]), Reply([Text("Second.")]))
    await setup.session.send(setup.conversation_id, user("one"))
    await setup.session.send(setup.conversation_id, user("two"))
    sent = setup.server.requests[1].body["messages"]  # type: ignore[index]
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    assert sent[1]["content"][0] == {"type": "thinking", "thinking": "Pondering.", "signature": "sig-abc"}


async def test_a_streaming_reply_is_saved_while_it_arrives(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("word " * 60)], pace=SLOW))
    task = asyncio.ensure_future(setup.session.send(setup.conversation_id, user("long please")))

    async def last_saved() -> StoredMessage | None:
        path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
        return path[-1] if path else None

    def some_text(message: StoredMessage | None) -> bool:
        content = message.content if message and message.role == "assistant" else []
        return bool(content and content[0].get("text"))

    saved = await wait_for(last_saved, some_text, what="a part of the reply saved")
    assert saved is not None
    assert saved.status == "streaming"
    assert 0 < len(saved.content[0]["text"]) < len("word " * 60)
    assert (await task).status == "complete"


async def test_stop_keeps_the_partial_reply_as_cancelled(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("word " * 100)], pace=SLOW))
    task = asyncio.ensure_future(setup.session.send(setup.conversation_id, user("go")))
    await wait_until(lambda: bool(setup.events.text), what="the reply's first words")
    assert setup.session.is_replying(setup.conversation_id)
    setup.session.stop(setup.conversation_id)
    reply = await task
    assert reply.status == "cancelled"
    assert 0 < len(reply.content[0]["text"]) < len("word " * 100)
    await setup.server.wait_for_disconnect(2)


async def test_closing_mid_stream_saves_the_reply_as_interrupted(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("word " * 100)], pace=SLOW))
    task = asyncio.ensure_future(setup.session.send(setup.conversation_id, user("go")))
    await wait_until(lambda: bool(setup.events.text), what="the reply's first words")
    await setup.session.close()
    reply = await task
    assert reply.status == "interrupted" and reply.content[0]["text"]
    stored = await setup.store.call(lambda s: s.get_message(reply.id))
    assert stored.status == "interrupted" and stored.content == reply.content


async def test_an_error_is_saved_and_retry_replaces_the_reply(setup: Setup) -> None:
    setup.server.enqueue(HttpError(529, "Overloaded."), Reply([Text("Better now.")]))
    failed = await setup.session.send(setup.conversation_id, user("hi"))
    assert failed.status == "error" and failed.error is not None
    assert (failed.error.kind, failed.error.status, failed.error.message) == (
        "OverloadedError",
        529,
        "Overloaded.",
    )
    retried = await setup.session.retry(failed.id)
    assert retried.status == "complete" and retried.content[0]["text"] == "Better now."
    path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
    assert [m.id for m in path][-1] == retried.id and len(path) == 2


async def test_a_missing_key_is_an_error_and_nothing_is_sent(setup: Setup) -> None:
    setup.keys.keys.clear()
    reply = await setup.session.send(setup.conversation_id, user("hi"))
    assert reply.status == "error" and reply.error is not None and reply.error.kind == "MissingKeyError"
    assert setup.server.requests == []


async def test_tool_results_continue_the_conversation(setup: Setup) -> None:
    setup.server.enqueue(Reply([ToolUse("lookup", {"q": "x"}, id="toolu_1")]), Reply([Text("Thanks.")]))
    asked = await setup.session.send(setup.conversation_id, user("use the tool"))
    assert asked.stop_reason == "tool_use"
    answer = await setup.session.send_tool_results(
        setup.conversation_id, [ToolResult("toolu_1", "not found", is_error=True)]
    )
    assert answer.content[0]["text"] == "Thanks."
    last_user = setup.server.requests[1].body["messages"][-1]  # type: ignore[index]
    assert last_user["content"] == [
        {"type": "tool_result", "tool_use_id": "toolu_1", "content": "not found", "is_error": True}
    ]


async def test_invalid_settings_save_nothing(setup: Setup) -> None:
    bad = RequestSettings(model="claude-sonnet-4-6", max_tokens=1024, temperature=3.0)
    await setup.store.call(lambda s: s.update_conversation_settings(setup.conversation_id, bad, "Relay"))
    with pytest.raises(RequestValidationError):
        await setup.session.send(setup.conversation_id, user("hi"))
    assert await setup.store.call(lambda s: s.current_path(setup.conversation_id)) == []


async def test_after_a_reply_that_failed_empty_the_next_turn_merges_the_user_turns(setup: Setup) -> None:
    setup.server.enqueue(HttpError(500, "Oops."), Reply([Text("Got both.")]))
    await setup.session.send(setup.conversation_id, user("first try"))
    reply = await setup.session.send(setup.conversation_id, user("second try"))
    assert reply.status == "complete"
    sent = setup.server.requests[-1].body["messages"]  # type: ignore[index]
    assert sent == [
        {
            "role": "user",
            "content": [{"type": "text", "text": "first try"}, {"type": "text", "text": "second try"}],
        }
    ]


async def test_a_tool_call_left_without_its_result_is_answered_as_interrupted(setup: Setup) -> None:
    # The app closed while the call waited for approval: the reply holding it was saved, its results never.
    setup.server.enqueue(Reply([Text("Let me look."), ToolUse("lookup", {"q": "x"})]), Reply([Text("Fine.")]))
    settings = RequestSettings(
        model="claude-sonnet-4-6",
        max_tokens=2048,
        tools=[{"name": "lookup", "input_schema": {"type": "object"}}],
    )
    await setup.store.call(lambda s: s.update_conversation_settings(setup.conversation_id, settings, "Relay"))
    calling = await setup.session.send(setup.conversation_id, user("look it up"))
    call_id = calling.content[-1]["id"]

    reply = await setup.session.send(setup.conversation_id, user("Never mind, just say fine."))

    # The fake server refuses, as the API does, a tool_use not answered in the next turn: this one went.
    assert reply.status == "complete" and reply.content == [{"type": "text", "text": "Fine."}]
    sent = setup.server.requests[1].body["messages"][-1]["content"]  # type: ignore[index]
    assert sent[0] == {
        "type": "tool_result",
        "tool_use_id": call_id,
        "content": [
            {"type": "text", "text": "No result: this tool call was interrupted before it returned one."}
        ],
        "is_error": True,
    }
    assert sent[1] == {"type": "text", "text": "Never mind, just say fine."}


async def test_the_fake_server_refuses_a_tool_call_left_without_its_result(setup: Setup) -> None:
    import httpx

    body = {
        "model": "claude-sonnet-4-6",
        "max_tokens": 100,
        "messages": [
            {"role": "user", "content": "look it up"},
            {
                "role": "assistant",
                "content": [{"type": "tool_use", "id": "toolu_1", "name": "t", "input": {}}],
            },
            {"role": "user", "content": "never mind"},
        ],
    }
    headers = {"x-api-key": KEY, "anthropic-version": "2023-06-01"}
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{setup.server.base_url}/v1/messages", json=body, headers=headers)
    assert response.status_code == 400
    assert (
        "`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1" in response.text
    )

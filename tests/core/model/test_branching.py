"""Edits, regenerations, version switching and branch copies: the chat session against the fake server and
a real SQLite file."""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import ChatSession
from core.demo import FakeServer, Pace, Reply, Text
from core.model.branching import ReplyInProgressError, Versions, can_edit, editable_text, edited_content
from core.model.conversation import StoredMessage
from core.model.messages import Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.store.worker import StoreWorker
from core.wire.validation import RequestValidationError
from tests.core.chat.test_session import KEY, Keys, Recorder, user
from tests.waiting import wait_for

SLOW = Pace(chunk_chars=4, delta_interval=0.02)
SETTINGS = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    session: ChatSession
    conversation_id: int

    async def path(self, conversation_id: int | None = None) -> list[StoredMessage]:
        conversation_id = conversation_id or self.conversation_id
        return await self.store.call(lambda s: s.current_path(conversation_id))

    async def versions(self, message_id: int) -> Versions:
        return await self.store.call(lambda s: s.sibling_position(message_id))

    def sent(self) -> list[tuple[str, str]]:
        """The last request's messages as (role, first text)."""
        messages = self.server.requests[-1].body["messages"]  # type: ignore[index]
        return [(m["role"], m["content"][0]["text"]) for m in messages]

    async def two_turns(self) -> list[StoredMessage]:
        """one → A, two → B."""
        self.server.enqueue(Reply([Text("A")]), Reply([Text("B")]))
        await self.session.send(self.conversation_id, user("one"))
        await self.session.send(self.conversation_id, user("two"))
        return await self.path()


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "branching.sqlite3")
        clients = ClientPool(
            Keys({"Relay": KEY}), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0)
        )
        session = ChatSession(store, clients, Recorder(), save_interval=0.1)
        conversation = await store.call(lambda s: s.create_conversation(SETTINGS, "Relay", "Trip"))
        yield Setup(server, store, session, conversation.id)
        await clients.aclose()
        await store.close()


def texts(path: list[StoredMessage]) -> list[str]:
    return [editable_text(m.content) for m in path]


async def test_an_edit_is_a_sibling_and_the_old_continuation_stays_a_branch(setup: Setup) -> None:
    one, a, two, _ = await setup.two_turns()
    setup.server.enqueue(Reply([Text("B2")]))
    reply = await setup.session.edit(two.id, user("two, edited"))
    assert setup.sent() == [("user", "one"), ("assistant", "A"), ("user", "two, edited")]
    path = await setup.path()
    assert texts(path) == ["one", "A", "two, edited", "B2"] and path[-1].id == reply.id
    assert path[2].parent_id == a.id
    positions = await setup.store.call(lambda s: s.sibling_positions([m.id for m in path]))
    assert positions[path[2].id] == Versions(2, 2, previous_id=two.id)
    assert positions[one.id] == Versions(1, 1) and positions[reply.id] == Versions(1, 1)
    assert (await setup.versions(two.id)) == Versions(1, 2, next_id=path[2].id)


async def test_editing_the_first_turn_makes_a_second_root(setup: Setup) -> None:
    one, *_ = await setup.two_turns()
    setup.server.enqueue(Reply([Text("A2")]))
    await setup.session.edit(one.id, user("uno"))
    assert setup.sent() == [("user", "uno")]
    path = await setup.path()
    assert texts(path) == ["uno", "A2"] and path[0].parent_id is None
    assert (await setup.versions(path[0].id)).position == 2
    old = await setup.session.show_version(one.id)
    assert texts(old) == ["one", "A", "two", "B"]


async def test_the_next_request_follows_the_version_shown(setup: Setup) -> None:
    one, a, two, b = await setup.two_turns()
    setup.server.enqueue(Reply([Text("B2")]), Reply([Text("C")]))
    await setup.session.edit(two.id, user("deux"))
    shown = await setup.session.show_version(two.id)
    assert [m.id for m in shown] == [one.id, a.id, two.id, b.id]
    assert [m.id for m in await setup.path()] == [one.id, a.id, two.id, b.id], "the choice is stored"
    await setup.session.send(setup.conversation_id, user("three"))
    assert setup.sent() == [("user", "one"), ("assistant", "A"), ("user", "two"), ("assistant", "B"),
                            ("user", "three")]  # fmt: skip


async def test_switching_shows_the_newest_continuation_of_that_version(setup: Setup) -> None:
    one, *_ = await setup.two_turns()
    setup.server.enqueue(Reply([Text("A2")]), Reply([Text("late")]))
    edited = await setup.session.edit(one.id, user("uno"))
    await setup.session.show_version(one.id)
    await setup.session.send(setup.conversation_id, user("after"))
    await setup.session.show_version(edited.parent_id)  # type: ignore[arg-type]
    assert texts(await setup.path()) == ["uno", "A2"]
    assert texts(await setup.session.show_version(one.id)) == ["one", "A", "two", "B", "after", "late"]


async def test_regenerate_with_another_model_leaves_the_settings_alone(setup: Setup) -> None:
    _, _, two, b = await setup.two_turns()
    setup.server.enqueue(Reply([Text("B by Haiku")], usage=Usage(10, 10)))
    other = RequestSettings(model="claude-haiku-4-5", max_tokens=2048)
    reply = await setup.session.regenerate(b.id, other)
    request = setup.server.requests[-1].body
    assert request["model"] == "claude-haiku-4-5"  # type: ignore[index]
    assert setup.sent() == [("user", "one"), ("assistant", "A"), ("user", "two")]
    assert reply.parent_id == two.id and reply.model == "claude-haiku-4-5"
    assert reply.cost_usd == pytest.approx((10 * 1 + 10 * 5) / 1e6), "priced as the model that answered"
    conversation = await setup.store.call(lambda s: s.get_conversation(setup.conversation_id))
    assert conversation.settings == SETTINGS
    assert (await setup.versions(reply.id)) == Versions(2, 2, previous_id=b.id)
    setup.server.enqueue(Reply([Text("B3")]))
    third = await setup.session.regenerate(b.id)
    assert setup.server.requests[-1].body["model"] == "claude-sonnet-4-6"  # type: ignore[index]
    assert (await setup.versions(third.id)).position == 3


async def test_regenerate_refuses_settings_the_model_cannot_take_and_saves_nothing(setup: Setup) -> None:
    *_, b = await setup.two_turns()
    haiku_thinking = RequestSettings(
        model="claude-haiku-3-5-20241022", thinking=ThinkingSettings(mode="enabled", budget_tokens=4096)
    )
    with pytest.raises(RequestValidationError):
        await setup.session.regenerate(b.id, haiku_thinking)
    assert (await setup.versions(b.id)).count == 1


async def test_a_branch_copy_is_a_new_conversation_independent_of_the_original(setup: Setup) -> None:
    one, a, *_ = await setup.two_turns()
    copy_id = await setup.session.branch(a.id, "Trip (branch)")
    copy = await setup.store.call(lambda s: s.get_conversation(copy_id))
    assert (copy.title, copy.settings, copy.profile_name) == ("Trip (branch)", SETTINGS, "Relay")
    copied = await setup.path(copy_id)
    assert texts(copied) == ["one", "A"]
    assert [m.content for m in copied] == [one.content, a.content] and copied[1].request_id == a.request_id
    assert not {m.id for m in copied} & {one.id, a.id}
    sent_for_a = setup.server.requests[0].raw_body
    setup.server.enqueue(Reply([Text("elsewhere")]))
    await setup.session.send(copy_id, user("in the copy"))
    await setup.store.call(lambda s: s.delete_message_subtree(a.id))
    assert texts(await setup.path(copy_id)) == ["one", "A", "in the copy", "elsewhere"]
    kept = await setup.store.call(lambda s: s.get_exchange(copied[1].id))
    assert kept is not None and kept.request_body == sent_for_a, "the copy keeps what was sent for its reply"
    assert texts(await setup.path()) == ["one"]
    titles = [row.title for row in await setup.store.call(lambda s: s.list_conversations())]
    assert "Trip (branch)" in titles


async def test_deleting_the_branch_on_screen_shows_its_sibling(setup: Setup) -> None:
    one, a, two, b = await setup.two_turns()
    setup.server.enqueue(Reply([Text("B2")]))
    await setup.session.edit(two.id, user("deux"))
    edited = (await setup.path())[2]
    await setup.store.call(lambda s: s.delete_message_subtree(edited.id))
    assert [m.id for m in await setup.path()] == [one.id, a.id, two.id, b.id]
    assert (await setup.versions(two.id)) == Versions(1, 1)


async def test_versions_cannot_change_while_a_reply_arrives(setup: Setup) -> None:
    one, a, two, b = await setup.two_turns()
    setup.server.enqueue(Reply([Text("word " * 60)], pace=SLOW))
    streaming = asyncio.ensure_future(setup.session.regenerate(b.id))

    async def last() -> StoredMessage:
        return (await setup.path())[-1]

    live = await wait_for(last, lambda m: m.id != b.id, what="the new version to start")
    assert live.status == "streaming"
    with pytest.raises(ReplyInProgressError):
        await setup.session.show_version(b.id)
    with pytest.raises(ReplyInProgressError):
        await setup.session.edit(two.id, user("no"))
    with pytest.raises(ReplyInProgressError):
        await setup.session.regenerate(b.id)
    with pytest.raises(ReplyInProgressError):
        await setup.session.branch(live.id, "copy")
    with pytest.raises(ReplyInProgressError):
        await setup.session.delete_version(b.id)
    await setup.session.branch(two.id, "an earlier message can be copied meanwhile")
    finished = await streaming
    assert finished.status == "complete" and finished.id == live.id
    assert [m.id for m in await setup.path()] == [one.id, a.id, two.id, live.id]
    assert (await setup.versions(two.id)).count == 1


def test_an_edit_keeps_the_attachments_in_place() -> None:
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}
    original = [image, {"type": "text", "text": "What is this?"}, {"type": "text", "text": "Be brief."}]
    assert editable_text(original) == "What is this?\n\nBe brief."
    assert edited_content(original, "And this?") == [image, {"type": "text", "text": "And this?"}]
    assert edited_content([image], "Now with words") == [image, {"type": "text", "text": "Now with words"}]
    assert edited_content(original, "  ") == [image]


def test_only_turns_the_user_wrote_are_edited() -> None:
    results = [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "21"}]
    assert can_edit(StoredMessage(1, 1, None, "user", user("hi")))
    assert not can_edit(StoredMessage(2, 1, 1, "user", results))
    assert not can_edit(StoredMessage(3, 1, None, "assistant", user("hi")))

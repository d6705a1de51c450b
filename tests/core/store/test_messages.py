"""The message tree on a real SQLite file: branches, paths, streaming updates, deletion, interruption."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.model.conversation import ErrorKind, ReplyError, ReplyTiming, StoredMessage
from core.model.messages import Usage
from core.model.request_settings import RequestSettings
from core.store.repository import RecordNotFoundError, Store
from tests.core.store_helpers import RICH_CONTENT, FakeClock, text

SETTINGS = RequestSettings(model="claude-sonnet-4-6")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "triptych.sqlite3", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def chat(store: Store) -> int:
    return store.create_conversation(SETTINGS, "Demo").id


def ids(messages: list[StoredMessage]) -> list[int]:
    return [message.id for message in messages]


def add_chain(store: Store, chat: int, parent: int | None, *texts: str) -> list[StoredMessage]:
    added = []
    for index, value in enumerate(texts):
        message = store.add_message(chat, parent, "user" if index % 2 == 0 else "assistant", text(value))
        added.append(message)
        parent = message.id
    return added


def test_an_added_message_becomes_the_leaf_and_the_conversations_activity(
    store: Store, chat: int, clock: FakeClock
) -> None:
    clock.advance(30)
    question = store.add_message(chat, None, "user", text("What is WAL?"))
    assert (question.conversation_id, question.parent_id, question.role) == (chat, None, "user")
    assert (question.status, question.created_at, question.content) == (
        "complete",
        clock.now,
        text("What is WAL?"),
    )
    conversation = store.get_conversation(chat)
    assert (conversation.current_leaf_id, conversation.updated_at) == (question.id, clock.now)


def test_every_reply_detail_reads_back(store: Store, chat: int) -> None:
    question = store.add_message(chat, None, "user", text("Search the weather"))
    usage = Usage(input_tokens=120, output_tokens=80, cache_read_input_tokens=1000, service_tier="standard")
    error = ReplyError(kind=ErrorKind.CONNECTION, message="The connection was cut.", request_id="req_1")
    reply = store.add_message(
        chat,
        question.id,
        "assistant",
        RICH_CONTENT,
        "error",
        model="claude-sonnet-4-6",
        stop_reason="end_turn",
        stop_sequence="END",
        usage=usage,
        cost_usd=0.00123,
        timing=ReplyTiming(time_to_first_token=0.42, duration=3.5),
        request_id="req_1",
        error=error,
        warnings=["The relay dropped the thinking signature."],
    )
    loaded = store.get_message(reply.id)
    assert loaded == reply
    assert loaded.content == RICH_CONTENT  # verbatim: signatures, unknown blocks, U+2028, Chinese
    assert (loaded.usage, loaded.error, loaded.cost_usd) == (usage, error, 0.00123)
    assert loaded.timing == ReplyTiming(0.42, 3.5)
    assert loaded.warnings == ["The relay dropped the thinking signature."]
    assert loaded.as_chat_message().content == RICH_CONTENT


def test_a_plain_message_has_no_reply_details(store: Store, chat: int) -> None:
    message = store.get_message(store.add_message(chat, None, "user", text("hi")).id)
    assert (message.usage, message.timing, message.error, message.model, message.warnings) == (
        None,
        None,
        None,
        None,
        [],
    )


def test_a_regeneration_branches_and_each_path_follows_its_parents(store: Store, chat: int) -> None:
    question, first_answer, follow_up = add_chain(store, chat, None, "Q", "A1", "Q2")
    second_answer = store.add_message(chat, question.id, "assistant", text("A2"))

    assert ids(store.children(question.id)) == [first_answer.id, second_answer.id]
    assert ids(store.siblings(second_answer.id)) == [first_answer.id, second_answer.id]
    assert ids(store.path_to(follow_up.id)) == [question.id, first_answer.id, follow_up.id]
    assert ids(store.path_to(second_answer.id)) == [question.id, second_answer.id]
    assert ids(store.current_path(chat)) == [question.id, second_answer.id]  # the newest branch shows

    store.set_current_leaf(chat, follow_up.id)  # the user goes back to the first branch
    assert [m.content for m in store.current_path(chat)] == [text("Q"), text("A1"), text("Q2")]


def test_an_edited_first_message_is_another_root(store: Store, chat: int) -> None:
    original, _ = add_chain(store, chat, None, "Helo", "Hi")
    edited, edited_reply = add_chain(store, chat, None, "Hello", "Hi there")
    assert ids(store.siblings(original.id)) == [original.id, edited.id]
    assert ids(store.current_path(chat)) == [edited.id, edited_reply.id]
    assert store.children(edited_reply.id) == []


def test_latest_leaf_follows_the_newest_branch_down(store: Store, chat: int) -> None:
    root, old_answer, old_follow_up = add_chain(store, chat, None, "Q", "A1", "Q2")
    new_answer, new_follow_up = add_chain(store, chat, root.id, "A2", "Q3")[0:2]
    assert store.latest_leaf(root.id) == new_follow_up.id
    assert store.latest_leaf(old_answer.id) == old_follow_up.id
    assert store.latest_leaf(new_follow_up.id) == new_follow_up.id
    assert new_answer.parent_id == root.id


def test_messages_cannot_cross_conversations(store: Store, chat: int) -> None:
    other = store.create_conversation(SETTINGS, None).id
    foreign = store.add_message(other, None, "user", text("elsewhere"))
    with pytest.raises(RecordNotFoundError, match="not in conversation"):
        store.add_message(chat, foreign.id, "assistant", text("reply"))
    with pytest.raises(RecordNotFoundError, match="not in conversation"):
        store.set_current_leaf(chat, foreign.id)
    with pytest.raises(RecordNotFoundError):
        store.add_message(404, None, "user", text("nowhere"))
    assert store.current_path(chat) == []  # nothing half-added
    assert store.get_conversation(chat).current_leaf_id is None


def test_set_current_leaf_to_none_shows_an_empty_branch(store: Store, chat: int) -> None:
    add_chain(store, chat, None, "Q")
    store.set_current_leaf(chat, None)
    assert store.current_path(chat) == []


def test_update_reply_changes_only_the_given_fields(store: Store, chat: int) -> None:
    question = store.add_message(chat, None, "user", text("Tell me a story"))
    reply = store.add_message(chat, question.id, "assistant", [], "streaming", model="claude-sonnet-4-6")
    store.update_reply(reply.id, content=text("Once upon"))
    store.update_reply(reply.id, content=text("Once upon a time"), request_id="req_7")
    halfway = store.get_message(reply.id)
    assert (halfway.content, halfway.status, halfway.model, halfway.request_id) == (
        text("Once upon a time"),
        "streaming",
        "claude-sonnet-4-6",
        "req_7",
    )
    store.update_reply(
        reply.id,
        status="complete",
        stop_reason="end_turn",
        usage=Usage(input_tokens=10, output_tokens=6),
        cost_usd=0.0001,
        timing=ReplyTiming(None, 2.0),
        warnings=["w"],
    )
    done = store.get_message(reply.id)
    assert done.content == text("Once upon a time")
    assert (done.status, done.stop_reason, done.usage, done.cost_usd) == (
        "complete",
        "end_turn",
        Usage(input_tokens=10, output_tokens=6),
        0.0001,
    )
    assert (done.timing, done.warnings, done.request_id) == (ReplyTiming(None, 2.0), ["w"], "req_7")
    assert store.get_message(question.id) == question
    store.update_reply(reply.id)  # nothing given, nothing changes
    assert store.get_message(reply.id) == done
    with pytest.raises(RecordNotFoundError):
        store.update_reply(404, status="complete")


def test_a_streaming_update_is_one_statement_touching_one_row(
    store: Store, chat: int, clock: FakeClock
) -> None:
    """Called every ~500 ms while a reply streams: its cost must not grow with the conversation."""
    messages = add_chain(store, chat, None, *(f"turn {n}" for n in range(200)))
    reply = store.add_message(chat, messages[-1].id, "assistant", [], "streaming")
    updated_at = store.get_conversation(chat).updated_at
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    changes_before = store._db.total_changes
    clock.advance(5)
    for n in range(20):
        store.update_reply(reply.id, content=text("word " * n))
    store._db.set_trace_callback(None)
    assert len(statements) == 20
    assert all(s.startswith("UPDATE messages SET content_json = ") for s in statements)
    assert store._db.total_changes - changes_before == 20  # one row per call
    assert store.get_conversation(chat).updated_at == updated_at
    assert ids(store.current_path(chat))[-1] == reply.id


def test_deleting_a_message_deletes_what_follows_it(store: Store, chat: int) -> None:
    question, first_answer, follow_up = add_chain(store, chat, None, "Q", "A1", "Q2")
    second_answer = store.add_message(chat, question.id, "assistant", text("A2"))
    store.set_current_leaf(chat, follow_up.id)

    assert store.delete_message_subtree(first_answer.id) == 2
    for gone in (first_answer.id, follow_up.id):
        with pytest.raises(RecordNotFoundError):
            store.get_message(gone)
    assert ids(store.children(question.id)) == [second_answer.id]
    # The branch on screen was deleted: the newest branch left beside it shows instead.
    assert ids(store.current_path(chat)) == [question.id, second_answer.id]


def test_deleting_elsewhere_leaves_the_branch_on_screen(store: Store, chat: int) -> None:
    question, first_answer = add_chain(store, chat, None, "Q", "A1")
    second_answer = store.add_message(chat, question.id, "assistant", text("A2"))
    store.delete_message_subtree(first_answer.id)
    assert ids(store.current_path(chat)) == [question.id, second_answer.id]


def test_deleting_a_root_falls_back_to_another_root_or_to_nothing(store: Store, chat: int) -> None:
    first = add_chain(store, chat, None, "Helo", "Hi")
    second = add_chain(store, chat, None, "Hello", "Hi there")
    assert store.delete_message_subtree(second[0].id) == 2
    assert ids(store.current_path(chat)) == ids(first)
    assert store.delete_message_subtree(first[0].id) == 2
    assert store.current_path(chat) == []
    assert store.get_conversation(chat).current_leaf_id is None


def test_a_long_conversation_walks_and_deletes_without_hitting_a_depth_limit(store: Store, chat: int) -> None:
    """SQLite stops recursive cascades at 1000 levels; paths and deletion must not depend on them."""
    parent = None
    for n in range(1100):
        parent = store._db.execute(
            "INSERT INTO messages (conversation_id, parent_id, role, created_at) VALUES (?, ?, 'user', ?)",
            (chat, parent, n),
        ).lastrowid
    assert parent is not None
    store.set_current_leaf(chat, parent)
    path = store.current_path(chat)
    assert len(path) == 1100
    assert store.latest_leaf(path[0].id) == parent
    assert store.delete_message_subtree(path[0].id) == 1100
    assert store.current_path(chat) == []


def test_replies_cut_by_a_crash_read_as_interrupted_with_their_text(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    before_crash = Store.open(path)
    chat = before_crash.create_conversation(SETTINGS, None).id
    question = before_crash.add_message(chat, None, "user", text("Write a long essay"))
    reply = before_crash.add_message(chat, question.id, "assistant", [], "streaming")
    before_crash.update_reply(reply.id, content=text("The first paragraph"))
    done = before_crash.add_message(chat, question.id, "assistant", text("Short"), "complete")
    before_crash.close()  # the app never got to finish the reply

    after_restart = Store.open(path)
    assert after_restart.mark_unfinished_as_interrupted() == 1
    interrupted = after_restart.get_message(reply.id)
    assert (interrupted.status, interrupted.content) == ("interrupted", text("The first paragraph"))
    assert after_restart.get_message(done.id).status == "complete"
    assert after_restart.get_message(question.id).status == "complete"
    assert after_restart.mark_unfinished_as_interrupted() == 0
    after_restart.close()


def test_missing_messages_are_lookup_errors(store: Store, chat: int) -> None:
    for action in (
        lambda: store.get_message(404),
        lambda: store.path_to(404),
        lambda: store.siblings(404),
        lambda: store.delete_message_subtree(404),
        lambda: store.set_current_leaf(chat, 404),
    ):
        with pytest.raises(RecordNotFoundError, match="404"):
            action()
    assert store.children(404) == []


def test_a_replys_tool_runs_are_saved_changed_and_copied_with_a_branch(store: Store, chat: int) -> None:
    from core.model.tools import RunStatus, ToolRun

    asked = store.add_message(chat, None, "user", text("What time is it?"))
    waiting = ToolRun("toolu_1", "get_current_time", "time", {"timezone": "UTC"})
    reply = store.add_message(chat, asked.id, "assistant", [], tool_runs=[waiting])
    assert store.get_message(reply.id).tool_runs == [waiting]
    done = ToolRun("toolu_1", "get_current_time", "time", {"timezone": "UTC"}, RunStatus.DONE, 5.0, 0.2)
    store.update_reply(reply.id, tool_runs=[done])
    assert store.get_message(reply.id).tool_runs == [done]
    copy = store.copy_path_to_new_conversation(reply.id, "Branch")
    assert store.current_path(copy)[-1].tool_runs == [done]

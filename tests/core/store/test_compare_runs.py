"""Compare runs in a real SQLite file: saved, reopened as they were, and kept off the conversation's path."""

import sqlite3
from pathlib import Path

import pytest

from core.model.compare_run import ColumnMetrics, alternatives
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.store.migrations import m001_initial, migrate
from core.store.repository import RecordNotFoundError, Store
from tests.core.store_helpers import FakeClock, full_settings, text

BASE = RequestSettings(model="claude-sonnet-4-6")
COLUMNS = [("Relay", BASE), ("Other", full_settings())]
METRICS = ColumnMetrics(
    time_to_first_token=0.42,
    duration=3.5,
    output_tokens_per_second=95.5,
    input_tokens=120,
    output_tokens=300,
    cache_read_tokens=10,
    cache_write_tokens=0,
    stop_reason="end_turn",
    cost_usd=0.0048,
    request_id="req_abc",
)


def started_run(store: Store) -> tuple[int, int, int]:
    """A conversation with one exchange and a two-column run of one round; (conversation, base, run)."""
    conversation = store.create_conversation(BASE, "Relay")
    question = store.add_message(conversation.id, None, "user", text("Hi"))
    answer = store.add_message(conversation.id, question.id, "assistant", text("Hello."))
    run = store.create_compare_run(conversation.id, answer.id, COLUMNS)
    store.add_compare_round(run.id, "Compare this.")
    return conversation.id, answer.id, run.id


def test_a_run_reopens_in_a_new_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    with_clock = Store.open(path, clock=FakeClock())
    conversation_id, base, run_id = started_run(with_clock)
    run = with_clock.get_compare_run(run_id)
    with_clock.update_reply(run.columns[1].reply_ids[0], content=text("Second column."), status="complete")
    with_clock.save_column_metrics(run_id, 1, 0, METRICS)
    with_clock.close()

    store = Store.open(path)
    reopened = store.get_compare_run(run_id)
    assert (reopened.conversation_id, reopened.base_message_id, reopened.prompts) == (
        conversation_id, base, ["Compare this."],
    )  # fmt: skip
    assert [(c.index, c.profile_name, c.settings) for c in reopened.columns] == [
        (0, "Relay", BASE),
        (1, "Other", full_settings()),
    ]
    assert [c.metrics for c in reopened.columns] == [[None], [METRICS]]
    second = store.get_message(reopened.columns[1].reply_ids[0])
    assert second.content == text("Second column.") and second.model == full_settings().model
    assert [r.id for r in store.list_compare_runs(conversation_id)] == [run_id]
    store.close()


def test_a_round_does_not_move_the_conversation_and_each_column_has_its_own_branch(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation_id, base, run_id = started_run(store)
    assert store.get_conversation(conversation_id).current_leaf_id == base
    run = store.add_compare_round(run_id, "And then?")
    for column in run.columns:
        path = store.path_to(column.reply_ids[1])
        assert [m.id for m in path[:2]] == [path[0].id, base]
        assert path[3].id == column.reply_ids[0]  # round 2 continues from this column's first reply
        assert [m.content[0]["text"] for m in path if m.role == "user"] == [
            "Hi",
            "Compare this.",
            "And then?",
        ]
        assert path[-1].status == "streaming"
    assert store.compare_run_of(run.columns[0].reply_ids[1]) == run
    assert store.compare_run_of(base) is None
    store.close()


def test_choosing_a_column_makes_its_thread_the_conversation(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation_id, _, run_id = started_run(store)
    store.choose_column(run_id, 1)
    conversation = store.get_conversation(conversation_id)
    run = store.get_compare_run(run_id)
    assert run.chosen_column == 1
    assert conversation.current_leaf_id == run.columns[1].reply_ids[0]
    assert (conversation.profile_name, conversation.settings) == ("Other", full_settings())
    with pytest.raises(RecordNotFoundError):
        store.choose_column(run_id, 5)
    store.close()


def test_deleting_a_column_branch_or_the_conversation_keeps_the_store_consistent(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation_id, _, run_id = started_run(store)
    run = store.get_compare_run(run_id)
    store.delete_message_subtree(store.path_to(run.columns[0].reply_ids[0])[2].id)
    assert store.get_compare_run(run_id).columns[0].reply_ids == []
    store.delete_conversation(conversation_id)
    store.purge_deleted(0)
    with pytest.raises(RecordNotFoundError):
        store.get_compare_run(run_id)
    store.close()


def test_a_run_needs_one_to_six_columns(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(BASE, "Relay")
    thinking = RequestSettings(model="m", thinking=ThinkingSettings("enabled", 2048))
    with pytest.raises(ValueError):
        store.create_compare_run(conversation.id, None, [("Relay", thinking)] * 7)
    with pytest.raises(ValueError):
        store.create_compare_run(conversation.id, None, [])
    store.close()


def test_a_database_of_the_first_schema_gains_compare_runs_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, (m001_initial,))
    db.execute(
        "INSERT INTO conversations (title, created_at, updated_at, settings_json) "
        "VALUES ('Old', 0, 0, '{\"model\": \"claude-sonnet-4-6\"}')"
    )
    db.close()
    store = Store.open(path)
    [old] = store.list_conversations()
    assert old.title == "Old" and store.list_compare_runs(old.id) == []
    run = store.create_compare_run(old.id, None, COLUMNS)
    assert store.add_compare_round(run.id, "First!").columns[0].reply_ids
    store.close()


def test_a_chosen_reply_links_the_other_columns_replies_of_its_round_as_alternatives(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    _, base, run_id = started_run(store)
    store.save_column_metrics(run_id, 0, 0, METRICS)
    store.add_compare_round(run_id, "And again.")
    run = store.get_compare_run(run_id)
    first_round = [c.reply_ids[0] for c in run.columns]
    second_round = [c.reply_ids[1] for c in run.columns]
    everything = [base, *first_round, *second_round]
    assert store.alternative_counts(everything) == {}, "nothing is chosen yet"
    store.choose_column(run_id, 1)
    assert store.alternative_counts(everything) == {first_round[1]: 1, second_round[1]: 1}
    run = store.get_compare_run(run_id)
    chosen, others = alternatives(run, second_round[1])
    assert chosen.index == 1
    assert [(o.column.index, o.message_id, o.metrics) for o in others] == [(0, second_round[0], None)]
    assert [(o.message_id, o.metrics) for o in alternatives(run, first_round[1])[1]] == [
        (first_round[0], METRICS)
    ]
    with pytest.raises(ValueError):
        alternatives(run, base)
    store.close()


def test_columns_not_chosen_are_alternatives_not_versions_of_the_turn(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "versions.sqlite3", clock=FakeClock())
    conversation_id, base, run_id = started_run(store)
    run = store.get_compare_run(run_id)
    first_prompt, second_prompt = (store.get_message(c.reply_ids[0]).parent_id for c in run.columns)
    assert second_prompt is not None

    # Before a choice, a turn sent in the chat below the same base has no versions, and the newest-branch
    # walk stays on the chat's own branch although the compare columns are siblings of that turn.
    chat_turn = store.add_message(conversation_id, base, "user", text("Plain follow-up"))
    assert store.sibling_position(chat_turn.id).count == 1
    assert store.latest_leaf(base) == chat_turn.id

    store.choose_column(run_id, 0)
    chosen_prompt = store.sibling_position(first_prompt)
    assert chosen_prompt.count == 2, "the chosen column and the chat turn are versions, the other one is not"
    assert store.latest_leaf(base) == chat_turn.id
    assert store.sibling_position(second_prompt).count == 3, "shown on its own, it still finds its place"

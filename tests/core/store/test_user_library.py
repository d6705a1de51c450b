"""What the user keeps besides conversations, on a real SQLite file: defaults, named presets, the prompt
library and conversation tags; and an older database gaining them by migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.model.preset import UserDefaults
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.model.saved_prompt import SavedPrompt
from core.store.db import connect
from core.store.errors import NameTakenError, RecordNotFoundError
from core.store.migrations import MIGRATIONS, applied_migrations, migrate
from core.store.repository import Store
from tests.core.store_helpers import FakeClock, full_settings

SETTINGS = RequestSettings(model="claude-sonnet-4-6")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "triptych.sqlite3", clock=FakeClock())
    yield opened
    opened.close()


def test_defaults_are_none_until_saved_then_kept_whole_across_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    store = Store.open(path)
    assert store.user_defaults() is None
    store.save_user_defaults(UserDefaults(full_settings(), "Relay"))
    store.save_user_defaults(UserDefaults(full_settings(), "Other"))  # the one row is replaced
    store.close()

    reopened = Store.open(path)
    assert reopened.user_defaults() == UserDefaults(full_settings(), "Other")
    reopened.close()


def test_presets_are_saved_listed_by_name_renamed_and_deleted(store: Store) -> None:
    critic = RequestSettings(model="claude-opus-4-1", system="You are a harsh critic.", temperature=0.2)
    store.save_preset("zeta", SETTINGS, None)
    saved = store.save_preset("Critic", critic, "Relay")
    assert [(p.name, p.profile_name) for p in store.list_presets()] == [("Critic", "Relay"), ("zeta", None)]
    assert store.list_presets()[0].settings == critic

    again = store.save_preset("Critic", SETTINGS, None)  # the same name replaces, keeping the preset
    assert again.id == saved.id and store.list_presets()[0].settings == SETTINGS

    store.rename_preset(saved.id, "Gentle critic")
    with pytest.raises(NameTakenError):
        store.rename_preset(saved.id, "zeta")
    with pytest.raises(RecordNotFoundError):
        store.rename_preset(999, "anything")
    assert [p.name for p in store.list_presets()] == ["Gentle critic", "zeta"]
    store.delete_preset(saved.id)
    assert [p.name for p in store.list_presets()] == ["zeta"]


def test_prompts_are_added_changed_and_deleted(store: Store) -> None:
    added = store.save_prompt(SavedPrompt(None, "Translate", "Translate into {{language}}:\n{{text}}"))
    assert added.id is not None
    store.save_prompt(SavedPrompt(None, "review", "Review this code"))
    store.save_prompt(SavedPrompt(added.id, "Translate", "Into {{language}}, please: {{text}}"))
    assert [(p.title, p.body) for p in store.list_prompts()] == [
        ("review", "Review this code"),
        ("Translate", "Into {{language}}, please: {{text}}"),
    ]
    store.delete_prompt(added.id)
    assert [p.title for p in store.list_prompts()] == ["review"]
    with pytest.raises(RecordNotFoundError):
        store.save_prompt(SavedPrompt(added.id, "gone", "gone"))


def test_tags_are_tidied_listed_with_conversations_and_go_with_them(store: Store) -> None:
    first = store.create_conversation(SETTINGS, None, "Trip")
    second = store.create_conversation(SETTINGS, None, "Taxes")
    assert store.set_tags(first.id, [" work ", "Work", "side   project", ""]) == ["side project", "work"]
    store.set_tags(second.id, ["home", "工作"])
    rows = {row.title: row.tags for row in store.list_conversations()}
    assert rows == {"Trip": ("side project", "work"), "Taxes": ("home", "工作")}
    assert store.all_tags() == ["home", "side project", "work", "工作"]

    store.delete_conversation(second.id)
    assert store.all_tags() == ["side project", "work"]
    store.purge_deleted(0)
    assert store._db.execute("SELECT count(*) FROM conversation_tags").fetchone()[0] == 2
    with pytest.raises(RecordNotFoundError):
        store.set_tags(second.id, ["x"])


def test_an_older_database_opens_and_gains_the_new_tables_keeping_its_conversations(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, MIGRATIONS[:4])  # as the version before this one left it
    old.execute(
        "INSERT INTO conversations (title, created_at, updated_at, settings_json) "
        "VALUES ('Kept', 1, 1, '{\"model\": \"claude-sonnet-4-6\"}')"
    )
    old.close()

    store = Store.open(path)
    assert "m005_defaults_presets_prompts_tags" in applied_migrations(store._db)
    (kept,) = store.list_conversations()
    assert (kept.title, kept.tags) == ("Kept", ())
    store.set_tags(kept.id, ["old"])
    thinking = RequestSettings(model="claude-sonnet-4-6", thinking=ThinkingSettings("enabled", 2048))
    store.save_user_defaults(UserDefaults(thinking, None))
    store.save_preset("Persona", thinking, None)
    store.save_prompt(SavedPrompt(None, "p", "b"))
    store.close()

    again = Store.open(path)
    assert again.list_conversations()[0].tags == ("old",)
    assert again.user_defaults() == UserDefaults(thinking, None)
    assert [p.name for p in again.list_presets()] == ["Persona"]
    again.close()


def test_connect_runs_the_new_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    connect(path).close()
    connection = connect(path)
    assert applied_migrations(connection).count("m005_defaults_presets_prompts_tags") == 1
    connection.close()

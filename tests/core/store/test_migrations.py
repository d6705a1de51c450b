"""The schema is built by named migrations, each run once, each all-or-nothing."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.store.errors import DamagedDatabaseError
from core.store.migrations import (
    MIGRATIONS,
    UnknownMigrationsError,
    applied_migrations,
    m001_initial,
    migrate,
)
from core.store.repository import Store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(tmp_path / "m.sqlite3", isolation_level=None)
    yield connection
    connection.close()


def tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_a_new_database_gets_every_migration_recorded_by_name(db: sqlite3.Connection) -> None:
    assert migrate(db) == [step.__name__ for step in MIGRATIONS]
    assert applied_migrations(db) == [
        "m001_initial",
        "m002_compare_runs",
        "m003_search",
        "m004_exchanges",
        "m005_defaults_presets_prompts_tags",
        "m006_provider_checks",
        "m007_tools",
        "m008_grids",
        "m009_judging",
        "m010_judge_spend",
    ]
    assert {"conversations", "messages", "profiles", "_migrations"} <= tables(db)


def test_migrating_again_changes_nothing(db: sqlite3.Connection) -> None:
    migrate(db)
    schema = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(db) == []
    assert migrate(db) == []
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert applied_migrations(db) == [step.__name__ for step in MIGRATIONS]


def test_a_later_migration_runs_alone_on_an_existing_database(db: sqlite3.Connection) -> None:
    migrate(db, (m001_initial,))
    db.execute(
        "INSERT INTO profiles (name, base_url, auth_style, api_style, anthropic_version) "
        "VALUES ('p', 'u', 'bearer', 'anthropic', 'v')"
    )

    def m002_profile_colour(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE profiles ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'")

    assert migrate(db, (m001_initial, m002_profile_colour)) == ["m002_profile_colour"]
    assert db.execute("SELECT name, colour FROM profiles").fetchall() == [("p", "blue")]
    assert applied_migrations(db) == ["m001_initial", "m002_profile_colour"]


def test_a_failing_migration_leaves_no_trace_and_is_not_recorded(db: sqlite3.Connection) -> None:
    def m002_breaks_halfway(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        connection.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(sqlite3.OperationalError):
        migrate(db, (m001_initial, m002_breaks_halfway))
    assert "half_done" not in tables(db)
    assert applied_migrations(db) == ["m001_initial"]
    assert not db.in_transaction


def test_a_database_from_a_newer_version_is_recognised(db: sqlite3.Connection) -> None:
    migrate(db)
    db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('m099_from_the_future', 0)")
    with pytest.raises(UnknownMigrationsError) as caught:
        migrate(db)
    assert caught.value.names == ["m099_from_the_future"]


def test_messages_form_a_tree_with_verbatim_content(db: sqlite3.Connection) -> None:
    migrate(db)
    assert columns(db, "messages") == [
        "id", "conversation_id", "parent_id", "role", "status", "created_at", "model", "stop_reason",
        "stop_sequence", "cost_usd", "ttft", "duration", "request_id", "usage_json", "error_json",
        "warnings_json", "content_json", "tool_runs_json",
    ]  # fmt: skip
    foreign_keys = {row[3]: (row[2], row[6]) for row in db.execute("PRAGMA foreign_key_list(messages)")}
    assert foreign_keys == {
        "conversation_id": ("conversations", "CASCADE"),
        "parent_id": ("messages", "NO ACTION"),
    }
    assert columns(db, "conversations") == [
        "id", "title", "title_is_auto", "pinned", "created_at", "updated_at", "deleted_at", "profile_name",
        "settings_json", "current_leaf_id",
    ]  # fmt: skip


def test_no_column_could_hold_a_secret(db: sqlite3.Connection) -> None:
    """Keys live in the OS keyring. A column named like a secret would be a place for one to leak into."""
    migrate(db)
    suspicious = ("key", "secret", "password", "credential", "authorization", "bearer")
    for table in tables(db):
        for column in columns(db, table):
            assert not any(word in column.lower() for word in suspicious), f"{table}.{column}"


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("SELECT id FROM messages WHERE parent_id = 1 ORDER BY created_at", "messages_by_parent"),
        ("SELECT id FROM messages WHERE conversation_id = 1", "messages_by_conversation"),
        ("SELECT id FROM messages WHERE status = 'streaming'", "messages_streaming"),
        (
            "SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC",
            "conversations_by_activity",
        ),
    ],
)
def test_the_frequent_queries_use_an_index(db: sqlite3.Connection, query: str, index: str) -> None:
    migrate(db)
    plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert index in plan


def test_the_tools_migration_keeps_the_messages_of_an_older_database(tmp_path: Path) -> None:
    """A database from before MCP tools: its replies read back unchanged, with no tool runs."""
    from core.store.migrations import m007_tools
    from core.store.repository import Store

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, MIGRATIONS[: MIGRATIONS.index(m007_tools)])
    old.execute(
        "INSERT INTO conversations (title, created_at, updated_at, settings_json) "
        "VALUES ('Trip', 1, 1, '{\"model\": \"m\"}')"
    )
    old.execute(
        "INSERT INTO messages (conversation_id, role, created_at, content_json) "
        'VALUES (1, \'assistant\', 2, \'[{"type": "text", "text": "kept"}]\')'
    )
    old.close()
    store = Store.open(path)
    try:
        message = store.get_message(1)
        assert message.content == [{"type": "text", "text": "kept"}] and message.tool_runs == []
        assert store.list_mcp_servers() == [] and store.tool_rules() == [] and store.tool_limit() == 20
        assert store.get_conversation(1).settings.mcp_servers is None
    finally:
        store.close()


def test_a_damaged_database_is_not_migrated_and_is_left_as_it_was(tmp_path: Path) -> None:
    """An update's migrations write into the file: a database found damaged first is refused as damaged,
    every byte as it was (for a backup's restore or a repair tool), and not half-migrated."""
    path = tmp_path / "old.sqlite3"
    older = sqlite3.connect(path, isolation_level=None)
    migrate(older, MIGRATIONS[:-1])
    older.executemany(
        "INSERT INTO conversations (title, created_at, updated_at, settings_json) VALUES (?, 0, 0, '{}')",
        [(f"conversation {n} " + "words " * 40,) for n in range(300)],
    )
    page_size = older.execute("PRAGMA page_size").fetchone()[0]
    root = older.execute("SELECT rootpage FROM sqlite_master WHERE name = 'conversations'").fetchone()[0]
    older.close()
    data = bytearray(path.read_bytes())
    data[page_size * (root - 1) : page_size * root] = b"\xa5" * page_size
    path.write_bytes(bytes(data))

    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        Store.open(path)
    assert path.read_bytes() == bytes(data)

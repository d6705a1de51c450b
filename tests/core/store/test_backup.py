"""Daily backups with SQLite's backup API, seven kept, and restoring by merging (never replacing)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.model.request_settings import RequestSettings
from core.store.backup import backup_name, daily_backup, list_backups, merge_backup, read_backup
from core.store.errors import DamagedDatabaseError
from core.store.repository import Store
from core.transcripts.archive import conversation_to_json
from tests.core.store_helpers import damage_a_conversation, text
from tests.core.transfer_helpers import rich_conversation

DAY = date(2026, 11, 23)


def test_a_backup_is_a_complete_database_made_while_the_store_is_open(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    cid = rich_conversation(store)
    folder = tmp_path / "backups"

    made = daily_backup(store.path, folder, DAY)

    assert made == folder / "triptych-2026-11-23.sqlite3"
    (archived,) = read_backup(made)
    assert conversation_to_json(archived) == conversation_to_json(store.export_conversation(cid))
    assert not list(folder.glob("*.partial")) and not list(folder.glob("*-wal"))
    assert sqlite3.connect(made).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_one_backup_a_day_and_the_last_seven_are_kept(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")
    for offset in range(10):
        assert daily_backup(store.path, folder, DAY + timedelta(days=offset)) is not None
    assert daily_backup(store.path, folder, DAY + timedelta(days=9)) is None  # already made today

    days = [backup.day for backup in list_backups(folder)]
    assert days == [DAY + timedelta(days=offset) for offset in range(9, 2, -1)]
    assert (folder / "notes.txt").exists()


def test_restoring_adds_what_is_missing_and_replaces_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    kept = rich_conversation(store, "kept")
    lost = rich_conversation(store, "lost later")
    backup = daily_backup(store.path, tmp_path / "backups", DAY)
    assert backup is not None
    store.delete_conversation(lost)
    store.purge_deleted(0)
    # Changed since the backup: the user's version must stay as it is now.
    store.rename(kept, "renamed since")
    newer = store.add_message(kept, store.current_path(kept)[-1].id, "user", text("added since"))
    fresh = store.create_conversation(RequestSettings(model="m"), None, "made after the backup")
    store.add_message(fresh.id, None, "user", text("new"))
    before = backup.read_bytes()

    report = merge_backup(store, backup)

    assert report.imported == ["lost later"]
    titles = sorted(summary.title for summary in store.list_conversations())
    assert titles == ["lost later", "made after the backup", "renamed since"]
    assert store.current_path(kept)[-1].id == newer.id
    assert backup.read_bytes() == before  # the backup is never migrated or written
    assert merge_backup(store, backup).imported == []  # a second restore adds nothing


def test_no_backup_of_a_database_that_does_not_exist_yet(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "missing.sqlite3", tmp_path / "backups", DAY) is None
    assert list_backups(tmp_path / "backups") == []
    assert backup_name(DAY) == "triptych-2026-11-23.sqlite3"


def test_a_damaged_database_is_not_backed_up_and_every_good_backup_stays(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    rich_conversation(store, "good")
    folder = tmp_path / "backups"
    for offset in range(7):
        assert daily_backup(store.path, folder, DAY + timedelta(days=offset)) is not None
    good = {backup.path: backup.path.read_bytes() for backup in list_backups(folder)}
    damage_a_conversation(store)

    with pytest.raises(DamagedDatabaseError, match=r"is damaged: .*page"):
        daily_backup(store.path, folder, DAY + timedelta(days=7))

    assert {backup.path: backup.path.read_bytes() for backup in list_backups(folder)} == good
    assert not (folder / backup_name(DAY + timedelta(days=7))).exists()
    assert not list(folder.glob(".*partial"))
    for path in good:
        (archived,) = read_backup(path)
        assert archived.title == "good"

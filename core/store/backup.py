"""Daily backups of the database, and restoring from one by merging, never by replacing.

A backup is a copy made with SQLite's online backup API (consistent even while the app writes), one file a
day, `<data dir>/backups/triptych-YYYY-MM-DD.sqlite3`; the newest seven are kept. Restoring reads a backup
(from a temporary copy, so the backup itself is never migrated or touched) and adds the conversations the
database lacks, by content hash: what the user has now always stays. Everything here blocks: run it off the
UI thread.

A database SQLite's `quick_check` finds damaged is never backed up: its copy would take the place of a good
backup and, a week later, push the last good one out. The daily backup then raises DamagedDatabaseError and
every backup stays.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from core.store.db import quick_check
from core.store.errors import DamagedDatabaseError
from core.store.repository import Store
from core.transcripts.archive import ArchivedConversation
from core.transcripts.importers.base import ImportReport, ParsedImport

BACKUP_FOLDER = "backups"
KEEP = 7
_NAME = re.compile(r"^triptych-(\d{4})-(\d{2})-(\d{2})\.sqlite3$")
_PAGES_PER_STEP = 256
"""Pages copied per step: between steps the app's own connection may write."""
_PROBLEMS_KEPT = 5
"""Lines of quick_check's findings kept in the error: enough to say where, short enough to show."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    day: date
    size: int
    """Bytes."""


def backups_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def backup_name(day: date) -> str:
    return f"triptych-{day.isoformat()}.sqlite3"


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in `folder`, newest first; other files there are ignored."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        found.append(BackupFile(path, day, path.stat().st_size))
    return sorted(found, key=lambda backup: backup.day, reverse=True)


def make_backup(database: Path, folder: Path, day: date) -> Path:
    """Copy the database into `folder` as the backup of `day` (replacing that day's backup, if any).

    The copy is written under a temporary name and renamed when complete, so a crash never leaves a
    half-written backup that looks whole.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(day)
    partial = folder / f".{target.name}.partial"
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy, pages=_PAGES_PER_STEP)
            # One self-contained file: no -wal or -shm beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    os.replace(partial, target)
    return target


def check_database(database: Path) -> None:
    """Raise DamagedDatabaseError unless SQLite's `quick_check` finds the database whole (read-only)."""
    # Errors that are not damage (locked, unreadable folder) are raised: the caller reports a failed backup.
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        findings = quick_check(connection)
    finally:
        connection.close()
    if findings != ["ok"]:
        raise DamagedDatabaseError(
            f"The database {database} is damaged: " + "; ".join(findings[:_PROBLEMS_KEPT]), path=database
        )


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns the deleted paths."""
    old = [backup.path for backup in list_backups(folder)[keep:]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def daily_backup(database: Path, folder: Path, today: date, keep: int = KEEP) -> Path | None:
    """Today's backup unless there is one already (then None), and the oldest beyond `keep` removed.

    Raises DamagedDatabaseError, making and removing nothing, when the database fails its quick check."""
    if not database.exists() or (folder / backup_name(today)).exists():
        return None
    check_database(database)
    path = make_backup(database, folder, today)
    prune(folder, keep)
    return path


def read_backup(backup: Path) -> list[ArchivedConversation]:
    """Every conversation of a backup. It is read from a temporary copy: opening brings a database's schema
    up to date, and the backup must stay exactly as it was made."""
    with tempfile.TemporaryDirectory(prefix="triptych-restore-") as scratch:
        copy = Path(scratch) / "backup.sqlite3"
        shutil.copyfile(backup, copy)
        store = Store.open(copy)
        try:
            return store.export_all()
        finally:
            store.close()


def merge_backup(store: Store, backup: Path) -> ImportReport:
    """Add the backup's conversations this database lacks; nothing here is changed or removed."""
    return store.import_conversations(ParsedImport("backup", read_backup(backup)))

"""Opening the database safely, and what every part of the store shares: connection, clock, transactions.

Opening reads before it writes: a file that is not a Triptych database is refused with a StoreError naming it,
and nothing is written to it, so a wrong `--data-dir` or a damaged file never costs the user their data.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.store.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    RecordNotFoundError,
    StoreError,
    UnreadableDatabaseError,
    error_class_for,
)
from core.store.migrations import MIGRATIONS, UnknownMigrationsError, applied_migrations, migrate

Clock = Callable[[], float]

BUSY_TIMEOUT_MS = 5000


def connect(path: Path) -> sqlite3.Connection:
    """A configured connection to the database at `path` (created if missing), its schema up to date."""
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        if not path.parent.is_dir():
            # Not a permission problem: calling it read-only would send the user looking in the wrong place.
            raise StoreError(
                f"Cannot open the database {path}: its folder does not exist.", path=path
            ) from error
        if _read_only(error, path):
            raise _read_only_error(path) from error
        raise StoreError(f"Cannot open the database {path}: {error}", path=path) from error
    try:
        _check_is_ours(connection, path)
        _check_whole_before_migrating(connection, path)
        _configure(connection)
        migrate(connection)
    except sqlite3.Error as error:
        connection.close()
        if _read_only(error, path):
            raise _read_only_error(path) from error
        kind = error_class_for(getattr(error, "sqlite_errorcode", None))
        raise kind(f"Cannot open the database {path}: {error}", path=path) from error
    except UnknownMigrationsError as error:
        connection.close()
        raise NewerDatabaseError(
            f"The database {path} was written by a newer version of Triptych. Update Triptych to open it.",
            path=path,
        ) from error
    except BaseException:
        connection.close()
        raise
    return connection


def quick_check(connection: sqlite3.Connection) -> list[str]:
    """SQLite's `quick_check` findings, each on one line: ["ok"] when the file is whole (damage bad enough
    to stop the check is its finding too). Only reads; other errors (locked, unreadable) are raised."""
    try:
        return [" ".join(str(row[0]).split()) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if error_class_for(getattr(error, "sqlite_errorcode", None)) is not DamagedDatabaseError:
            raise
        return [str(error)]


def _check_whole_before_migrating(connection: sqlite3.Connection, path: Path) -> None:
    """A schema change writes into the file: before an update's migrations run on a database, SQLite's
    quick_check must find it whole, so a damaged one is left as it was for a backup's restore or a repair
    tool. Once per update, and never for a new file or one already up to date."""
    done = set(applied_migrations(connection))
    if not done or {step.__name__ for step in MIGRATIONS} <= done:
        return
    findings = quick_check(connection)
    if findings != ["ok"]:
        raise DamagedDatabaseError(f"The database {path} is damaged: " + "; ".join(findings[:5]), path=path)


def _check_is_ours(connection: sqlite3.Connection, path: Path) -> None:
    """Raise unless the file is empty or a Triptych database; this only reads."""
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        if _read_only(error, path):
            # A WAL database cannot even be read where its -shm file cannot be made: not damage.
            raise _read_only_error(path) from error
        raise UnreadableDatabaseError(
            f"The file {path} is not a Triptych database, or it is damaged ({error}). It was left as it is.",
            path=path,
        ) from error
    if tables and "_migrations" not in tables:
        raise ForeignDatabaseError(
            f"The file {path} is a database of another program. It was left as it is.", path=path
        )


_CANNOT_WRITE_CODES = {8, 14, 23}
"""SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH (primary codes)."""


def _read_only(error: sqlite3.Error, path: Path) -> bool:
    """Whether the failure is the file or its folder refusing writes, which is no sign of damage."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None or (code & 0xFF) not in _CANNOT_WRITE_CODES:
        return False
    return (code & 0xFF) == 8 or not _writable(path)


def _writable(path: Path) -> bool:
    """The folder takes new files (-wal, -shm) and the file, if there, takes writes."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _read_only_error(path: Path) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        f"The database {path} or its folder cannot be written (read-only, or owned by another user). "
        "It was left as it is.",
        path=path,
    )


def _configure(connection: sqlite3.Connection) -> None:
    connection.row_factory = sqlite3.Row
    # WAL: a reader never blocks the writer, and a crash never corrupts the file. synchronous=NORMAL is safe
    # with WAL (a power cut may lose the last commits, not the file) and saves an fsync per streamed update.
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # SQLite's LIKE and lower() fold ASCII only; titles are in any script.
    connection.create_function("casefold", 1, _casefold, deterministic=True)


def _casefold(text: str | None) -> str | None:
    return None if text is None else text.casefold()


def lastrowid(cursor: sqlite3.Cursor) -> int:
    assert cursor.lastrowid is not None  # always set after an INSERT into a rowid table
    return cursor.lastrowid


class StoreBase:
    """The connection and clock, transactions, and the conversation checks the message methods also need."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, clock: Clock = time.time) -> None:
        self._db = connection
        self.path = path
        self._clock = clock

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _no_conversation(self, conversation_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"There is no conversation {conversation_id}.", path=self.path)

    def _no_message(self, message_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"There is no message {message_id}.", path=self.path)

    def _update_conversation(self, conversation_id: int, assignments: str, *values: Any) -> None:
        cursor = self._db.execute(
            f"UPDATE conversations SET {assignments} WHERE id = ?", (*values, conversation_id)
        )
        if cursor.rowcount == 0:
            raise self._no_conversation(conversation_id)

    def _require_conversation(self, conversation_id: int) -> None:
        if (
            self._db.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
            is None
        ):
            raise self._no_conversation(conversation_id)

    def _require_message_in(self, message_id: int, conversation_id: int) -> None:
        row = self._db.execute("SELECT conversation_id FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            raise self._no_message(message_id)
        if row["conversation_id"] != conversation_id:
            raise RecordNotFoundError(
                f"Message {message_id} is not in conversation {conversation_id}.", path=self.path
            )

    def _current_leaf(self, conversation_id: int) -> int | None:
        row = self._db.execute(
            "SELECT current_leaf_id FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        if row is None:
            raise self._no_conversation(conversation_id)
        leaf: int | None = row["current_leaf_id"]
        return leaf

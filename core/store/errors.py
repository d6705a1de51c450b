"""What can go wrong with the database, one class per case the user must be told apart.

StoreError                   any failure of the store; `path` names the database file
├── UnreadableDatabaseError      the file is not SQLite, or it is damaged; it is left untouched
│   └── DamagedDatabaseError         SQLite found it damaged inside while working (SQLITE_CORRUPT)
├── ReadOnlyDatabaseError        the file or its folder cannot be written (read-only, not the user's)
├── DiskFullError                the disk (or the database's limit) is full
├── ForeignDatabaseError         an SQLite file of some other program; it is left untouched
├── NewerDatabaseError           written by a newer Triptych; opening it here could lose its data
├── RecordNotFoundError          no conversation, message or profile with that id or name
├── NameTakenError               a profile rename to a name another profile has
└── StoreClosedError             the store was closed (the app is shutting down)

An `sqlite3.Error` during normal work reaches the caller of `StoreWorker` as the class above that names its
case (damaged, read-only, full), else as a plain StoreError with the SQLite message.
`core.store.folder_lock` adds the cases of the data folder's lock (in use by another Triptych, not writable).
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class UnreadableDatabaseError(StoreError):
    pass


class DamagedDatabaseError(UnreadableDatabaseError):
    pass


class ReadOnlyDatabaseError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class ForeignDatabaseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class RecordNotFoundError(StoreError, LookupError):
    pass


class NameTakenError(StoreError):
    pass


class StoreClosedError(StoreError):
    pass


_BY_SQLITE_CODE: dict[int, type[StoreError]] = {
    11: DamagedDatabaseError,  # SQLITE_CORRUPT: "database disk image is malformed"
    26: DamagedDatabaseError,  # SQLITE_NOTADB
    8: ReadOnlyDatabaseError,  # SQLITE_READONLY
    13: DiskFullError,  # SQLITE_FULL: "database or disk is full"
}


def error_class_for(code: int | None) -> type[StoreError]:
    """The StoreError class for an SQLite result code (its primary code: the low byte)."""
    if code is None:
        return StoreError
    return _BY_SQLITE_CODE.get(code & 0xFF, StoreError)

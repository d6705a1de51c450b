"""What can go wrong with the database, one class per case the user must be told apart.

StoreError                   any failure of the store; `path` names the database file
├── UnreadableDatabaseError      the file is not SQLite, or it is damaged; it is left untouched
├── ForeignDatabaseError         an SQLite file of some other program; it is left untouched
├── NewerDatabaseError           written by a newer Triptych; opening it here could lose its data
├── RecordNotFoundError          no conversation, message or profile with that id or name
├── NameTakenError               a profile rename to a name another profile has
└── StoreClosedError             the store was closed (the app is shutting down)

An `sqlite3.Error` during normal work (disk full, I/O error) reaches the caller of `StoreWorker` as a plain
StoreError with the SQLite message.
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

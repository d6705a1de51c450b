"""How far an import has got, and its Cancel: shared between the thread doing the work and the UI.

The worker calls `begin` for each stage and `advance` for each conversation; the UI reads `stage`, `done`
and `total` on a timer and calls `cancel`. Only the worker writes the counts (the UI only reads whole ints),
and the flag is a threading.Event. The next `advance` after `cancel` raises ImportCancelledError, which rolls
back the store's transaction: a cancelled import adds nothing.
"""

from __future__ import annotations

import threading
from enum import Enum


class ImportCancelledError(Exception):
    """The user cancelled the import; nothing was added."""


class ImportStage(Enum):
    READING = "reading"
    """Checking the file's conversations."""
    ADDING = "adding"
    """Adding them to the database."""


class ImportProgress:
    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self.stage = ImportStage.READING
        self.done = 0
        self.total = 0

    def begin(self, stage: ImportStage, total: int) -> None:
        self.check()
        self.done, self.total, self.stage = 0, total, stage

    def advance(self) -> None:
        self.done += 1
        self.check()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise ImportCancelledError("The import was cancelled.")

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

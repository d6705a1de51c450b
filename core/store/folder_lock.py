"""One process per data folder: an operating-system lock on `<data dir>/triptych.lock`, taken before the
database opens and held until the process ends.

Two apps on one database would each tidy at start what the other is doing (a live reply marked interrupted,
a conversation just deleted purged before its Undo) and wait on each other's write lock. The lock is the
kernel's (`flock` on POSIX, `msvcrt.locking` on Windows), so a crashed or killed process never leaves it
held: the kernel drops it with the process. The file itself stays (removing it would race a starting app).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from core.store.errors import StoreError

LOCK_FILE = "triptych.lock"


class FolderInUseError(StoreError):
    """Another running Triptych holds the data folder."""


class FolderNotWritableError(StoreError):
    """The data folder (or its lock file) cannot be written: read-only, or not the user's."""


class FolderLock:
    """The lock of one data folder, held from `acquire` until `release` (or the process's end)."""

    def __init__(self, folder: Path, handle: IO[bytes]) -> None:
        self.folder = folder
        self._handle: IO[bytes] | None = handle

    @classmethod
    def acquire(cls, folder: Path) -> FolderLock:
        """Take the folder's lock without waiting. Raises FolderInUseError when another process holds it,
        FolderNotWritableError when the lock file cannot be created or opened for writing."""
        path = folder / LOCK_FILE
        try:
            handle = open(path, "a+b")  # noqa: SIM115  (held open for the life of the lock)
        except OSError as error:
            raise FolderNotWritableError(
                f"Cannot write in the data folder {folder}: {error.strerror or error}", path=path
            ) from error
        try:
            _lock(handle)
        except BlockingIOError as error:
            handle.close()
            raise FolderInUseError(
                f"Another Triptych is using the data folder {folder}.", path=path
            ) from error
        except OSError as error:
            handle.close()
            if _held_elsewhere(error):
                raise FolderInUseError(
                    f"Another Triptych is using the data folder {folder}.", path=path
                ) from error
            raise FolderNotWritableError(
                f"Cannot lock the data folder {folder}: {error.strerror or error}", path=path
            ) from error
        # Who holds it, for a person looking at the folder; nothing reads it.
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        return cls(folder, handle)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor drops the lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _held_elsewhere(error: OSError) -> bool:
        return error.errno in (13, 36)  # EACCES, EDEADLOCK: the byte is locked by another process

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _held_elsewhere(error: OSError) -> bool:
        return False  # flock reports a held lock as BlockingIOError (EWOULDBLOCK)

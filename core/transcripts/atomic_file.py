"""Writing an export so that it is either whole or not there: never a truncated file in place of a good one.

Every export writer goes through here. The bytes go to a temporary file beside the target (same folder, so
the same file system), are flushed to the disk, and only then renamed over the target in one step
(`os.replace`). A full disk or any other failure removes the temporary file and leaves an earlier export of
the same name exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as partial, partial.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


_NEW_FILE_MODE = 0o644


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return _NEW_FILE_MODE


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path for a writer that needs a file name (a PDF writer, say); renamed to `path` when the
    block ends without an error, removed otherwise."""
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".partial", dir=path.parent)
    os.close(descriptor)
    partial = Path(name)
    try:
        yield partial
        # mkstemp makes the file private (0600); an export gets the mode the file it replaces had, or the
        # usual one for a new file.
        os.chmod(partial, _mode_of(path))
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise

"""A real read-only data folder: a small tmpfs, filled, then remounted read-only.

Permission bits cannot make a folder read-only for root (tests often run as root in containers), and a
read-only file system refuses everyone, so this is the honest way. Mounting needs the privilege to: where
the test process lacks it, the tests using this skip and say why.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def read_only_folder(folder: Path, fill: Callable[[Path], None]) -> Iterator[Path]:
    """`folder` as a tmpfs filled by `fill(folder)` and then read-only, for the block."""
    if sys.platform != "linux" or shutil.which("mount") is None:
        pytest.skip("a read-only mount needs Linux's mount")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        fill(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)

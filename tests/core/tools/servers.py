"""The test servers as hub configurations, and what the "no child left" checks look at."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core.model.tools import ServerConfig
from tests.paths import REPO

FAULTY = REPO / "tests" / "mcp_servers" / "faulty.py"


def faulty(name: str = "faulty", *options: str, **fields: object) -> ServerConfig:
    """The faulty test server over stdio, run by this interpreter."""
    return ServerConfig(name=name, command=sys.executable, args=(str(FAULTY), *options), **fields)  # type: ignore[arg-type]


def read_pids(pid_file: Path) -> list[int]:
    return [int(word) for word in pid_file.read_text().split()] if pid_file.exists() else []


def alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return False
    return state != "Z"


def child_pids() -> set[int]:
    """This process's children, whichever of its threads started them."""
    children: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:
            children.update(int(pid) for pid in (task / "children").read_text().split())
        except FileNotFoundError:
            continue
    return children

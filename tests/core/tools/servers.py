"""The test servers as hub configurations, and what the "no child left" checks look at."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from core.model.tools import ServerConfig, ToolOutcome
from core.tools.hub import ToolHub
from tests.paths import REPO
from tests.waiting import wait_for, wait_until

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _accepting(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


@contextlib.asynccontextmanager
async def http_server(*options: str) -> AsyncIterator[tuple[int, subprocess.Popen[bytes]]]:
    """The faulty server on Streamable HTTP (or `--sse`) on a free port of 127.0.0.1; killed at the end."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(FAULTY), "--http", str(port), *options],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        await wait_until(
            lambda: _accepting(port) or process.poll() is not None, timeout=60, what="the HTTP MCP server"
        )
        assert process.poll() is None, "the HTTP MCP server exited at start"
        yield port, process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def text(outcome: ToolOutcome) -> str:
    """The text blocks of a tool's result, joined."""
    return "".join(str(block.get("text", "")) for block in outcome.content if block.get("type") == "text")


async def wait_for_answer(hub: ToolHub, tool: str, expected: str) -> None:
    """Call `tool` until it answers `expected` (the test server's own count of what happened to it)."""

    async def answer() -> str:
        spec = hub.find(tool)
        assert spec is not None, f"the hub offers no tool {tool!r}"
        return text(await hub.call(spec, {}))

    await wait_for(
        answer, lambda answered: answered == expected, timeout=10, what=f"{tool} to answer {expected}"
    )

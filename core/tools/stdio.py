"""The stdio transport: a server as a child process speaking newline-delimited JSON-RPC on stdin/stdout.

The SDK has one (`mcp.client.stdio`), but it joins its read buffer to each new chunk, which is quadratic in a
line's length: a 100 MB result would take hours. This one reads in linear time, keeps the last lines of the
server's stderr for the status the user sees, and ends the server the way the spec says (close stdin, wait,
then SIGTERM and SIGKILL to its whole process group, so no grandchild is left behind).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import deque
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio
import anyio.abc

from core.tools.long_lines import shorten_long_strings
from core.tools.results import MAX_RESULT_CHARS

if TYPE_CHECKING:
    from mcp.shared.message import SessionMessage

STDERR_LINES = 20
"""How many of the server's last stderr lines are kept (and shown when it fails)."""
_STDERR_LINE_CHARS = 500
MAX_MESSAGE_BYTES = 512 * 1024 * 1024
"""A message longer than this is dropped as it is read (the call it answered then fails): past it, the memory
a client spends on one message is not worth it."""
KEEP_BYTES = MAX_RESULT_CHARS * 4
"""A text value longer than this is cut before parsing (enough bytes for MAX_RESULT_CHARS characters)."""
_EXIT_GRACE_S = 2.0
_TERM_GRACE_S = 2.0
_POLL_S = 0.01


@dataclass
class StderrTail:
    """The last lines a server wrote to stderr."""

    lines: deque[str] = field(default_factory=lambda: deque(maxlen=STDERR_LINES))
    _partial: str = ""

    def feed(self, text: str) -> None:
        parts = (self._partial + text).split("\n")
        self._partial = parts.pop()[-_STDERR_LINE_CHARS:]
        for line in parts:
            if line.strip():
                self.lines.append(line.rstrip()[:_STDERR_LINE_CHARS])

    def tail(self) -> tuple[str, ...]:
        pending = (self._partial.rstrip(),) if self._partial.strip() else ()
        return (*self.lines, *pending)[-STDERR_LINES:]


@dataclass(frozen=True)
class StdioParams:
    command: str
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: str | None = None


@asynccontextmanager
async def stdio_transport(
    params: StdioParams, stderr: StderrTail
) -> AsyncIterator[tuple[Any, Any, anyio.abc.Process]]:
    """Start the server; yield (read stream, write stream, process) for a `ClientSession`.

    Raises OSError (FileNotFoundError, PermissionError...) when the command cannot be started."""
    from mcp.client.stdio import get_default_environment

    process = await anyio.open_process(
        [params.command, *params.args],
        env=get_default_environment() | dict(params.env),
        cwd=params.cwd or None,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Its own process group: ending the server ends whatever it started too.
        start_new_session=True,
    )
    read_writer, read_stream = anyio.create_memory_object_stream[Any](0)
    write_stream, write_reader = anyio.create_memory_object_stream[Any](0)
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(_read_stdout, process, read_writer)
            group.start_soon(_write_stdin, process, write_reader)
            group.start_soon(_read_stderr, process, stderr)
            try:
                yield read_stream, write_stream, process
            finally:
                with anyio.CancelScope(shield=True):
                    write_stream.close()
                    read_stream.close()
                    await _stop(process)
                group.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            if process.returncode is None:
                await _stop(process)
            for stream in (read_stream, write_stream, read_writer, write_reader):
                await stream.aclose()
            transport = getattr(getattr(process, "_process", None), "_transport", None)
            if transport is not None:
                transport.close()


async def _read_stdout(process: anyio.abc.Process, sink: Any) -> None:
    assert process.stdout is not None
    buffer = bytearray()
    dropping = False
    try:
        async with sink:
            async for chunk in process.stdout:
                start = 0
                while (end := chunk.find(b"\n", start)) >= 0:
                    if not dropping:
                        buffer += chunk[start:end]
                        # Handed over, not copied: a line may be hundreds of megabytes.
                        line, buffer = buffer, bytearray()
                        if line and not line.isspace():  # no strip(): it would copy the line
                            await sink.send(_parse(shorten_long_strings(line, KEEP_BYTES)))
                    dropping = False
                    start = end + 1
                if not dropping:
                    buffer += chunk[start:]
                    if len(buffer) > MAX_MESSAGE_BYTES:
                        buffer.clear()
                        dropping = True
    except (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream, OSError):
        pass


def _parse(line: bytes | bytearray) -> SessionMessage | Exception:
    import mcp_types
    from mcp.shared.message import SessionMessage

    try:
        message = mcp_types.jsonrpc_message_adapter.validate_json(line, by_name=False)
    except ValueError as error:
        return error
    return SessionMessage(message)


async def _write_stdin(process: anyio.abc.Process, source: Any) -> None:
    assert process.stdin is not None
    try:
        async with source:
            async for message in source:
                data = message.message.model_dump_json(by_alias=True, exclude_unset=True)
                await process.stdin.send(data.encode() + b"\n")
    except (anyio.ClosedResourceError, anyio.BrokenResourceError, OSError):
        pass


async def _read_stderr(process: anyio.abc.Process, tail: StderrTail) -> None:
    assert process.stderr is not None
    try:
        async for chunk in process.stderr:
            tail.feed(chunk.decode(errors="replace"))
    except (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream, OSError):
        pass


async def _stop(process: anyio.abc.Process) -> None:
    """Close stdin, give the server a moment to exit, then SIGTERM and at last SIGKILL its process group."""
    if process.stdin is not None:
        with suppress(OSError, anyio.BrokenResourceError, anyio.ClosedResourceError):
            await process.stdin.aclose()
    if await _exited(process, _EXIT_GRACE_S) and not _group_alive(process.pid):
        return
    if sys.platform == "win32":  # pragma: no cover
        process.kill()
        return
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    with anyio.move_on_after(_TERM_GRACE_S):
        while _group_alive(process.pid) or process.returncode is None:
            await anyio.sleep(_POLL_S)
        return
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    await _exited(process, _TERM_GRACE_S)


async def _exited(process: anyio.abc.Process, timeout: float) -> bool:
    # Not process.wait(): it also waits for the pipes to close, which a grandchild may keep open.
    with anyio.move_on_after(timeout):
        while process.returncode is None:
            await anyio.sleep(_POLL_S)
    return process.returncode is not None


def _group_alive(pgid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        return False
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

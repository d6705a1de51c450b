"""`ToolHub`: the one door to MCP servers. Start, restart and stop them as the configuration says, list their
tools under the names the model sees, and run calls, turning every fault into a typed status or outcome.

The sessions live on a dedicated asyncio loop in a thread of the hub's own (see README, "Tools": the spike's
decision), so the UI thread never parses a server's JSON or waits on a pipe. Every public coroutine may be
awaited from any loop (the GUI's qasync loop, a test's); the hub's callbacks are called on that loop.
Importing this module does not import the `mcp` SDK: that happens once the first server starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Collection, Coroutine, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from core.model.tools import (
    RunProblem,
    ServerConfig,
    ServerProblem,
    ServerState,
    ServerStatus,
    ToolOutcome,
    ToolProgress,
    ToolSpec,
)
from core.tools.arguments import arguments_problem
from core.tools.naming import exposed_names
from core.tools.results import not_running, problem_outcome

if TYPE_CHECKING:
    from core.tools.connection import Connection
    from core.tools.secrets import SecretReader

T = TypeVar("T")

START_TIMEOUT = 30.0
"""Seconds a server may take from its start to listing its tools (a first `uvx`/`npx` run downloads it)."""


class ToolHub:
    def __init__(
        self,
        secrets: SecretReader | None = None,
        on_status: Callable[[ServerStatus], None] | None = None,
        *,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self._secrets = secrets
        self._on_status = on_status
        self._start_timeout = start_timeout
        self._lock = threading.Lock()
        # Read from any thread (under the lock), written on the hub's loop.
        self._configs: dict[str, ServerConfig] = {}
        self._statuses: dict[str, ServerStatus] = {}
        self._specs: list[ToolSpec] = []
        # The hub loop's own.
        self._connections: dict[str, Connection] = {}
        self._changing: asyncio.Lock | None = None
        self._thread: _LoopThread | None = None
        self._caller: asyncio.AbstractEventLoop | None = None
        self._closed = False

    # -- reading (any thread) --

    def statuses(self) -> list[ServerStatus]:
        with self._lock:
            return [self._statuses[name] for name in self._configs if name in self._statuses]

    def config(self, name: str) -> ServerConfig | None:
        with self._lock:
            return self._configs.get(name)

    def tools(self, servers: Collection[str] | None = None) -> list[ToolSpec]:
        """The ready servers' tools, in the configuration's order (None = every enabled server).

        Tools whose input schema is invalid are included, with `schema_problem` set, for the dialog to list;
        whoever offers tools to the model leaves them out. Exposed names are resolved over every ready server,
        so a tool keeps its name whichever subset a conversation offers."""
        with self._lock:
            specs = self._specs
        if servers is None:
            return list(specs)
        chosen = set(servers)
        return [spec for spec in specs if spec.server in chosen]

    def find(self, exposed_name: str, servers: Collection[str] | None = None) -> ToolSpec | None:
        for spec in self.tools(servers):
            if spec.exposed_name == exposed_name:
                return spec
        return None

    # -- acting (awaited from the caller's loop) --

    async def configure(self, servers: Sequence[ServerConfig]) -> None:
        """Start enabled servers that are new or changed, stop removed or disabled ones; return once each
        started one is READY or FAILED (at most the start timeout)."""
        with self._lock:
            self._configs = {config.name: config for config in servers}
        await self._on_hub(self._one_at_a_time(partial(self._configure, list(servers))))

    async def restart(self, name: str) -> None:
        await self._on_hub(self._one_at_a_time(partial(self._restart, name)))

    async def call(
        self,
        spec: ToolSpec,
        arguments: Mapping[str, Any],
        *,
        on_progress: Callable[[ToolProgress], None] | None = None,
    ) -> ToolOutcome:
        """Run one tool. A fault of the server or the tool is the outcome's `problem`, never an exception.
        Cancelling the awaiting task sends the server MCP's cancellation and re-raises CancelledError."""
        if spec.schema_problem is not None:
            return problem_outcome(
                RunProblem.INVALID_ARGUMENTS, f"The tool's input schema is invalid: {spec.schema_problem}"
            )
        if self._thread is None or self._closed:
            return not_running(spec.server)
        report = _posted(asyncio.get_running_loop(), on_progress) if on_progress is not None else None
        return await self._on_hub(self._call(spec, arguments, report))

    async def close(self) -> None:
        """End every server (no child process left) and the hub's thread. The hub cannot be used after."""
        if self._closed:
            return
        self._closed = True
        thread = self._thread
        if thread is None:
            return
        with contextlib.suppress(Exception):
            await self._on_hub(self._stop_all(), closing=True)
        await asyncio.get_running_loop().run_in_executor(None, thread.stop)

    # -- on the hub's loop --

    async def _one_at_a_time(self, change: Callable[[], Coroutine[Any, Any, list[Connection]]]) -> None:
        """Configuration changes in the order asked, never interleaved (two saves in a row, a restart); then
        wait for the servers it started, outside the lock, so removing one still starting is not held up."""
        if self._changing is None:
            self._changing = asyncio.Lock()
        async with self._changing:
            started = await change()
        await asyncio.gather(*(connection.settled.wait() for connection in started))

    async def _configure(self, servers: list[ServerConfig]) -> list[Connection]:
        wanted = {config.name: config for config in servers}
        stopping = [
            connection
            for name, connection in self._connections.items()
            if name not in wanted or not wanted[name].enabled or _changed(connection, wanted[name])
        ]
        for connection in stopping:
            del self._connections[connection.name]
        await asyncio.gather(*(connection.stop() for connection in stopping))
        with self._lock:
            self._statuses = {name: status for name, status in self._statuses.items() if name in wanted}
        started: list[Connection] = []
        for config in servers:
            if not config.enabled:
                self._report(ServerStatus(name=config.name, state=ServerState.DISABLED))
            elif config.name not in self._connections:
                started.append(await self._start(config, ServerState.STARTING))
        self._refresh_specs()
        return started

    async def _restart(self, name: str) -> list[Connection]:
        config = self.config(name)
        if config is None or not config.enabled:
            return []
        old = self._connections.pop(name, None)
        self._report(ServerStatus(name=name, state=ServerState.RESTARTING))
        if old is not None:
            await old.stop()
            self._refresh_specs()
        return [await self._start(config, ServerState.RESTARTING)]

    async def _start(self, config: ServerConfig, state: ServerState) -> Connection:
        from core.tools.connection import Connection

        resolved, missing = await self._with_secrets(config)
        connection = Connection(
            config=resolved, given=config, report=self._connection_report, start_timeout=self._start_timeout
        )
        self._connections[config.name] = connection
        if missing is not None:
            connection.refuse(ServerProblem.SECRET_MISSING, missing)
        else:
            connection.start(state)
        return connection

    async def _with_secrets(self, config: ServerConfig) -> tuple[ServerConfig, str | None]:
        """The config with its secret values read from the keyring; else the name of one that is missing."""
        if not config.secret_names:
            return config, None
        env = dict(config.env)
        headers = dict(config.headers)
        loop = asyncio.get_running_loop()
        for name in sorted(config.secret_names):
            value: str | None = None
            if self._secrets is not None:
                try:
                    value = await loop.run_in_executor(None, self._secrets.read, config.name, name)
                except Exception:
                    value = None
            if not value:
                return config, name
            if name in env:
                env[name] = value
            if name in headers:
                headers[name] = value
        return replace(config, env=env, headers=headers), None

    async def _call(
        self, spec: ToolSpec, arguments: Mapping[str, Any], on_progress: Callable[[ToolProgress], None] | None
    ) -> ToolOutcome:
        connection = self._connections.get(spec.server)
        if connection is None or not connection.ready:
            return not_running(spec.server)
        if not any(tool.name == spec.name for tool in connection.tools):
            return problem_outcome(
                RunProblem.NO_SUCH_TOOL, f"The MCP server {spec.server!r} has no tool named {spec.name!r}."
            )
        problem = arguments_problem(spec.input_schema, arguments)
        if problem is not None:
            return problem_outcome(RunProblem.INVALID_ARGUMENTS, problem)
        return await connection.call(spec.name, arguments, on_progress)

    async def _stop_all(self) -> None:
        connections = list(self._connections.values())
        self._connections.clear()
        await asyncio.gather(*(connection.stop() for connection in connections))

    def _connection_report(self, status: ServerStatus) -> None:
        connection = self._connections.get(status.name)
        if connection is None or status.state is ServerState.DISABLED:
            return
        # Tools first: whoever sees the new status (from any thread) sees the tools that go with it.
        if status.state in (ServerState.READY, ServerState.FAILED):
            self._refresh_specs()
        self._report(status)

    def _report(self, status: ServerStatus) -> None:
        with self._lock:
            if status.name not in self._configs:
                return
            self._statuses[status.name] = status
        if self._on_status is not None:
            _posted(self._caller, self._on_status)(status)

    def _refresh_specs(self) -> None:
        with self._lock:
            order = list(self._configs)
        listed = [
            (name, tool)
            for name in order
            if (connection := self._connections.get(name)) is not None and connection.ready
            for tool in connection.tools
        ]
        names = exposed_names([(server, tool.name) for server, tool in listed])
        specs = [
            ToolSpec(
                server=server,
                name=tool.name,
                exposed_name=exposed,
                description=tool.description,
                input_schema=tool.input_schema,
                annotations=tool.annotations,
                schema_problem=tool.schema_problem,
            )
            for (server, tool), exposed in zip(listed, names, strict=True)
        ]
        with self._lock:
            self._specs = specs

    # -- between the loops --

    async def _on_hub(self, coroutine: Coroutine[Any, Any, T], *, closing: bool = False) -> T:
        """Run `coroutine` on the hub's loop and await it here; cancelling this cancels it there."""
        if self._closed and not closing:
            coroutine.close()
            raise RuntimeError("the tool hub is closed")
        self._caller = asyncio.get_running_loop()
        if self._thread is None:
            self._thread = _LoopThread()
        future = asyncio.run_coroutine_threadsafe(coroutine, self._thread.loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            # Let the cancellation reach the server (MCP notifications/cancelled) before giving up here.
            future.cancel()
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout=1.0)
            raise


def _posted(loop: asyncio.AbstractEventLoop | None, callback: Callable[[T], None]) -> Callable[[T], None]:
    """`callback`, called on `loop` whichever thread calls the wrapper."""

    def post(value: T) -> None:
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the caller's loop closed meanwhile
            loop.call_soon_threadsafe(callback, value)

    return post


def _changed(connection: Connection, config: ServerConfig) -> bool:
    return connection.given != config


class _LoopThread:
    """An asyncio loop running in a daemon thread of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="mcp-hub", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            pending = [task for task in asyncio.all_tasks(self.loop) if not task.done()]
            for task in pending:
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)

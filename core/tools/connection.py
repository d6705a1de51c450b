"""One MCP server's life on the hub's loop: start it over its transport, shake hands, list its tools, serve
calls, notice when it ends, and stop it. Every fault becomes a `ServerStatus` with a `ServerProblem`, or a
`ToolOutcome` with a `RunProblem`; nothing here raises to the hub for a fault of the server."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from core.model.tools import (
    RunProblem,
    ServerConfig,
    ServerProblem,
    ServerState,
    ServerStatus,
    ToolAnnotations,
    ToolOutcome,
    ToolProgress,
)
from core.tools.arguments import schema_problem
from core.tools.results import not_running, outcome_from_result, problem_outcome
from core.tools.stdio import MAX_MESSAGE_BYTES, StderrTail, StdioParams, stdio_transport

CLIENT_NAME = "triptych"
CLIENT_VERSION = "0.1.0"
PING_TIMEOUT = 5.0
"""Seconds an HTTP server has to answer a ping after a call's connection was cut, before it counts as gone."""


class StartFailed(Exception):
    def __init__(self, problem: ServerProblem, detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class ListedTool:
    """A tool as its server listed it, before the hub names it for the model."""

    name: str
    description: str
    input_schema: Mapping[str, Any]
    annotations: ToolAnnotations
    schema_problem: str | None


@dataclass
class Connection:
    """A server's session; `config` has its secrets filled in (never reported, never logged)."""

    config: ServerConfig
    given: ServerConfig
    """The config as the user gave it (secrets empty): a change to it restarts the server."""
    report: Callable[[ServerStatus], None]
    start_timeout: float
    stderr: StderrTail = field(default_factory=StderrTail)
    tools: tuple[ListedTool, ...] = ()
    session: Any = None
    settled: asyncio.Event = field(default_factory=asyncio.Event)
    """Set once the start ended, READY or FAILED."""
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _ended: asyncio.Event = field(default_factory=asyncio.Event)
    _transport_error: BaseException | None = None
    _http_status: int | None = None
    _state: ServerState = ServerState.STARTING
    _task: asyncio.Task[None] | None = None
    _checks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def ready(self) -> bool:
        return self._state is ServerState.READY and self.session is not None

    def start(self, state: ServerState = ServerState.STARTING) -> None:
        self._publish(state)
        self._task = asyncio.get_running_loop().create_task(self._run(), name=f"mcp:{self.name}")

    def refuse(self, problem: ServerProblem, detail: str) -> None:
        """Do not start: the configuration cannot work (a secret missing from the keyring)."""
        self._fail(problem, detail)
        self.settled.set()

    async def stop(self) -> None:
        """End the server (and its process group) and wait until it has."""
        self._stop.set()
        if self._task is not None:
            with contextlib.suppress(Exception):
                await self._task

    async def _run(self) -> None:
        was_ready = False
        try:
            async with self._connected() as session:
                self.session = session
                was_ready = True
                self._publish(ServerState.READY)
                self.settled.set()
                await _first(self._stop.wait(), self._ended.wait())
                self.session = None
            if not self._stop.is_set():
                self._fail(*self._ended_problem())
        except StartFailed as failure:
            self._fail(failure.problem, failure.detail)
        except Exception as error:  # the SDK's own errors, ExceptionGroups from its task groups
            self._fail(*(self._ended_problem() if was_ready else self._classify(error)))
        finally:
            self.session = None
            self.settled.set()

    @contextlib.asynccontextmanager
    async def _connected(self) -> AsyncIterator[Any]:
        import anyio
        import mcp_types
        from mcp import ClientSession

        async with contextlib.AsyncExitStack() as stack:
            read, write = await stack.enter_async_context(self._transport())
            watched = await stack.enter_async_context(self._watch(read))
            session = await stack.enter_async_context(
                ClientSession(
                    watched,
                    write,
                    client_info=mcp_types.Implementation(name=CLIENT_NAME, version=CLIENT_VERSION),
                    message_handler=_ignore,
                    logging_callback=_ignore_log,
                )
            )
            try:
                with anyio.fail_after(self.start_timeout):
                    await _first(self._handshake(session), self._stop.wait())
            except TimeoutError:
                raise StartFailed(ServerProblem.START_TIMED_OUT) from None
            if self._stop.is_set():
                raise StartFailed(ServerProblem.START_TIMED_OUT, "stopped while starting")  # not reported
            yield session

    async def _handshake(self, session: Any) -> None:
        import mcp_types

        await session.initialize()
        listed: list[ListedTool] = []
        cursor: str | None = None
        while True:
            params = mcp_types.PaginatedRequestParams(cursor=cursor) if cursor else None
            page = await session.list_tools(params=params)
            listed.extend(_listed(tool) for tool in page.tools)
            cursor = page.next_cursor
            if not cursor:
                break
        self.tools = tuple(listed)

    def _transport(self) -> contextlib.AbstractAsyncContextManager[tuple[Any, Any]]:
        config = self.config
        if config.transport == "stdio":
            return self._stdio()
        if not config.url:
            raise StartFailed(ServerProblem.INVALID_CONFIG, "no URL")
        if config.transport == "sse":
            from mcp.client.sse import sse_client

            return sse_client(config.url, headers=dict(config.headers), sse_read_timeout=300.0)
        return self._http()

    @contextlib.asynccontextmanager
    async def _stdio(self) -> AsyncIterator[tuple[Any, Any]]:
        config = self.config
        if not config.command.strip():
            raise StartFailed(ServerProblem.INVALID_CONFIG, "no command")
        if config.cwd and not os.path.isdir(config.cwd):
            raise StartFailed(ServerProblem.INVALID_CONFIG, f"no such folder: {config.cwd}")
        # Resolved against the server's own PATH (from its env, else ours), as the shell would.
        path = config.env.get("PATH", os.environ.get("PATH", os.defpath))
        command = shutil.which(config.command, path=path) or config.command
        params = StdioParams(command=command, args=config.args, env=config.env, cwd=config.cwd)
        try:
            transport = stdio_transport(params, self.stderr)
            read, write, _process = await transport.__aenter__()
        except (FileNotFoundError, NotADirectoryError) as error:
            raise StartFailed(
                ServerProblem.COMMAND_NOT_FOUND, f"{config.command}: {error.strerror}"
            ) from None
        except PermissionError as error:
            raise StartFailed(
                ServerProblem.COMMAND_NOT_FOUND, f"{config.command}: {error.strerror}"
            ) from None
        except OSError as error:
            raise StartFailed(ServerProblem.COMMAND_NOT_FOUND, f"{config.command}: {error}") from None
        try:
            yield read, write
        except BaseException as error:
            if not await transport.__aexit__(type(error), error, error.__traceback__):
                raise
        else:
            await transport.__aexit__(None, None, None)

    @contextlib.asynccontextmanager
    async def _http(self) -> AsyncIterator[tuple[Any, Any]]:
        import httpx2
        from mcp.client.streamable_http import streamable_http_client

        # The SDK's own timeouts, with reading allowed to outlast the longest call.
        timeout = httpx2.Timeout(30.0, read=max(300.0, self.config.call_timeout + 5))
        async with (
            httpx2.AsyncClient(
                headers=dict(self.config.headers),
                timeout=timeout,
                event_hooks={"response": [self._note_status]},
            ) as client,
            streamable_http_client(
                self.config.url, http_client=client, max_sse_event_size=MAX_MESSAGE_BYTES
            ) as (
                read,
                write,
            ),
        ):
            yield read, write

    async def _note_status(self, response: Any) -> None:
        # The SDK turns an HTTP error into a JSON-RPC one, dropping the status: a 401 must reach the user.
        if response.status_code >= 400:
            self._http_status = response.status_code

    @contextlib.asynccontextmanager
    async def _watch(self, source: Any) -> AsyncIterator[Any]:
        """Pass the transport's messages on to the session, noting a transport error and the end of the
        stream: that is how a server that dies between calls is noticed."""
        import anyio

        sink, watched = anyio.create_memory_object_stream[Any](0)

        async def pump() -> None:
            try:
                async with sink:
                    async for item in source:
                        if isinstance(item, Exception) and not isinstance(item, ValueError):
                            # Malformed JSON (a ValueError) is the session's to report; a failed connection
                            # is ours: before the handshake ends it fails the start.
                            self._transport_error = item
                            if not self.ready:
                                break
                        await sink.send(item)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError, anyio.EndOfStream):
                pass
            finally:
                self._ended.set()

        async with anyio.create_task_group() as group:
            group.start_soon(pump)
            try:
                yield watched
            finally:
                group.cancel_scope.cancel()
                await watched.aclose()

    async def call(
        self,
        name: str,
        arguments: Mapping[str, Any],
        on_progress: Callable[[ToolProgress], None] | None,
    ) -> ToolOutcome:
        from mcp import MCPError
        from pydantic import ValidationError

        session = self.session
        if session is None or not self.ready:
            return not_running(self.name)
        progress_callback = None
        if on_progress is not None:
            report = on_progress

            async def progress_callback(progress: float, total: float | None, message: str | None) -> None:
                report(ToolProgress(progress=progress, total=total, message=message))

        try:
            result = await session.call_tool(
                name,
                dict(arguments),
                read_timeout_seconds=self.config.call_timeout,
                progress_callback=progress_callback,
            )
        except MCPError as error:
            import mcp_types

            if error.code == mcp_types.REQUEST_TIMEOUT:
                return problem_outcome(
                    RunProblem.TIMED_OUT,
                    f"The tool did not answer within {self.config.call_timeout:g} seconds.",
                )
            if error.code == mcp_types.CONNECTION_CLOSED:
                if self.config.transport != "stdio":
                    # Over HTTP a cut response may be one request's; whether the server is gone, a ping says.
                    self._check_alive(session)
                return problem_outcome(RunProblem.SERVER_CRASHED, self._crash_detail())
            if error.code == mcp_types.INVALID_PARAMS:
                return problem_outcome(RunProblem.INVALID_ARGUMENTS, error.message)
            return problem_outcome(RunProblem.TOOL_ERROR, error.message)
        except ValidationError as error:
            return problem_outcome(
                RunProblem.MALFORMED_RESULT,
                f"The server's answer is not a valid tool result: {_short(error)}",
            )
        except RuntimeError as error:  # structured content not matching the tool's output schema
            return problem_outcome(RunProblem.MALFORMED_RESULT, str(error))
        return outcome_from_result(result)

    def _check_alive(self, session: Any) -> None:
        async def ping() -> None:
            import anyio

            try:
                with anyio.fail_after(PING_TIMEOUT):
                    await session.send_ping()
            except Exception as error:
                if self._transport_error is None:
                    self._transport_error = error
                self._ended.set()

        task = asyncio.get_running_loop().create_task(ping())
        self._checks.add(task)
        task.add_done_callback(self._checks.discard)

    def _publish(self, state: ServerState, problem: ServerProblem | None = None, detail: str = "") -> None:
        self._state = state
        failed = state is ServerState.FAILED
        self.report(
            ServerStatus(
                name=self.name,
                state=state,
                tool_count=len(self.tools) if state is ServerState.READY else 0,
                problem=problem,
                detail=detail,
                stderr_tail=self.stderr.tail() if failed else (),
            )
        )

    def _fail(self, problem: ServerProblem, detail: str = "") -> None:
        if self._stop.is_set():
            return  # stopped on purpose: the hub reports what follows
        self.tools = ()
        self._publish(ServerState.FAILED, problem, detail)

    def _classify(self, error: BaseException) -> tuple[ServerProblem, str]:
        from mcp import MCPError

        leaves = list(_leaves(error))
        for leaf in leaves:
            if isinstance(leaf, StartFailed):
                return leaf.problem, leaf.detail
        if self._http_status in (401, 403):
            return ServerProblem.UNAUTHORIZED, f"HTTP {self._http_status}"
        transport = self._transport_error
        if transport is not None:
            return _transport_problem(transport)
        if self._http_status is not None:
            return ServerProblem.PROTOCOL_ERROR, f"HTTP {self._http_status}"
        for leaf in leaves:
            problem = _transport_problem(leaf)
            if problem[0] is not ServerProblem.PROTOCOL_ERROR:
                return problem
        for leaf in leaves:
            if isinstance(leaf, MCPError):
                import mcp_types

                if leaf.code == mcp_types.CONNECTION_CLOSED:
                    if self.config.transport == "stdio":
                        return ServerProblem.EXITED_AT_START, self._ended_detail()
                    return ServerProblem.STREAM_CUT, leaf.message
                return ServerProblem.PROTOCOL_ERROR, leaf.message
        return ServerProblem.PROTOCOL_ERROR, _short(leaves[0] if leaves else error)

    def _ended_problem(self) -> tuple[ServerProblem, str]:
        """Why a server that was ready is gone: a stdio server exited; an HTTP one stopped answering."""
        if self.config.transport == "stdio":
            return ServerProblem.CRASHED, self._ended_detail()
        if self._transport_error is None:
            return ServerProblem.STREAM_CUT, "the connection ended"
        problem, detail = _transport_problem(self._transport_error)
        return (ServerProblem.STREAM_CUT if problem is ServerProblem.PROTOCOL_ERROR else problem), detail

    def _ended_detail(self) -> str:
        if self.config.transport != "stdio":
            return str(self._transport_error or "the connection ended")
        tail = self.stderr.tail()
        return tail[-1] if tail else "the server exited"

    def _crash_detail(self) -> str:
        tail = self.stderr.tail()
        last = f" It said: {tail[-1]}" if tail else ""
        return f"The MCP server {self.name!r} stopped during the call.{last}"


def _transport_problem(error: BaseException) -> tuple[ServerProblem, str]:
    import httpx2

    if isinstance(error, httpx2.HTTPStatusError):
        status = error.response.status_code
        if status in (401, 403):
            return ServerProblem.UNAUTHORIZED, f"HTTP {status}"
        return ServerProblem.PROTOCOL_ERROR, f"HTTP {status}"
    if isinstance(error, httpx2.ConnectError | httpx2.ConnectTimeout):
        return ServerProblem.NOT_REACHABLE, _short(error)
    if isinstance(error, httpx2.RemoteProtocolError | httpx2.ReadError | httpx2.ReadTimeout):
        return ServerProblem.STREAM_CUT, _short(error)
    if isinstance(error, httpx2.TransportError):
        return ServerProblem.NOT_REACHABLE, _short(error)
    return ServerProblem.PROTOCOL_ERROR, _short(error)


def _listed(tool: Any) -> ListedTool:
    hints = tool.annotations
    annotations = ToolAnnotations(
        title=tool.title or (hints.title if hints else None),
        read_only=hints.read_only_hint if hints else None,
        destructive=hints.destructive_hint if hints else None,
        idempotent=hints.idempotent_hint if hints else None,
        open_world=hints.open_world_hint if hints else None,
    )
    schema = dict(tool.input_schema or {})
    return ListedTool(
        name=tool.name,
        description=tool.description or "",
        input_schema=schema,
        annotations=annotations,
        schema_problem=schema_problem(schema),
    )


def _leaves(error: BaseException) -> Iterator[BaseException]:
    """The exceptions inside (nested) exception groups, as the SDK's task groups raise them."""
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from _leaves(inner)
    else:
        yield error


async def _first(*waits: Awaitable[Any]) -> None:
    """Await until the first of `waits` is done; cancel the others."""
    tasks = [asyncio.ensure_future(wait) for wait in waits]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for task in done:
        task.result()


def _short(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:500]


async def _ignore(message: Any) -> None:
    """Server notifications (lists changed, logging) are not acted on yet."""
    return None


async def _ignore_log(params: Any) -> None:
    return None


def with_secrets(config: ServerConfig, env: Mapping[str, str], headers: Mapping[str, str]) -> ServerConfig:
    return replace(config, env=dict(env), headers=dict(headers))

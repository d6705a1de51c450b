"""An MCP server with a tool for each fault the hub must survive, for the tests and the bench.

Run as a script (it imports only the `mcp` SDK): `python tests/mcp_servers/faulty.py` speaks stdio.
`--http PORT` serves Streamable HTTP on 127.0.0.1:PORT/mcp (`--sse`: the legacy HTTP+SSE transport at /sse;
`--token T`: 401 without `Authorization: Bearer T`). `--exit-at-start` exits before speaking,
`--hang-at-start` never answers the handshake, `--pid-file F` writes the process id there (and with
`--spawn-child` a grandchild's): the "no child left" checks read it.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from typing import Any, TypedDict

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.utilities.types import Image
from mcp_types import ToolAnnotations

# A 1x1 red PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)

server = MCPServer("faulty")
# The SDK moves fd 1 aside while it serves stdio (so a stray print cannot corrupt the wire); the malformed
# tool writes to the wire itself, through a copy taken first.
_WIRE = os.dup(1)
_cancelled = 0
_hanging = 0


@server.tool(description="Say the text back.")
def echo(text: str) -> str:
    return text


@server.tool(description="Add two integers.")
def add(a: int, b: int) -> int:
    return a + b


@server.tool(description="Work in steps, reporting progress after each.")
async def slow(ctx: Context, steps: int = 3, delay: float = 0.05) -> str:
    for step in range(1, steps + 1):
        await anyio.sleep(delay)
        await ctx.report_progress(step, steps, f"step {step} of {steps}")
    return f"done in {steps} steps"


@server.tool(description="Never answer (until cancelled).")
async def hang() -> str:
    global _cancelled, _hanging
    _hanging += 1
    try:
        await anyio.sleep_forever()
    finally:
        # Reached by the client's notifications/cancelled (or the process ending).
        _hanging -= 1
        _cancelled += 1
    return "unreachable"


@server.tool(description="Hang calls cancelled.", annotations=ToolAnnotations(read_only_hint=True))
def cancellations() -> int:
    return _cancelled


@server.tool(description="Hang calls under way.", annotations=ToolAnnotations(read_only_hint=True))
def hanging() -> int:
    return _hanging


@server.tool(description="Exit the process in the middle of the call.")
def crash() -> str:
    sys.stderr.write("faulty: crashing on purpose\n")
    sys.stderr.flush()
    os._exit(3)


@server.tool(description="Return a result of the given size in megabytes.")
def huge(megabytes: float = 100) -> str:
    return "x" * int(megabytes * 1024 * 1024)


@server.tool(description="Answer with content blocks the protocol does not know (stdio only).")
async def malformed(ctx: Context) -> str:
    reply = {"jsonrpc": "2.0", "id": ctx.request_id, "result": {"content": [{"type": "hologram", "x": 1}]}}
    os.write(_WIRE, (json.dumps(reply) + "\n").encode())
    await anyio.sleep_forever()
    return "unreachable"


@server.tool(description="Read one of the server's environment variables.")
def env(name: str) -> str:
    return os.environ.get(name, "<unset>")


@server.tool(description="Return a small PNG image.")
def image() -> Image:
    return Image(data=PNG, format="png")


class Weather(TypedDict):
    city: str
    celsius: float


@server.tool(description="Return structured content.")
def structured(city: str = "Oslo") -> Weather:
    return {"city": city, "celsius": 4.5}


@server.tool(description="Fail as a tool: the result carries is_error.")
def error() -> str:
    raise ToolError("the tool failed on purpose")


@server.tool(
    description="Pretend to delete everything.",
    annotations=ToolAnnotations(destructive_hint=True, read_only_hint=False),
)
def delete_everything(confirm: bool = False) -> str:
    return "nothing was deleted (this is a test server)"


@server.tool(description="Read something harmless.", annotations=ToolAnnotations(read_only_hint=True))
def peek() -> str:
    return "all quiet"


@server.tool(description="A tool whose input schema is not valid JSON Schema.")
def bad_schema(x: Any = None) -> str:
    return "should not be called"


# Overwrite the generated schema with one no validator accepts ("type" must name a JSON type).
server._tool_manager.get_tool("bad_schema").parameters = {  # type: ignore[union-attr]
    "type": "object",
    "properties": {"x": {"type": "no-such-type"}},
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--http", type=int, default=None, help="serve Streamable HTTP on this port")
    parser.add_argument(
        "--sse", action="store_true", help="with --http: the legacy HTTP+SSE transport at /sse"
    )
    parser.add_argument("--token", default=None, help="require this bearer token (HTTP)")
    parser.add_argument("--exit-at-start", action="store_true")
    parser.add_argument("--hang-at-start", action="store_true")
    parser.add_argument("--pid-file", default=None, help="write the process id (and its child's) here")
    parser.add_argument("--spawn-child", action="store_true", help="start a long-lived child process")
    options = parser.parse_args(argv)
    pids = [os.getpid()]
    if options.spawn_child:
        import subprocess

        pids.append(subprocess.Popen(["sleep", "600"]).pid)
    if options.pid_file:
        with open(options.pid_file, "w") as file:
            file.write(" ".join(map(str, pids)))
    if options.exit_at_start:
        sys.stderr.write("faulty: exiting at start as asked\n")
        sys.stderr.flush()
        sys.exit(2)
    if options.hang_at_start:
        anyio.run(anyio.sleep_forever)
    if options.http is None:
        server.run()
        return
    _serve_http(options.http, options.token, sse=options.sse)


def _serve_http(port: int, token: str | None, *, sse: bool) -> None:
    import uvicorn
    from starlette.responses import PlainTextResponse

    inner = server.sse_app() if sse else server.streamable_http_app()

    async def guarded(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if token is not None and scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            if headers.get(b"authorization") != f"Bearer {token}".encode():
                await PlainTextResponse("unauthorized", status_code=401)(scope, receive, send)
                return
        await inner(scope, receive, send)

    config = uvicorn.Config(guarded, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()

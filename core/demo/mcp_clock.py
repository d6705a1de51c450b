"""The demo's own MCP server: one read-only tool, `get_current_time`, over stdio, so the offline demo shows
the tool loop (the demo model asks the time, this server answers, the model reads it out) with nothing
installed but Triptych.

Hand-written JSON-RPC like the rest of `core.demo` (the fake Messages API): it stands alone, and a real MCP
client (the SDK behind `core.tools`) talking to it checks it. It speaks the initialize handshake, `ping`,
`tools/list` and `tools/call`; anything else is answered "method not found".

    python -m core.demo.mcp_clock
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from core.model.tools import ServerConfig

SERVER_NAME = "Demo clock"
PROTOCOL_VERSIONS = ("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")
"""Versions of the handshake this server speaks, newest first."""

TOOL = {
    "name": "get_current_time",
    "title": "Current time",
    "description": "The current date and time in a time zone (an IANA name, e.g. Europe/Paris; UTC if none).",
    "inputSchema": {
        "type": "object",
        "properties": {
            "timezone": {"type": "string", "description": "An IANA time zone name, e.g. Asia/Shanghai."}
        },
        "required": [],
    },
    "annotations": {
        "title": "Current time",
        "readOnlyHint": True,
        "destructiveHint": False,
        "idempotentHint": False,
        "openWorldHint": False,
    },
}


def demo_clock_server() -> ServerConfig:
    """The server as the app configures it in the demo: trusted, so its read-only tool runs unasked."""
    return ServerConfig(
        name=SERVER_NAME,
        command=sys.executable,
        args=("-m", "core.demo.mcp_clock"),
        # The folder holding the `core` package, so `-m` finds it whatever the app's working directory.
        cwd=str(Path(__file__).resolve().parents[2]),
        trusted=True,
    )


def reading(zone_name: str, now: datetime | None = None) -> dict[str, Any]:
    """The answer for a zone, like mcp-server-time's: {"timezone", "datetime", "day_of_week"}."""
    zone = ZoneInfo(zone_name) if zone_name != "UTC" else UTC
    moment = (now or datetime.now(UTC)).astimezone(zone)
    return {
        "timezone": zone_name,
        "datetime": moment.isoformat(timespec="seconds"),
        "day_of_week": moment.strftime("%A"),
    }


def respond(message: dict[str, Any]) -> dict[str, Any] | None:
    """The reply to one JSON-RPC message (None for a notification)."""
    if "id" not in message:
        return None
    method = message.get("method")
    params = message.get("params") or {}
    if method == "initialize":
        asked = params.get("protocolVersion")
        version = asked if asked in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[0]
        result: dict[str, Any] = {
            "protocolVersion": version,
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": {"name": "triptych-demo-clock", "title": SERVER_NAME, "version": "1.0"},
        }
    elif method == "ping":
        result = {}
    elif method == "tools/list":
        result = {"tools": [TOOL]}
    elif method == "tools/call":
        result = _call(params)
    else:
        return _error(message["id"], -32601, f"Method not found: {method}")
    return {"jsonrpc": "2.0", "id": message["id"], "result": result}


def _call(params: dict[str, Any]) -> dict[str, Any]:
    if params.get("name") != TOOL["name"]:
        return _tool_error(f"Unknown tool: {params.get('name')}")
    zone_name = (params.get("arguments") or {}).get("timezone") or "UTC"
    if not isinstance(zone_name, str) or (zone_name != "UTC" and zone_name not in available_timezones()):
        return _tool_error(f"Unknown time zone: {zone_name!r}. Use an IANA name such as Europe/Paris.")
    try:
        answer = reading(zone_name)
    except ZoneInfoNotFoundError:
        return _tool_error(f"Unknown time zone: {zone_name!r}.")
    return {
        "content": [{"type": "text", "text": json.dumps(answer, indent=2)}],
        "structuredContent": answer,
        "isError": False,
    }


def _tool_error(text: str) -> dict[str, Any]:
    return {"content": [{"type": "text", "text": text}], "isError": True}


def _error(message_id: Any, code: int, text: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": message_id, "error": {"code": code, "message": text}}


def serve(reader: TextIO, writer: TextIO) -> None:
    """Answer newline-delimited JSON-RPC from `reader` until it ends."""
    for line in reader:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except ValueError:
            reply: dict[str, Any] | None = _error(None, -32700, "Parse error")
        else:
            reply = respond(message) if isinstance(message, dict) else _error(None, -32600, "Invalid request")
        if reply is not None:
            writer.write(json.dumps(reply, ensure_ascii=False) + "\n")
            writer.flush()


def main() -> None:
    serve(sys.stdin, sys.stdout)


if __name__ == "__main__":
    main()

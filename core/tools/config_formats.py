"""MCP server configurations as other apps write them, in and out.

Read: Claude desktop's `claude_desktop_config.json` (`{"mcpServers": {name: entry}}`, the shape most READMEs
show, Claude Code's `.mcp.json` too), the same pasted as text (the whole file, the inner mapping, or one
`"name": {...}` pair without braces), and VS Code's `mcp.json` (`{"servers": {...}}`, comments and trailing
commas allowed; or settings.json's `"mcp": {"servers": ...}`). Every entry that cannot be read is a typed
`ImportProblem` naming it; the others are imported. Written: `{"mcpServers": ...}`, with secret values left
empty (they stay in the keyring).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.model.tools import DEFAULT_CALL_TIMEOUT, ServerConfig, Transport


class ConfigFormat(StrEnum):
    CLAUDE_DESKTOP = "claude_desktop"
    """`mcpServers`: Claude desktop, Claude Code, Cursor, Cline, most READMEs."""
    VS_CODE = "vs_code"
    """`servers` (mcp.json) or `mcp.servers` (settings.json)."""
    BARE = "bare"
    """The inner mapping alone: `{name: entry}`, or a `"name": {...}` pair without braces."""


class ImportProblemKind(StrEnum):
    NOT_JSON = "not_json"
    """The text is not JSON (`detail` has the parser's line and column)."""
    NO_SERVERS = "no_servers"
    """JSON, but without `mcpServers`, `servers` or entries that look like servers."""
    NOT_AN_OBJECT = "not_an_object"
    NO_COMMAND_OR_URL = "no_command_or_url"
    BAD_FIELD = "bad_field"
    """A field of the wrong type (`detail` names it)."""
    UNKNOWN_TYPE = "unknown_type"
    """A `type` other than stdio, http (streamable-http) or sse."""
    EMPTY_NAME = "empty_name"
    NEEDS_INPUT = "needs_input"
    """A value refers to something only the other app knows (VS Code's `${input:...}`, `envFile`): the
    server is imported, and the value must be filled in (a warning, not a refusal)."""


@dataclass(frozen=True)
class ImportProblem:
    kind: ImportProblemKind
    server: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class ImportResult:
    format: ConfigFormat | None
    servers: tuple[ServerConfig, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    """Entries that were not imported, and warnings about imported ones (NEEDS_INPUT)."""


_SECRET_WORDS = re.compile(r"key|token|secret|password|passwd|auth|credential|cookie", re.IGNORECASE)
_VS_CODE_INPUT = re.compile(r"\$\{input:[^}]*\}")
_TYPES: dict[str, Transport] = {
    "stdio": "stdio",
    "http": "http",
    "streamable-http": "http",
    "streamable_http": "http",
    "streamablehttp": "http",
    "sse": "sse",
}


def looks_secret(name: str) -> bool:
    """Whether an env variable or header by this name usually holds a secret (API_KEY, Authorization...)."""
    return bool(_SECRET_WORDS.search(name))


def parse_config(text: str) -> ImportResult:
    """Read servers from a config file's text or a pasted snippet."""
    document, error = _load(text)
    if error is not None:
        return ImportResult(format=None, problems=(ImportProblem(ImportProblemKind.NOT_JSON, detail=error),))
    if not isinstance(document, dict):
        return ImportResult(format=None, problems=(ImportProblem(ImportProblemKind.NO_SERVERS),))
    found = _find_servers(document)
    if found is None:
        return ImportResult(format=None, problems=(ImportProblem(ImportProblemKind.NO_SERVERS),))
    format, entries = found
    servers: list[ServerConfig] = []
    problems: list[ImportProblem] = []
    for name, entry in entries.items():
        server, entry_problems = _server(str(name), entry)
        problems.extend(entry_problems)
        if server is not None:
            servers.append(server)
    return ImportResult(format=format, servers=tuple(servers), problems=tuple(problems))


def export_mcp_servers(servers: Sequence[ServerConfig]) -> str:
    """The servers as `{"mcpServers": ...}` JSON; secret values are left empty."""
    entries: dict[str, dict[str, Any]] = {}
    for server in servers:
        entry: dict[str, Any]
        if server.transport == "stdio":
            entry = {"command": server.command, "args": list(server.args)}
            if server.env:
                entry["env"] = _blank_secrets(server.env, server.secret_names)
            if server.cwd:
                entry["cwd"] = server.cwd
        else:
            entry = {"type": server.transport, "url": server.url}
            if server.headers:
                entry["headers"] = _blank_secrets(server.headers, server.secret_names)
        if not server.enabled:
            entry["disabled"] = True
        if server.call_timeout != DEFAULT_CALL_TIMEOUT:
            entry["timeout"] = server.call_timeout
        entries[server.name] = entry
    return json.dumps({"mcpServers": entries}, indent=2, ensure_ascii=False) + "\n"


def _blank_secrets(values: Mapping[str, str], secret_names: frozenset[str]) -> dict[str, str]:
    return {name: "" if name in secret_names else value for name, value in values.items()}


def _load(text: str) -> tuple[Any, str | None]:
    stripped = text.strip().lstrip("\ufeff")
    attempts = [stripped, _without_comments(stripped)]
    # A `"name": {...}` pair copied without its braces (as READMEs show it).
    if stripped.startswith('"'):
        attempts.append("{" + _without_comments(stripped).rstrip().rstrip(",") + "}")
    first_error: json.JSONDecodeError | None = None
    for attempt in attempts:
        try:
            return json.loads(attempt), None
        except json.JSONDecodeError as error:
            first_error = first_error or error
    assert first_error is not None
    return None, f"line {first_error.lineno}, column {first_error.colno}: {first_error.msg}"


def _without_comments(text: str) -> str:
    """JSONC to JSON: // and /* */ comments outside strings removed, trailing commas dropped."""
    out: list[str] = []
    i = 0
    in_string = False
    while i < len(text):
        char = text[i]
        if in_string:
            out.append(char)
            if char == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        else:
            out.append(char)
        i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def _find_servers(document: dict[str, Any]) -> tuple[ConfigFormat, dict[str, Any]] | None:
    if isinstance(document.get("mcpServers"), dict):
        return ConfigFormat.CLAUDE_DESKTOP, document["mcpServers"]
    if isinstance(document.get("servers"), dict):
        return ConfigFormat.VS_CODE, document["servers"]
    mcp = document.get("mcp")
    if isinstance(mcp, dict) and isinstance(mcp.get("servers"), dict):
        return ConfigFormat.VS_CODE, mcp["servers"]
    if document and all(
        isinstance(entry, dict) and ("command" in entry or "url" in entry) for entry in document.values()
    ):
        return ConfigFormat.BARE, document
    return None


def _server(name: str, entry: Any) -> tuple[ServerConfig | None, list[ImportProblem]]:
    if not name.strip():
        return None, [ImportProblem(ImportProblemKind.EMPTY_NAME)]
    if not isinstance(entry, dict):
        return None, [ImportProblem(ImportProblemKind.NOT_AN_OBJECT, name)]
    problems: list[ImportProblem] = []
    kind = entry.get("type", entry.get("transport"))
    if kind is None:
        transport: Transport = (
            "stdio" if "command" in entry else ("sse" if _ends_sse(entry.get("url")) else "http")
        )
    elif isinstance(kind, str) and kind.lower() in _TYPES:
        transport = _TYPES[kind.lower()]
    else:
        return None, [ImportProblem(ImportProblemKind.UNKNOWN_TYPE, name, str(kind))]
    try:
        env = _strings(entry, "env")
        headers = _strings(entry, "headers")
        args = _string_list(entry, "args")
        command = _string(entry, "command")
        url = _string(entry, "url")
        cwd = _string(entry, "cwd") or None
        timeout = _timeout(entry)
    except _BadField as bad:
        return None, [ImportProblem(ImportProblemKind.BAD_FIELD, name, bad.field)]
    if (transport == "stdio" and not command.strip()) or (transport != "stdio" and not url.strip()):
        return None, [ImportProblem(ImportProblemKind.NO_COMMAND_OR_URL, name)]
    secret_names = {key for key in (*env, *headers) if looks_secret(key)}
    for values in (env, headers):
        for key, value in values.items():
            if _VS_CODE_INPUT.search(value):
                # Asked for by VS Code when the server starts: here it is a secret the user fills in.
                values[key] = ""
                secret_names.add(key)
                problems.append(ImportProblem(ImportProblemKind.NEEDS_INPUT, name, key))
    if "envFile" in entry:
        problems.append(ImportProblem(ImportProblemKind.NEEDS_INPUT, name, "envFile"))
    disabled = entry.get("disabled", False)
    server = ServerConfig(
        name=name.strip(),
        transport=transport,
        command=command.strip() if transport == "stdio" else "",
        args=tuple(args) if transport == "stdio" else (),
        env=env if transport == "stdio" else {},
        cwd=cwd if transport == "stdio" else None,
        url=url.strip() if transport != "stdio" else "",
        headers=headers if transport != "stdio" else {},
        secret_names=frozenset(secret_names),
        enabled=disabled is not True,
        call_timeout=timeout,
    )
    return server, problems


class _BadField(Exception):
    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _string(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _BadField(key)
    return value


def _string_list(entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str | int | float) for item in value):
        raise _BadField(key)
    return [str(item) for item in value]


def _strings(entry: dict[str, Any], key: str) -> dict[str, str]:
    value = entry.get(key, {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _BadField(key)
    out: dict[str, str] = {}
    for name, item in value.items():
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise _BadField(f"{key}.{name}")
        out[str(name)] = str(item)
    return out


def _timeout(entry: dict[str, Any]) -> float:
    value = entry.get("timeout", DEFAULT_CALL_TIMEOUT)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _BadField("timeout")
    return float(value)  # seconds, as Cline writes it


def _ends_sse(url: object) -> bool:
    return isinstance(url, str) and url.rstrip("/").endswith("/sse")

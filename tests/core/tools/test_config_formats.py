"""Reading MCP server configurations as Claude desktop, VS Code and READMEs write them, and writing
`mcpServers` back: every entry either imported or named in a typed problem, secrets never exported."""

from __future__ import annotations

import json

from core.model.tools import ServerConfig
from core.tools.config_formats import (
    ConfigFormat,
    ImportProblem,
    ImportProblemKind,
    export_mcp_servers,
    parse_config,
)

CLAUDE_DESKTOP = """{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"]
    },
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_example", "LOG_LEVEL": "info"}
    },
    "remote": {"type": "http", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer x"}}
  },
  "globalShortcut": "Ctrl+Space"
}"""

VS_CODE = """{
  // Inputs are prompted on first server start, then stored securely by VS Code.
  "inputs": [
    {"type": "promptString", "id": "perplexity-key", "description": "Perplexity API Key", "password": true}
  ],
  "servers": {
    "Perplexity": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "server-perplexity-ask"],
      "env": {"PERPLEXITY_API_KEY": "${input:perplexity-key}"},
    },
    /* a remote one */
    "fetch": {"type": "sse", "url": "http://localhost:3000/sse"},
    "gh": {"type": "http", "url": "https://api.githubcopilot.com/mcp/"},
  }
}"""


def test_claude_desktop_config_imports_every_server_with_secrets_marked():
    result = parse_config(CLAUDE_DESKTOP)
    assert result.format is ConfigFormat.CLAUDE_DESKTOP and result.problems == ()
    filesystem, github, remote = result.servers
    assert filesystem == ServerConfig(
        name="filesystem",
        command="npx",
        args=("-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"),
    )
    assert github.env == {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_example", "LOG_LEVEL": "info"}
    assert github.secret_names == frozenset({"GITHUB_PERSONAL_ACCESS_TOKEN"})
    assert (remote.transport, remote.url, remote.secret_names) == (
        "http",
        "https://mcp.example.com/mcp",
        frozenset({"Authorization"}),
    )
    assert not any(server.trusted for server in result.servers)


def test_vs_code_mcp_json_with_comments_trailing_commas_and_inputs():
    result = parse_config(VS_CODE)
    assert result.format is ConfigFormat.VS_CODE
    perplexity, fetch, gh = result.servers
    assert perplexity.env == {"PERPLEXITY_API_KEY": ""}
    assert perplexity.secret_names == frozenset({"PERPLEXITY_API_KEY"})
    assert result.problems == (
        ImportProblem(ImportProblemKind.NEEDS_INPUT, "Perplexity", "PERPLEXITY_API_KEY"),
    )
    assert (fetch.transport, fetch.url) == ("sse", "http://localhost:3000/sse")
    assert (gh.transport, gh.url) == ("http", "https://api.githubcopilot.com/mcp/")


def test_vs_code_settings_json_mcp_section():
    result = parse_config(
        '{"editor.fontSize": 13, "mcp": {"servers": {"t": {"command": "uvx", "args": ["x"]}}}}'
    )
    assert result.format is ConfigFormat.VS_CODE and [s.name for s in result.servers] == ["t"]


def test_pasted_snippets_the_inner_mapping_or_a_pair_without_braces():
    inner = parse_config('{"time": {"command": "uvx", "args": ["mcp-server-time"]}}')
    assert inner.format is ConfigFormat.BARE and inner.servers[0].args == ("mcp-server-time",)
    pair = parse_config(
        '"time": {\n  "command": "uvx",\n  "args": ["mcp-server-time", "--local-timezone=Europe/Oslo"]\n},'
    )
    assert pair.servers[0].name == "time" and pair.servers[0].args[1] == "--local-timezone=Europe/Oslo"
    # A URL ending in /sse with no type is the legacy transport; any other URL is Streamable HTTP.
    remote = parse_config('{"a": {"url": "http://h/sse"}, "b": {"url": "http://h/mcp"}}')
    assert [s.transport for s in remote.servers] == ["sse", "http"]


def test_bad_input_gets_typed_problems_and_good_entries_still_import():
    broken = parse_config('{"mcpServers": {"a": {"command": "x",}')
    assert broken.servers == () and broken.problems[0].kind is ImportProblemKind.NOT_JSON
    assert "line 1" in broken.problems[0].detail

    assert parse_config('{"hello": "world"}').problems == (ImportProblem(ImportProblemKind.NO_SERVERS),)
    assert parse_config("[1, 2]").problems == (ImportProblem(ImportProblemKind.NO_SERVERS),)

    mixed = parse_config(
        json.dumps(
            {
                "mcpServers": {
                    "good": {"command": "ok"},
                    "list": ["not", "an", "object"],
                    "nothing": {"env": {}},
                    "args": {"command": "x", "args": "--flag"},
                    "env": {"command": "x", "env": {"A": ["b"]}},
                    "kind": {"type": "websocket", "url": "ws://h"},
                    "timeout": {"command": "x", "timeout": -1},
                    "": {"command": "x"},
                }
            }
        )
    )
    assert [s.name for s in mixed.servers] == ["good"]
    assert mixed.problems == (
        ImportProblem(ImportProblemKind.NOT_AN_OBJECT, "list"),
        ImportProblem(ImportProblemKind.NO_COMMAND_OR_URL, "nothing"),
        ImportProblem(ImportProblemKind.BAD_FIELD, "args", "args"),
        ImportProblem(ImportProblemKind.BAD_FIELD, "env", "env.A"),
        ImportProblem(ImportProblemKind.UNKNOWN_TYPE, "kind", "websocket"),
        ImportProblem(ImportProblemKind.BAD_FIELD, "timeout", "timeout"),
        ImportProblem(ImportProblemKind.EMPTY_NAME),
    )


def test_export_round_trips_and_leaves_secret_values_empty():
    servers = [
        ServerConfig(
            name="github",
            command="docker",
            args=("run", "-i"),
            env={"TOKEN": "ghp_secret", "LEVEL": "info"},
            secret_names=frozenset({"TOKEN"}),
            cwd="/tmp",
        ),
        ServerConfig(
            name="remote",
            transport="http",
            url="https://h/mcp",
            headers={"Authorization": "Bearer abc"},
            secret_names=frozenset({"Authorization"}),
            enabled=False,
            call_timeout=120,
        ),
    ]
    text = export_mcp_servers(servers)
    assert "ghp_secret" not in text and "Bearer abc" not in text
    assert json.loads(text)["mcpServers"]["github"]["env"] == {"TOKEN": "", "LEVEL": "info"}
    back = parse_config(text)
    assert back.format is ConfigFormat.CLAUDE_DESKTOP and back.problems == ()
    github, remote = back.servers
    assert (github.command, github.args, github.cwd, github.secret_names) == (
        "docker",
        ("run", "-i"),
        "/tmp",
        frozenset({"TOKEN"}),
    )
    assert (remote.transport, remote.url, remote.enabled, remote.call_timeout) == (
        "http",
        "https://h/mcp",
        False,
        120,
    )

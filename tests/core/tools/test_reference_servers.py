"""The hub against MCP servers nobody here wrote, from PyPI: mcp-server-time, mcp-server-fetch (fetching a
page from a local HTTP server) and mcp-server-git (on a temporary repository)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import web

from core.model.tools import ServerConfig, ServerState
from core.tools.hub import ToolHub

BIN = Path(sys.executable).parent


def text(outcome) -> str:
    return "".join(block["text"] for block in outcome.content if block["type"] == "text")


@pytest.fixture
async def hub() -> AsyncIterator[ToolHub]:
    hub = ToolHub(start_timeout=60)
    yield hub
    await hub.close()


async def test_mcp_server_time_tells_the_time(hub):
    await hub.configure([ServerConfig(name="time", command=str(BIN / "mcp-server-time"))])
    assert hub.statuses()[0].state is ServerState.READY
    spec = hub.find("get_current_time")
    assert spec is not None and "timezone" in spec.input_schema["properties"]
    outcome = await hub.call(spec, {"timezone": "UTC"})
    assert not outcome.is_error, text(outcome)
    answer = json.loads(text(outcome))
    told = datetime.fromisoformat(answer["datetime"])
    assert answer["timezone"] == "UTC" and abs((told - datetime.now(UTC)).total_seconds()) < 120

    wrong = await hub.call(spec, {"timezone": "Mars/Olympus_Mons"})
    assert wrong.is_error and "Mars/Olympus_Mons" in text(wrong)


async def test_mcp_server_fetch_reads_a_local_page(hub):
    page = "<html><head><title>Fjord</title></head><body><p>The water is 7 degrees.</p></body></html>"

    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nAllow: /\n")

    app = web.Application()
    app.router.add_get("/report", handler)
    app.router.add_get("/robots.txt", robots)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        url = f"http://127.0.0.1:{port}/report"
        fetch = ServerConfig(name="fetch", command=str(BIN / "mcp-server-fetch"), call_timeout=60)
        await hub.configure([fetch])
        assert hub.statuses()[0].state is ServerState.READY, hub.statuses()
        spec = hub.find("fetch")
        assert spec is not None
        # By default it refuses loopback addresses: the refusal is the tool's error, in its words.
        refused = await hub.call(spec, {"url": url})
        assert refused.is_error and "--allow-private-ips" in text(refused)

        await hub.configure([replace(fetch, args=("--allow-private-ips",))])
        spec = hub.find("fetch")
        assert spec is not None
        outcome = await hub.call(spec, {"url": url})
        assert not outcome.is_error, text(outcome)
        assert "The water is 7 degrees." in text(outcome)
    finally:
        await runner.cleanup()


async def test_mcp_server_git_reads_a_temporary_repository(hub, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "notes.txt").write_text("first line\n")
    subprocess.run([*git, "add", "notes.txt"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Add the notes about the fjord"], check=True)
    (repo / "notes.txt").write_text("first line\nsecond line\n")

    await hub.configure(
        [ServerConfig(name="git", command=str(BIN / "mcp-server-git"), args=("--repository", str(repo)))]
    )
    assert hub.statuses()[0].state is ServerState.READY, hub.statuses()
    log = hub.find("git_log")
    diff = hub.find("git_diff_unstaged")
    assert log is not None and diff is not None
    assert "Add the notes about the fjord" in text(await hub.call(log, {"repo_path": str(repo)}))
    assert "+second line" in text(await hub.call(diff, {"repo_path": str(repo)}))
    # Outside the repository it was given, the server refuses, and says so.
    outside = await hub.call(log, {"repo_path": str(tmp_path)})
    assert outside.is_error

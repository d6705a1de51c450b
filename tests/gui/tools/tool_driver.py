"""The real app with MCP servers configured, as a user who added them would have it: the servers (and any
remembered rules) are in the database before the app starts, and the app starts them itself."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from core.api.keys import KeyStore
from core.demo import FakeServer
from core.model.tools import ApprovalRule, ServerConfig, ServerState
from core.store import paths
from core.store.repository import Store
from tests.core.tools.servers import faulty
from tests.gui.conftest import wait_until
from tests.gui.driver import Running, start

__all__ = ["busy", "faulty", "request_results", "start_with_servers", "time_server"]


def time_server() -> ServerConfig:
    """mcp-server-time from PyPI, over stdio, in UTC."""
    return ServerConfig(
        "time", command=sys.executable, args=("-m", "mcp_server_time", "--local-timezone", "UTC")
    )


async def start_with_servers(
    qapp: QApplication,
    data_dir: Path,
    server: FakeServer,
    configs: Sequence[ServerConfig],
    *,
    rules: Sequence[ApprovalRule] = (),
    keys: KeyStore | None = None,
) -> Running:
    """Save the servers and rules, start the app, and wait until every configured server is ready."""
    store = Store.open(paths.database_path(data_dir))
    try:
        for config in configs:
            store.save_mcp_server(config)
        for rule in rules:
            store.add_tool_rule(rule)
        names = [config.name for config in store.list_mcp_servers() if config.enabled]
    finally:
        store.close()
    app = await start(qapp, data_dir, server, keys)
    await wait_until(lambda: ready_servers(app) >= set(names), what=f"the servers {names} ready", timeout=30)
    return app


def ready_servers(app: Running) -> set[str]:
    hub = app.app.tool_hub
    if hub is None:
        return set()
    return {status.name for status in hub.statuses() if status.state is ServerState.READY}


def busy(app: Running) -> bool:
    """Whether the conversation shown is still replying or running its tools."""
    conversation = app.window.current_conversation()
    return conversation is not None and app.app.session.is_replying(conversation.id)


def request_results(body: Any) -> list[tuple[str, str, bool]]:
    """The tool results a request carried in its last turn: (tool_use id, text, is_error)."""
    results = []
    for block in body["messages"][-1]["content"]:
        if block.get("type") != "tool_result":
            continue
        content = block.get("content", "")
        text = (
            content
            if isinstance(content, str)
            else "".join(item.get("text", "") for item in content if item.get("type") == "text")
        )
        results.append((block["tool_use_id"], text, bool(block.get("is_error"))))
    return results

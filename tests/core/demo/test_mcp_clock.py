"""The demo's MCP clock, spoken to by the real MCP SDK through the hub, and with the demo model through the
tool loop: the offline demo asks the time and gets it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import ChatSession
from core.demo import FakeServer
from core.demo.mcp_clock import demo_clock_server, reading
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.model.tools import RunStatus, ServerState
from core.store.worker import StoreWorker
from core.tools.hub import ToolHub
from tests.core.chat.test_tool_loop import KEY, Events, Keys, User, result_blocks, result_text, user_text


def test_a_reading_names_the_zone_the_time_and_the_day() -> None:
    moment = datetime(2026, 12, 2, 4, 30, tzinfo=UTC)
    assert reading("Asia/Shanghai", moment) == {
        "timezone": "Asia/Shanghai",
        "datetime": "2026-12-02T12:30:00+08:00",
        "day_of_week": "Wednesday",
    }


async def test_the_sdk_lists_and_calls_the_clock() -> None:
    hub = ToolHub()
    try:
        await hub.configure([demo_clock_server()])
        [status] = hub.statuses()
        assert (status.state, status.tool_count) == (ServerState.READY, 1)
        [spec] = hub.tools()
        assert spec.annotations.read_only is True and spec.schema_problem is None
        outcome = await hub.call(spec, {"timezone": "Europe/Paris"})
        assert outcome.problem is None and not outcome.is_error
        assert json.loads(outcome.content[0]["text"])["timezone"] == "Europe/Paris"
        refused = await hub.call(spec, {"timezone": "Mars/Olympus"})
        assert refused.is_error and "Mars/Olympus" in refused.content[0]["text"]
    finally:
        await hub.close()


async def test_the_offline_demo_asks_the_time_and_reads_the_clock_out(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "demo.sqlite3")
        clients = ClientPool(Keys(), [Profile("Demo", server.base_url)], retry=RetryPolicy(max_retries=0))
        hub = ToolHub()
        await hub.configure([demo_clock_server()])
        events, user = Events(), User()
        session = ChatSession(store, clients, events, tools=hub, approver=user)
        settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
        conversation = await store.call(lambda s: s.create_conversation(settings, "Demo"))
        try:
            final = await session.send(conversation.id, user_text("现在几点？"))
            path = await store.call(lambda s: s.current_path(conversation.id))
        finally:
            await session.close()
            await hub.close()
            await clients.aclose()
            await store.close()
    assert user.asked == []  # trusted and read-only: it runs unasked
    assert [run.status for run in path[1].tool_runs] == [RunStatus.DONE]
    answer = json.loads(result_text(result_blocks(path[2])[0]))
    assert answer["timezone"] == "UTC"
    assert answer["datetime"][:10] in final.content[-1]["text"]

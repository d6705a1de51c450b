"""Compare columns with MCP tools: the demo model in each column asks the time, a real MCP server answers,
identical calls of one send are approved once for all columns, and the run follows each loop to its end."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.tool_loop import ApprovalAnswer, ApprovalRequest
from core.compare.session import CompareSession
from core.demo import FakeServer
from core.model.compare_run import ColumnMetrics
from core.model.conversation import StoredMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.model.tools import Decision, RunStatus, ServerConfig, ToolRun
from core.store.worker import StoreWorker
from core.tools.hub import ToolHub
from core.wire.accumulate import StreamUpdate

KEY = "sk-compare-tools-key-0123456789"
# Not trusted: every call asks, so the test sees how many prompts a send makes.
TIME_SERVER = ServerConfig("time", command=sys.executable, args=("-m", "mcp_server_time"))


@dataclass
class Events:
    started: list[tuple[int, int]] = field(default_factory=list)
    finished: list[tuple[int, StoredMessage, ColumnMetrics]] = field(default_factory=list)
    runs: list[tuple[int, ToolRun]] = field(default_factory=list)

    def column_started(self, run_id: int, column: int, reply: StoredMessage) -> None:
        self.started.append((column, reply.id))

    def column_updated(self, run_id: int, column: int, update: StreamUpdate) -> None:
        pass

    def column_finished(
        self, run_id: int, column: int, message: StoredMessage, metrics: ColumnMetrics
    ) -> None:
        self.finished.append((column, message, metrics))

    def tool_run_changed(self, run_id: int, column: int, reply_id: int, run: ToolRun) -> None:
        self.runs.append((column, run))


class User:
    def __init__(self) -> None:
        self.asked: list[ApprovalRequest] = []

    async def approve(self, request: ApprovalRequest) -> ApprovalAnswer:
        self.asked.append(request)
        return ApprovalAnswer(Decision.ALLOW)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    session: CompareSession
    events: Events
    user: User
    conversation_id: int


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "compare-tools.sqlite3")
        clients = ClientPool(Keys(), [Profile("Demo", server.base_url)], retry=RetryPolicy(max_retries=0))
        hub = ToolHub()
        await hub.configure([TIME_SERVER])
        events, user = Events(), User()
        session = CompareSession(store, clients, events, save_interval=0.05, tools=hub, approver=user)
        settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
        conversation = await store.call(lambda s: s.create_conversation(settings, "Demo"))
        try:
            yield Setup(server, store, session, events, user, conversation.id)
        finally:
            await session.close()
            await hub.close()
            await clients.aclose()
            await store.close()


def columns(*temperatures: float) -> list[tuple[str | None, RequestSettings]]:
    return [
        ("Demo", RequestSettings(model="claude-sonnet-4-6", max_tokens=2048, temperature=t))
        for t in temperatures
    ]


async def test_identical_calls_of_one_send_are_asked_once_and_every_column_answers(setup: Setup) -> None:
    run = await setup.session.start(setup.conversation_id, columns(0.0, 0.5, 1.0), "What time is it?")
    finals = await setup.session.wait(run.id)

    # Three columns, one identical call each: one prompt.
    assert len(setup.user.asked) == 1
    assert len(setup.server.requests) == 6  # each column: the call, then the answer
    assert all(reply.stop_reason == "end_turn" for reply in finals)
    done = [run for _, run in setup.events.runs if run.status is RunStatus.DONE]
    assert len(done) == 3
    # Each column's round was measured over both of its requests.
    by_column = {column: metrics for column, _, metrics in setup.events.finished}
    assert all(metrics.input_tokens and metrics.input_tokens > 0 for metrics in by_column.values())

    loaded, messages = await setup.session.load(run.id)
    shown = [messages[column.reply_ids[0]] for column in loaded.columns]
    assert all(message.stop_reason == "end_turn" for message in shown), "reopening shows the answers"
    first_replies = await setup.store.call(
        lambda s: [s.get_message(column.reply_ids[0]) for column in loaded.columns]
    )
    assert all(reply.tool_runs and reply.tool_runs[0].status is RunStatus.DONE for reply in first_replies)


async def test_continuing_with_a_column_and_a_follow_up_go_on_from_the_loops_end(setup: Setup) -> None:
    run = await setup.session.start(setup.conversation_id, columns(0.0, 1.0), "What time is it?")
    finals = await setup.session.wait(run.id)
    follow = await setup.session.follow_up(run.id, "Thanks!")
    await setup.session.wait(follow.id)
    second_round_prompts = await setup.store.call(
        lambda s: [s.path_to(column.reply_ids[1])[-2] for column in s.get_compare_run(run.id).columns]
    )
    assert [prompt.parent_id for prompt in second_round_prompts] == [final.id for final in finals]

    await setup.session.continue_with(run.id, 1)
    path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
    assert [m.role for m in path] == ["user", "assistant", "user", "assistant", "user", "assistant"]
    assert path[3].id == finals[1].id

"""The tool loop against real things: the fake model server (demo model or scripted), a real SQLite file,
and real MCP servers in subprocesses (mcp-server-time from PyPI, and the project's own faulty test server).

The approver stands in for the user at the approval prompt: it answers what the test scripted, and records
what it was asked.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import ChatSession
from core.chat.tool_loop import DECLINED, ApprovalAnswer, ApprovalRequest
from core.demo import FakeServer, Reply, Text, ToolUse
from core.model.conversation import StoredMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.model.tools import (
    ApprovalRule,
    Decision,
    RunProblem,
    RunStatus,
    Scope,
    ServerConfig,
    ToolRun,
)
from core.store.worker import StoreWorker
from core.tools.hub import ToolHub
from core.wire.accumulate import StreamUpdate
from core.wire.errors import ApiError
from tests.waiting import wait_until

KEY = "sk-tool-loop-test-key-0123456789"
FAULTY = Path(__file__).resolve().parents[2] / "mcp_servers" / "faulty.py"
TIME_SERVER = ServerConfig("time", command=sys.executable, args=("-m", "mcp_server_time"), trusted=True)


def faulty_server(name: str = "faulty", *, trusted: bool = False) -> ServerConfig:
    return ServerConfig(name, command=sys.executable, args=(str(FAULTY),), trusted=trusted, call_timeout=20)


@dataclass
class Events:
    finished: list[StoredMessage] = field(default_factory=list)
    runs: list[tuple[int, ToolRun]] = field(default_factory=list)

    def reply_started(self, path: list[StoredMessage], message: StoredMessage) -> None:
        pass

    def reply_updated(self, message_id: int, update: StreamUpdate) -> None:
        pass

    def reply_retrying(self, message_id: int, error: ApiError, wait: float, attempt: int) -> None:
        pass

    def reply_finished(self, message: StoredMessage) -> None:
        self.finished.append(message)

    def conversation_changed(self, conversation_id: int) -> None:
        pass

    def tool_run_changed(self, reply_id: int, run: ToolRun) -> None:
        self.runs.append((reply_id, run))

    def statuses(self, tool_use_id: str) -> list[RunStatus]:
        seen: list[RunStatus] = []
        for _, run in self.runs:
            if run.tool_use_id == tool_use_id and (not seen or seen[-1] is not run.status):
                seen.append(run.status)
        return seen


class User:
    """The person at the approval prompt: answers in order; with `hold`, keeps the prompt open."""

    def __init__(self, *answers: ApprovalAnswer, hold: bool = False) -> None:
        self.answers = list(answers)
        self.asked: list[ApprovalRequest] = []
        self.hold = hold

    async def approve(self, request: ApprovalRequest) -> ApprovalAnswer:
        self.asked.append(request)
        if self.hold:
            await asyncio.Event().wait()
        return self.answers.pop(0)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@dataclass
class Loop:
    server: FakeServer
    store: StoreWorker
    hub: ToolHub
    events: Events
    user: User
    session: ChatSession
    conversation_id: int

    async def conversation(self, settings: RequestSettings | None = None) -> int:
        settings = settings or RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
        created = await self.store.call(lambda s: s.create_conversation(settings, "Demo"))
        return created.id

    async def path(self, conversation_id: int | None = None) -> list[StoredMessage]:
        wanted = self.conversation_id if conversation_id is None else conversation_id
        return await self.store.call(lambda s: s.current_path(wanted))

    def sent_messages(self, index: int) -> list[dict[str, Any]]:
        return self.server.requests[index].body["messages"]  # type: ignore[index,no-any-return]


@pytest.fixture
async def loop(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Loop]:
    servers: list[ServerConfig] = getattr(request, "param", [TIME_SERVER])
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "loop.sqlite3")
        clients = ClientPool(Keys(), [Profile("Demo", server.base_url)], retry=RetryPolicy(max_retries=0))
        hub = ToolHub()
        await hub.configure(servers)
        events = Events()
        user = User()
        session = ChatSession(store, clients, events, save_interval=0.1, tools=hub, approver=user)
        settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
        conversation = await store.call(lambda s: s.create_conversation(settings, "Demo"))
        try:
            yield Loop(server, store, hub, events, user, session, conversation.id)
        finally:
            await session.close()
            await hub.close()
            await clients.aclose()
            await store.close()


def user_text(text: str) -> list[dict[str, Any]]:
    return [{"type": "text", "text": text}]


def result_blocks(message: StoredMessage) -> list[dict[str, Any]]:
    return [block for block in message.content if block.get("type") == "tool_result"]


def result_text(block: dict[str, Any]) -> str:
    content = block.get("content")
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content or [] if part.get("type") == "text")


async def test_the_demo_asks_the_time_and_the_loop_runs_mcp_server_time_unasked(loop: Loop) -> None:
    """A trusted server's read-only tool runs without a prompt; the model gets its result and answers."""
    final = await loop.session.send(loop.conversation_id, user_text("What time is it?"))

    path = await loop.path()
    assert [m.role for m in path] == ["user", "assistant", "user", "assistant"]
    call, results, answer = path[1], path[2], path[3]
    assert final.id == answer.id and answer.status == "complete" and answer.stop_reason == "end_turn"
    tool_use = next(block for block in call.content if block.get("type") == "tool_use")
    assert tool_use["name"] in ("get_current_time", "convert_time")
    [block] = result_blocks(results)
    assert block["tool_use_id"] == tool_use["id"] and not block.get("is_error")
    reading = json.loads(result_text(block))
    assert reading["timezone"] == "UTC" and "datetime" in reading
    # The demo model quotes what the tool said; the second request carried the result.
    assert reading["datetime"][:10] in answer.content[-1]["text"]
    assert loop.sent_messages(1)[-1]["content"][0]["tool_use_id"] == tool_use["id"]
    offered = {tool["name"] for tool in loop.server.requests[0].body["tools"]}  # type: ignore[index]
    assert {"get_current_time", "convert_time"} <= offered
    # Nobody was asked; the call's card went running -> done and was saved with the reply.
    assert loop.user.asked == []
    assert loop.events.statuses(tool_use["id"]) == [RunStatus.RUNNING, RunStatus.DONE]
    [run] = call.tool_runs
    assert (run.server, run.tool, run.status) == ("time", tool_use["name"], RunStatus.DONE)
    assert run.duration is not None and run.arguments == tool_use["input"]
    assert not loop.session.is_replying(loop.conversation_id)
    assert loop.events.finished[-1].id == answer.id


@pytest.mark.parametrize("loop", [[faulty_server()]], indirect=True)
async def test_an_untrusted_servers_tool_asks_and_a_denial_reaches_the_model(loop: Loop) -> None:
    loop.user.answers = [ApprovalAnswer(Decision.DENY)]
    loop.server.enqueue(
        Reply([Text("Echoing."), ToolUse("echo", {"text": "hi"})]), Reply([Text("Understood.")])
    )
    await loop.session.send(loop.conversation_id, user_text("echo hi"))

    [asked] = loop.user.asked
    assert (asked.spec.server, asked.spec.name, dict(asked.arguments), asked.trusted) == (
        "faulty",
        "echo",
        {"text": "hi"},
        False,
    )
    path = await loop.path()
    [block] = result_blocks(path[2])
    assert block["is_error"] is True and result_text(block) == DECLINED == "The user declined this tool call."
    assert path[1].tool_runs[0].status is RunStatus.DENIED
    # The card said it waited for the user, then that the call was declined.
    assert loop.events.statuses(path[1].tool_runs[0].tool_use_id) == [RunStatus.WAITING, RunStatus.DENIED]
    assert path[3].content == [{"type": "text", "text": "Understood."}]
    assert await loop.store.call(lambda s: s.tool_rules()) == []  # "this call" only


@pytest.mark.parametrize("loop", [[faulty_server()]], indirect=True)
async def test_allowed_for_the_conversation_is_not_asked_again_there_but_is_elsewhere(loop: Loop) -> None:
    loop.user.answers = [ApprovalAnswer(Decision.ALLOW, Scope.CONVERSATION), ApprovalAnswer(Decision.ALLOW)]
    echo = Reply([ToolUse("echo", {"text": "one"})])
    loop.server.enqueue(
        echo, Reply([Text("1")]), Reply([ToolUse("echo", {"text": "two"})]), Reply([Text("2")])
    )
    await loop.session.send(loop.conversation_id, user_text("first"))
    await loop.session.send(loop.conversation_id, user_text("second"))
    assert len(loop.user.asked) == 1
    path = await loop.path()
    assert [result_text(b) for m in path for b in result_blocks(m)] == ["one", "two"]
    [rule] = await loop.store.call(lambda s: s.tool_rules())
    assert (rule.server, rule.tool, rule.decision) == ("faulty", "echo", Decision.ALLOW)
    assert rule.conversation_id == loop.conversation_id

    other = await loop.conversation()
    loop.server.enqueue(Reply([ToolUse("echo", {"text": "three"})]), Reply([Text("3")]))
    await loop.session.send(other, user_text("elsewhere"))
    assert len(loop.user.asked) == 2


@pytest.mark.parametrize("loop", [[faulty_server()]], indirect=True)
async def test_a_deny_rule_refuses_without_asking(loop: Loop) -> None:
    await loop.store.call(lambda s: s.add_tool_rule(ApprovalRule("faulty", None, Decision.DENY)))
    loop.server.enqueue(Reply([ToolUse("echo", {"text": "x"})]), Reply([Text("ok")]))
    await loop.session.send(loop.conversation_id, user_text("go"))
    assert loop.user.asked == []
    path = await loop.path()
    assert result_text(result_blocks(path[2])[0]) == DECLINED


async def test_a_tool_that_does_not_exist_is_answered_with_an_error_unasked(loop: Loop) -> None:
    loop.server.enqueue(Reply([ToolUse("get_weather_on_mars", {})]), Reply([Text("Sorry.")]))
    await loop.session.send(loop.conversation_id, user_text("weather on mars?"))
    path = await loop.path()
    [block] = result_blocks(path[2])
    assert block["is_error"] is True and "get_weather_on_mars" in result_text(block)
    run = path[1].tool_runs[0]
    assert (run.server, run.status) == (None, RunStatus.FAILED)
    assert run.outcome is not None and run.outcome.problem is RunProblem.NO_SUCH_TOOL
    assert loop.user.asked == [] and len(loop.server.requests) == 2


async def test_arguments_the_schema_refuses_are_answered_with_an_error(loop: Loop) -> None:
    loop.server.enqueue(Reply([ToolUse("get_current_time", {"timezone": 42})]), Reply([Text("Oops.")]))
    await loop.session.send(loop.conversation_id, user_text("time?"))
    path = await loop.path()
    [block] = result_blocks(path[2])
    assert block["is_error"] is True
    assert "timezone" in result_text(block) and "string" in result_text(block)
    run = path[1].tool_runs[0]
    assert run.status is RunStatus.FAILED and run.outcome is not None
    assert run.outcome.problem is RunProblem.INVALID_ARGUMENTS
    assert path[3].content == [{"type": "text", "text": "Oops."}]


async def test_parallel_calls_each_get_their_result_in_order(loop: Loop) -> None:
    tokyo = ToolUse("get_current_time", {"timezone": "Asia/Tokyo"})
    paris = ToolUse("get_current_time", {"timezone": "Europe/Paris"})
    loop.server.enqueue(Reply([tokyo, paris]), Reply([Text("Both.")]))
    await loop.session.send(loop.conversation_id, user_text("Tokyo and Paris?"))
    path = await loop.path()
    blocks = result_blocks(path[2])
    assert [b["tool_use_id"] for b in blocks] == [tokyo.id, paris.id]
    assert [json.loads(result_text(b))["timezone"] for b in blocks] == ["Asia/Tokyo", "Europe/Paris"]
    assert [run.status for run in path[1].tool_runs] == [RunStatus.DONE, RunStatus.DONE]


async def test_the_turns_limit_stops_the_loop_and_says_why(loop: Loop) -> None:
    await loop.store.call(lambda s: s.set_tool_limit(2))  # Preferences: the session reads it at each send
    utc = {"timezone": "UTC"}
    loop.server.enqueue(
        Reply([ToolUse("get_current_time", utc), ToolUse("get_current_time", utc)]),
        Reply([ToolUse("get_current_time", utc), Text("and again")]),
        Reply([Text("never sent")]),
    )
    final = await loop.session.send(loop.conversation_id, user_text("keep asking"))
    assert len(loop.server.requests) == 2
    path = await loop.path()
    assert [m.role for m in path] == ["user", "assistant", "user", "assistant", "user"]
    [refused] = path[3].tool_runs
    assert refused.outcome is not None and refused.outcome.problem is RunProblem.LIMIT_REACHED
    assert result_blocks(path[4])[0]["is_error"] is True
    assert final.id == path[3].id
    assert not loop.session.is_replying(loop.conversation_id)


async def test_a_call_of_a_hand_written_tool_leaves_the_turn_to_the_user(loop: Loop) -> None:
    weather = {"name": "get_weather", "input_schema": {"type": "object"}}
    conversation = await loop.conversation(RequestSettings(model="claude-sonnet-4-6", tools=[weather]))
    loop.server.enqueue(Reply([ToolUse("get_weather", {}), ToolUse("get_current_time", {"timezone": "UTC"})]))
    reply = await loop.session.send(conversation, user_text("weather and time"))
    assert reply.stop_reason == "tool_use" and reply.tool_runs == []
    assert len(loop.server.requests) == 1 and (await loop.path(conversation))[-1].id == reply.id
    sent = {tool["name"] for tool in loop.server.requests[0].body["tools"]}  # type: ignore[index]
    assert {"get_weather", "get_current_time"} <= sent


async def test_a_conversation_offering_no_servers_sends_no_mcp_tools(loop: Loop) -> None:
    conversation = await loop.conversation(RequestSettings(model="claude-sonnet-4-6", mcp_servers=[]))
    reply = await loop.session.send(conversation, user_text("What time is it?"))
    assert "tools" not in loop.server.requests[0].body
    assert reply.stop_reason == "end_turn" and len(loop.server.requests) == 1


@pytest.mark.parametrize("loop", [[faulty_server(trusted=True)]], indirect=True)
async def test_stop_while_a_tool_runs_cancels_it_keeps_what_arrived_and_sends_nothing_more(
    loop: Loop,
) -> None:
    quick = ToolUse("echo", {"text": "arrived"})
    hang = ToolUse("hang", {})
    loop.user.answers = [ApprovalAnswer(Decision.ALLOW), ApprovalAnswer(Decision.ALLOW)]
    loop.server.enqueue(Reply([quick, hang]), Reply([Text("never sent")]))
    task = asyncio.ensure_future(loop.session.send(loop.conversation_id, user_text("go")))
    await wait_until(lambda: RunStatus.RUNNING in loop.events.statuses(hang.id), timeout=20)
    await wait_until(lambda: RunStatus.DONE in loop.events.statuses(quick.id), timeout=20)
    assert loop.session.is_replying(loop.conversation_id)
    loop.session.stop(loop.conversation_id)
    reply = await asyncio.wait_for(task, 10)

    assert len(loop.server.requests) == 1
    path = await loop.path()
    assert [m.role for m in path] == ["user", "assistant", "user"]
    assert [run.status for run in path[1].tool_runs] == [RunStatus.DONE, RunStatus.CANCELLED]
    done, stopped = result_blocks(path[2])
    assert result_text(done) == "arrived" and not done.get("is_error")
    assert stopped["is_error"] is True
    assert reply.id == path[1].id and not loop.session.is_replying(loop.conversation_id)
    # The conversation can go on: the next send carries every call's result.
    loop.server.enqueue(Reply([Text("fine")]))
    await loop.session.send(loop.conversation_id, user_text("next"))
    assert [m["role"] for m in loop.sent_messages(1)] == ["user", "assistant", "user"]


@pytest.mark.parametrize("loop", [[faulty_server()]], indirect=True)
async def test_stop_while_the_prompt_is_open_declines_nothing_and_runs_nothing(loop: Loop) -> None:
    loop.user.hold = True
    call = ToolUse("echo", {"text": "x"})
    loop.server.enqueue(Reply([call]), Reply([Text("never sent")]))
    task = asyncio.ensure_future(loop.session.send(loop.conversation_id, user_text("go")))
    await wait_until(lambda: len(loop.user.asked) == 1, timeout=20)
    loop.session.stop(loop.conversation_id)
    await asyncio.wait_for(task, 10)
    path = await loop.path()
    assert [run.status for run in path[1].tool_runs] == [RunStatus.CANCELLED]
    assert len(loop.server.requests) == 1


@pytest.mark.parametrize("loop", [[faulty_server(trusted=True)]], indirect=True)
async def test_progress_images_and_a_crash_reach_the_cards_and_the_model(loop: Loop) -> None:
    slow = ToolUse("slow", {"steps": 3, "delay": 0.05})
    image = ToolUse("image", {})
    crash = ToolUse("crash", {})
    await loop.store.call(lambda s: s.add_tool_rule(ApprovalRule("faulty", None, Decision.ALLOW)))
    # The crash in a round of its own: it takes down the server, and with it any call running beside it.
    loop.server.enqueue(Reply([slow, image]), Reply([crash]), Reply([Text("Seen it all.")]))
    await loop.session.send(loop.conversation_id, user_text("do things"))

    progress = [run.progress for _, run in loop.events.runs if run.tool_use_id == slow.id and run.progress]
    assert progress and progress[-1].progress == 3 and progress[-1].total == 3
    path = await loop.path()
    slow_result, image_result = result_blocks(path[2])
    assert not slow_result.get("is_error")
    [picture] = image_result["content"]
    assert picture["type"] == "image" and picture["source"]["media_type"] == "image/png"
    assert [run.status for run in path[1].tool_runs] == [RunStatus.DONE, RunStatus.DONE]
    [crash_result] = result_blocks(path[4])
    assert crash_result["is_error"] is True
    [crashed] = path[3].tool_runs
    assert crashed.status is RunStatus.FAILED and crashed.outcome is not None
    assert crashed.outcome.problem is RunProblem.SERVER_CRASHED
    assert path[5].content == [{"type": "text", "text": "Seen it all."}]  # the model was told, and answered


async def test_the_loop_runs_over_the_openai_compatible_route_too(loop: Loop, tmp_path: Path) -> None:
    """MCP tools map to OpenAI functions, their results to tool messages."""
    clients = ClientPool(
        Keys(), [Profile("Chat", loop.server.base_url, api_style="openai")], retry=RetryPolicy(max_retries=0)
    )
    session = ChatSession(loop.store, clients, loop.events, tools=loop.hub, approver=loop.user)
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
    created = await loop.store.call(lambda s: s.create_conversation(settings, "Chat"))
    try:
        final = await session.send(created.id, user_text("What time is it?"))
    finally:
        await session.close()
        await clients.aclose()
    first, second = loop.server.requests
    assert first.path.endswith("/chat/completions")
    functions = {tool["function"]["name"] for tool in first.body["tools"]}  # type: ignore[index]
    assert "get_current_time" in functions
    tool_message = second.body["messages"][-1]  # type: ignore[index]
    assert tool_message["role"] == "tool" and "UTC" in tool_message["content"]
    assert final.stop_reason == "end_turn" and "UTC" in final.content[-1]["text"]


async def test_two_reference_servers_answer_one_reply_side_by_side(loop: Loop, tmp_path: Path) -> None:
    """mcp-server-fetch reads a page from a local HTTP server while mcp-server-git reads a temporary
    repository: both calls of one reply run, each result goes back under its own id."""
    from aiohttp import web

    repo = tmp_path / "repo"
    repo.mkdir()
    for command in (["init", "-q"], ["config", "user.email", "t@example.com"], ["config", "user.name", "T"]):
        await (await asyncio.create_subprocess_exec("git", "-C", str(repo), *command)).wait()
    (repo / "notes.txt").write_text("untracked notes\n")

    app = web.Application()
    page_html = "<h1>Kyoto</h1><p>temples</p>"
    app.router.add_get("/page", lambda _: web.Response(text=page_html, content_type="text/html"))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fetch_server = ServerConfig(
        "fetch",
        command=sys.executable,
        args=("-m", "mcp_server_fetch", "--allow-private-ips", "--ignore-robots-txt"),
        trusted=True,
    )
    git_server = ServerConfig(
        "git", command=sys.executable, args=("-m", "mcp_server_git", "--repository", str(repo)), trusted=True
    )
    try:
        await loop.hub.configure([fetch_server, git_server])
        page = ToolUse("fetch", {"url": f"http://127.0.0.1:{port}/page"})
        status = ToolUse("git_status", {"repo_path": str(repo)})
        loop.server.enqueue(Reply([page, status]), Reply([Text("Read both.")]))
        await loop.session.send(loop.conversation_id, user_text("page and repo"))
    finally:
        await runner.cleanup()

    path = await loop.path()
    fetched, repo_status = result_blocks(path[2])
    assert fetched["tool_use_id"] == page.id and "Kyoto" in result_text(fetched)
    assert repo_status["tool_use_id"] == status.id and "notes.txt" in result_text(repo_status)
    assert [run.server for run in path[1].tool_runs] == ["fetch", "git"]
    assert [run.status for run in path[1].tool_runs] == [RunStatus.DONE, RunStatus.DONE]
    assert loop.user.asked == []  # both read-only, on servers the user trusts


async def test_the_input_count_includes_the_mcp_tools_offered(loop: Loop) -> None:
    """Their definitions are input tokens too: the gauge and the cost before sending count them."""
    from core.model.messages import ChatMessage

    messages = [ChatMessage.user_text("What time is it?")]
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048)
    counted = await loop.session.input_counter.count("Demo", messages, settings)
    tools = {tool["name"] for tool in loop.server.requests[-1].body["tools"]}  # type: ignore[index]
    assert loop.server.requests[-1].path == "/v1/messages/count_tokens" and "get_current_time" in tools
    without = await loop.session.input_counter.count("Demo", messages, replace(settings, mcp_servers=[]))
    assert "tools" not in loop.server.requests[-1].body  # type: ignore[operator]
    assert counted.tokens > without.tokens
    estimated = await loop.session.input_counter.estimate("Demo", messages, settings)
    assert (
        estimated.tokens
        > (
            await loop.session.input_counter.estimate("Demo", messages, replace(settings, mcp_servers=[]))
        ).tokens
    )


@pytest.mark.parametrize("loop", [[faulty_server()]], indirect=True)
async def test_an_identical_call_is_asked_once_per_send(loop: Loop) -> None:
    """Two identical calls in one reply, and the same call again in the loop's next round: one prompt.
    A different call asks; the next send asks afresh."""
    loop.user.answers = [ApprovalAnswer(Decision.ALLOW), ApprovalAnswer(Decision.ALLOW)]
    same = {"text": "same"}
    loop.server.enqueue(
        Reply([ToolUse("echo", same), ToolUse("echo", same), ToolUse("echo", {"text": "other"})]),
        Reply([ToolUse("echo", same)]),
        Reply([Text("done")]),
    )
    await loop.session.send(loop.conversation_id, user_text("echo"))
    assert [dict(request.arguments) for request in loop.user.asked] == [same, {"text": "other"}]
    loop.user.answers = [ApprovalAnswer(Decision.DENY)]
    loop.server.enqueue(Reply([ToolUse("echo", same)]), Reply([Text("ok")]))
    await loop.session.send(loop.conversation_id, user_text("again"))
    assert len(loop.user.asked) == 3

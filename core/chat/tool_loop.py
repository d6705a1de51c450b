"""One round of the tool loop: a reply's MCP tool calls decided, approved, run, and answered.

`ChatSession` (and `CompareSession` for its columns) call `ToolRound.run` when a reply stops for tool_use and
every call names an MCP tool the conversation offers (or no tool at all): each call is decided by the policy
(`core.model.tool_policy`: the user's rules, then the annotations of trusted servers), the approver asks the
user where the policy says Ask, the allowed calls run at once (concurrently, each as soon as it is allowed),
and each call's `tool_result` block is returned for the next user turn. Every change of a call (waiting,
running, progress, done) is reported through `on_change` for the tool cards.

Nothing here raises for a tool's fault: a denied call, a tool that does not exist, a server that failed,
arguments the schema refuses all become `is_error` results the model reads. Cancelling `run` (Stop) cancels
the calls in flight (the hub sends MCP cancellation) and returns what had arrived, the rest marked cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from core.model.messages import ContentBlock, ToolUseBlock
from core.model.request_settings import RequestSettings
from core.model.tool_policy import decide, rule_for_answer
from core.model.tools import (
    ApprovalRule,
    Decision,
    RunProblem,
    RunStatus,
    Scope,
    ServerConfig,
    ToolOutcome,
    ToolProgress,
    ToolRun,
    ToolSpec,
)
from core.store.worker import StoreWorker
from core.tools.arguments import arguments_problem

DECLINED = "The user declined this tool call."
"""What the model reads for a call the user (or a Deny rule) refused."""


class ToolSource(Protocol):
    """What the loop needs of `core.tools.hub.ToolHub` (which the app passes)."""

    def tools(self, servers: Collection[str] | None = None) -> list[ToolSpec]: ...
    def config(self, name: str) -> ServerConfig | None: ...
    async def call(
        self,
        spec: ToolSpec,
        arguments: Mapping[str, Any],
        *,
        on_progress: Callable[[ToolProgress], None] | None = None,
    ) -> ToolOutcome: ...


@dataclass(frozen=True)
class ApprovalRequest:
    conversation_id: int | None
    spec: ToolSpec
    arguments: Mapping[str, Any]
    trusted: bool
    """Whether the server is trusted: if not, its annotations are hints only."""


@dataclass(frozen=True)
class ApprovalAnswer:
    decision: Decision
    """ALLOW or DENY."""
    scope: Scope = Scope.ONCE


class ToolApprover(Protocol):
    async def approve(self, request: ApprovalRequest) -> ApprovalAnswer: ...


# -- what a conversation offers ------------------------------------------------------------------------


def offered_tools(source: ToolSource | None, settings: RequestSettings) -> list[ToolSpec]:
    """The MCP tools this conversation offers the model: those of its servers (all enabled ones unless it
    chose some) that are ready, whose schema is valid JSON Schema, and whose name no hand-written tool of
    the conversation already has (the hand-written one is what the user wrote for this conversation)."""
    if source is None or settings.mcp_servers == []:
        return []
    taken = {str(tool.get("name")) for tool in settings.tools}
    return [
        spec
        for spec in source.tools(settings.mcp_servers)
        if spec.schema_problem is None and spec.exposed_name not in taken
    ]


def with_tools(settings: RequestSettings, offered: Sequence[ToolSpec]) -> RequestSettings:
    """The settings a request is sent with: the hand-written tools, then the offered MCP tools."""
    if not offered:
        return settings
    return replace(settings, tools=[*settings.tools, *(spec.definition() for spec in offered)])


def tool_calls(content: Sequence[ContentBlock]) -> list[ToolUseBlock]:
    """The reply's client tool calls (server tools such as web search run at the API, not here)."""
    return [block for block in content if block.get("type") == "tool_use"]  # type: ignore[misc]


def loop_handles(
    calls: Sequence[ToolUseBlock], offered: Sequence[ToolSpec], settings: RequestSettings
) -> bool:
    """Whether the loop answers these calls by itself: MCP tools are offered, and no call names a
    hand-written tool (those the user answers by hand, so the loop leaves the whole turn to them)."""
    if not calls or not offered:
        return False
    hand_written = {str(tool.get("name")) for tool in settings.tools}
    return not any(call.get("name") in hand_written for call in calls)


# -- approvals shared by compare columns ---------------------------------------------------------------


@dataclass
class SharedApprovals:
    """Answers given during one send, by call: the same call (same server, tool and arguments) made again
    in the send's loop, or by another compare column, asks the user once; the others wait for that one
    answer."""

    _answers: dict[str, asyncio.Future[ApprovalAnswer]] = field(default_factory=dict)

    async def answer(
        self, request: ApprovalRequest, ask: Callable[[], Awaitable[ApprovalAnswer]]
    ) -> ApprovalAnswer:
        key = _call_key(request.spec, request.arguments)
        pending = self._answers.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[ApprovalAnswer] = asyncio.get_running_loop().create_future()
        self._answers[key] = future
        try:
            answer = await ask()
        except BaseException:
            # This column stopped before the user answered: another column asks again.
            del self._answers[key]
            future.cancel()
            raise
        future.set_result(answer)
        return answer


def _call_key(spec: ToolSpec, arguments: Mapping[str, Any]) -> str:
    return json.dumps([spec.server, spec.name, arguments], sort_keys=True, ensure_ascii=False, default=str)


# -- one round -----------------------------------------------------------------------------------------


@dataclass
class RoundResult:
    runs: list[ToolRun]
    """One per call, in the reply's order."""
    results: list[ContentBlock]
    """The tool_result blocks of the next user turn, in the same order."""
    limit_reached: bool = False
    """Some calls were over the turn's limit and not run: the loop stops here."""


class ToolRound:
    """Runs one reply's tool calls. `on_change(run)` is called at each status change and progress."""

    def __init__(
        self,
        source: ToolSource,
        approver: ToolApprover | None,
        store: StoreWorker,
        conversation_id: int | None,
        calls: Sequence[ToolUseBlock],
        offered: Sequence[ToolSpec],
        on_change: Callable[[ToolRun], None],
        *,
        shared: SharedApprovals | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._source = source
        self._approver = approver
        self._store = store
        self._conversation_id = conversation_id
        self._on_change = on_change
        self._shared = shared
        self._clock = clock
        self._asking = asyncio.Lock()
        """One prompt at a time, so an answer remembered for the conversation decides the calls after it."""
        self._by_name = {spec.exposed_name: spec for spec in offered}
        self._runs = [
            ToolRun(
                tool_use_id=call["id"],
                tool=call["name"],
                server=spec.server if (spec := self._by_name.get(call["name"])) is not None else None,
                arguments=dict(call.get("input") or {}),
            )
            for call in calls
        ]

    @property
    def runs(self) -> list[ToolRun]:
        """The calls as they stand now."""
        return list(self._runs)

    async def run(self, allowed_calls: int) -> RoundResult:
        """Decide and run the calls; `allowed_calls` of them may still run this turn, the rest are refused
        with LIMIT_REACHED. Cancelled (Stop): the calls in flight are cancelled, and the round still returns
        every call's result, the unfinished ones as cancelled."""
        # A call's card shows "waiting for approval" only once the user is asked: calls the rules allow go
        # straight to running.
        tasks = [
            asyncio.ensure_future(self._one(index, self._by_name.get(run.tool), index >= allowed_calls))
            for index, run in enumerate(self._runs)
        ]
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            return self.stopped()
        return self._result()

    async def run_and_save(
        self, reply_id: int, allowed_calls: int, track: Callable[[asyncio.Task[RoundResult] | None], None]
    ) -> RoundResult:
        """`run` as a task of its own, handed to `track` while it runs (Stop cancels it there; None once it
        ended), then the runs saved with the reply. Cancelled from outside (the app closing): the calls end,
        what came is saved, and CancelledError is raised again."""
        task = asyncio.ensure_future(self.run(allowed_calls))
        track(task)
        cancelled_from_outside = False
        try:
            result = await asyncio.shield(task)
        except asyncio.CancelledError:
            current = asyncio.current_task()
            cancelled_from_outside = current is not None and current.cancelling() > 0
            # Stopped before the round began, or the app is closing: end the calls, keep what came.
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            result = task.result() if not task.cancelled() else self.stopped()
        finally:
            track(None)
        await self._store.call(lambda s: s.update_reply(reply_id, tool_runs=result.runs))
        if cancelled_from_outside:
            raise asyncio.CancelledError
        return result

    def stopped(self) -> RoundResult:
        """The round as it stands, every unfinished call marked cancelled (Stop, or the app closing)."""
        for index, run in enumerate(self._runs):
            if run.outcome is None:
                self._finish(index, RunStatus.CANCELLED, _problem(RunProblem.CANCELLED))
        return self._result()

    def _result(self) -> RoundResult:
        return RoundResult(
            runs=list(self._runs),
            results=[result_block(run) for run in self._runs],
            limit_reached=any(_problem_of(run) is RunProblem.LIMIT_REACHED for run in self._runs),
        )

    async def _one(self, index: int, spec: ToolSpec | None, over_limit: bool) -> None:
        run = self._runs[index]
        if spec is None:
            self._finish(index, RunStatus.FAILED, _problem(RunProblem.NO_SUCH_TOOL, run.tool))
            return
        if over_limit:
            self._finish(index, RunStatus.FAILED, _problem(RunProblem.LIMIT_REACHED))
            return
        # Arguments the schema refuses go back to the model at once: nobody is asked to approve a call that
        # cannot run.
        if (problem := arguments_problem(spec.input_schema, run.arguments)) is not None:
            self._finish(index, RunStatus.FAILED, _problem(RunProblem.INVALID_ARGUMENTS, problem))
            return
        if await self._decision(index, spec, run.arguments) is not Decision.ALLOW:
            self._finish(index, RunStatus.DENIED, _problem(RunProblem.DECLINED))
            return
        started = self._clock()
        self._set(index, replace(self._runs[index], status=RunStatus.RUNNING, started_at=started))

        def progressed(progress: ToolProgress) -> None:
            if self._runs[index].status is RunStatus.RUNNING:
                self._set(index, replace(self._runs[index], progress=progress))

        outcome = await self._source.call(spec, run.arguments, on_progress=progressed)
        failed = outcome.is_error or outcome.problem is not None
        self._finish(index, RunStatus.FAILED if failed else RunStatus.DONE, outcome)

    async def _decision(self, index: int, spec: ToolSpec, arguments: Mapping[str, Any]) -> Decision:
        config = self._source.config(spec.server)
        trusted = config is not None and config.trusted
        decision = decide(await self._rules(), spec, self._conversation_id, trusted)
        if decision is not Decision.ASK:
            return decision
        async with self._asking:
            # Decided again: the answer to an earlier prompt of this round may have made a rule.
            decision = decide(await self._rules(), spec, self._conversation_id, trusted)
            if decision is not Decision.ASK:
                return decision
            if self._approver is None:
                return Decision.DENY
            self._set(index, replace(self._runs[index], status=RunStatus.WAITING))
            request = ApprovalRequest(self._conversation_id, spec, arguments, trusted)
            approver = self._approver
            if self._shared is not None:
                answer = await self._shared.answer(request, lambda: approver.approve(request))
            else:
                answer = await approver.approve(request)
            rule = rule_for_answer(spec, answer.decision, answer.scope, self._conversation_id, self._clock())
            if rule is not None:
                await self._store.call(lambda s: s.add_tool_rule(rule))
            return Decision.ALLOW if answer.decision is Decision.ALLOW else Decision.DENY

    async def _rules(self) -> list[ApprovalRule]:
        return await self._store.call(lambda s: s.tool_rules())

    def _finish(self, index: int, status: RunStatus, outcome: ToolOutcome) -> None:
        run = self._runs[index]
        duration = None if run.started_at is None else max(0.0, self._clock() - run.started_at)
        self._set(index, replace(run, status=status, outcome=outcome, duration=duration))

    def _set(self, index: int, run: ToolRun) -> None:
        self._runs[index] = run
        self._on_change(run)


def _problem_of(run: ToolRun) -> RunProblem | None:
    return None if run.outcome is None else run.outcome.problem


def _problem(problem: RunProblem, detail: str = "") -> ToolOutcome:
    return ToolOutcome(is_error=True, problem=problem, detail=detail)


def result_block(run: ToolRun) -> ContentBlock:
    """The call's tool_result block: the tool's own content, or words for the model saying why there is
    none (English: this is the model's reading, the GUI words the run's problem itself)."""
    outcome = run.outcome or _problem(RunProblem.CANCELLED)
    content: list[dict[str, Any]] = [dict(block) for block in outcome.content]
    if not content and outcome.structured is not None:
        content = [{"type": "text", "text": json.dumps(outcome.structured, ensure_ascii=False)}]
    if not content and (outcome.problem is not None or outcome.is_error):
        content = [{"type": "text", "text": problem_text(run, outcome)}]
    block: dict[str, Any] = {"type": "tool_result", "tool_use_id": run.tool_use_id, "content": content}
    if outcome.is_error or outcome.problem is not None:
        block["is_error"] = True
    return block


def problem_text(run: ToolRun, outcome: ToolOutcome) -> str:
    problem = outcome.problem
    if problem is RunProblem.DECLINED:
        return DECLINED
    if problem is RunProblem.NO_SUCH_TOOL:
        return f"There is no tool named {run.tool!r}."
    if problem is RunProblem.LIMIT_REACHED:
        return "Not run: this turn reached its limit of tool calls. Ask the user before calling more."
    if problem is RunProblem.CANCELLED:
        return "The user stopped this tool call before it finished."
    words = {
        RunProblem.TIMED_OUT: "The tool call timed out.",
        RunProblem.SERVER_CRASHED: "The tool's server stopped during the call.",
        RunProblem.SERVER_UNAVAILABLE: "The tool's server is not available.",
        RunProblem.INVALID_ARGUMENTS: "The arguments do not match the tool's input schema.",
        RunProblem.MALFORMED_RESULT: "The tool returned a result that could not be read.",
    }
    text = words.get(problem, "The tool call failed.") if problem is not None else "The tool call failed."
    return f"{text} {outcome.detail}".strip()

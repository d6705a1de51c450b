"""Sending a compare run: one prompt to every column at once, each column its own request and its own thread.

`CompareSession` is the compare view's `ChatSession`: Qt-free, reporting through `CompareEvents`. Each
column streams as an independent task over the pool's shared client for its profile, so one column's error
(a 429 on one model) ends that column alone. Replies are saved as they stream, like chat replies, and
measured (`ColumnMetrics`) when they end.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, Protocol

from core.api.client import ApiClient
from core.api.pool import ClientPool
from core.api.reply import ReplyResult, ReplyRun
from core.chat.reply_saver import save_while_streaming
from core.chat.session import SAVE_INTERVAL, conversation_history, reply_error, reply_status
from core.chat.tool_loop import (
    RoundResult,
    SharedApprovals,
    ToolApprover,
    ToolRound,
    ToolSource,
    loop_handles,
    offered_tools,
    tool_calls,
    with_tools,
)
from core.compare.metrics import column_metrics, loop_total
from core.model.compare_run import ColumnMetrics, CompareColumn, CompareRun
from core.model.conversation import ReplyTiming, StoredMessage
from core.model.messages import ChatMessage, ToolUseBlock
from core.model.request_settings import RequestSettings
from core.model.tools import ToolRun, ToolSpec
from core.store.repository import Store
from core.store.worker import StoreWorker
from core.wire.accumulate import StreamUpdate
from core.wire.errors import ApiError
from core.wire.validation import RequestValidationError, ensure_valid

ColumnKey = tuple[int, int]
"""(run id, column index)"""


class CompareEvents(Protocol):
    def column_started(self, run_id: int, column: int, reply: StoredMessage) -> None: ...
    def column_updated(self, run_id: int, column: int, update: StreamUpdate) -> None: ...
    def column_finished(
        self, run_id: int, column: int, message: StoredMessage, metrics: ColumnMetrics
    ) -> None: ...
    def tool_run_changed(self, run_id: int, column: int, reply_id: int, run: ToolRun) -> None:
        """An MCP tool call of the column's reply changed (waiting, running, progress, done...)."""


class ColumnValidationError(RequestValidationError):
    """A column's settings cannot be sent; nothing of the round was saved or sent."""

    def __init__(self, column: int, error: RequestValidationError) -> None:
        super().__init__(error.issues)
        self.column = column


class CompareSession:
    def __init__(
        self,
        store: StoreWorker,
        clients: ClientPool,
        events: CompareEvents,
        *,
        save_interval: float = SAVE_INTERVAL,
        tools: ToolSource | None = None,
        approver: ToolApprover | None = None,
        tool_limit: int | None = None,
    ) -> None:
        self._store = store
        self._clients = clients
        self._events = events
        self._save_interval = save_interval
        self._tools = tools
        self._approver = approver
        self.tool_limit = tool_limit
        """Tool calls one column may make per round; None: the stored preference (default 20)."""
        self._tasks: dict[ColumnKey, asyncio.Task[StoredMessage]] = {}
        self._runs: dict[ColumnKey, ReplyRun] = {}
        self._tool_rounds: dict[ColumnKey, asyncio.Task[RoundResult]] = {}
        self._stop_asked: set[ColumnKey] = set()
        self._closing = False

    def is_running(self, run_id: int, column: int | None = None) -> bool:
        return any(r == run_id and column in (None, c) for r, c in self._tasks)

    async def start(
        self, conversation_id: int, columns: Sequence[tuple[str | None, RequestSettings]], prompt: str
    ) -> CompareRun:
        """Create the run from the conversation's current leaf and send the prompt to every column at once.

        Returns when the requests are under way. Raises ColumnValidationError, before saving anything, when
        a column's settings cannot be sent.
        """
        conversation = await self._store.call(lambda s: s.get_conversation(conversation_id))
        base = conversation.current_leaf_id
        path = [] if base is None else await self._store.call(lambda s: s.path_to(base))
        for index, (_, settings) in enumerate(columns):
            _check(index, conversation_history(path), settings, prompt)
        run = await self._store.call(lambda s: s.create_compare_run(conversation_id, base, columns))
        return await self._send_round(run.id, prompt)

    async def follow_up(self, run_id: int, prompt: str) -> CompareRun:
        """A new round: every column continues its own thread with this prompt."""
        if self.is_running(run_id):
            raise RuntimeError("The previous round of this comparison is still streaming.")
        run = await self._store.call(lambda s: s.get_compare_run(run_id))
        for column in run.columns:
            last = column.reply_ids[-1]
            end = (await self._store.call(Store.tool_loop_thread, last))[-1]
            path = await self._store.call(Store.path_to, end)
            _check(column.index, conversation_history(path), column.settings, prompt)
        return await self._send_round(run_id, prompt)

    async def wait(self, run_id: int) -> list[StoredMessage]:
        """Until every column of the run's round in flight has ended; their final replies."""
        tasks = [task for (r, _), task in sorted(self._tasks.items()) if r == run_id]
        return list(await asyncio.gather(*tasks))

    def stop(self, run_id: int, column: int | None = None) -> None:
        """Stop one column, or all of the run's; what arrived is kept."""
        for key in list(self._tasks):
            if key[0] == run_id and column in (None, key[1]):
                self._stop_asked.add(key)
                if key in self._runs:
                    self._runs[key].cancel()
                if key in self._tool_rounds:
                    self._tool_rounds[key].cancel()

    async def load(self, run_id: int) -> tuple[CompareRun, dict[int, StoredMessage]]:
        """A stored run and every reply of it by message id: what reopening or exporting it shows. A reply
        whose tool loop went on is shown by the loop's last reply (the answer after the tool results)."""
        run = await self._store.call(lambda s: s.get_compare_run(run_id))
        ids = [message_id for column in run.columns for message_id in column.reply_ids]

        def last_replies(store: Store) -> dict[int, StoredMessage]:
            return {m: store.get_message(store.tool_loop_thread(m)[::2][-1]) for m in ids}

        messages = await self._store.call(last_replies)
        return run, messages

    async def continue_with(self, run_id: int, column: int) -> None:
        """The column's thread becomes the conversation's next turns, with its settings and profile; the
        other columns' replies stay in the run, off the path that is sent."""
        if self.is_running(run_id):
            raise RuntimeError(
                "Wait for the comparison to finish, or stop it, before continuing with a column."
            )
        await self._store.call(lambda s: s.choose_column(run_id, column))

    async def close(self) -> None:
        """At quit: stop every column, save what arrived as interrupted, and wait until it is saved."""
        self._closing = True
        for run_id in {r for r, _ in self._tasks}:
            self.stop(run_id)
        async with asyncio.timeout(10):
            while self._tasks:
                await asyncio.sleep(0.01)

    async def _send_round(self, run_id: int, prompt: str) -> CompareRun:
        run = await self._store.call(lambda s: s.add_compare_round(run_id, prompt))
        round_index = len(run.prompts) - 1
        # One send, one prompt per identical call: columns making the same call share the user's answer.
        shared = SharedApprovals()
        for column in run.columns:
            key = (run.id, column.index)
            task = asyncio.ensure_future(self._run_column(run.id, column, round_index, shared))
            self._tasks[key] = task

            def forget(_: object, key: ColumnKey = key) -> None:
                self._forget(key)

            task.add_done_callback(forget)
        return run

    def _forget(self, key: ColumnKey) -> None:
        self._tasks.pop(key, None)
        self._stop_asked.discard(key)

    async def _run_column(
        self, run_id: int, column: CompareColumn, round_index: int, shared: SharedApprovals
    ) -> StoredMessage:
        """The column's reply of the round, and while it calls MCP tools the loop answers, their results and
        the next reply (shown in the column as it starts), under the same policy as the chat."""
        key = (run_id, column.index)
        reply_id = column.reply_ids[round_index]
        offered = offered_tools(self._tools, column.settings)
        settings = with_tools(column.settings, offered)
        calls_left = await self._calls_allowed() if offered else 0
        measured: ColumnMetrics | None = None
        while True:
            finished, measured = await self._column_reply(
                run_id, column, round_index, reply_id, settings, measured
            )
            calls = tool_calls(finished.content)
            if (
                finished.status != "complete"
                or finished.stop_reason != "tool_use"
                or not loop_handles(calls, offered, column.settings)
                or key in self._stop_asked
                or self._closing
            ):
                return finished
            result = await self._column_tools(key, finished, calls, offered, calls_left, shared)
            calls_left = max(0, calls_left - len(calls))
            go_on = not (result.limit_reached or key in self._stop_asked or self._closing)
            model = column.settings.model if go_on else None
            next_id = await self._add_results(finished.id, result, model)
            if next_id is None:
                return finished
            reply_id = next_id

    async def _add_results(self, reply_id: int, result: RoundResult, next_model: str | None) -> int | None:
        return await self._store.call(lambda s: s.add_tool_results_turn(reply_id, result.results, next_model))

    async def _calls_allowed(self) -> int:
        if self.tool_limit is not None:
            return self.tool_limit
        return await self._store.call(lambda s: s.tool_limit())

    async def _column_tools(
        self,
        key: ColumnKey,
        reply: StoredMessage,
        calls: list[ToolUseBlock],
        offered: list[ToolSpec],
        calls_left: int,
        shared: SharedApprovals,
    ) -> RoundResult:
        assert self._tools is not None  # the loop runs only when tools are offered
        conversation_id = reply.conversation_id

        def changed(run: ToolRun) -> None:
            self._events.tool_run_changed(key[0], key[1], reply.id, run)

        tool_round = ToolRound(
            self._tools, self._approver, self._store, conversation_id, calls, offered, changed, shared=shared
        )

        def track(task: asyncio.Task[RoundResult] | None) -> None:
            if task is None:
                del self._tool_rounds[key]
            else:
                self._tool_rounds[key] = task

        return await tool_round.run_and_save(reply.id, calls_left, track)

    async def _column_reply(
        self,
        run_id: int,
        column: CompareColumn,
        round_index: int,
        reply_id: int,
        settings: RequestSettings,
        earlier: ColumnMetrics | None,
    ) -> tuple[StoredMessage, ColumnMetrics]:
        """One request of the column's round and its reply, saved and measured (with `earlier`, the round's
        requests before it in the tool loop, counted in)."""
        key = (run_id, column.index)
        reply = await self._store.call(lambda s: s.get_message(reply_id))
        path = await self._store.call(lambda s: s.path_to(reply.parent_id or reply_id))
        self._events.column_started(run_id, column.index, reply)
        cancelled_from_outside = False
        try:
            client = await self._clients.client_for(column.profile_name)
        except ApiError as error:
            result = ReplyResult(message=None, error=error)
        else:
            result, cancelled_from_outside = await self._stream(
                key, reply_id, client, conversation_history(path), settings
            )
        interrupted = self._closing or cancelled_from_outside
        model = column.settings.model
        metrics = column_metrics(result, model, self._clients.price_overrides(column.profile_name))
        fields = _finished_fields(result, model, metrics, interrupted=interrupted)
        metrics = loop_total(earlier, metrics)
        await self._store.call(lambda s: s.update_reply(reply_id, **fields))
        if (exchange := result.exchange) is not None:
            await self._store.call(lambda s: s.save_exchange(reply_id, exchange))
        await self._store.call(lambda s: s.save_column_metrics(run_id, column.index, round_index, metrics))
        finished = await self._store.call(lambda s: s.get_message(reply_id))
        self._events.column_finished(run_id, column.index, finished, metrics)
        if cancelled_from_outside:
            raise asyncio.CancelledError
        return finished, metrics

    async def _stream(
        self,
        key: ColumnKey,
        reply_id: int,
        client: ApiClient,
        history: list[ChatMessage],
        settings: RequestSettings,
    ) -> tuple[ReplyResult, bool]:
        """The column's reply to its end; and whether the task itself was cancelled (not just the reply)."""
        if key in self._stop_asked:  # stopped while the client was being made
            return ReplyResult(message=None, cancelled=True), False
        run_id, index = key
        stream = client.stream(history, settings)
        run = ReplyRun(stream, lambda update: self._events.column_updated(run_id, index, update))
        self._runs[key] = run
        saver = asyncio.ensure_future(save_while_streaming(self._store, run, reply_id, self._save_interval))
        try:
            return await run.result(), False
        except asyncio.CancelledError:
            return await run.stop(), True
        finally:
            saver.cancel()
            del self._runs[key]


def _check(column: int, history: list[ChatMessage], settings: RequestSettings, prompt: str) -> None:
    try:
        ensure_valid([*history, ChatMessage.user_text(prompt)], settings)
    except RequestValidationError as error:
        raise ColumnValidationError(column, error) from error


def _finished_fields(
    result: ReplyResult, model: str, metrics: ColumnMetrics, *, interrupted: bool
) -> dict[str, Any]:
    message = result.message
    return {
        "content": message.content if message is not None else [],
        "status": reply_status(result, interrupted=interrupted),
        "model": message.model if message is not None and message.model else model,
        "stop_reason": metrics.stop_reason,
        "stop_sequence": message.stop_sequence if message is not None else None,
        "usage": message.usage if message is not None else None,
        "cost_usd": metrics.cost_usd,
        "timing": ReplyTiming(metrics.time_to_first_token, metrics.duration),
        "request_id": result.request_id,
        "error": reply_error(result.error),
        "warnings": result.warnings,
    }

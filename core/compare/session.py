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
from core.compare.metrics import column_metrics
from core.model.compare_run import ColumnMetrics, CompareColumn, CompareRun
from core.model.conversation import ReplyTiming, StoredMessage
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
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
    ) -> None:
        self._store = store
        self._clients = clients
        self._events = events
        self._save_interval = save_interval
        self._tasks: dict[ColumnKey, asyncio.Task[StoredMessage]] = {}
        self._runs: dict[ColumnKey, ReplyRun] = {}
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
            path = await self._store.call(Store.path_to, last)
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

    async def load(self, run_id: int) -> tuple[CompareRun, dict[int, StoredMessage]]:
        """A stored run and every reply of it by message id: what reopening or exporting it shows."""
        run = await self._store.call(lambda s: s.get_compare_run(run_id))
        ids = [message_id for column in run.columns for message_id in column.reply_ids]
        messages = await self._store.call(lambda s: {m: s.get_message(m) for m in ids})
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
        for column in run.columns:
            key = (run.id, column.index)
            task = asyncio.ensure_future(self._run_column(run.id, column, round_index))
            self._tasks[key] = task

            def forget(_: object, key: ColumnKey = key) -> None:
                self._forget(key)

            task.add_done_callback(forget)
        return run

    def _forget(self, key: ColumnKey) -> None:
        self._tasks.pop(key, None)
        self._stop_asked.discard(key)

    async def _run_column(self, run_id: int, column: CompareColumn, round_index: int) -> StoredMessage:
        key = (run_id, column.index)
        reply_id = column.reply_ids[round_index]
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
                key, reply_id, client, conversation_history(path), column.settings
            )
        interrupted = self._closing or cancelled_from_outside
        model = column.settings.model
        metrics = column_metrics(result, model, self._clients.price_overrides(column.profile_name))
        fields = _finished_fields(result, model, metrics, interrupted=interrupted)
        await self._store.call(lambda s: s.update_reply(reply_id, **fields))
        if (exchange := result.exchange) is not None:
            await self._store.call(lambda s: s.save_exchange(reply_id, exchange))
        await self._store.call(lambda s: s.save_column_metrics(run_id, column.index, round_index, metrics))
        finished = await self._store.call(lambda s: s.get_message(reply_id))
        self._events.column_finished(run_id, column.index, finished, metrics)
        if cancelled_from_outside:
            raise asyncio.CancelledError
        return finished

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

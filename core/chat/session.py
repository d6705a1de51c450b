"""Sending turns of a conversation: the request goes out, the reply streams in and is saved as it comes.

`ChatSession` is what the GUI's controller calls; it reports progress through `ChatEvents` and never
touches Qt. A reply is written to the store when it starts, at least every `save_interval` seconds while it
streams (so a crash loses at most that much), and when it ends, however it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol, overload

from core.api.pool import ClientPool
from core.chat.input_count import InputCounter
from core.chat.reply_saver import save_while_streaming
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
from core.model.branching import ReplyInProgressError
from core.model.catalog import cost_of
from core.model.conversation import (
    Conversation,
    ErrorKind,
    MessageStatus,
    ReplyError,
    ReplyTiming,
    StoredMessage,
)
from core.model.messages import AssistantMessage, ChatMessage, ContentBlock, ToolResult, ToolUseBlock
from core.model.request_settings import RequestSettings
from core.model.tools import ToolRun, ToolSpec
from core.store.errors import StoreError
from core.store.repository import Store
from core.store.worker import StoreWorker
from core.wire.accumulate import StreamUpdate
from core.wire.errors import ApiError, ApiStatusError
from core.wire.validation import ensure_valid

if TYPE_CHECKING:
    from core.api.reply import ReplyResult, ReplyRun

SAVE_INTERVAL = 0.5
TITLE_CHARS = 60


class ChatEvents(Protocol):
    def reply_started(self, path: list[StoredMessage], message: StoredMessage) -> None: ...
    def reply_updated(self, message_id: int, update: StreamUpdate) -> None: ...
    def reply_retrying(self, message_id: int, error: ApiError, wait: float, attempt: int) -> None: ...
    def reply_finished(self, message: StoredMessage) -> None: ...
    def conversation_changed(self, conversation_id: int) -> None: ...
    def tool_run_changed(self, reply_id: int, run: ToolRun) -> None:
        """An MCP tool call of the reply changed (waiting, running, progress, done...)."""


class ChatSession:
    def __init__(
        self,
        store: StoreWorker,
        clients: ClientPool,
        events: ChatEvents,
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
        """Tool calls one user turn may make; None: the stored preference (default 20)."""
        self._running: dict[int, tuple[int, ReplyRun]] = {}
        """reply id -> (conversation id, the reply in flight)"""
        self._tool_rounds: dict[int, tuple[int, asyncio.Task[RoundResult]]] = {}
        """reply id -> (conversation id, its tool calls running)"""
        self._looping: dict[int, int] = {}
        """conversation id -> replies (and their tool rounds) under way, from the first request to the last"""
        self._stop_asked: set[int] = set()
        """Conversations whose loop the user stopped: no further request goes out."""
        self._closing = False
        self.input_counter = InputCounter(clients, self.request_settings)
        """Counts the next request's input before it is sent (the composer's preview)."""

    def request_settings(self, settings: RequestSettings) -> RequestSettings:
        """The settings a request of a conversation with these settings goes out with: its hand-written
        tools and then the MCP tools it offers (as they stand now)."""
        return with_tools(settings, offered_tools(self._tools, settings))

    def is_replying(self, conversation_id: int) -> bool:
        """While a reply arrives, and through a tool loop's rounds (its tools running, the next request)."""
        return self._looping.get(conversation_id, 0) > 0 or any(
            owner == conversation_id for owner, _ in self._running.values()
        )

    async def send(self, conversation_id: int, content: list[ContentBlock]) -> StoredMessage:
        """Add the user's turn and stream the reply. Raises RequestValidationError before saving anything
        when the conversation's settings cannot be sent."""
        conversation = await self._store.call(lambda s: s.get_conversation(conversation_id))
        history = await self._history(conversation.current_leaf_id)
        ensure_valid([*history, ChatMessage(role="user", content=content)], conversation.settings)
        user = await self._store.call(
            lambda s: s.add_message(conversation_id, conversation.current_leaf_id, "user", content)
        )
        await self._auto_title(conversation, content)
        return await self._reply(conversation, user.id)

    async def send_tool_results(self, conversation_id: int, results: list[ToolResult]) -> StoredMessage:
        """Answer the last turn's tool calls and let the model continue."""
        return await self.send(conversation_id, [result.block() for result in results])

    async def retry(self, reply_id: int) -> StoredMessage:
        """Send again the request that produced this reply; the new reply replaces it."""
        old = await self._store.call(lambda s: s.get_message(reply_id))
        conversation = await self._store.call(lambda s: s.get_conversation(old.conversation_id))
        if old.parent_id is None:
            raise ValueError("Only a reply to a message can be retried.")
        await self._store.call(lambda s: s.delete_message_subtree(reply_id))
        return await self._reply(conversation, old.parent_id)

    async def edit(self, message_id: int, content: list[ContentBlock]) -> StoredMessage:
        """A new version of an earlier user turn: a sibling under the same parent, then its reply. The old
        turn and everything after it stay as another branch."""
        old = await self._store.call(lambda s: s.get_message(message_id))
        if old.role != "user":
            raise ValueError("Only a user turn can be edited.")
        conversation = await self._store.call(lambda s: s.get_conversation(old.conversation_id))
        history = await self._history(old.parent_id)
        ensure_valid([*history, ChatMessage(role="user", content=content)], conversation.settings)
        self._require_idle(old.conversation_id)
        user = await self._store.call(
            lambda s: s.add_message(conversation.id, old.parent_id, "user", content)
        )
        return await self._reply(conversation, user.id)

    async def regenerate(self, reply_id: int, settings: RequestSettings | None = None) -> StoredMessage:
        """Another version of a reply, beside it under the same turn. With `settings`, this one reply is
        sent with them; the conversation keeps its own."""
        old = await self._store.call(lambda s: s.get_message(reply_id))
        if old.role != "assistant" or old.parent_id is None:
            raise ValueError("Only a reply to a message can be regenerated.")
        parent_id = old.parent_id
        conversation = await self._store.call(lambda s: s.get_conversation(old.conversation_id))
        if settings is not None:
            conversation = replace(conversation, settings=settings)
        ensure_valid(await self._history(parent_id), conversation.settings)
        self._require_idle(old.conversation_id)
        return await self._reply(conversation, parent_id)

    async def answer(self, message_id: int) -> StoredMessage:
        """A reply to a user turn nothing answers yet (a branch copied up to the user's message). Raises
        RequestValidationError when the settings cannot be sent, ReplyInProgressError while one arrives."""
        message = await self._store.call(lambda s: s.get_message(message_id))
        if message.role != "user":
            raise ValueError("Only a user turn can be answered.")
        conversation = await self._store.call(lambda s: s.get_conversation(message.conversation_id))
        ensure_valid(await self._history(message_id), conversation.settings)
        self._require_idle(message.conversation_id)
        return await self._reply(conversation, message_id)

    async def show_version(self, message_id: int) -> list[StoredMessage]:
        """Show the branch through this version of a turn (its newest continuation); the next request
        follows it. Returns the path now shown. Refused while the conversation receives a reply."""
        message = await self._store.call(lambda s: s.get_message(message_id))
        self._require_idle(message.conversation_id)
        return await self._store.call(lambda s: s.show_version(message_id))

    async def delete_version(self, message_id: int) -> list[StoredMessage]:
        """Delete this version of a turn and everything after it; if it was on screen, the newest remaining
        version takes its place. Returns the path now shown. Refused while the conversation gets a reply."""
        message = await self._store.call(lambda s: s.get_message(message_id))
        self._require_idle(message.conversation_id)
        await self._store.call(lambda s: s.delete_message_subtree(message_id))
        return await self._store.call(lambda s: s.current_path(message.conversation_id))

    async def branch(self, message_id: int, title: str) -> int:
        """A new conversation made of a copy of the path up to this message; returns its id. A reply still
        arriving cannot be copied yet (its copy would never be finished)."""
        if message_id in self._running:
            raise ReplyInProgressError("This reply is still arriving.")
        return await self._store.call(lambda s: s.copy_path_to_new_conversation(message_id, title))

    def _require_idle(self, conversation_id: int) -> None:
        # Two replies at once in one conversation would each move its current leaf under the other.
        if self.is_replying(conversation_id):
            raise ReplyInProgressError("This conversation is receiving a reply.")

    def stop(self, conversation_id: int) -> None:
        """Stop the conversation's reply at once, and its tool loop: running tool calls are cancelled (the
        servers are told), and no further request is sent; what arrived is kept."""
        if self._looping.get(conversation_id, 0) > 0:
            self._stop_asked.add(conversation_id)
        for owner, run in self._running.values():
            if owner == conversation_id:
                run.cancel()
        for owner, task in self._tool_rounds.values():
            if owner == conversation_id:
                task.cancel()

    async def close(self) -> None:
        """At quit: stop every reply and tool call, save what arrived as interrupted, and wait until it is
        saved."""
        self._closing = True
        for conversation_id in list(self._looping):
            self._stop_asked.add(conversation_id)
        for _, run in list(self._running.values()):
            run.cancel()
        for _, task in list(self._tool_rounds.values()):
            task.cancel()
        async with asyncio.timeout(10):
            while self._running or self._tool_rounds or self._looping:
                await asyncio.sleep(0.01)

    async def _reply(self, conversation: Conversation, parent_id: int) -> StoredMessage:
        """The reply to `parent_id`, and, while it calls MCP tools the loop may answer, their results and
        the next reply, until the model stops calling tools, the turn's limit is reached or the user stops.
        Returns the last reply."""
        offered = offered_tools(self._tools, conversation.settings)
        settings = with_tools(conversation.settings, offered)
        conversation_id = conversation.id
        self._looping[conversation_id] = self._looping.get(conversation_id, 0) + 1
        if self._looping[conversation_id] == 1:
            self._stop_asked.discard(conversation_id)
        last: StoredMessage | None = None
        # One answer per identical call for the whole send: a loop repeating a call the user just allowed
        # (or two identical calls in one reply) does not ask again.
        shared = SharedApprovals()
        try:
            calls_left = await self._calls_allowed() if offered else 0
            while True:
                last, cancelled_from_outside = await self._stream_reply(conversation, parent_id, settings)
                if cancelled_from_outside:
                    raise asyncio.CancelledError
                calls = tool_calls(last.content)
                if (
                    last.status != "complete"
                    or last.stop_reason != "tool_use"
                    or not loop_handles(calls, offered, conversation.settings)
                    or conversation_id in self._stop_asked
                ):
                    return last
                self._announce(last)
                result = await self._run_tools(conversation_id, last, calls, offered, calls_left, shared)
                calls_left = max(0, calls_left - len(calls))
                last, user = await self._answer_calls(last, result)
                if result.limit_reached or conversation_id in self._stop_asked or self._closing:
                    return last
                parent_id = user.id
        finally:
            self._looping[conversation_id] -= 1
            if not self._looping[conversation_id]:
                del self._looping[conversation_id]
            if last is not None:
                # After the loop left the running set, so listeners asking is_replying() see it ended. A
                # reply already announced (before its tools ran) is announced again, with its tool runs.
                self._announce(last)

    async def _answer_calls(
        self, reply: StoredMessage, result: RoundResult
    ) -> tuple[StoredMessage, StoredMessage]:
        """Save the turn of tool_result blocks under the reply; the reply as saved (with its runs) and it."""

        def save(store: Store) -> tuple[StoredMessage, StoredMessage]:
            user = store.add_message(reply.conversation_id, reply.id, "user", result.results)
            return store.get_message(reply.id), user

        return await self._store.call(save)

    async def _calls_allowed(self) -> int:
        if self.tool_limit is not None:
            return self.tool_limit
        return await self._store.call(lambda s: s.tool_limit())

    async def _run_tools(
        self,
        conversation_id: int,
        reply: StoredMessage,
        calls: list[ToolUseBlock],
        offered: list[ToolSpec],
        calls_left: int,
        shared: SharedApprovals,
    ) -> RoundResult:
        """Run the reply's tool calls (as a task Stop can cancel) and save the runs with the reply."""
        assert self._tools is not None  # the loop runs only when tools are offered

        def changed(run: ToolRun) -> None:
            self._events.tool_run_changed(reply.id, run)

        tool_round = ToolRound(
            self._tools, self._approver, self._store, conversation_id, calls, offered, changed, shared=shared
        )

        def track(task: asyncio.Task[RoundResult] | None) -> None:
            if task is None:
                del self._tool_rounds[reply.id]
            else:
                self._tool_rounds[reply.id] = (conversation_id, task)

        return await tool_round.run_and_save(reply.id, calls_left, track)

    async def _stream_reply(
        self, conversation: Conversation, parent_id: int, settings: RequestSettings
    ) -> tuple[StoredMessage, bool]:
        """One request and its reply, saved; and whether the task was cancelled from outside (the app is
        closing), which the caller obeys once the reply is announced."""
        path = await self._store.call(lambda s: s.path_to(parent_id))
        history = conversation_history(path)
        reply = await self._store.call(
            lambda s: s.add_message(
                conversation.id, parent_id, "assistant", [], status="streaming", model=settings.model
            )
        )
        self._events.reply_started(path, reply)
        # Here, not at the top: the window holds a session from its first paint, httpx is needed only now
        # (client_for has loaded it off the UI thread).
        from core.api.reply import ReplyResult, ReplyRun

        try:
            client = await self._clients.client_for(conversation.profile_name)
        except ApiError as error:
            failed = await self._save_result(conversation, reply, ReplyResult(message=None, error=error))
            return failed, False
        stream = client.stream(
            history, settings, on_retry=lambda e, w, n: self._events.reply_retrying(reply.id, e, w, n)
        )
        run = ReplyRun(stream, lambda update: self._events.reply_updated(reply.id, update))
        self._running[reply.id] = (conversation.id, run)
        saver = asyncio.ensure_future(save_while_streaming(self._store, run, reply.id, self._save_interval))
        cancelled_from_outside = False
        try:
            result = await run.result()
        except asyncio.CancelledError:
            # The task running this reply was cancelled (the app is closing): save what came, then obey.
            result = await run.stop()
            cancelled_from_outside = True
        finally:
            saver.cancel()
        try:
            finished = await self._save_result(
                conversation, reply, result, interrupted=self._closing or cancelled_from_outside
            )
        except StoreError as error:
            # Disk full or an I/O error: the reply must still end (Stop, Send and Retry depend on it), and
            # what arrived stays on screen with the reason; the last partial save stays in the database.
            finished = await self._not_saved(reply, result, error)
        finally:
            del self._running[reply.id]
        return finished, cancelled_from_outside

    async def _save_result(
        self,
        conversation: Conversation,
        reply: StoredMessage,
        result: ReplyResult,
        *,
        interrupted: bool = False,
    ) -> StoredMessage:
        message = result.message
        profile_prices = self._clients.price_overrides(conversation.profile_name)
        usage = message.usage if message is not None else None
        status = reply_status(result, interrupted=interrupted)
        fields: dict[str, Any] = {
            "content": message.content if message is not None else [],
            "status": status,
            "model": (
                message.model if message is not None and message.model else conversation.settings.model
            ),
            "stop_reason": message.stop_reason if message is not None else None,
            "stop_sequence": message.stop_sequence if message is not None else None,
            "usage": usage,
            "cost_usd": cost_of(usage, conversation.settings.model, profile_prices) if usage else None,
            "timing": ReplyTiming(result.metrics.time_to_first_token, result.metrics.duration),
            "request_id": result.request_id,
            "error": reply_error(result.error),
            "warnings": result.warnings,
        }
        await self._store.call(lambda s: s.update_reply(reply.id, **fields))
        if (exchange := result.exchange) is not None:
            await self._store.call(lambda s: s.save_exchange(reply.id, exchange))
        return await self._store.call(lambda s: s.get_message(reply.id))

    async def _not_saved(self, reply: StoredMessage, result: ReplyResult, error: StoreError) -> StoredMessage:
        """The reply as it ended, marked as not saved. Its status is written if the database still takes a
        one-row change in place (no new pages), so after a restart it reads as failed, not as interrupted."""
        failure = ReplyError(kind=ErrorKind.NOT_SAVED, message=error.message)
        # If the database takes nothing now, the next start marks the reply interrupted instead.
        with contextlib.suppress(StoreError):
            await self._store.call(lambda s: s.update_reply(reply.id, status="error", error=failure))
        message = result.message
        return replace(
            reply,
            content=list(message.content) if message is not None else [],
            status="error",
            error=failure,
        )

    def _announce(self, finished: StoredMessage) -> None:
        """After the reply left the running set, so listeners asking is_replying() see it ended."""
        self._events.reply_finished(finished)
        self._events.conversation_changed(finished.conversation_id)

    async def _history(self, message_id: int | None) -> list[ChatMessage]:
        if message_id is None:
            return []
        return conversation_history(await self._store.call(lambda s: s.path_to(message_id)))

    def live_message(self, reply_id: int) -> AssistantMessage | None:
        """What a reply in flight holds so far (for a view that opens it mid-stream)."""
        running = self._running.get(reply_id)
        return None if running is None else running[1].stream.message()

    async def _auto_title(self, conversation: Conversation, content: list[ContentBlock]) -> None:
        text = " ".join(str(block.get("text", "")) for block in content if block.get("type") == "text")
        title = " ".join(text.split())[:TITLE_CHARS]
        if title and conversation.current_leaf_id is None:
            await self._store.call(lambda s: s.set_auto_title(conversation.id, title))
            self._events.conversation_changed(conversation.id)


def conversation_history(path: list[StoredMessage]) -> list[ChatMessage]:
    """The path as API messages. A reply that failed before any output leaves nothing to send, which would
    put two user turns in a row: they are merged into one, as the API itself does (strict relays refuse)."""
    history: list[ChatMessage] = []
    for message in path:
        if not message.content:
            continue
        if history and history[-1].role == message.role:
            history[-1].content.extend(dict(block) for block in message.content)
        else:
            history.append(message.as_chat_message())
    _answer_unanswered_calls(history)
    return history


UNANSWERED_CALL = "No result: this tool call was interrupted before it returned one."


def _answer_unanswered_calls(history: list[ChatMessage]) -> None:
    """Every tool call is answered in the next turn, or the API refuses the request: a call left without its
    result (the app closed while it ran or waited for approval, or the user wrote instead of answering)
    gets an error result saying so, before the turn's own blocks."""
    for reply, answer in itertools.pairwise(history):
        if reply.role != "assistant" or answer.role != "user":
            continue
        calls = [str(block.get("id")) for block in reply.content if block.get("type") == "tool_use"]
        answered = {
            str(block.get("tool_use_id")) for block in answer.content if block.get("type") == "tool_result"
        }
        missing = [call for call in calls if call not in answered]
        answer.content[:0] = [
            {
                "type": "tool_result",
                "tool_use_id": call,
                "content": [{"type": "text", "text": UNANSWERED_CALL}],
                "is_error": True,
            }
            for call in missing
        ]


def reply_status(result: ReplyResult, *, interrupted: bool) -> MessageStatus:
    """How a reply ended, as saved: stopped by the user is `cancelled`, by a closing app `interrupted`."""
    if result.cancelled:
        return "interrupted" if interrupted else "cancelled"
    if result.error is not None:
        return "error"
    return "complete"


@overload
def reply_error(error: ApiError) -> ReplyError: ...
@overload
def reply_error(error: ApiError | None) -> ReplyError | None: ...


def reply_error(error: ApiError | None) -> ReplyError | None:
    """The error as saved with the reply, so the transcript can show it after a restart."""
    if error is None:
        return None
    status_error = error if isinstance(error, ApiStatusError) else None
    return ReplyError(
        kind=error.kind,
        message=error.message,
        status=status_error.status if status_error else None,
        error_type=status_error.error_type if status_error else getattr(error, "error_type", None),
        request_id=error.request_id,
        retry_after=status_error.retry_after if status_error else None,
        detail=error.detail,
    )

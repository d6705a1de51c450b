"""Sending turns of a conversation: the request goes out, the reply streams in and is saved as it comes.

`ChatSession` is what the GUI's controller calls; it reports progress through `ChatEvents` and never
touches Qt. A reply is written to the store when it starts, at least every `save_interval` seconds while it
streams (so a crash loses at most that much), and when it ends, however it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol, overload

from core.api.pool import ClientPool
from core.chat.input_count import InputCounter
from core.chat.reply_saver import save_while_streaming
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
from core.model.messages import AssistantMessage, ChatMessage, ContentBlock, ToolResult
from core.model.request_settings import RequestSettings
from core.store.errors import StoreError
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


class ChatSession:
    def __init__(
        self,
        store: StoreWorker,
        clients: ClientPool,
        events: ChatEvents,
        *,
        save_interval: float = SAVE_INTERVAL,
    ) -> None:
        self._store = store
        self._clients = clients
        self._events = events
        self._save_interval = save_interval
        self._running: dict[int, tuple[int, ReplyRun]] = {}
        """reply id -> (conversation id, the reply in flight)"""
        self._closing = False
        self.input_counter = InputCounter(clients)
        """Counts the next request's input before it is sent (the composer's preview)."""

    def is_replying(self, conversation_id: int) -> bool:
        return any(owner == conversation_id for owner, _ in self._running.values())

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
        """Stop the conversation's reply at once; what arrived is kept."""
        for owner, run in self._running.values():
            if owner == conversation_id:
                run.cancel()

    async def close(self) -> None:
        """At quit: stop every reply, save what arrived as interrupted, and wait until it is saved."""
        self._closing = True
        for _, run in list(self._running.values()):
            run.cancel()
        async with asyncio.timeout(10):
            while self._running:
                await asyncio.sleep(0.01)

    async def _reply(self, conversation: Conversation, parent_id: int) -> StoredMessage:
        settings = conversation.settings
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
            finished = await self._save_result(conversation, reply, ReplyResult(message=None, error=error))
            self._announce(finished)
            return finished
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
        self._announce(finished)
        if cancelled_from_outside:
            raise asyncio.CancelledError
        return finished

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
    return history


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

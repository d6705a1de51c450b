"""The request queue a grid run and a judge pass share: items sent through their provider profile's client.

`ProfileQueue` knows nothing of what an item means (a cell repeat, one order of a judgement); the runner
hands it `send` (send one item and keep what came of it) and `given_up` (fail one item because its provider
was given up). The queue:
- keeps one queue per provider profile and at most `concurrency` items of it in flight (one worker task per
  slot);
- holds a profile after a throttled answer (429, 529, overloaded): the client retries it honouring
  `retry-after`, and meanwhile the profile's other workers start nothing new until that wait is over; an
  item still throttled after the client's retries goes back to the front of the queue (up to
  `THROTTLE_REQUEUES` times) after the wait;
- gives up on a provider that cannot be reached `CONNECTION_FAILURES_TO_GIVE_UP` times in a row (server
  gone, profile deleted, key missing): its remaining items fail at once with that error, rather than each
  waiting out its own.

Stopping starts nothing new; cutting also cancels the requests in flight (their results say `cancelled`).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.api.pool import ClientPool
from core.api.reply import ReplyResult, ReplyRun
from core.api.retry import RetryPolicy, is_throttled
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
from core.wire.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    MissingKeyError,
    UnknownProfileError,
    UnsendableSettingError,
)
from core.wire.validation import RequestValidationError

THROTTLE_REQUEUES = 5
"""How often an item still throttled after the client's own retries goes back in the queue before it fails."""
CONNECTION_FAILURES_TO_GIVE_UP = 3
"""Items of one profile failing in a row because the provider cannot be reached (or is gone) before its
remaining items are failed at once."""

Profile = str | None
Item = TypeVar("Item", bound=Hashable)
Failure = TypeVar("Failure")


@dataclass(frozen=True)
class Sent(Generic[Failure]):
    """How a sent item ended, as far as its provider's health goes."""

    succeeded: bool
    """It went through: the profile's count of failures in a row starts again."""
    unreachable: Failure | None = None
    """Set when the provider could not be reached: what the profile's remaining items fail with if it is
    given up."""


class ProfileQueue(Generic[Item, Failure]):
    def __init__(
        self,
        clients: ClientPool,
        concurrency: int,
        send: Callable[[Profile, Item], Awaitable[Sent[Failure] | None]],
        given_up: Callable[[Item, Failure], Awaitable[None]],
        retry: RetryPolicy,
    ) -> None:
        """`send` sends one item (through `request`) and keeps its result; None when nothing ended (the item
        was requeued, or cut). `given_up` fails one queued item of a provider given up."""
        self._clients = clients
        self._concurrency = concurrency
        self._send = send
        self._given_up = given_up
        self._retry = retry
        self.queues: dict[Profile, deque[Item]] = {}
        self.in_flight: dict[Item, ReplyRun | None] = {}
        """None while the client is being made (nothing to cancel yet)."""
        self.stopped = asyncio.Event()
        self.cut = False
        """The requests in flight were stopped too."""
        self._hold_until: dict[Profile, float] = {}
        """Monotonic time before which a profile starts no new request (a throttled answer said to wait)."""
        self._requeued: dict[Item, int] = {}
        self._failures_in_a_row: dict[Profile, int] = {}
        self._workers: dict[Profile, set[asyncio.Task[None]]] = {}

    def extend(self, profile: Profile, items: Iterable[Item]) -> None:
        self.queues.setdefault(profile, deque()).extend(items)

    def queued(self) -> Iterator[Item]:
        return (item for queue in self.queues.values() for item in queue)

    def profiles_waiting(self) -> int:
        """How many profiles have items not yet started."""
        return sum(1 for queue in self.queues.values() if queue)

    def staff(self) -> None:
        """Workers for each profile's queue, up to the concurrency (counting those still working)."""
        for profile, queue in self.queues.items():
            working = self._workers.setdefault(profile, set())
            for _ in range(min(self._concurrency, len(working) + len(queue)) - len(working)):
                task = asyncio.ensure_future(self._work(profile))
                working.add(task)
                task.add_done_callback(working.discard)

    def workers(self) -> list[asyncio.Task[None]]:
        """The workers still working."""
        return [task for tasks in self._workers.values() for task in tasks]

    def stop(self, *, cut: bool = False) -> None:
        """Start nothing new; with `cut`, cancel the requests in flight too."""
        self.stopped.set()
        if cut:
            self.cut = True
            for reply in self.in_flight.values():
                if reply is not None:
                    reply.cancel()

    async def request(
        self, profile: Profile, item: Item, messages: list[ChatMessage], settings: RequestSettings
    ) -> ReplyResult:
        """One request for the item through the profile's client; its throttled retries hold the profile."""
        self.in_flight[item] = None
        try:
            try:
                client = await self._clients.client_for(profile)
            except ApiError as error:
                return ReplyResult(message=None, error=error)
            if self.cut:  # cut while the client was being made
                return ReplyResult(message=None, cancelled=True)

            def throttled(error: ApiError, wait: float, _: int) -> None:
                if is_throttled(error):
                    self._hold(profile, wait)

            try:
                stream = client.stream(messages, settings, on_retry=throttled)
            except RequestValidationError as error:  # checked before the run started; changed since?
                return ReplyResult(message=None, error=UnsendableSettingError(str(error)))
            reply = ReplyRun(stream)
            self.in_flight[item] = reply
            return await reply.result()
        finally:
            del self.in_flight[item]

    def requeued(self, profile: Profile, item: Item, error: ApiError | None) -> bool:
        """An item still throttled after the client's retries waits its turn again, at the queue's front."""
        if error is None or not is_throttled(error) or self.stopped.is_set():
            return False
        tries = self._requeued.get(item, 0)
        if tries >= THROTTLE_REQUEUES:
            return False
        self._requeued[item] = tries + 1
        retry_after = error.retry_after if isinstance(error, ApiStatusError) else None
        self._hold(profile, self._retry.delay(tries, retry_after, throttled=True))
        self.queues[profile].appendleft(item)
        return True

    async def _work(self, profile: Profile) -> None:
        """One slot of the profile's concurrency: items one after the other until the queue is empty."""
        queue = self.queues[profile]
        while queue and not self.stopped.is_set():
            wait = self._hold_until.get(profile, 0.0) - time.monotonic()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stopped.wait(), wait)
                continue
            sent = await self._send(profile, queue.popleft())
            if sent is None:
                continue
            if sent.unreachable is not None:
                self._failures_in_a_row[profile] = self._failures_in_a_row.get(profile, 0) + 1
                if self._failures_in_a_row[profile] >= CONNECTION_FAILURES_TO_GIVE_UP:
                    await self._give_up(profile, sent.unreachable)
            elif sent.succeeded:
                self._failures_in_a_row[profile] = 0

    def _hold(self, profile: Profile, seconds: float) -> None:
        until = time.monotonic() + seconds
        self._hold_until[profile] = max(self._hold_until.get(profile, 0.0), until)

    async def _give_up(self, profile: Profile, failure: Failure) -> None:
        """The provider is gone: its queued items fail now with the error the last ones met."""
        queue = self.queues[profile]
        while queue:
            await self._given_up(queue.popleft(), failure)


def unreachable(error: ApiError | None) -> bool:
    """The provider cannot be reached or is no longer there: more requests will meet the same."""
    return isinstance(error, ApiConnectionError | UnknownProfileError | MissingKeyError)

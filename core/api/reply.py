"""Reading one reply from the network: timings, the result, and a clean stop when cancelled."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import cast

import httpx

from core.api.bodies import megabytes, read_capped
from core.api.limits import NetworkLimits
from core.model.error_detail import DetailKind, ErrorDetail, english
from core.model.messages import AssistantMessage
from core.model.profile import ApiStyle
from core.wire.accumulate import MessageSnapshot, StreamUpdate, apply_event
from core.wire.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    MalformedStreamError,
    ReplyNotStartedError,
    ReplyStalledError,
    ResponseTooLargeError,
    without_secret,
)
from core.wire.exchange import Exchange, ExchangeCapture
from core.wire.openai.compat import convert_chat_completion
from core.wire.relay_headers import request_id_of
from core.wire.stream_reader import StreamReader

_CONTENT_UPDATES = frozenset({"text", "thinking", "tool_input", "citation"})
_NOT_PROGRESS = frozenset({"message_start", "ping", "ignored"})
"""Updates that do not show a reply being written: `message_start` comes before any work is done, and a
relay can send pings or events of unknown types for ever."""


@dataclass
class StreamMetrics:
    """Monotonic timestamps of one request; durations are derived from them."""

    started: float = field(default_factory=time.monotonic)
    headers_at: float | None = None
    first_content_at: float | None = None
    finished_at: float | None = None
    bytes_received: int = 0

    @property
    def time_to_first_token(self) -> float | None:
        return None if self.first_content_at is None else self.first_content_at - self.started

    @property
    def duration(self) -> float | None:
        return None if self.finished_at is None else self.finished_at - self.started


@dataclass
class ReplyResult:
    """How a reply ended: the message (partial if it was cut or stopped), and the error if any."""

    message: AssistantMessage | None
    error: ApiError | None = None
    cancelled: bool = False
    metrics: StreamMetrics = field(default_factory=StreamMetrics)
    request_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    exchange: Exchange | None = None
    """What was sent and received (key redacted), when a request went out."""

    @property
    def complete(self) -> bool:
        return self.error is None and not self.cancelled and self.message is not None


class MessageStream:
    """`async with stream: async for update in stream: ...`; then `stream.message()` holds what arrived."""

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx.Response]],
        *,
        api_style: ApiStyle,
        warnings: list[str] | None = None,
        capture: ExchangeCapture | None = None,
        secrets: tuple[str, ...] = (),
        limits: NetworkLimits | None = None,
    ) -> None:
        self._open_response = open_response
        self.limits = limits or NetworkLimits()
        self.secrets = secrets
        """The key the request carries and the base URL's and the proxy's credentials: taken out of any error
        the server's words make. All of them: an `error` event mid-stream, or an answer that is not JSON, may
        echo the URL's password as well as the key."""
        self.capture = capture or ExchangeCapture()
        self._api_style = api_style
        self._response: httpx.Response | None = None
        self.snapshot: MessageSnapshot | None = None
        self.metrics = StreamMetrics()
        self.request_id: str | None = None
        self.warnings: list[str] = list(warnings or [])

    async def __aenter__(self) -> MessageStream:
        self.metrics = StreamMetrics()
        self._response = await self._open_response()
        self.metrics.headers_at = time.monotonic()
        self.request_id = request_id_of(self._response.headers)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.metrics.finished_at = time.monotonic()
        if self._response is not None:
            await self._response.aclose()

    def message(self) -> AssistantMessage | None:
        return None if self.snapshot is None else self.snapshot.to_message()

    async def __aiter__(self) -> AsyncIterator[StreamUpdate]:
        if self._response is None:
            raise RuntimeError("Use `async with` before iterating a MessageStream.")
        if "text/event-stream" not in self._response.headers.get("content-type", ""):
            for update in await self._read_whole_message():
                yield update
            return
        reader = StreamReader(self._api_style, request_id=self.request_id)
        response, metrics, capture = self._response, self.metrics, self.capture
        # An uncompressed stream (as servers send them) is read raw: `aiter_bytes` is one more generator,
        # resumed for every chunk (often a single event), around a decoder and a chunker that pass it through.
        # httpx annotates both as AsyncIterators; they are async generators, which have aclose().
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        chunks = cast(
            AsyncGenerator[bytes, None],
            response.aiter_raw() if encoding in ("", "identity") else response.aiter_bytes(),
        )
        stream_bytes = self.limits.stream_bytes
        began = False
        deadline = time.monotonic() + self.limits.first_event
        pings = 0
        try:
            try:
                # The bytes are read here rather than in a generator of their own: each layer of generators
                # is resumed for every chunk, and a chunk is often a single event.
                try:
                    async for chunk in chunks:
                        metrics.bytes_received += len(chunk)
                        if metrics.bytes_received > stream_bytes:
                            raise self._too_large()
                        capture.body_read(chunk)
                        updates = reader.feed(chunk)
                        self.snapshot = reader.snapshot  # live, so a saver can read the reply as it streams
                        progressed = False
                        for update in updates:
                            if update.kind in _NOT_PROGRESS:
                                pings += update.kind == "ping"
                            else:
                                progressed = True
                                if metrics.first_content_at is None and update.kind in _CONTENT_UPDATES:
                                    metrics.first_content_at = time.monotonic()
                            yield update
                        # Checked as bytes arrive, with no timer: while none arrive the idle limit (httpx's
                        # read timeout) is the one that applies, and pings or a trickle are bytes arriving.
                        # A timer per chunk would cost a Qt timer each under qasync: 100,000 deltas stall.
                        if progressed:
                            began = True
                            deadline = time.monotonic() + self.limits.progress
                        elif time.monotonic() > deadline:
                            raise self._no_progress(began, pings)
                except httpx.TransportError as exc:  # timeouts included
                    raise self._transport_error(exc) from exc
            except ApiConnectionError:
                if reader.broken is not None:
                    # The stream had already broken the protocol; the cut that followed is not the news.
                    raise reader.broken from None
                # A cut after the stop reason loses nothing; finish() notes the missing message_stop.
                if reader.snapshot is None or reader.snapshot.stop_reason is None:
                    raise
            updates, warnings = reader.finish()
            self.warnings.extend(warnings)
            for update in updates:
                if metrics.first_content_at is None and update.kind in _CONTENT_UPDATES:
                    metrics.first_content_at = time.monotonic()
                yield update
        finally:
            self.snapshot = reader.snapshot
            self.warnings.extend(w for w in reader.warnings if w not in self.warnings)
            # A stream that broke the protocol leaves the loop early. The response closes first, then the
            # byte iterators, here in this task: left to the garbage collector, httpcore's would close the
            # connection outside any task (anyio refuses, and the error surfaces later as noise).
            await response.aclose()
            await chunks.aclose()

    def _no_progress(self, began: bool, pings: int) -> ReplyStalledError | ReplyNotStartedError:
        came = f"{self.metrics.bytes_received:,} bytes" + (f", {pings} of them pings" if pings else "")
        if began:
            return ReplyStalledError(
                f"The reply made no progress for {self.limits.progress:g} s: nothing but keep-alive pings "
                f"or a trickle of bytes ({came} in all).",
                request_id=self.request_id,
            )
        return ReplyNotStartedError(
            f"The reply did not begin within {self.limits.first_event:g} s of the response headers: "
            f"{came} came, but no content.",
            request_id=self.request_id,
        )

    def _too_large(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"The stream went on past {megabytes(self.limits.stream_bytes)}, which no reply does: reading "
            "stopped there, and what arrived is kept.",
            limit=self.limits.stream_bytes,
            request_id=self.request_id,
        )

    def _transport_error(self, exc: httpx.TransportError) -> ApiError:
        """The stream stalled (httpx's read timeout) or was cut, after so many bytes."""
        if isinstance(exc, httpx.TimeoutException):
            detail = ErrorDetail(DetailKind.STREAM_STALLED_AFTER, count=self.metrics.bytes_received)
            error: ApiError = ApiTimeoutError(english(detail), request_id=self.request_id)
        else:
            detail = ErrorDetail(DetailKind.STREAM_CUT_AFTER, count=self.metrics.bytes_received)
            error = ApiConnectionError(english(detail), request_id=self.request_id)
        error.detail = detail
        return error

    async def _read_whole_message(self) -> list[StreamUpdate]:
        """A non-streaming answer: parse it and report it as one finished message."""
        assert self._response is not None
        cap = self.limits.whole_body_bytes
        read = await read_capped(self._response, cap, self.limits.whole_reply, "the reply")
        if read.cut:
            raise ResponseTooLargeError(
                f"The reply (not streamed) went on past {megabytes(cap)}, which no reply does: it was not "
                "read. Check the profile's base URL, or turn streaming on.",
                limit=cap,
                request_id=self.request_id,
            )
        body = read.data
        self.capture.body_read(body)
        try:
            data = json.loads(body)
        except ValueError:
            raise MalformedStreamError(
                f"The answer is neither a stream nor JSON: {body[:200]!r}", request_id=self.request_id
            ) from None
        message = (
            convert_chat_completion(data) if self._api_style == "openai" else AssistantMessage.from_api(data)
        )
        full = message.to_api()
        self.snapshot, _ = apply_event(None, {"type": "message_start", "message": full})
        self.snapshot.stop_reason = message.stop_reason
        self.snapshot.stop_sequence = message.stop_sequence
        self.snapshot.stop_details = message.stop_details
        self.snapshot.container = message.container
        self.snapshot.stopped = True
        if message.content:
            self.metrics.first_content_at = time.monotonic()
        return [StreamUpdate("message_start"), StreamUpdate("message_stop")]


async def run_reply(
    stream: MessageStream, on_update: Callable[[StreamUpdate], None] | None = None
) -> ReplyResult:
    """Read a reply to its end. Cancelling the task that runs this closes the connection at once and
    still returns what arrived, marked cancelled."""
    error: ApiError | None = None
    cancelled = False
    try:
        async with stream:
            async for update in stream:
                if on_update is not None:
                    on_update(update)
    except ApiError as exc:
        error = without_secret(exc, *stream.secrets)
    except asyncio.CancelledError:
        cancelled = True
        _acknowledge_cancellation()
    if stream.snapshot is not None:
        stream.warnings.extend(w for w in stream.snapshot.warnings if w not in stream.warnings)
    return ReplyResult(
        message=stream.message(),
        error=error,
        cancelled=cancelled,
        metrics=stream.metrics,
        request_id=stream.request_id or (error.request_id if error else None),
        warnings=stream.warnings,
        exchange=stream.capture.record(),
    )


def _acknowledge_cancellation() -> None:
    """The stop was asked for and is done; let the task finish normally with the partial result."""
    task = asyncio.current_task()
    if task is not None:
        task.uncancel()


class ReplyRun:
    """A reply in flight as its own task: `cancel()` stops it at once; `await result()` gives what came."""

    def __init__(
        self, stream: MessageStream, on_update: Callable[[StreamUpdate], None] | None = None
    ) -> None:
        self.stream = stream
        self._task = asyncio.ensure_future(run_reply(stream, on_update))

    def cancel(self) -> None:
        self._task.cancel()

    @property
    def done(self) -> bool:
        return self._task.done()

    async def stop(self) -> ReplyResult:
        """Cancel and wait for what arrived; safe to call from a task that is itself being cancelled."""
        self._task.cancel()
        return await self.result()

    async def result(self) -> ReplyResult:
        try:
            return await asyncio.shield(self._task)
        except asyncio.CancelledError:
            if not self._task.cancelled():
                raise
            # Cancelled before the request even started: nothing arrived.
            return ReplyResult(message=None, cancelled=True, metrics=self.stream.metrics)

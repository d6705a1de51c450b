"""Putting a rendered reply on the wire: SSE framing, pacing, injected faults, gzip, cut connections.

Both stream dialects (Anthropic events, OpenAI chunks) render a reply as a list of `Frame`s; `schedule`
turns frames, faults and pace into steps (bytes to write, seconds to wait) and `write_steps` sends them.
"""

from __future__ import annotations

import asyncio
import json
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from aiohttp import web

from core.demo.script import (
    CutMidEvent,
    DuplicateMessageStart,
    ErrorEvent,
    Fault,
    MalformedData,
    NoMessageStop,
    Pace,
    PingsForever,
    Stall,
    Trickle,
    UnknownEvent,
)


@dataclass(frozen=True)
class Frame:
    """One SSE event as bytes. `is_delta` frames are paced and counted by faults' `after_deltas`;
    the `is_terminal` frame (`message_stop`, `[DONE]`) is what NoMessageStop leaves out."""

    data: bytes
    is_delta: bool = False
    is_terminal: bool = False


class Dialect(Protocol):
    """What differs between the Anthropic and the OpenAI stream when a fault is injected."""

    def error_frame(self, fault: ErrorEvent) -> Frame: ...

    def malformed_frame(self) -> Frame: ...

    def ping_frame(self) -> Frame: ...


def to_json(data: Any) -> str:
    # Compact and raw UTF-8 like the API: decoders must cope with multi-byte characters (and U+2028).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def sse_event(name: str, data: Any) -> bytes:
    return f"event: {name}\ndata: {to_json(data)}\n\n".encode()


def sse_data(data: Any) -> bytes:
    return f"data: {to_json(data)}\n\n".encode()


@dataclass(frozen=True)
class Forever:
    """Write `data` every `interval` seconds until the client leaves."""

    data: bytes
    interval: float


Step = bytes | float | Forever
"""Bytes to write, seconds to wait, or a write repeated for ever."""


def schedule(
    frames: Sequence[Frame],
    faults: Sequence[Fault],
    pace: Pace,
    dialect: Dialect,
    *,
    error_after_cut: ErrorEvent | None = None,
) -> list[Step]:
    """The frames in order, with each fault's event or pause inserted where it belongs and the pace's
    wait before every delta. An error event ends the stream where it is inserted. With `error_after_cut`,
    a CutMidEvent's half event is followed straight away (no line end) by a ping and this error event, as a
    relay that outlived its upstream writes them (`core.demo.quirks.CUT_THEN_ERROR`)."""
    frames = list(frames)
    if any(isinstance(fault, NoMessageStop) for fault in faults):
        frames = [frame for frame in frames if not frame.is_terminal]
    if any(isinstance(fault, DuplicateMessageStart) for fault in faults) and frames:
        frames = [frames[0], *frames]

    inserted: dict[int, list[Step]] = defaultdict(list)
    end = len(frames)
    for fault in faults:
        if isinstance(fault, Stall):
            inserted[_position(frames, fault.after_deltas)].append(float(fault.seconds))
        elif isinstance(fault, MalformedData):
            inserted[_position(frames, fault.after_deltas)].append(dialect.malformed_frame().data)
        elif isinstance(fault, UnknownEvent):
            position = _position(frames, fault.after_deltas)
            inserted[position].append(sse_event(fault.name, {"type": fault.name}))
        elif isinstance(fault, ErrorEvent):
            position = _position(frames, fault.after_deltas)
            inserted[position].append(dialect.error_frame(fault).data)
            end = min(end, position)
        elif isinstance(fault, CutMidEvent):
            end = min(end, _position(frames, fault.after_deltas))
        elif isinstance(fault, PingsForever):
            # Never before the first event: a stream that opens with a ping is malformed, not slow.
            position = max(1, _position(frames, fault.after_deltas))
            inserted[position].append(Forever(dialect.ping_frame().data, fault.interval))
            end = min(end, position)

    steps: list[Step] = []
    for index, frame in enumerate(frames[:end]):
        steps.extend(inserted.get(index, ()))
        if frame.is_delta and pace.delta_interval > 0:
            steps.append(float(pace.delta_interval))
        steps.append(frame.data)
    steps.extend(inserted.get(end, ()))
    cut = next((fault for fault in faults if isinstance(fault, CutMidEvent)), None)
    if cut is not None:
        steps.append(_cut_part(b"".join(frame.data for frame in frames[end:]), cut.inside_character))
        if error_after_cut is not None:
            steps += [dialect.ping_frame().data, dialect.error_frame(error_after_cut).data]
    trickle = next((fault for fault in faults if isinstance(fault, Trickle)), None)
    if trickle is not None:
        steps = _trickled(steps, frames, trickle)
    return steps


def _trickled(steps: list[Step], frames: Sequence[Frame], trickle: Trickle) -> list[Step]:
    """The steps, with every byte from the trickle's position on written alone, `interval` apart."""
    position = _position(frames, trickle.after_deltas)
    start = frames[position].data if position < len(frames) else None
    at = next((index for index, step in enumerate(steps) if step is start), len(steps))
    slow: list[Step] = []
    for step in steps[at:]:
        if isinstance(step, bytes):
            for index in range(len(step)):
                slow += [float(trickle.interval), step[index : index + 1]]
        else:
            slow.append(step)
    return steps[:at] + slow


def _cut_part(rest: bytes, inside_character: bool) -> bytes:
    """The start of what remains, up to where CutMidEvent cuts it."""
    if inside_character:
        lead = next((i for i, byte in enumerate(rest) if byte >= 0xC0), None)
        if lead is None:
            raise ValueError("CutMidEvent(inside_character=True) needs non-ASCII text after the cut point")
        return rest[: lead + 1]
    event = rest.split(b"\n\n", 1)[0]
    return rest[: max(1, len(event) // 2)]


def _position(frames: Sequence[Frame], after_deltas: int) -> int:
    """Index of the frame that follows the `after_deltas`-th delta (0: the very start; past the last
    delta: just after it)."""
    delta_ends = [index + 1 for index, frame in enumerate(frames) if frame.is_delta]
    if after_deltas <= 0 or not delta_ends:
        return 0
    return delta_ends[min(after_deltas, len(delta_ends)) - 1]


Outcome = Literal["sent", "client_gone", "cut"]

SentLog = list[tuple[float, bytes]]
"""Body bytes as written (after gzip), each with the `time.monotonic()` when it went to the socket."""


async def write_steps(
    request: web.Request,
    response: web.StreamResponse,
    steps: Sequence[Step],
    *,
    gzip: bool = False,
    cut_after: int | None = None,
    sent: SentLog | None = None,
) -> Outcome:
    """Write the steps on a prepared response, gzip-compressed and cut after `cut_after` body bytes
    if asked, noting each write in `sent`. A client that goes away mid-write is reported, not raised."""
    budget = cut_after
    log = sent if sent is not None else []
    try:
        for step in _encoded(steps, gzip):
            if isinstance(step, float):
                await asyncio.sleep(step)
                continue
            if isinstance(step, Forever):
                while True:
                    log.append((time.monotonic(), step.data))
                    await response.write(step.data)
                    await asyncio.sleep(step.interval)
            if budget is not None and len(step) >= budget:
                log.append((time.monotonic(), step[:budget]))
                await response.write(step[:budget])
                return _cut(request)
            log.append((time.monotonic(), step))
            await response.write(step)
            if budget is not None:
                budget -= len(step)
        if budget is not None:
            return _cut(request)
        await response.write_eof()
    except ConnectionResetError:
        # A leaving client usually cancels the handler (handler_cancellation); a write that runs after
        # the reset but before the cancellation lands finds the transport closing instead.
        return "client_gone"
    return "sent"


def _encoded(steps: Sequence[Step], gzip: bool) -> Iterator[Step]:
    if not gzip:
        yield from steps
        return
    compressor = zlib.compressobj(wbits=31)
    for step in steps:
        # A sync flush per event, so a gzip stream still arrives event by event.
        if isinstance(step, bytes):
            yield compressor.compress(step) + compressor.flush(zlib.Z_SYNC_FLUSH)
        elif isinstance(step, Forever):
            data = compressor.compress(step.data) + compressor.flush(zlib.Z_SYNC_FLUSH)
            yield Forever(data, step.interval)
        else:
            yield step
    yield compressor.flush()


def _cut(request: web.Request) -> Outcome:
    # close(), not abort(): the bytes already written must reach the client before the FIN does.
    if request.transport is not None:
        request.transport.close()
    return "cut"

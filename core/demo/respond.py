"""Script items as aiohttp responses: API errors in either API's shape, raw bodies, replies."""

from __future__ import annotations

import asyncio
import gzip as gzip_format
import time
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from core.demo.anthropic_stream import AnthropicDialect, message_frames
from core.demo.openai_stream import Completion, OpenAIDialect, chunk_frames, completion_body, error_body
from core.demo.quirks import FAITHFUL, UPSTREAM_CUT_MESSAGE, Quirks, overloaded_500_body
from core.demo.script import (
    CutConnection,
    CutMidEvent,
    EndlessBody,
    ErrorEvent,
    Gzip,
    HttpError,
    Pace,
    RawResponse,
    Reply,
    StallBeforeHeaders,
    new_id,
)
from core.demo.wire import Outcome, SentLog, Step, schedule, to_json, write_steps
from core.model.messages import AssistantMessage

_EVERYTHING = 1 << 62
_SSE_HEADERS = {"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"}


def error_response(error: HttpError, *, openai: bool, request_id: str) -> web.Response:
    """The error as the endpoint's API words it: OpenAI's `{"error": ...}` or Anthropic's body."""
    if openai:
        body = error_body(error.type, error.message)
    else:
        body = {
            "type": "error",
            "error": {"type": error.type, "message": error.message},
            "request_id": request_id,
        }
    return web.Response(
        status=error.status,
        text=to_json(body),
        content_type="application/json",
        headers=dict(error.headers),
    )


def relayed_error_response(
    error: HttpError, *, openai: bool, request_id: str, quirks: Quirks
) -> web.Response:
    """The error as a relay with these quirks passes it on: an overloaded one as LiteLLM's 500."""
    if quirks.overloaded_as_500 and error.type == "overloaded_error":
        return web.Response(
            status=500, body=overloaded_500_body(error.message), content_type="application/json"
        )
    return error_response(error, openai=openai, request_id=request_id)


def raw_response(item: RawResponse) -> web.Response:
    body = item.body.encode() if isinstance(item.body, str) else item.body
    return web.Response(
        status=item.status, body=body, headers={**item.headers, "Content-Type": item.content_type}
    )


async def endless_response(request: web.Request, item: EndlessBody) -> tuple[web.StreamResponse, Outcome]:
    """Headers, then `item.piece` again and again until the client leaves (or the server stops)."""
    response = web.StreamResponse(status=item.status, headers={"Content-Type": item.content_type})
    await response.prepare(request)
    try:
        while True:
            await response.write(item.piece)
    except ConnectionResetError:
        return response, "client_gone"


async def send_body(
    request: web.Request, body: bytes, *, gzip: bool, cut_after: int | None, sent: SentLog | None = None
) -> tuple[web.StreamResponse, Outcome]:
    """A JSON body with its full length announced, so a cut leaves the client visibly short."""
    encoded = gzip_format.compress(body) if gzip else body
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    if gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.content_length = len(encoded)
    await response.prepare(request)
    return response, await write_steps(request, response, [encoded], cut_after=cut_after, sent=sent)


async def send_stream(
    request: web.Request,
    steps: Sequence[Step],
    *,
    gzip: bool,
    cut_after: int | None,
    sent: SentLog | None = None,
) -> tuple[web.StreamResponse, Outcome]:
    """An SSE body, chunked: a cut stream lacks the chunked terminator as well as its last events."""
    response = web.StreamResponse(headers=_SSE_HEADERS)
    if gzip:
        response.headers["Content-Encoding"] = "gzip"
    await response.prepare(request)
    return response, await write_steps(request, response, steps, gzip=gzip, cut_after=cut_after, sent=sent)


async def send_reply(
    request: web.Request,
    reply: Reply,
    message: AssistantMessage,
    body: dict[str, Any],
    *,
    openai: bool,
    pace: Pace,
    sent: SentLog | None = None,
    quirks: Quirks = FAITHFUL,
) -> tuple[web.StreamResponse, Outcome]:
    """The reply as the request asked for it (streamed or whole, Anthropic or OpenAI), faults and all, as a
    relay with these quirks passes it on; each write is noted in `sent`."""
    stall = reply.fault(StallBeforeHeaders)
    if stall is not None:
        await asyncio.sleep(stall.seconds)
    compress = reply.fault(Gzip) is not None
    cut = reply.fault(CutConnection)
    cut_after = cut.after_bytes if cut is not None else None
    relay_error = (
        ErrorEvent(error_type="api_error", message=UPSTREAM_CUT_MESSAGE) if quirks.error_after_cut else None
    )
    if reply.fault(CutMidEvent) is not None and relay_error is None:
        # The scheduled steps already end inside the event; the connection closes once they are out.
        cut_after = _EVERYTHING
    completion = Completion(new_id("chatcmpl-"), int(time.time()), message.model)

    signatures = not quirks.strip_thinking_signatures
    if not body.get("stream"):
        payload = (
            completion_body(reply.content, message, completion, signatures=signatures)
            if openai
            else message.to_api()
        )
        return await send_body(
            request, to_json(payload).encode(), gzip=compress, cut_after=cut_after, sent=sent
        )
    if openai:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        frames = chunk_frames(
            reply.content, message, completion, pace, include_usage=include_usage, signatures=signatures
        )
        steps = schedule(frames, reply.faults, pace, OpenAIDialect(), error_after_cut=relay_error)
    else:
        frames = message_frames(reply.content, message, pace)
        steps = schedule(frames, reply.faults, pace, AnthropicDialect(), error_after_cut=relay_error)
    return await send_stream(request, steps, gzip=compress, cut_after=cut_after, sent=sent)

"""The fake Messages API: a real HTTP server on 127.0.0.1 for tests and for the app's offline demo.

It checks requests like the API (key, `anthropic-version`, body), records each one, and answers with the
next queued script item or, when none is queued, as the demo model. See `FakeServer`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from core.demo.batches import BATCHES, TOO_LARGE, BatchBook, BatchCaps, BatchPlan
from core.demo.checks import (
    check_auth,
    check_chat_completions_body,
    check_count_tokens_body,
    check_messages_body,
    check_version,
)
from core.demo.models import MODELS_BY_ID, models_page
from core.demo.prompt_cache import PromptCache
from core.demo.quirks import FAITHFUL, Quirks
from core.demo.replies import (
    DEMO_PACE,
    demo_reply,
    estimate_input_tokens,
    prompt_from_chat,
    prompt_from_messages,
)
from core.demo.respond import (
    endless_response,
    error_response,
    raw_response,
    relayed_error_response,
    send_reply,
)
from core.demo.script import (
    CutMidEvent,
    EndlessBody,
    ErrorEvent,
    HttpError,
    Pace,
    RawResponse,
    Reply,
    ScriptItem,
    new_id,
)
from core.demo.thread import ServerThread
from core.demo.wire import Outcome, SentLog, to_json

MESSAGES = "/v1/messages"
CHAT_COMPLETIONS = "/v1/chat/completions"
_GENERATION = "generation"
_SHUTDOWN_GRACE = 0.2
_NO_DELAY = Pace()
_MAX_REQUEST_BYTES = 32 * 1024 * 1024  # the API's limit; aiohttp's default of 1 MiB refuses image requests


@dataclass
class RecordedRequest:
    """One request as the server received it, and what became of it.

    `headers` has lower-case names; `body` is the parsed JSON (None when there was none or it did not
    parse). `reply` is the Message the request was answered with, in the Anthropic shape whichever the
    endpoint (None for errors). `disconnected` is set when the client went away before the response was
    complete; wait on it from sync code, or use `FakeServer.wait_for_disconnect` from async code.
    `sent` notes each write of a scripted or demo reply's body with its time, to compare what a client
    kept with what it had been sent.
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    raw_body: bytes
    request_id: str
    reply: dict[str, Any] | None = None
    disconnected: threading.Event = field(default_factory=threading.Event)
    sent: SentLog = field(default_factory=list)

    def body_sent_by(self, moment: float) -> bytes:
        """The reply's body bytes handed to the socket up to `moment` (a `time.monotonic()` reading)."""
        return b"".join(chunk for written_at, chunk in self.sent if written_at <= moment)


@dataclass
class _Exchange:
    record: RecordedRequest
    # Set when the server closed the connection itself (CutConnection): that is not the client leaving.
    server_closed: bool = False


_EXCHANGE = web.RequestKey("exchange", _Exchange)


class FakeServer:
    """A Messages API (and OpenAI chat completions) server on 127.0.0.1, scripted per test.

    Endpoints: `POST /v1/messages` (JSON or SSE), `POST /v1/chat/completions` (JSON or SSE chunks),
    `POST /v1/messages/count_tokens`, `GET /v1/models` (paged) and `GET /v1/models/{id}`, and the Message
    Batches API under `/v1/messages/batches` (create, list, retrieve, cancel, results, delete; scripted
    with `plan_batches`, see `core.demo.batches`) unless `batches=False` (a relay without it: 404s).

        async with FakeServer(api_key="sk-test") as server:
            server.enqueue(Reply([Text("Hello!")]), HttpError(529, "Overloaded"))
            ...  # point a client at server.base_url

    Each generation request consumes the next `enqueue`d item (`Reply`, `HttpError`, `RawResponse`);
    with none queued it answers as the demo model. Requests that fail a check (auth, version, body)
    consume nothing. `enqueue(..., path="/v1/models")` scripts another path instead. Every request is
    in `requests`. For sync code use `FakeServer.running_in_thread(...)`; for the app, `ServerThread`.

    Args:
        api_key: the key clients must send (`x-api-key` or `Authorization: Bearer`).
        port: 0 picks a free port.
        pace: delivery of demo replies and of scripted replies that set no pace of their own.
        quirks: a relay's habits applied to every answer (`core.demo.quirks`); FAITHFUL changes nothing.
        keep_requests: how many of the latest requests `requests` keeps; None (tests): every one.
        batches: serve the Message Batches API (most relays do not: False answers its paths 404).
        batch_plan: how a batch goes when no `plan_batches` plan is queued for it.
        batch_caps: what one batch may hold before it is refused (the API's limits; tests make them tiny).
    """

    def __init__(
        self,
        api_key: str = "sk-test",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        pace: Pace = _NO_DELAY,
        quirks: Quirks = FAITHFUL,
        keep_requests: int | None = None,
        batches: bool = True,
        batch_plan: BatchPlan | None = None,
        batch_caps: BatchCaps | None = None,
    ):
        self.api_key = api_key
        self.host = host
        self.port = port
        self.pace = pace
        self.quirks = quirks
        self.requests: list[RecordedRequest] = []
        self._keep_requests = keep_requests
        self._script: defaultdict[str, deque[ScriptItem]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None
        self._stopping = False
        self._cache = PromptCache()
        self.serves_batches = batches
        self.batches = BatchBook(batch_plan, caps=batch_caps)

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT`, without `/v1` (what the anthropic SDK takes as `base_url`)."""
        if self._runner is None:
            raise RuntimeError("the server is not running")
        return f"http://{self.host}:{self.port}"

    def enqueue(self, *items: ScriptItem, path: str | None = None) -> None:
        """Queue answers, in order: for the generation endpoints, or for one exact `path`."""
        if path not in (None, MESSAGES, CHAT_COMPLETIONS) and any(isinstance(item, Reply) for item in items):
            raise TypeError(
                f"{path} cannot answer with a Reply, only with HttpError, RawResponse, EndlessBody"
            )
        self._script[path or _GENERATION].extend(items)

    def plan_batches(self, *plans: BatchPlan) -> None:
        """How the next batches created go, in order (see `core.demo.batches.BatchPlan`)."""
        self.batches.plan(*plans)

    @property
    def disconnects(self) -> list[RecordedRequest]:
        """The requests whose client went away before the response was complete."""
        return [record for record in self.requests if record.disconnected.is_set()]

    async def wait_for_disconnect(self, timeout: float = 5.0) -> RecordedRequest:
        """The first request whose client went away; waits up to `timeout` seconds for one."""
        async with asyncio.timeout(timeout):
            while not self.disconnects:
                await asyncio.sleep(0.005)
        return self.disconnects[0]

    # --- lifecycle ------------------------------------------------------------------------------------

    async def start(self) -> str:
        """Start listening; returns `base_url`."""
        # A batch may be larger than a message (256 MB against 32 MB): read up to the larger, then each
        # endpoint answers its own limit as the API does.
        biggest = max(_MAX_REQUEST_BYTES, self.batches.caps.body_bytes) + 1
        app = web.Application(middlewares=[self._exchange], client_max_size=biggest)
        app.on_response_prepare.append(self._stamp_request_id)
        app.router.add_post(MESSAGES, self._messages)
        app.router.add_post(CHAT_COMPLETIONS, self._chat_completions)
        app.router.add_post("/v1/messages/count_tokens", self._count_tokens)
        app.router.add_get("/v1/models", self._models)
        app.router.add_get("/v1/models/{model_id}", self._model)
        if self.serves_batches:
            app.router.add_post(BATCHES, self._create_batch)
            app.router.add_get(BATCHES, self._list_batches)
            app.router.add_get(BATCHES + "/{batch_id}", self._retrieve_batch)
            app.router.add_delete(BATCHES + "/{batch_id}", self._delete_batch)
            app.router.add_post(BATCHES + "/{batch_id}/cancel", self._cancel_batch)
            app.router.add_get(BATCHES + "/{batch_id}/results", self._batch_results)
        # Handler cancellation is how the server notices a client leaving during a stall.
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=_SHUTDOWN_GRACE
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self.port = runner.addresses[0][1]
        self._runner = runner
        self._stopping = False
        return self.base_url

    async def stop(self) -> None:
        if self._runner is None:
            return
        self._stopping = True
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @classmethod
    @contextmanager
    def running_in_thread(cls, api_key: str = "sk-test", **kwargs: Any) -> Iterator[FakeServer]:
        """A server on its own event loop in a background thread, for sync clients (the official SDKs)."""
        thread = ServerThread(cls(api_key, **kwargs))
        thread.start()
        try:
            yield thread.server
        finally:
            thread.stop()

    # --- every request --------------------------------------------------------------------------------

    @web.middleware
    async def _exchange(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        raw = await request.read()
        record = RecordedRequest(
            method=request.method,
            path=request.path,
            query=dict(request.query),
            headers={name.lower(): value for name, value in request.headers.items()},
            body=_parsed(raw),
            raw_body=raw,
            request_id=new_id("req_"),
        )
        self.requests.append(record)
        if self._keep_requests is not None and len(self.requests) > self._keep_requests:
            del self.requests[: len(self.requests) - self._keep_requests]
        exchange = _Exchange(record)
        request[_EXCHANGE] = exchange
        if len(raw) > _MAX_REQUEST_BYTES and request.path != BATCHES:
            return error_response(
                HttpError(413, TOO_LARGE),
                openai=request.path == CHAT_COMPLETIONS,
                request_id=record.request_id,
            )
        try:
            return await handler(request)
        except web.HTTPException as exc:  # no such path or method: still answered in the API's shape
            error = HttpError(exc.status, exc.reason)
            return error_response(
                error, openai=request.path == CHAT_COMPLETIONS, request_id=record.request_id
            )
        except asyncio.CancelledError:
            if not (self._stopping or exchange.server_closed):
                record.disconnected.set()
            raise

    async def _stamp_request_id(self, request: web.BaseRequest, response: web.StreamResponse) -> None:
        exchange = request.get(_EXCHANGE)
        if exchange is not None:
            response.headers["request-id"] = exchange.record.request_id
            if self.quirks != FAITHFUL:
                relayed = self.quirks.headers(response.headers, new_id("call_"))
                response.headers.clear()
                response.headers.update(relayed)

    # --- endpoints ------------------------------------------------------------------------------------

    async def _messages(self, request: web.Request) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        rejection = (
            check_auth(record.headers, self.api_key)
            or check_version(record.headers)
            or check_messages_body(record.body)
        )
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=record.request_id)
        item = self._next(MESSAGES) or demo_reply(prompt_from_messages(record.body), self.pace)
        return await self._answer(request, item, openai=False)

    async def _chat_completions(self, request: web.Request) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        rejection = check_auth(record.headers, self.api_key) or check_chat_completions_body(record.body)
        if rejection is not None:
            return error_response(rejection, openai=True, request_id=record.request_id)
        item = self._next(CHAT_COMPLETIONS) or demo_reply(prompt_from_chat(record.body), self.pace)
        return await self._answer(request, item, openai=True)

    async def _count_tokens(self, request: web.Request) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        rejection = (
            check_auth(record.headers, self.api_key)
            or check_version(record.headers)
            or check_count_tokens_body(record.body)
        )
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=record.request_id)
        return await self._scripted(request) or _json({"input_tokens": estimate_input_tokens(record.body)})

    async def _models(self, request: web.Request) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        rejection = check_auth(record.headers, self.api_key) or _check_limit(record.query.get("limit", "20"))
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=record.request_id)
        limit = int(record.query.get("limit", "20"))
        return await self._scripted(request) or _json(
            models_page(limit, record.query.get("after_id"), record.query.get("before_id"))
        )

    async def _model(self, request: web.Request) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        model_id = request.match_info["model_id"]
        rejection = check_auth(record.headers, self.api_key)
        if rejection is None and model_id not in MODELS_BY_ID:
            rejection = HttpError(404, f"model: {model_id}")
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=record.request_id)
        return await self._scripted(request) or _json(MODELS_BY_ID[model_id].to_api())

    # --- the Message Batches API --------------------------------------------------------------------

    async def _create_batch(self, request: web.Request) -> web.StreamResponse:
        return await self._batch_call(
            request,
            lambda: self.batches.create(
                _record(request).body, _origin(request), len(_record(request).raw_body)
            ),
        )

    async def _list_batches(self, request: web.Request) -> web.StreamResponse:
        query = _record(request).query
        limit = query.get("limit", "20")
        rejection = _check_limit(limit)
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=_record(request).request_id)
        return await self._batch_call(
            request,
            lambda: self.batches.page(
                int(limit), query.get("after_id"), query.get("before_id"), _origin(request)
            ),
        )

    async def _retrieve_batch(self, request: web.Request) -> web.StreamResponse:
        batch_id = request.match_info["batch_id"]
        return await self._batch_call(request, lambda: self.batches.retrieve(batch_id, _origin(request)))

    async def _cancel_batch(self, request: web.Request) -> web.StreamResponse:
        batch_id = request.match_info["batch_id"]
        return await self._batch_call(request, lambda: self.batches.cancel(batch_id, _origin(request)))

    async def _delete_batch(self, request: web.Request) -> web.StreamResponse:
        batch_id = request.match_info["batch_id"]
        return await self._batch_call(request, lambda: self.batches.delete(batch_id))

    async def _batch_results(self, request: web.Request) -> web.StreamResponse:
        batch_id = request.match_info["batch_id"]
        return await self._batch_call(request, lambda: self.batches.results(batch_id))

    async def _batch_call(
        self, request: web.Request, call: Callable[[], dict[str, Any] | bytes | HttpError]
    ) -> web.StreamResponse:
        """Checked like every endpoint, a queued error for the exact path first, then the book's answer."""
        record = _record(request)
        rejection = check_auth(record.headers, self.api_key) or check_version(record.headers)
        if rejection is not None:
            return error_response(rejection, openai=False, request_id=record.request_id)
        scripted = await self._scripted(request)
        if scripted is not None:
            return scripted
        answer = call()
        if isinstance(answer, HttpError):
            return error_response(answer, openai=False, request_id=record.request_id)
        if isinstance(answer, bytes):
            # The results file as the API serves it: JSONL, as a download (anthropics/anthropic-sdk-ruby#208
            # quotes its headers; the type was missing then, and is `application/x-jsonl` since).
            batch_id = request.match_info["batch_id"]
            disposition = f"attachment; filename*=utf-8''{batch_id}_results.jsonl"
            return web.Response(
                body=answer, content_type="application/x-jsonl", headers={"Content-Disposition": disposition}
            )
        return _json(answer)

    # --- answering ------------------------------------------------------------------------------------

    def _next(self, path: str) -> ScriptItem | None:
        for key in (path, _GENERATION):
            if self._script[key]:
                return self._script[key].popleft()
        return None

    async def _scripted(self, request: web.Request) -> web.StreamResponse | None:
        """The queued error for this path, if a test queued one."""
        queue = self._script[request.path]
        if not queue:
            return None
        item = queue.popleft()
        if isinstance(item, RawResponse):
            return raw_response(item)
        if isinstance(item, EndlessBody):
            return await self._endless(request, item)
        assert isinstance(item, HttpError)  # enqueue() lets a Reply into the generation paths only
        record = request[_EXCHANGE].record
        return relayed_error_response(item, openai=False, request_id=record.request_id, quirks=self.quirks)

    async def _answer(self, request: web.Request, item: ScriptItem, *, openai: bool) -> web.StreamResponse:
        record = request[_EXCHANGE].record
        if isinstance(item, HttpError):
            return relayed_error_response(
                item, openai=openai, request_id=record.request_id, quirks=self.quirks
            )
        if isinstance(item, RawResponse):
            return raw_response(item)
        if isinstance(item, EndlessBody):
            return await self._endless(request, item)
        body = record.body
        error = item.fault(ErrorEvent)
        if error is not None and not body.get("stream"):
            return relayed_error_response(
                HttpError.from_event(error), openai=openai, request_id=record.request_id, quirks=self.quirks
            )
        cut_after = self.quirks.cut_streams_after_deltas
        if cut_after is not None and body.get("stream") and not item.faults:
            item = dataclasses.replace(item, faults=(CutMidEvent(after_deltas=cut_after),))

        message = item.message(request_model=body["model"], input_tokens=estimate_input_tokens(body))
        if item.usage is None:  # a scripted usage is the test's; the model's own is split by the cache
            usage = message.usage
            message.usage = self._cache.usage(
                body, input_tokens=usage.input_tokens, output_tokens=usage.output_tokens
            )
        message = self.quirks.reply(message)
        record.reply = message.to_api()
        pace = item.pace or self.pace
        response, outcome = await send_reply(
            request, item, message, body, openai=openai, pace=pace, sent=record.sent, quirks=self.quirks
        )
        self._note(request[_EXCHANGE], outcome)
        return response

    async def _endless(self, request: web.Request, item: EndlessBody) -> web.StreamResponse:
        # The client leaving shows either as the handler cancelled or as a failed write, whichever comes
        # first; both must mark the request, or a test waiting for the disconnect waits forever.
        response, outcome = await endless_response(request, item)
        self._note(request[_EXCHANGE], outcome)
        return response

    def _note(self, exchange: _Exchange, outcome: Outcome) -> None:
        if outcome == "cut":
            exchange.server_closed = True
        elif outcome == "client_gone" and not self._stopping:
            exchange.record.disconnected.set()


DEMO_KEEP_REQUESTS = 10
"""The app's demo server keeps only its latest requests: a record holds the request body (the whole
conversation so far) and every chunk of the reply, so keeping them all grew without bound as a long demo
session went on (900 requests through a compare window kept ~230 MB)."""


def demo_server(api_key: str = "demo", *, port: int = 0) -> FakeServer:
    """The server as the app's offline demo: demo replies at a pleasant reading pace, its memory bounded."""
    return FakeServer(api_key, port=port, pace=DEMO_PACE, keep_requests=DEMO_KEEP_REQUESTS)


def _check_limit(limit: str) -> HttpError | None:
    if not limit.isdigit() or not 1 <= int(limit) <= 1000:
        return HttpError(400, "limit: Input should be an integer between 1 and 1000")
    return None


def _record(request: web.Request) -> RecordedRequest:
    return request[_EXCHANGE].record


def _origin(request: web.Request) -> str:
    """`http://127.0.0.1:PORT` as the client reached it: where `results_url` points."""
    return f"{request.scheme}://{request.host}"


def _json(data: Any) -> web.Response:
    return web.Response(text=to_json(data), content_type="application/json")


def _parsed(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None

"""The Message Batches API through a profile's client: is it there, create, retrieve, cancel, and the results.

Every call goes through the profile's `ApiClient` (its host, key, proxy, limits and retry policy), so a batch
call fails and retries exactly as a reply's request does. Answers are read into typed values: a batch as
`BatchInfo`, each results line as a `BatchResultLine` whose error, for a request that errored, is the same
typed `ApiError` the request would have met sent alone.

A batch holds at most 100,000 requests or 256 MB of request body, whichever comes first (`BatchLimits`):
`split_requests` packs a run's requests into as many batches as those limits need.

Relays rarely offer batches (LiteLLM routes `/v1/messages/batches` only for some upstreams; most relays
answer 404 or 405): `probe()` asks once with a cheap list request and answers plainly, never raising.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from core.api.bodies import megabytes
from core.api.client import ApiClient
from core.model.conversation import ErrorKind
from core.model.judging import BatchCounts, BatchStatus
from core.model.messages import AssistantMessage
from core.wire.errors import (
    ApiError,
    ApiStatusError,
    MalformedStreamError,
    ResponseTooLargeError,
    status_error,
)

BATCHES_PATH = "messages/batches"
_ENVELOPE_BYTES = len(json.dumps({"requests": []}))
_SEPARATOR_BYTES = len(", ")
_NOT_OFFERED = frozenset({400, 404, 405, 501})
"""What a server without the endpoint answers: no such path, no such method, or a relay's own refusal."""
_STATUS_OF_TYPE = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "timeout_error": 504,
    "overloaded_error": 529,
}
"""A request's error inside a results file has a type but no HTTP status: the status the API gives it."""


@dataclass(frozen=True)
class BatchRequest:
    """One request of a batch: the Messages API body (`params`, not streamed) and the id to match its
    result by."""

    custom_id: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class BatchLimits:
    """What one Message Batch may hold, whichever is reached first (tests use tiny limits)."""

    requests: int = 100_000
    body_bytes: int = 256_000_000
    """The API's "256 MB", read as decimal megabytes: the smaller reading, so a batch fits either way."""


class BatchRequestTooLargeError(ApiError):
    """One request alone is larger than a whole batch may be: no batch can carry it (nothing was sent)."""

    kind = ErrorKind.BATCH_REQUEST_TOO_LARGE

    def __init__(self, message: str, *, custom_id: str, size: int, limit: int) -> None:
        super().__init__(message)
        self.custom_id = custom_id
        self.size = size
        self.limit = limit


def split_requests(
    requests: Sequence[BatchRequest],
    limits: BatchLimits,
    name: Callable[[str], str] = repr,
    together: Callable[[str], str] | None = None,
) -> list[list[BatchRequest]]:
    """The requests in order, cut into as few batches as the limits allow (count and body size, the JSON
    envelope included). Adjacent requests whose custom ids `together` maps to the same value go in the same
    batch (a pair judged in both orders). Each request is measured as `json.dumps` writes it by default
    (ASCII escapes, spaced separators): never smaller than what the HTTP client sends, so the measure is
    the margin. Raises BatchRequestTooLargeError, naming the request by `name(custom_id)`, for one (or a
    group) that cannot fit even alone."""
    budget = limits.body_bytes - _ENVELOPE_BYTES
    groups: list[tuple[list[BatchRequest], int]] = []
    """Requests that go together, with their bytes (separators between them included)."""
    last: str | None = None
    for request in requests:
        size = len(json.dumps({"custom_id": request.custom_id, "params": request.params}))
        key = together(request.custom_id) if together is not None else None
        if groups and key is not None and key == last:
            group, used = groups[-1]
            groups[-1] = ([*group, request], used + _SEPARATOR_BYTES + size)
        else:
            groups.append(([request], size))
        last = key
        group, used = groups[-1]
        if used > budget or len(group) > limits.requests:
            raise BatchRequestTooLargeError(
                f"The request for {name(request.custom_id)} is {_size_text(size)}: with what must go "
                f"with it, more than the {_size_text(limits.body_bytes)} a whole Message Batch may hold. "
                "It cannot be sent as a batch; shorten it, or run it live."
                if len(group) > 1
                else f"The request for {name(request.custom_id)} is {_size_text(size)}, more than the "
                f"{_size_text(limits.body_bytes)} a whole Message Batch may hold: it cannot be sent as a "
                "batch. Shorten it, or run it live.",
                custom_id=request.custom_id,
                size=used,
                limit=limits.body_bytes,
            )
    parts: list[list[BatchRequest]] = []
    part: list[BatchRequest] = []
    filled = 0
    for group, used in groups:
        added = used + (_SEPARATOR_BYTES if part else 0)
        if part and (len(part) + len(group) > limits.requests or filled + added > budget):
            parts.append(part)
            part, filled, added = [], 0, used
        part += group
        filled += added
    if part:
        parts.append(part)
    return parts


def _size_text(size: int) -> str:
    """Decimal units, as the API states its limit: "256 MB", "2.5 KB"."""
    if size >= 1_000_000:
        return f"{round(size / 1_000_000, 1):g} MB"
    if size >= 1_000:
        return f"{round(size / 1_000, 1):g} KB"
    return f"{size} bytes"


@dataclass(frozen=True)
class BatchInfo:
    """A batch as the provider reports it."""

    batch_id: str
    status: BatchStatus
    """IN_PROGRESS, CANCELING or ENDED (never COLLECTED: that is the app's own)."""
    counts: BatchCounts
    created_at: float
    expires_at: float | None = None
    ended_at: float | None = None
    cancel_initiated_at: float | None = None


class BatchResultKind(StrEnum):
    SUCCEEDED = "succeeded"
    ERRORED = "errored"
    CANCELED = "canceled"
    EXPIRED = "expired"


@dataclass(frozen=True)
class BatchResultLine:
    """One line of a batch's results file."""

    custom_id: str
    kind: BatchResultKind
    message: AssistantMessage | None = None
    """SUCCEEDED: the reply."""
    error: ApiError | None = None
    """ERRORED: the request's error, typed as if the request had been sent alone."""


@dataclass(frozen=True)
class BatchSupport:
    """The probe's answer."""

    supported: bool
    reason: str = ""
    """Why not, in plain English (the status the provider answered, or what failed)."""
    status: int | None = None


class BatchesClient:
    def __init__(self, client: ApiClient) -> None:
        self._client = client

    async def probe(self) -> BatchSupport:
        """Whether the provider offers the Message Batches API: one `GET /v1/messages/batches?limit=1`.
        Never raises: a provider that cannot be asked (a wrong key, no connection) is answered as not
        offering it, with the reason."""
        if self._client.profile.api_style != "anthropic":
            return BatchSupport(
                False, "The profile speaks the OpenAI chat completions API, which has no batches."
            )
        try:
            page = await self._client.json_call(BATCHES_PATH, None, "the batch list", params={"limit": "1"})
        except ApiStatusError as error:
            if error.status in _NOT_OFFERED:
                return BatchSupport(
                    False,
                    f"The provider does not offer the Message Batches API (HTTP {error.status}).",
                    error.status,
                )
            return BatchSupport(False, error.message, error.status)
        except ApiError as error:
            return BatchSupport(False, error.message)
        if not isinstance(page.get("data"), list):
            return BatchSupport(False, "The provider answered, but not with a list of message batches.", 200)
        return BatchSupport(True)

    async def supports_batches(self) -> bool:
        return (await self.probe()).supported

    async def create(self, requests: Sequence[BatchRequest]) -> BatchInfo:
        body = {
            "requests": [
                {"custom_id": request.custom_id, "params": dict(request.params)} for request in requests
            ]
        }
        return _batch_of(await self._client.json_call(BATCHES_PATH, body, "the new batch"))

    async def retrieve(self, batch_id: str) -> BatchInfo:
        return _batch_of(await self._client.json_call(f"{BATCHES_PATH}/{batch_id}", None, "the batch"))

    async def cancel(self, batch_id: str) -> BatchInfo:
        """Ask the provider to stop: the batch goes on `canceling` until it ends; requests it processed
        meanwhile keep their results."""
        return _batch_of(await self._client.json_call(f"{BATCHES_PATH}/{batch_id}/cancel", {}, "the batch"))

    async def results(self, batch_id: str) -> AsyncIterator[BatchResultLine]:
        """The ended batch's results, line by line as they arrive (a big batch's file is not held whole).

        Read from the documented path on the profile's own host rather than from `results_url`: the key
        goes to no other host, whatever a batch object says. Raises ApiError (MalformedStreamError for a
        line that is not a result)."""
        response = await self._client.open(f"{BATCHES_PATH}/{batch_id}/results", None)
        cap = self._client.limits.whole_body_bytes
        try:
            number = 0
            pending = b""
            async for chunk in response.aiter_bytes():
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    number += 1
                    if line.strip():
                        yield self._result_of(line, number)
                if len(pending) > cap:
                    # One result is one reply: far below this. A server sending no line end is not read on.
                    raise ResponseTooLargeError(
                        f"Line {number + 1} of the batch's results is longer than {megabytes(cap)}, which no "
                        "result is: the rest was not read.",
                        limit=cap,
                    )
            if pending.strip():
                yield self._result_of(pending, number + 1)
        finally:
            await response.aclose()

    def _result_of(self, line: bytes, number: int) -> BatchResultLine:
        """A results line, its error (or the error it is) without the key or the credentials: a provider
        echoes a refused key in a request's error as readily as in a response's."""
        try:
            result = _result_of(line.decode("utf-8", errors="replace"), number)
        except ApiError as error:
            raise self._client.redact(error) from error.__cause__
        if result.error is not None:
            self._client.redact(result.error)
        return result


def _batch_of(data: dict[str, Any]) -> BatchInfo:
    try:
        # COLLECTED is the app's own word, never the provider's.
        if data.get("processing_status") == BatchStatus.COLLECTED:
            raise ValueError("collected")
        status = BatchStatus(str(data.get("processing_status")))
        counts = data.get("request_counts") or {}
        return BatchInfo(
            batch_id=str(data["id"]),
            status=status,
            counts=BatchCounts(
                processing=int(counts.get("processing", 0)),
                succeeded=int(counts.get("succeeded", 0)),
                errored=int(counts.get("errored", 0)),
                canceled=int(counts.get("canceled", 0)),
                expired=int(counts.get("expired", 0)),
            ),
            created_at=_moment(data.get("created_at")) or 0.0,
            expires_at=_moment(data.get("expires_at")),
            ended_at=_moment(data.get("ended_at")),
            cancel_initiated_at=_moment(data.get("cancel_initiated_at")),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ApiError(f"The provider's answer is not a Message Batch: {json.dumps(data)[:200]}") from exc


def _result_of(line: str, number: int) -> BatchResultLine:
    def malformed(why: str) -> MalformedStreamError:
        return MalformedStreamError(f"Line {number} of the batch's results {why}: {line[:200]}", line=number)

    try:
        data = json.loads(line)
    except ValueError:
        raise malformed("is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("custom_id"), str):
        raise malformed("names no custom_id")
    result = data.get("result")
    kind_name = result.get("type") if isinstance(result, dict) else None
    try:
        kind = BatchResultKind(str(kind_name))
    except ValueError:
        raise malformed("has no result of a known type") from None
    assert isinstance(result, dict)
    custom_id = data["custom_id"]
    if kind == BatchResultKind.SUCCEEDED:
        message = result.get("message")
        if not isinstance(message, dict):
            raise malformed("succeeded without a message")
        return BatchResultLine(custom_id, kind, message=AssistantMessage.from_api(message))
    if kind == BatchResultKind.ERRORED:
        return BatchResultLine(custom_id, kind, error=_request_error(result.get("error")))
    return BatchResultLine(custom_id, kind)


def _request_error(body: Any) -> ApiError:
    """The error a request of the batch met, typed as the same error sent alone would be."""
    error = body.get("error") if isinstance(body, dict) else None
    error_type = error.get("type") if isinstance(error, dict) else None
    status = _STATUS_OF_TYPE.get(error_type, 500) if isinstance(error_type, str) else 500
    request_id = body.get("request_id") if isinstance(body, dict) else None
    return status_error(
        status,
        json.dumps(body if isinstance(body, dict) else {}).encode(),
        request_id=request_id if isinstance(request_id, str) else None,
        retry_after=None,
    )


def _moment(value: Any) -> float | None:
    """An RFC 3339 time (`2024-08-20T18:37:24.100435Z`) as a Unix time."""
    if not isinstance(value, str) or not value:
        return None
    return datetime.fromisoformat(value).timestamp()

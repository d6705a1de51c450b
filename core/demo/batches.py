"""The Message Batches API as the fake server keeps it: batches created, polled, cancelled, their results.

Shapes follow the official SDK's types (`anthropic.types.messages.MessageBatch`,
`MessageBatchIndividualResponse`): a batch is `in_progress` until it ends, then `ended` with its
`results_url`; `request_counts` are all `processing` until the whole batch ends (the API tallies the other
counts only then); results are a `.jsonl` file, one line per request, in no promised order.

How each batch goes is scripted with a `BatchPlan` (`FakeServer.plan_batches`): how many polls (and how
many seconds) it stays in progress, a result per custom id (a `Reply`, an `HttpError`, or `Fate.EXPIRED` /
`Fate.CANCELED`), whether the whole batch expires or is cancelled on the server's side, and result lines
for custom ids the batch never had. Requests without a scripted result are answered as the demo model
answers, or errored when their params are not a valid Messages request, as the API does per request.

A batch over the API's limits (100,000 requests, 256 MB of request body) is refused as the API refuses it;
`BatchCaps` makes the limits tiny for tests.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from core.demo.checks import check_messages_body
from core.demo.replies import demo_reply, estimate_input_tokens, prompt_from_messages
from core.demo.script import HttpError, Reply, new_id
from core.demo.wire import to_json

BATCHES = "/v1/messages/batches"
MAX_REQUESTS = 100_000
"""The API's limit on requests in one batch."""
MAX_BODY_BYTES = 256 * 1024 * 1024
"""The API's limit on a batch's request body ("256 MB")."""
TOO_LARGE = "Request exceeds the maximum allowed number of bytes."
"""What the API answers (413 `request_too_large`, from its proxy) to a body over an endpoint's limit."""
EXPIRES_AFTER = 24 * 3600.0
"""A batch that has not ended 24 hours after creation expires."""
_STRAY_MODEL = "claude-sonnet-4-6"
"""The model a stray result names when its reply names none (no request of the batch asked for it)."""
_CUSTOM_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


class Fate(StrEnum):
    """A request (or a whole batch) that ends without being answered."""

    EXPIRED = "expired"
    CANCELED = "canceled"


Outcome = Reply | HttpError | Fate
"""What one request of a batch ends as: succeeded with the reply, errored with the error, or not processed."""


@dataclass(frozen=True)
class BatchPlan:
    """How one batch goes, from its creation to its results.

    `polls`: retrieves that still find it in progress (0: the first retrieve finds it ended); `seconds`: it
    ends no sooner than this after its creation. `results`: custom id -> outcome; those requests keep their
    outcome even when the batch is cancelled or expires (they were processed first). `fate`: the batch
    expires, or is cancelled on the server's side (by someone in the console), when it ends: its other
    requests end so. `stray_results`: lines the results file adds for custom ids the batch never had.
    """

    polls: int = 1
    seconds: float = 0.0
    results: Mapping[str, Outcome] = field(default_factory=dict)
    fate: Fate | None = None
    stray_results: Mapping[str, Reply] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchCaps:
    """What one batch may hold before the server refuses it: the API's limits unless a test makes them tiny
    (`FakeServer(batch_caps=BatchCaps(requests=3))`)."""

    requests: int = MAX_REQUESTS
    body_bytes: int = MAX_BODY_BYTES


@dataclass
class _Batch:
    id: str
    requests: list[tuple[str, dict[str, Any]]]
    plan: BatchPlan
    created_at: float
    polls_seen: int = 0
    cancel_initiated_at: float | None = None
    ended_at: float | None = None
    lines: list[dict[str, Any]] = field(default_factory=list)
    """The results file, once ended."""

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("processing", "succeeded", "errored", "canceled", "expired"), 0)
        if self.ended_at is None:
            counts["processing"] = len(self.requests)
            return counts
        asked = {custom_id for custom_id, _ in self.requests}
        for line in self.lines:
            if line["custom_id"] in asked:
                counts[line["result"]["type"]] += 1
        return counts

    def to_api(self, origin: str) -> dict[str, Any]:
        ended = self.ended_at is not None
        status = "ended" if ended else "canceling" if self.cancel_initiated_at is not None else "in_progress"
        return {
            "id": self.id,
            "type": "message_batch",
            "processing_status": status,
            "request_counts": self.counts(),
            "ended_at": _rfc3339(self.ended_at),
            "created_at": _rfc3339(self.created_at),
            "expires_at": _rfc3339(self.created_at + EXPIRES_AFTER),
            "archived_at": None,
            "cancel_initiated_at": _rfc3339(self.cancel_initiated_at),
            "results_url": f"{origin}{BATCHES}/{self.id}/results" if ended else None,
        }


class BatchBook:
    """Every batch the server was sent, and the plans for the next ones. Runs on the server's loop."""

    def __init__(
        self,
        default_plan: BatchPlan | None = None,
        clock: Callable[[], float] = time.time,
        caps: BatchCaps | None = None,
    ) -> None:
        self.default_plan = default_plan or BatchPlan()
        self.caps = caps or BatchCaps()
        self._plans: deque[BatchPlan] = deque()
        self._batches: dict[str, _Batch] = {}
        self._clock = clock

    def plan(self, *plans: BatchPlan) -> None:
        """The next batches created go as these plans say, in order; after them, as `default_plan`."""
        self._plans.extend(plans)

    def create(self, body: Any, origin: str, size: int) -> dict[str, Any] | HttpError:
        """A new batch from the request's parsed `body` (`size`: its bytes), or the API's refusal."""
        if size > self.caps.body_bytes:
            return HttpError(413, TOO_LARGE)
        rejection = _check_create(body, self.caps.requests)
        if rejection is not None:
            return rejection
        batch = _Batch(
            id=new_id("msgbatch_"),
            requests=[(item["custom_id"], item["params"]) for item in body["requests"]],
            plan=self._plans.popleft() if self._plans else self.default_plan,
            created_at=self._clock(),
        )
        self._batches[batch.id] = batch
        return batch.to_api(origin)

    def retrieve(self, batch_id: str, origin: str) -> dict[str, Any] | HttpError:
        """The batch as it is now; each retrieve is a poll that brings a scripted end nearer."""
        batch = self._batches.get(batch_id)
        if batch is None:
            return _not_found(batch_id)
        self._settle(batch)
        if batch.ended_at is None:
            batch.polls_seen += 1
        return batch.to_api(origin)

    def page(self, limit: int, after_id: str | None, before_id: str | None, origin: str) -> dict[str, Any]:
        """One page of the list, most recently created first, like `GET /v1/models`."""
        batches = list(reversed(self._batches.values()))
        ids = [batch.id for batch in batches]
        if after_id is not None:
            start = ids.index(after_id) + 1 if after_id in ids else len(ids)
            chosen, has_more = batches[start : start + limit], start + limit < len(ids)
        elif before_id is not None:
            end = ids.index(before_id) if before_id in ids else 0
            start = max(0, end - limit)
            chosen, has_more = batches[start:end], start > 0
        else:
            chosen, has_more = batches[:limit], limit < len(ids)
        for batch in chosen:
            self._settle(batch)
        return {
            "data": [batch.to_api(origin) for batch in chosen],
            "has_more": has_more,
            "first_id": chosen[0].id if chosen else None,
            "last_id": chosen[-1].id if chosen else None,
        }

    def cancel(self, batch_id: str, origin: str) -> dict[str, Any] | HttpError:
        """Cancellation begins: `canceling` now, ended at the next look, its unprocessed requests canceled."""
        batch = self._batches.get(batch_id)
        if batch is None:
            return _not_found(batch_id)
        self._settle(batch)
        if batch.ended_at is None and batch.cancel_initiated_at is None:
            batch.cancel_initiated_at = self._clock()
        return batch.to_api(origin)

    def results(self, batch_id: str) -> bytes | HttpError:
        batch = self._batches.get(batch_id)
        if batch is None:
            return _not_found(batch_id)
        self._settle(batch)
        if batch.ended_at is None:
            return HttpError(
                400, f"Message Batch {batch_id} has not yet ended: its results are not available."
            )
        return "".join(to_json(line) + "\n" for line in batch.lines).encode()

    def delete(self, batch_id: str) -> dict[str, Any] | HttpError:
        batch = self._batches.get(batch_id)
        if batch is None:
            return _not_found(batch_id)
        self._settle(batch)
        if batch.ended_at is None:
            return HttpError(
                400, f"Message Batch {batch_id} cannot be deleted while it is in progress: cancel it first."
            )
        del self._batches[batch_id]
        return {"id": batch_id, "type": "message_batch_deleted"}

    def _settle(self, batch: _Batch) -> None:
        """End the batch when its plan says it is time (or once cancellation was asked for)."""
        if batch.ended_at is not None:
            return
        plan = batch.plan
        now = self._clock()
        if batch.cancel_initiated_at is None:
            if batch.polls_seen < plan.polls or now - batch.created_at < plan.seconds:
                return
            if plan.fate == Fate.CANCELED:
                batch.cancel_initiated_at = now
        unprocessed = Fate.CANCELED if batch.cancel_initiated_at is not None else plan.fate
        lines = [
            {"custom_id": custom_id, "result": _result(plan.results.get(custom_id) or unprocessed, params)}
            for custom_id, params in batch.requests
        ]
        # Results come in no promised order: reversed here, so a client matching by position is caught.
        lines.reverse()
        lines += [
            {"custom_id": custom_id, "result": _succeeded(reply, _STRAY_MODEL, input_tokens=1)}
            for custom_id, reply in plan.stray_results.items()
        ]
        batch.lines = lines
        batch.ended_at = now


def _result(outcome: Outcome | None, params: dict[str, Any]) -> dict[str, Any]:
    """One request's `result`: the scripted outcome, or else the demo model's answer to its params."""
    if isinstance(outcome, Fate):
        return {"type": outcome.value}
    if isinstance(outcome, HttpError):
        return _errored(outcome)
    rejection = check_messages_body(params)
    if rejection is not None:
        return _errored(rejection)
    reply = outcome or demo_reply(prompt_from_messages(params))
    return _succeeded(reply, params["model"], input_tokens=estimate_input_tokens(params))


def _succeeded(reply: Reply, model: str, *, input_tokens: int) -> dict[str, Any]:
    message = reply.message(request_model=model, input_tokens=input_tokens)
    return {"type": "succeeded", "message": message.to_api()}


def _errored(error: HttpError) -> dict[str, Any]:
    body = {"type": "error", "error": {"type": error.type, "message": error.message}, "request_id": None}
    return {"type": "errored", "error": body}


def _check_create(body: Any, max_requests: int) -> HttpError | None:
    if not isinstance(body, dict) or not isinstance(body.get("requests"), list):
        return HttpError(400, "requests: Field required")
    requests = body["requests"]
    if not requests:
        return HttpError(400, "requests: List should have at least 1 item after validation, not 0")
    if len(requests) > max_requests:
        # Worded as the API's other list checks are ("List should have at least 1 item ...").
        return HttpError(
            400,
            f"requests: List should have at most {max_requests} items after validation, not {len(requests)}",
        )
    seen: set[str] = set()
    for index, item in enumerate(requests):
        where = f"requests.{index}"
        if not isinstance(item, dict):
            return HttpError(400, f"{where}: Input should be a valid dictionary")
        custom_id = item.get("custom_id")
        if not isinstance(custom_id, str) or not _CUSTOM_ID.match(custom_id):
            return HttpError(400, f"{where}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{{1,64}}$'")
        if custom_id in seen:
            return HttpError(400, f"{where}.custom_id: {custom_id!r} is used by another request of the batch")
        seen.add(custom_id)
        if not isinstance(item.get("params"), dict):
            return HttpError(400, f"{where}.params: Field required")
    return None


def _not_found(batch_id: str) -> HttpError:
    return HttpError(404, f"Message Batch {batch_id} was not found.")


def _rfc3339(moment: float | None) -> str | None:
    if moment is None:
        return None
    return datetime.fromtimestamp(moment, UTC).isoformat().replace("+00:00", "Z")

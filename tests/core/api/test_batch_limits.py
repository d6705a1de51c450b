"""A batch's limits (100,000 requests or 256 MB, whichever first): the requests cut into as few batches as
the limits allow, the envelope counted, a pair kept together, a request too large for any batch named; and
the fake server refusing an over-limit batch as the API does, with limits a test makes tiny."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from core.api.batches import (
    BatchesClient,
    BatchLimits,
    BatchRequest,
    BatchRequestTooLargeError,
    split_requests,
)
from core.api.client import ApiClient
from core.api.retry import RetryPolicy
from core.demo import BatchCaps, FakeServer
from core.model.profile import Profile
from core.wire.errors import ApiStatusError

KEY = "sk-batch-limits-test-0123456789"
PARAMS = {"model": "claude-sonnet-4-6", "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]}


def request(custom_id: str, text: str = "Hi") -> BatchRequest:
    return BatchRequest(custom_id, {**PARAMS, "messages": [{"role": "user", "content": text}]})


def body_bytes(part: list[BatchRequest]) -> int:
    """The create body as the HTTP client sends it (compact, UTF-8)."""
    body = {"requests": [{"custom_id": r.custom_id, "params": dict(r.params)} for r in part]}
    return len(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())


def test_requests_are_cut_at_the_count_limit_in_order() -> None:
    requests = [request(f"r{n}") for n in range(7)]
    parts = split_requests(requests, BatchLimits(requests=3))
    assert [[r.custom_id for r in part] for part in parts] == [
        ["r0", "r1", "r2"],
        ["r3", "r4", "r5"],
        ["r6"],
    ]


def test_requests_are_cut_at_the_size_limit_with_the_envelope_counted() -> None:
    # Non-ASCII text: escaped by the measure (6 bytes a character), 3 bytes in the UTF-8 sent.
    requests = [request(f"r{n}", "北京两日游" * 20) for n in range(10)]
    one = len(json.dumps({"custom_id": "r0", "params": requests[0].params}))
    limits = BatchLimits(body_bytes=3 * one + 2 * len(", ") + len('{"requests": []}'))
    parts = split_requests(requests, limits)
    assert [len(part) for part in parts] == [3, 3, 3, 1]
    assert all(body_bytes(part) <= limits.body_bytes for part in parts)
    # One byte less and three no longer fit.
    tighter = BatchLimits(body_bytes=limits.body_bytes - 1)
    assert [len(part) for part in split_requests(requests, tighter)] == [2] * 5


def test_requests_that_go_together_stay_in_one_batch() -> None:
    requests = [request(f"j{n}_o{order}") for n in range(3) for order in range(2)]
    parts = split_requests(
        requests, BatchLimits(requests=3), together=lambda custom: custom.partition("_")[0]
    )
    assert [[r.custom_id for r in part] for part in parts] == [
        ["j0_o0", "j0_o1"],
        ["j1_o0", "j1_o1"],
        ["j2_o0", "j2_o1"],
    ]


def test_a_request_larger_than_a_whole_batch_is_named_and_nothing_is_cut() -> None:
    requests = [request("small"), request("huge", "x" * 5000), request("after")]
    with pytest.raises(BatchRequestTooLargeError) as caught:
        split_requests(requests, BatchLimits(body_bytes=2000), name=lambda custom: f"cell {custom!r}")
    error = caught.value
    assert error.custom_id == "huge" and error.limit == 2000 and error.size > 5000
    assert error.message.startswith("The request for cell 'huge' is 5.")
    assert "more than the 2 KB a whole Message Batch may hold" in error.message


@pytest.fixture
async def tiny() -> AsyncIterator[tuple[FakeServer, BatchesClient]]:
    async with FakeServer(api_key=KEY, batch_caps=BatchCaps(requests=3, body_bytes=4000)) as server:
        # Retries allowed: a refusal over the limits is not one to retry.
        retry = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.02, throttled_initial_delay=0.01)
        async with ApiClient(Profile("Fake", server.base_url), KEY, retry=retry) as client:
            yield server, BatchesClient(client)


async def test_the_fake_refuses_more_requests_than_a_batch_may_hold_as_the_api_does(
    tiny: tuple[FakeServer, BatchesClient],
) -> None:
    _, batches = tiny
    with pytest.raises(ApiStatusError) as caught:
        await batches.create([request(f"r{n}") for n in range(4)])
    assert (caught.value.status, caught.value.error_type) == (400, "invalid_request_error")
    assert caught.value.message == "requests: List should have at most 3 items after validation, not 4"
    created = await batches.create([request(f"r{n}") for n in range(3)])
    assert created.counts.processing == 3


async def test_the_fake_refuses_a_batch_body_over_its_size_limit_as_the_api_does(
    tiny: tuple[FakeServer, BatchesClient],
) -> None:
    server, batches = tiny
    with pytest.raises(ApiStatusError) as caught:
        await batches.create([request("big", "x" * 4000)])
    assert (caught.value.status, caught.value.error_type) == (413, "request_too_large")
    assert caught.value.message == "Request exceeds the maximum allowed number of bytes."
    assert [r.path for r in server.requests] == ["/v1/messages/batches"], "refused once, not retried"


async def test_a_batch_may_be_larger_than_a_message_may_be() -> None:
    """The API's limits differ by endpoint: 32 MB for a message, 256 MB for a batch."""
    text = "x" * (33 * 1024 * 1024)
    async with (
        FakeServer(api_key=KEY) as server,
        ApiClient(Profile("Fake", server.base_url), KEY, retry=RetryPolicy(max_retries=0)) as client,
    ):
        with pytest.raises(ApiStatusError) as caught:
            await client.json_call(
                "messages", {**PARAMS, "messages": [{"role": "user", "content": text}]}, "it"
            )
        assert (caught.value.status, caught.value.error_type) == (413, "request_too_large")
        created = await BatchesClient(client).create([request("big", text)])
        assert created.counts.processing == 1

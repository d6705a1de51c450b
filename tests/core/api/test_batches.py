"""`BatchesClient` against the fake server: the probe's plain answer (a relay without batches, an OpenAI-style
profile, a wrong key), a batch created, polled, cancelled, and its results read as typed lines, with the
same retries as any request."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from core.api.batches import BatchesClient, BatchRequest, BatchResultKind, BatchResultLine
from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.retry import RetryPolicy
from core.demo import BatchPlan, EndlessBody, FakeServer, Fate, HttpError, RawResponse, Reply, Text
from core.model.judging import BatchStatus
from core.model.messages import Usage
from core.model.profile import Profile
from core.wire.errors import MalformedStreamError, NotFoundError, OverloadedError, ResponseTooLargeError

KEY = "sk-batches-test-0123456789"
PARAMS = {"model": "claude-sonnet-4-6", "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]}
FAST = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.02, throttled_initial_delay=0.01)


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    async with FakeServer(api_key=KEY) as server:
        yield server


async def batches_of(
    server: FakeServer, *, key: str = KEY, style: str = "anthropic"
) -> AsyncIterator[BatchesClient]:
    profile = Profile("Relay", server.base_url, api_style=style)  # type: ignore[arg-type]
    async with ApiClient(profile, key, retry=FAST) as client:
        yield BatchesClient(client)


@pytest.fixture
async def batches(server: FakeServer) -> AsyncIterator[BatchesClient]:
    async for client in batches_of(server):
        yield client


async def test_the_probe_says_yes_where_batches_are_served(batches: BatchesClient) -> None:
    support = await batches.probe()
    assert support.supported and await batches.supports_batches()


async def test_the_probe_says_no_plainly_for_a_relay_without_batches() -> None:
    async with FakeServer(api_key=KEY, batches=False) as relay:
        async for batches in batches_of(relay):
            support = await batches.probe()
            assert not support.supported and support.status == 404
            assert "does not offer the Message Batches API (HTTP 404)" in support.reason


async def test_the_probe_says_no_for_a_405_an_openai_profile_and_a_refused_key(server: FakeServer) -> None:
    server.enqueue(HttpError(405, "Method Not Allowed"), path="/v1/messages/batches")
    async for batches in batches_of(server):
        assert (await batches.probe()).status == 405
    async for batches in batches_of(server, style="openai"):
        support = await batches.probe()
        assert not support.supported and "OpenAI" in support.reason
    async for batches in batches_of(server, key="sk-wrong-key-0123456789"):
        support = await batches.probe()
        assert not support.supported and support.status == 401


async def test_create_poll_and_read_typed_results(server: FakeServer, batches: BatchesClient) -> None:
    server.plan_batches(
        BatchPlan(
            polls=1,
            results={
                "a": Reply([Text("Paris.")], usage=Usage(input_tokens=9, output_tokens=3)),
                "b": HttpError(429, "Slow down"),
                "c": Fate.EXPIRED,
            },
        )
    )
    created = await batches.create([BatchRequest(custom_id, PARAMS) for custom_id in ("a", "b", "c")])
    assert created.status == BatchStatus.IN_PROGRESS and created.counts.processing == 3
    assert created.expires_at is not None and created.expires_at - created.created_at == pytest.approx(86400)
    assert (await batches.retrieve(created.batch_id)).status == BatchStatus.IN_PROGRESS
    ended = await batches.retrieve(created.batch_id)
    assert ended.status == BatchStatus.ENDED and ended.ended_at is not None
    assert (ended.counts.succeeded, ended.counts.errored, ended.counts.expired) == (1, 1, 1)

    lines = {line.custom_id: line async for line in batches.results(created.batch_id)}
    assert lines["a"].kind == BatchResultKind.SUCCEEDED and lines["a"].message is not None
    assert lines["a"].message.text == "Paris." and lines["a"].message.usage.output_tokens == 3
    error = lines["b"].error
    assert lines["b"].kind == BatchResultKind.ERRORED and error is not None
    assert (getattr(error, "status", None), getattr(error, "error_type", None)) == (429, "rate_limit_error")
    assert error.message == "Slow down"
    assert lines["c"] == BatchResultLine("c", BatchResultKind.EXPIRED)
    sent = [
        record for record in server.requests if record.method == "POST" and record.path.endswith("batches")
    ]
    assert sent[0].body == {"requests": [{"custom_id": c, "params": PARAMS} for c in ("a", "b", "c")]}


async def test_cancel_and_retries_like_every_request(server: FakeServer, batches: BatchesClient) -> None:
    server.plan_batches(BatchPlan(polls=100))
    created = await batches.create([BatchRequest("only", PARAMS)])
    server.enqueue(HttpError(529, "Overloaded"), path=f"/v1/messages/batches/{created.batch_id}/cancel")
    canceling = await batches.cancel(created.batch_id)
    assert canceling.status == BatchStatus.CANCELING and canceling.cancel_initiated_at is not None
    ended = await batches.retrieve(created.batch_id)
    assert ended.status == BatchStatus.ENDED and ended.counts.canceled == 1
    assert [line.kind async for line in batches.results(created.batch_id)] == [BatchResultKind.CANCELED]

    for _ in range(3):
        server.enqueue(HttpError(529, "Overloaded"), path=f"/v1/messages/batches/{created.batch_id}")
    with pytest.raises(OverloadedError):
        await batches.retrieve(created.batch_id)
    with pytest.raises(NotFoundError):
        await batches.retrieve("msgbatch_gone")


async def test_results_are_read_line_by_line_and_a_broken_line_is_named(
    server: FakeServer, batches: BatchesClient
) -> None:
    path = "/v1/messages/batches/msgbatch_x/results"
    body = '{"custom_id":"a","result":{"type":"expired"}}\n\n{"custom_id":"b","result":{"type":"canceled"}}'
    server.enqueue(RawResponse(200, body, "application/binary"), path=path)
    kinds = [(line.custom_id, line.kind) async for line in batches.results("msgbatch_x")]
    assert kinds == [("a", BatchResultKind.EXPIRED), ("b", BatchResultKind.CANCELED)], (
        "no final line end needed"
    )

    server.enqueue(
        RawResponse(
            200,
            '{"custom_id":"a","result":{"type":"expired"}}\n{"custom_id": "b", "res',
            "application/binary",
        ),
        path=path,
    )
    read: list[str] = []
    with pytest.raises(MalformedStreamError, match="Line 2 of the batch's results is not JSON") as raised:
        async for line in batches.results("msgbatch_x"):
            read.append(line.custom_id)
    assert read == ["a"] and raised.value.line == 2

    server.enqueue(
        RawResponse(200, '{"custom_id":"c","result":{"type":"won"}}\n', "application/binary"), path=path
    )
    with pytest.raises(MalformedStreamError, match="no result of a known type"):
        [line async for line in batches.results("msgbatch_x")]


async def test_a_results_line_that_never_ends_is_not_read_on(server: FakeServer) -> None:
    server.enqueue(EndlessBody(piece=b"x" * 8192), path="/v1/messages/batches/msgbatch_x/results")
    profile = Profile("Relay", server.base_url)
    async with ApiClient(
        profile, KEY, retry=FAST, limits=NetworkLimits(whole_body_bytes=64 * 1024)
    ) as client:
        with pytest.raises(ResponseTooLargeError, match="longer than 64 KB"):
            [line async for line in BatchesClient(client).results("msgbatch_x")]
    await server.wait_for_disconnect()


async def test_a_results_line_echoing_the_key_or_the_url_password_shows_neither(server: FakeServer) -> None:
    """A provider echoes a refused key in a batch request's error as readily as in a response: the results'
    errors, and a broken line quoted in the error it makes, are scrubbed like any other error."""
    url_password = "url-pass-batch-4k7q"
    echo = f"key {KEY} and relay-user:{url_password} may not"
    server.plan_batches(BatchPlan(polls=0, results={"a": HttpError(401, echo)}))
    profile = Profile("Relay", server.base_url.replace("://", f"://relay-user:{url_password}@"))
    async with ApiClient(profile, KEY, retry=FAST) as client:
        batches = BatchesClient(client)
        created = await batches.create([BatchRequest("a", PARAMS)])
        lines = [line async for line in batches.results(created.batch_id)]
        server.enqueue(
            RawResponse(200, f"not a result: {echo}\n"),
            path=f"/v1/messages/batches/{created.batch_id}/results",
        )
        with pytest.raises(MalformedStreamError) as broken:
            [line async for line in batches.results(created.batch_id)]
    error = lines[0].error
    assert error is not None and error.message == "key [API key] and [API key] may not"
    for said in (f"{error}\n{getattr(error, 'body', '')}", str(broken.value)):
        assert KEY not in said and url_password not in said, said
    assert "not a result: key [API key]" in str(broken.value)

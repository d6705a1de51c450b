"""The fake server's Message Batches API, read by the official SDK's `client.messages.batches`: every answer
parses into the SDK's own types, a batch goes in_progress → ended as scripted, results come as JSONL with
each outcome (succeeded, errored, expired, canceled), cancel and delete behave as documented, and the list
pages. The server runs on a background thread because the SDK client used here is the sync one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import anthropic
import httpx
import pytest
from anthropic.types.messages import (
    MessageBatch,
    MessageBatchCanceledResult,
    MessageBatchErroredResult,
    MessageBatchExpiredResult,
    MessageBatchSucceededResult,
)

from core.demo import BatchPlan, FakeServer, Fate, HttpError, Reply, Text
from core.model.messages import Usage
from tests.core.demo.helpers import API_KEY, messages_body


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServer]:
    with FakeServer.running_in_thread(api_key=API_KEY) as server:
        yield server


@pytest.fixture
def client(server: FakeServer) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key=API_KEY, base_url=server.base_url, max_retries=0)


def requests(*custom_ids: str, **params: Any) -> list[Any]:
    return [
        {"custom_id": custom_id, "params": messages_body(f"Question {custom_id}", **params)}
        for custom_id in custom_ids
    ]


def test_a_batch_is_in_progress_until_its_scripted_polls_then_ends_with_results(
    server: FakeServer, client: anthropic.Anthropic
) -> None:
    server.plan_batches(
        BatchPlan(
            polls=2,
            results={
                "ok": Reply([Text("Paris.")], usage=Usage(input_tokens=9, output_tokens=3)),
                "bad": HttpError(529, "Overloaded"),
                "late": Fate.EXPIRED,
            },
        )
    )
    created = client.messages.batches.create(requests=requests("ok", "bad", "late", "demo"))
    assert isinstance(created, MessageBatch) and created.id.startswith("msgbatch_")
    assert created.processing_status == "in_progress" and created.results_url is None
    assert created.request_counts.processing == 4 and created.request_counts.succeeded == 0
    assert (created.expires_at - created.created_at).total_seconds() == 24 * 3600

    polls = [client.messages.batches.retrieve(created.id) for _ in range(3)]
    assert [batch.processing_status for batch in polls] == ["in_progress", "in_progress", "ended"]
    ended = polls[-1]
    assert ended.ended_at is not None and ended.results_url is not None
    counts = ended.request_counts
    assert (counts.processing, counts.succeeded, counts.errored, counts.expired, counts.canceled) == (
        0,
        2,
        1,
        1,
        0,
    )

    results = {line.custom_id: line.result for line in client.messages.batches.results(created.id)}
    assert set(results) == {"ok", "bad", "late", "demo"}
    download = server.requests[-1]
    assert download.path == f"/v1/messages/batches/{created.id}/results"
    assert download.headers["accept"] == "application/binary", "the SDK asks for the file so"
    ok = results["ok"]
    assert isinstance(ok, MessageBatchSucceededResult)
    assert ok.message.content[0].type == "text" and ok.message.content[0].text == "Paris."
    assert ok.message.usage.output_tokens == 3 and ok.message.model == messages_body()["model"]
    bad = results["bad"]
    assert isinstance(bad, MessageBatchErroredResult)
    assert bad.error.error.type == "overloaded_error" and bad.error.error.message == "Overloaded"
    assert isinstance(results["late"], MessageBatchExpiredResult)
    demo = results["demo"]
    assert isinstance(demo, MessageBatchSucceededResult) and demo.message.content


def test_a_request_whose_params_are_invalid_errors_alone(
    server: FakeServer, client: anthropic.Anthropic
) -> None:
    server.plan_batches(BatchPlan(polls=0))
    batch = client.messages.batches.create(
        requests=[*requests("fine"), {"custom_id": "broken", "params": {"model": "claude-sonnet-4-6"}}]  # type: ignore[typeddict-item]
    )
    assert client.messages.batches.retrieve(batch.id).request_counts.errored == 1
    results = {line.custom_id: line.result for line in client.messages.batches.results(batch.id)}
    broken = results["broken"]
    assert isinstance(broken, MessageBatchErroredResult)
    assert broken.error.error.type == "invalid_request_error" and "max_tokens" in broken.error.error.message
    assert isinstance(results["fine"], MessageBatchSucceededResult)


def test_cancel_goes_canceling_then_ended_keeping_what_was_processed(
    server: FakeServer, client: anthropic.Anthropic
) -> None:
    server.plan_batches(BatchPlan(polls=100, results={"first": Reply([Text("Done early.")])}))
    batch = client.messages.batches.create(requests=requests("first", "second", "third"))
    canceling = client.messages.batches.cancel(batch.id)
    assert canceling.processing_status == "canceling" and canceling.cancel_initiated_at is not None
    ended = client.messages.batches.retrieve(batch.id)
    assert ended.processing_status == "ended"
    assert (ended.request_counts.succeeded, ended.request_counts.canceled) == (1, 2)
    results = {line.custom_id: line.result for line in client.messages.batches.results(batch.id)}
    assert isinstance(results["first"], MessageBatchSucceededResult)
    assert isinstance(results["second"], MessageBatchCanceledResult)


def test_a_batch_cancelled_on_the_servers_side_and_stray_result_lines(
    server: FakeServer, client: anthropic.Anthropic
) -> None:
    server.plan_batches(BatchPlan(polls=0, fate=Fate.CANCELED, stray_results={"nobody": Reply([Text("?")])}))
    batch = client.messages.batches.create(requests=requests("a", "b"))
    ended = client.messages.batches.retrieve(batch.id)
    assert ended.processing_status == "ended" and ended.cancel_initiated_at is not None
    assert ended.request_counts.canceled == 2
    lines = list(client.messages.batches.results(batch.id))
    assert [line.custom_id for line in lines] == ["b", "a", "nobody"], "results come in no promised order"
    assert all(isinstance(line.result, MessageBatchCanceledResult) for line in lines[:2])


def test_list_pages_newest_first_and_delete_needs_an_ended_batch(
    server: FakeServer, client: anthropic.Anthropic
) -> None:
    server.plan_batches(BatchPlan(polls=0), BatchPlan(polls=0), BatchPlan(polls=100))
    made = [client.messages.batches.create(requests=requests(f"r{index}")).id for index in range(3)]
    page = client.messages.batches.list(limit=2)
    assert [batch.id for batch in page.data] == [made[2], made[1]] and page.has_more
    assert page.first_id == made[2] and page.last_id == made[1]
    following = client.messages.batches.list(limit=2, after_id=made[1])
    assert following.data[0].id == made[0]

    with pytest.raises(anthropic.BadRequestError, match="cancel it first"):
        client.messages.batches.delete(made[2])
    client.messages.batches.retrieve(made[0])  # ended at this look
    deleted = client.messages.batches.delete(made[0])
    assert (deleted.id, deleted.type) == (made[0], "message_batch_deleted")
    with pytest.raises(anthropic.NotFoundError):
        client.messages.batches.retrieve(made[0])


def test_bad_batches_are_refused_like_the_api(server: FakeServer, client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.BadRequestError, match="at least 1 item"):
        client.messages.batches.create(requests=[])
    with pytest.raises(anthropic.BadRequestError, match="used by another request"):
        client.messages.batches.create(requests=requests("same", "same"))
    with pytest.raises(anthropic.BadRequestError, match="pattern"):
        client.messages.batches.create(requests=requests("no spaces allowed"))
    with pytest.raises(anthropic.NotFoundError):
        client.messages.batches.retrieve("msgbatch_unknown")


def test_a_relay_without_batches_answers_404() -> None:
    with FakeServer.running_in_thread(api_key=API_KEY, batches=False) as relay:
        client = anthropic.Anthropic(api_key=API_KEY, base_url=relay.base_url, max_retries=0)
        with pytest.raises(anthropic.NotFoundError):
            client.messages.batches.list()
        with pytest.raises(anthropic.NotFoundError):
            client.messages.batches.create(requests=requests("a"))


def test_the_results_file_is_served_as_a_jsonl_download(server: FakeServer) -> None:
    server.plan_batches(BatchPlan(polls=0))
    headers = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01"}
    with httpx.Client(base_url=server.base_url, headers=headers) as http:
        batch = http.post("/v1/messages/batches", json={"requests": requests("one")}).json()
        http.get(f"/v1/messages/batches/{batch['id']}")
        response = http.get(f"/v1/messages/batches/{batch['id']}/results")
    assert response.headers["content-type"] == "application/x-jsonl"
    assert (
        response.headers["content-disposition"] == f"attachment; filename*=utf-8''{batch['id']}_results.jsonl"
    )
    assert response.text.endswith("\n") and response.text.count("\n") == 1

"""The generic batch path any submitter uses (the LLM judge as much as the grid): requests in, the job stored
at once, polls that back off and wait out a transient failure, each change reported, result lines out by
custom id, the job collected; and the probe remembered per profile."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.api.batches import BatchRequest, BatchResultKind, BatchResultLine
from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import BatchPlan, FakeServer, HttpError, Reply, Text
from core.grid.batch_flow import BatchFlow, PollPolicy
from core.model.judging import BatchJob, BatchPurpose, BatchStatus
from core.model.profile import Profile
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker

KEY = "sk-batch-flow-test-0123456789"
JUDGE = {
    "model": "claude-haiku-4-5",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Score it."}],
}


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@pytest.fixture
async def jobs(tmp_path: Path) -> AsyncIterator[JudgingService]:
    store = StoreWorker(tmp_path / "flow.sqlite3")
    yield StoreServices.over(store).judging
    await store.close()


def test_polls_back_off_to_a_ceiling() -> None:
    policy = PollPolicy(first=10, factor=2, longest=60)
    assert [policy.delay(polls) for polls in range(5)] == [10, 20, 40, 60, 60]


async def test_a_judge_pass_goes_through_the_same_path(jobs: JudgingService) -> None:
    async with FakeServer(api_key=KEY) as server:
        server.plan_batches(BatchPlan(polls=2, results={"p0": Reply([Text('{"accuracy": 4}')])}))
        clients = ClientPool(Keys(), [Profile("Judge", server.base_url)], retry=RetryPolicy(max_retries=0))
        flow = BatchFlow(clients, jobs, poll=PollPolicy(first=0.01, factor=1, longest=0.01))
        try:
            assert (await flow.support("Judge")).supported
            requests = [BatchRequest(f"p{index}", JUDGE) for index in range(2)]
            job = await flow.submit("Judge", 7, BatchPurpose.JUDGE, requests, {"p0": "0:1", "p1": "1:0"})
            assert job.id is not None and job.status == BatchStatus.IN_PROGRESS
            assert [stored.batch_id for stored in await flow.open_jobs(BatchPurpose.JUDGE)] == [job.batch_id]
            assert await flow.open_jobs(BatchPurpose.CELLS) == []

            # A poll that fails on the way (the client's retries are off here) is waited out, not fatal.
            server.enqueue(HttpError(503, "Upstream busy"), path=f"/v1/messages/batches/{job.batch_id}")
            seen: list[BatchJob] = []
            lines: list[BatchResultLine] = []

            async def keep(line: BatchResultLine) -> None:
                lines.append(line)

            done = await flow.follow(job, seen.append, keep)
            assert done.status == BatchStatus.COLLECTED
            assert [update.status for update in seen] == [BatchStatus.ENDED, BatchStatus.COLLECTED]
            assert seen[0].counts.succeeded == 2
            by_id = {line.custom_id: line for line in lines}
            assert by_id["p0"].kind == BatchResultKind.SUCCEEDED and by_id["p0"].message is not None
            assert by_id["p0"].message.text == '{"accuracy": 4}'
            assert await jobs.open_batch_jobs() == []
            [stored] = await jobs.batch_jobs(7)
            assert stored.purpose == BatchPurpose.JUDGE and stored.custom_ids == {"p0": "0:1", "p1": "1:0"}
        finally:
            await clients.aclose()


async def test_the_probe_is_asked_once_per_profile(jobs: JudgingService) -> None:
    async with FakeServer(api_key=KEY, batches=False) as relay:
        clients = ClientPool(Keys(), [Profile("Relay", relay.base_url)], retry=RetryPolicy(max_retries=0))
        flow = BatchFlow(clients, jobs)
        try:
            first, second = await flow.support("Relay"), await flow.support("Relay")
            assert not first.supported and first == second and len(relay.requests) == 1
            missing = await flow.support("Gone")
            assert not missing.supported and "Gone" in missing.reason
        finally:
            await clients.aclose()

"""The offline demo as a judge: with nothing scripted, the fake server's demo model answers Triptych's
built-in judge templates in their JSON shape, so a judge pass in the demo scores every cell and its pairs
agree in both orders (it prefers the longer reply wherever it is shown)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import FakeServer
from core.judging.judge_prompts import BUILT_IN_TEMPLATES
from core.judging.judge_runner import JudgeRunner
from core.model.judging import JudgeKind, JudgementStatus, PairVerdict, VoteSourceKind
from core.model.profile import Profile
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from tests.core.judging.judge_helpers import (
    JUDGE_MODEL,
    KEY,
    REPLIES,
    Keys,
    Recorder,
    finished_run,
    saved_run,
)

RUBRIC, PAIRWISE = (
    replace(next(t for t in BUILT_IN_TEMPLATES if t.kind == kind), id=-1 - index, model=JUDGE_MODEL)
    for index, kind in enumerate((JudgeKind.RUBRIC, JudgeKind.PAIRWISE))
)


@pytest.fixture
async def judged(tmp_path: Path) -> AsyncIterator[tuple[StoreWorker, JudgingService, JudgeRunner]]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "demo-judge.sqlite3")
        clients = ClientPool(Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
        judging = StoreServices.over(store).judging
        runner = JudgeRunner(clients, judging, Recorder())
        yield store, judging, runner
        await runner.close()
        await clients.aclose()
        await store.close()


async def test_the_demo_model_scores_every_cell_on_every_criterion(
    judged: tuple[StoreWorker, JudgingService, JudgeRunner],
) -> None:
    store, judging, runner = judged
    run = await saved_run(store, finished_run())
    assert run.id is not None
    await runner.judge_rubric(run, RUBRIC)
    scores = await judging.rubric_scores(run.id)
    assert len(scores) == len(REPLIES)
    for score in scores:
        assert score.status == JudgementStatus.SCORED, score.raw_reply
        assert set(score.scores) == {criterion.name for criterion in RUBRIC.criteria}
        assert all(3 <= value <= 5 for value in score.scores.values())
        assert "demo judge" in score.reasons


async def test_the_demo_model_prefers_the_longer_reply_in_both_orders(
    judged: tuple[StoreWorker, JudgingService, JudgeRunner],
) -> None:
    store, judging, runner = judged
    run = await saved_run(store, finished_run())
    assert run.id is not None
    await runner.judge_pairs(run, PAIRWISE, [(0, 1)])
    verdicts = {j.source.item: j for j in await judging.pair_judgements(VoteSourceKind.GRID, run.id)}
    for case in (0, 1):
        longer_first = len(REPLIES[(case, 0)]) > len(REPLIES[(case, 1)])
        expected = PairVerdict.FIRST if longer_first else PairVerdict.SECOND
        assert verdicts[case].verdict == expected and not verdicts[case].disagreed

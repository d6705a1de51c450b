"""A finished grid run to judge (as a value, or saved in a real store), judge templates, and what the judge
runner reported."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.judging import (
    Criterion,
    JudgeKind,
    JudgeTemplate,
    PairJudgement,
    RubricScore,
)
from core.model.request_settings import RequestSettings
from core.store.services import StoreServices
from core.store.worker import StoreWorker

KEY = "sk-judge-test-key-0123456789"
JUDGE_MODEL = "claude-haiku-4-5"
HAIKU_PRICE = (1.0, 5.0)
"""US dollars per million input and output tokens."""

CRITERIA = (Criterion("correctness", "True and on topic"), Criterion("clarity", "Easy to follow"))
RUBRIC = JudgeTemplate(
    id=3,
    name="Strict grader",
    kind=JudgeKind.RUBRIC,
    prompt="Question: {{prompt}}\nNotes: {{expected}}\nReply: {{reply}}\nCriteria:\n{{criteria}}",
    criteria=CRITERIA,
    profile_name="Judge",
    model=JUDGE_MODEL,
    max_tokens=300,
)
PAIRWISE = JudgeTemplate(
    id=4,
    name="Which is better",
    kind=JudgeKind.PAIRWISE,
    prompt="Question: {{prompt}}\n<a>{{reply_a}}</a>\n<b>{{reply_b}}</b>",
    profile_name="Judge",
    model=JUDGE_MODEL,
    max_tokens=200,
)

REPLIES = {
    (0, 0): "Paris is the capital of France.",
    (0, 1): "It is Lyon, probably.",
    (1, 0): "Two plus two is four.",
    (1, 1): "2 + 2 = 4, because adding two twice gives four.",
}
"""(case, variant) -> what that cell replied."""


def finished_run(*, failed: tuple[tuple[int, int], ...] = (), concurrency: int = 1) -> GridRun:
    """A saved run of two cases × two variants × one repeat, every cell DONE with REPLIES unless `failed`."""
    test_set = TestSet(
        1,
        "Facts",
        "Answer briefly: {{question}}",
        (
            TestCase("capital", {"question": "What is the capital of France?"}, expected="Paris"),
            TestCase("sum", {"question": "What is 2 + 2?"}),
        ),
    )
    variants = (
        GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", max_tokens=256)),
        GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", max_tokens=256, temperature=1.0)),
    )
    cells = {}
    for (case, variant), text in REPLIES.items():
        key = CellKey(case, variant, 0)
        if (case, variant) in failed:
            cells[key] = CellResult(key, CellStatus.FAILED)
        else:
            cells[key] = CellResult(key, CellStatus.DONE, ({"type": "text", "text": text},))
    return GridRun(7, "Facts run", test_set, variants, concurrency=concurrency, cells=cells)


async def saved_run(store: StoreWorker, run: GridRun) -> GridRun:
    """The run saved in the store with its finished cells, as the grid window hands it to the judge."""
    grids = StoreServices.over(store).grids
    created = await grids.create_run(replace(run, id=None, test_set=replace(run.test_set, id=None), cells={}))
    run_id = created.id
    assert run_id is not None
    for cell in run.cells.values():
        await store.call(lambda s, cell=cell: s.save_grid_cell(run_id, cell))  # type: ignore[misc]
    return await grids.run(run_id)


@dataclass
class Recorder:
    """What the runner reported."""

    finished: list[RubricScore | PairJudgement] = field(default_factory=list)
    progress_seen: list[tuple[int, int, float]] = field(default_factory=list)

    def judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        self.finished.append(judgement)

    def progress(self, run_id: int, done: int, total: int, cost_so_far: float) -> None:
        self.progress_seen.append((done, total, cost_so_far))


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY

"""Evaluation grids: a test set of prompts run against several settings variants, each cell repeated, every
repeat's reply and metrics kept, so the statistics and charts are computed from what was measured.

Plain values only. `core.grid` renders the prompts, runs the queue and computes the statistics;
`core.store` keeps test sets (versioned) and runs (cells saved as they complete, so a run resumes after a
restart); the GUI words every enum here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ReplyError
from core.model.messages import ContentBlock
from core.model.request_settings import RequestSettings

MAX_REPEATS = 20
VARIABLE = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
"""A `{{name}}` in a template; spaces inside the braces are allowed."""


@dataclass(frozen=True)
class TestCase:
    """One row of a test set: the values of the template's variables, and what the user expects."""

    __test__ = False  # not a pytest class, whatever its name

    name: str
    variables: Mapping[str, str] = field(default_factory=dict)
    expected: str = ""
    """Optional notes on what a good answer has; shown beside the outputs, never sent."""
    context: tuple[Mapping[str, Any], ...] = ()
    """Messages sent before the prompt (API shape: role + content), for a case added from a transcript turn
    with the conversation before it."""


@dataclass(frozen=True)
class TestSet:
    __test__ = False

    id: int | None
    name: str
    template: str
    """The prompt, with `{{variables}}` filled from each case."""
    cases: tuple[TestCase, ...] = ()
    system: str | None = None
    version: int = 1
    """Raised on each saved edit; a run remembers the version it ran."""
    created_at: float = 0.0
    updated_at: float = 0.0


def template_variables(template: str) -> list[str]:
    """The variables a template names, in order of first use, each once."""
    seen: dict[str, None] = {}
    for match in VARIABLE.finditer(template):
        seen.setdefault(match.group(1), None)
    return list(seen)


class MissingVariableError(ValueError):
    def __init__(self, case: str, variable: str) -> None:
        super().__init__(f"Test case {case!r} has no value for {{{{{variable}}}}}.")
        self.case = case
        self.variable = variable


def render_prompt(template: str, case: TestCase) -> str:
    """The template with the case's values; raises MissingVariableError naming the first one it lacks."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in case.variables:
            raise MissingVariableError(case.name, name)
        return case.variables[name]

    return VARIABLE.sub(value, template)


@dataclass(frozen=True)
class GridVariant:
    """One column of a grid: a provider profile and the settings sent with it."""

    profile_name: str | None
    settings: RequestSettings


class RunState(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    """Paused by the user, or stopped by the app closing: resumes where it stopped."""
    DONE = "done"
    """Every cell ended (some may have failed; they retry on demand)."""
    CANCELLED = "cancelled"


class CellStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class CellKey:
    case: int
    """Index into the run's test set cases."""
    variant: int
    repeat: int


@dataclass(frozen=True)
class CellResult:
    """One repeat of one cell, as saved the moment it ended."""

    key: CellKey
    status: CellStatus
    content: tuple[ContentBlock, ...] = ()
    """The reply's content blocks, rendered like the transcript when the cell is opened."""
    metrics: ColumnMetrics | None = None
    error: ReplyError | None = None
    finished_at: float | None = None

    @property
    def text(self) -> str:
        return "".join(str(block.get("text", "")) for block in self.content if block.get("type") == "text")


@dataclass(frozen=True)
class GridProgress:
    """Where a run stands, for the progress bar: counts of cell repeats, time left, spend so far."""

    done: int
    failed: int
    remaining: int
    eta_seconds: float | None
    """None until enough cells have finished to estimate from."""
    cost_so_far_usd: float


@dataclass(frozen=True)
class GridRun:
    id: int | None
    name: str
    test_set: TestSet
    """The test set as it was when the run started (its version is kept with it)."""
    variants: tuple[GridVariant, ...]
    repeats: int = 1
    concurrency: int = 4
    """The most requests in flight at once for one provider profile."""
    state: RunState = RunState.PAUSED
    created_at: float = 0.0
    cells: Mapping[CellKey, CellResult] = field(default_factory=dict)

    def keys(self) -> list[CellKey]:
        """Every cell × repeat of the run, row by row."""
        return [
            CellKey(case, variant, repeat)
            for case in range(len(self.test_set.cases))
            for variant in range(len(self.variants))
            for repeat in range(self.repeats)
        ]

    def remaining(self) -> list[CellKey]:
        """What a resumed run still has to send: cells never finished (failed ones retry on demand)."""
        return [key for key in self.keys() if key not in self.cells]


@dataclass(frozen=True)
class GridRunSummary:
    """A run in a list of runs: what it ran and how far it got, without its cells' outputs."""

    id: int
    name: str
    test_set_id: int
    test_set_name: str
    test_set_version: int
    state: RunState
    created_at: float
    total: int
    """Cell repeats in the whole run: cases × variants × repeats."""
    done: int
    failed: int


def run_progress(
    run: GridRun,
    cells: dict[CellKey, CellResult] | None = None,
    pending: Iterable[CellKey] = (),
    parallel: int | None = None,
) -> GridProgress:
    """Where a run stands: its cells counted (those `pending`, queued or in flight, as remaining), the time
    left from the finished cells' mean duration spread over `parallel` requests at once (by default the
    run's concurrency per profile used), and what the replies cost so far."""
    cells = dict(run.cells) if cells is None else cells
    waiting = set(pending)
    done = sum(1 for k, c in cells.items() if c.status == CellStatus.DONE and k not in waiting)
    failed = sum(1 for k, c in cells.items() if c.status == CellStatus.FAILED and k not in waiting)
    remaining = len(run.test_set.cases) * len(run.variants) * run.repeats - done - failed
    durations = [c.metrics.duration for c in cells.values() if c.metrics and c.metrics.duration is not None]
    if parallel is None:
        parallel = run.concurrency * len({v.profile_name for v in run.variants})
    eta = None
    if durations and remaining:
        eta = sum(durations) / len(durations) * remaining / max(1, min(parallel, remaining))
    elif not remaining:
        eta = 0.0
    cost = sum(c.metrics.cost_usd for c in cells.values() if c.metrics and c.metrics.cost_usd is not None)
    return GridProgress(done, failed, remaining, eta, cost)

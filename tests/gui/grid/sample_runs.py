"""A small grid run with known measurements, for the statistics and chart widgets' tests.

Three columns differing in temperature, two test cases, three repeats. Column 0 takes 1.0/1.2/1.4 s per
repeat, column 1 1.1/1.3/1.2 s (the same spread: within noise of column 0), column 2 3.0/3.2/3.4 s (clearly
slower); column 2's last repeat of the second case failed. Each column answers with a known number of
distinct texts: 1, 3 and 2 (a trailing space is not a different answer).
"""

from __future__ import annotations

from core.model.compare_run import ColumnMetrics, distinguishing_differences
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import (
    CellKey,
    CellResult,
    CellStatus,
    GridRun,
    GridVariant,
    RunState,
    TestCase,
    TestSet,
)
from core.model.request_settings import RequestSettings

DURATIONS = {0: (1.0, 1.2, 1.4), 1: (1.1, 1.3, 1.2), 2: (3.0, 3.2, 3.4)}
TEXTS = {0: ("Same answer.",) * 3, 1: ("One.", "Two.", "Three."), 2: ("A", "A ", "B")}
COST_PER_REPEAT = {0: 0.001, 1: 0.002, 2: 0.004}
INPUT_TOKENS = 50


def output_tokens(repeat: int) -> int:
    return 100 + 10 * repeat


def sample_run(*, fail_last: bool = True) -> GridRun:
    cases = (TestCase("capital", {"q": "France"}), TestCase("river", {"q": "Egypt"}))
    test_set = TestSet(1, "Geography", "What about {{q}}?", cases)
    variants = tuple(
        GridVariant("demo", RequestSettings(model="claude-demo", temperature=t)) for t in (0.0, 0.5, 1.0)
    )
    cells: dict[CellKey, CellResult] = {}
    for case in range(2):
        for variant in range(3):
            for repeat in range(3):
                key = CellKey(case, variant, repeat)
                if fail_last and (case, variant, repeat) == (1, 2, 2):
                    cells[key] = CellResult(
                        key,
                        CellStatus.FAILED,
                        error=ReplyError(ErrorKind.OVERLOADED, "Overloaded", status=529),
                        finished_at=1.0,
                    )
                    continue
                duration = DURATIONS[variant][repeat]
                metrics = ColumnMetrics(
                    time_to_first_token=duration / 4,
                    duration=duration,
                    output_tokens_per_second=output_tokens(repeat) / duration,
                    input_tokens=INPUT_TOKENS,
                    output_tokens=output_tokens(repeat),
                    stop_reason="end_turn",
                    cost_usd=COST_PER_REPEAT[variant],
                )
                content = ({"type": "text", "text": TEXTS[variant][repeat]},)
                cells[key] = CellResult(key, CellStatus.DONE, content, metrics, None, 1.0)
    return GridRun(7, "Temperatures", test_set, variants, repeats=3, state=RunState.DONE, cells=cells)


def names_of(run: GridRun) -> list[str]:
    """The columns' names as the grid window gives them: the values of the fields that vary."""
    found = distinguishing_differences([(variant.profile_name, variant.settings) for variant in run.variants])
    return [", ".join(f"{item.field} {item.value_text}" for item in items) for items in found]

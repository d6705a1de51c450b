"""A grid run's statistics: the spread per column and per row, distinct outputs, the noise mark."""

import random
import time

import numpy as np
import pytest

from core.grid.stats import (
    METRICS,
    QUALITY,
    Summary,
    cell_distinct_outputs,
    column_distinct_outputs,
    column_quality,
    column_summaries,
    column_values,
    difference_within_noise,
    distinct_outputs,
    noise_against,
    row_distinct_outputs,
    row_summaries,
    summarize,
)
from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.judging import JudgementStatus, RubricScore
from core.model.request_settings import RequestSettings


def done(
    case: int, variant: int, repeat: int, duration: float, text: str = "ok", **more: float
) -> CellResult:
    metrics = ColumnMetrics(duration=duration, stop_reason="end_turn", **more)  # type: ignore[arg-type]
    return CellResult(
        CellKey(case, variant, repeat), CellStatus.DONE, ({"type": "text", "text": text},), metrics, None, 1.0
    )


def failed(case: int, variant: int, repeat: int) -> CellResult:
    # A failed request is fast: if it counted, the failing column would look best.
    return CellResult(
        CellKey(case, variant, repeat),
        CellStatus.FAILED,
        (),
        ColumnMetrics(duration=0.01, time_to_first_token=0.01),
        ReplyError(ErrorKind.OVERLOADED, "Overloaded", status=529),
        1.0,
    )


def run_of(cells: list[CellResult], cases: int = 2, variants: int = 2, repeats: int = 3) -> GridRun:
    test_set = TestSet(1, "set", "{{q}}", tuple(TestCase(f"case {i}", {"q": str(i)}) for i in range(cases)))
    return GridRun(
        1,
        "run",
        test_set,
        tuple(GridVariant("demo", RequestSettings(model="m", temperature=i / 10)) for i in range(variants)),
        repeats=repeats,
        cells={cell.key: cell for cell in cells},
    )


def test_a_summary_interpolates_like_numpy() -> None:
    values = [3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0]
    summary = summarize(values)
    assert summary is not None
    expected = np.percentile(values, [50, 90, 25, 75])
    assert (summary.median, summary.p90, summary.q1, summary.q3) == pytest.approx(list(expected))
    assert (summary.n, summary.minimum, summary.maximum) == (7, 1.0, 9.0)
    assert summary.iqr == pytest.approx(expected[3] - expected[2])
    assert summarize([]) is None
    assert summarize([2.0]) == Summary(1, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0)


def test_column_and_row_summaries_count_only_finished_repeats() -> None:
    cells = [
        done(0, 0, 0, 1.0, time_to_first_token=0.2, output_tokens=10, cost_usd=0.001),
        done(0, 0, 1, 2.0, time_to_first_token=0.4, output_tokens=20, cost_usd=0.002),
        done(0, 0, 2, 3.0, time_to_first_token=0.6, output_tokens=30, cost_usd=0.003),
        done(1, 0, 0, 10.0),
        failed(1, 0, 1),
        failed(0, 1, 0),
        failed(0, 1, 1),
    ]
    run = run_of(cells)
    columns = column_summaries(run)
    assert set(columns) == {0, 1}
    assert set(columns[0]) == set(METRICS)
    duration = columns[0]["duration"]
    assert duration is not None
    # 1, 2, 3, 10: the failed repeat's 0.01 s is not among them.
    assert (duration.n, duration.minimum, duration.median, duration.maximum) == (4, 1.0, 2.5, 10.0)
    ttft = columns[0]["time_to_first_token"]
    assert ttft is not None and ttft.n == 3 and ttft.median == pytest.approx(0.4)
    assert columns[0]["output_tokens_per_second"] is None  # never reported
    # Column 1 only failed: nothing to summarise, shown as empty rather than as a fast column.
    assert columns[1] == dict.fromkeys(METRICS)

    rows = row_summaries(run)
    assert set(rows) == {0, 1}
    row_cost = rows[0]["cost_usd"]
    assert row_cost is not None and row_cost.median == pytest.approx(0.002)
    row_duration = rows[1]["duration"]
    assert row_duration is not None and (row_duration.n, row_duration.median) == (1, 10.0)
    assert column_values(run)[0]["output_tokens"] == [10.0, 20.0, 30.0]


def test_distinct_outputs_ignore_whitespace_and_failures() -> None:
    results = [
        done(0, 0, 0, 1.0, "The answer is 4."),
        done(0, 0, 1, 1.0, "The answer  is 4.\n"),
        done(0, 0, 2, 1.0, "It is four."),
        failed(0, 0, 3),
    ]
    assert distinct_outputs(results) == 2
    assert distinct_outputs([]) == 0

    run = run_of([*results[:3], done(0, 1, 0, 1.0, "x"), done(1, 0, 0, 1.0, "y")])
    assert cell_distinct_outputs(run) == {(0, 0): 2, (0, 1): 1, (1, 0): 1, (1, 1): 0}
    # Means over the cells that finished something: column 0 has cells with 2 and 1 distinct outputs.
    assert column_distinct_outputs(run) == {0: 1.5, 1: 1.0}
    assert row_distinct_outputs(run) == {0: 1.5, 1: 1.0}


def test_the_same_distribution_is_within_noise_and_a_shifted_one_is_not() -> None:
    generator = random.Random(7)
    a = [generator.gauss(2.0, 0.3) for _ in range(30)]
    b = [generator.gauss(2.0, 0.3) for _ in range(30)]
    slow = [value + 1.5 for value in b]

    same = difference_within_noise(a, b)
    assert same.within_noise
    assert same.low < same.difference < same.high

    shifted = difference_within_noise(slow, a)
    assert not shifted.within_noise
    assert shifted.low > 0.5  # slower by about 1.5 s: the interval is well above zero
    assert shifted.difference == pytest.approx(float(np.median(slow) - np.median(a)))

    # Seeded: the same data give the same interval each time the table is drawn.
    assert difference_within_noise(a, b, seed=3) == difference_within_noise(a, b, seed=3)
    with pytest.raises(ValueError):
        difference_within_noise([], b)


def test_three_repeats_that_overlap_are_within_noise() -> None:
    # Temperature 0.2 vs 0.8 from three samples each, overlapping: not evidence of a difference.
    assert difference_within_noise([1.9, 2.4, 2.1], [2.0, 2.6, 2.2]).within_noise
    assert not difference_within_noise([1.0, 1.1, 1.05], [3.0, 3.2, 3.1]).within_noise


def test_noise_against_a_reference_column() -> None:
    cells = [done(0, 0, r, 1.0 + r / 100) for r in range(3)]
    cells += [done(0, 1, r, 5.0 + r / 100) for r in range(3)]
    cells += [done(0, 2, r, 1.0 + (2 - r) / 100) for r in range(3)]
    cells += [done(0, 3, 0, 1.0)]  # a single repeat cannot be told from noise
    run = run_of(cells, cases=1, variants=4)
    checks = noise_against(run, 0, "duration")
    assert set(checks) == {1, 2, 3}
    assert checks[1] is not None and not checks[1].within_noise and checks[1].difference == pytest.approx(4.0)
    assert checks[2] is not None and checks[2].within_noise
    assert checks[3] is None


def test_statistics_of_a_50_by_6_by_3_grid_are_quick() -> None:
    generator = random.Random(1)
    cells = [
        done(
            case,
            variant,
            repeat,
            generator.uniform(1, 3),
            f"reply {generator.randint(0, 2)}",
            time_to_first_token=generator.uniform(0.1, 0.5),
            output_tokens_per_second=generator.uniform(40, 90),
            output_tokens=generator.randint(50, 400),
            cost_usd=generator.uniform(0.001, 0.01),
        )
        for case in range(50)
        for variant in range(6)
        for repeat in range(3)
    ]
    run = run_of(cells, cases=50, variants=6)
    difference_within_noise([1.0, 2.0], [1.0, 2.0])  # numpy's import is not the statistics' time
    # CPU time, not wall time: the suite must pass while other processes keep the cores busy.
    started = time.process_time()
    columns = column_summaries(run)
    rows = row_summaries(run)
    column_distinct_outputs(run)
    row_distinct_outputs(run)
    checks = noise_against(run, 0, "duration")
    elapsed = time.process_time() - started
    assert len(columns) == 6 and len(rows) == 50 and len(checks) == 5
    assert elapsed < 0.1, f"statistics took {elapsed * 1000:.0f} ms of CPU"


def test_noise_against_gives_the_pairwise_check() -> None:
    generator = random.Random(3)
    cells = [
        done(c, v, r, generator.uniform(1, 2) + v / 3) for c in range(4) for v in range(3) for r in range(3)
    ]
    run = run_of(cells, cases=4, variants=3)
    values = column_values(run)
    checks = noise_against(run, 1, "duration", seed=5)
    for variant in (0, 2):
        assert checks[variant] == difference_within_noise(
            values[variant]["duration"], values[1]["duration"], seed=5
        )


def judged(
    case: int, variant: int, repeat: int, *marks: int, status: str = "scored", run_id: int = 1
) -> RubricScore:
    return RubricScore(
        run_id,
        case,
        variant,
        repeat,
        template_id=3,
        status=JudgementStatus(status),
        scores={f"criterion {i}": mark for i, mark in enumerate(marks)},
    )


def test_the_judges_scores_join_as_the_quality_metric_only_when_given() -> None:
    cells = [
        done(0, 0, 0, 1.0),
        done(0, 0, 1, 1.0),
        done(1, 0, 0, 1.0),
        done(0, 1, 0, 1.0),
        done(1, 1, 0, 1.0),
        failed(1, 1, 1),
    ]
    run = run_of(cells, repeats=2)
    scores = [
        judged(0, 0, 0, 5, 4),  # overall 4.5
        judged(0, 0, 1, 3, 3),  # 3
        judged(1, 0, 0, 2, 3, 4),  # 3
        judged(0, 1, 0, status="unscored"),  # not scored: left out
        judged(1, 1, 0, 1, 2),  # 1.5
        judged(1, 1, 1, 5, 5),  # its repeat failed: left out
        judged(0, 1, 0, 5, 5, run_id=2),  # another run's
    ]
    assert QUALITY not in column_summaries(run)[0] and QUALITY not in column_values(run)[0]

    columns = column_summaries(run, scores)
    first = columns[0][QUALITY]
    assert first is not None and (first.n, first.median, first.maximum) == (3, 3.0, 4.5)
    second = columns[1][QUALITY]
    assert second is not None and (second.n, second.median) == (1, 1.5)
    assert columns[0]["duration"] == column_summaries(run)[0]["duration"]  # the measured ones unchanged
    rows = row_summaries(run, scores)
    row = rows[1][QUALITY]
    assert row is not None and (row.n, row.minimum, row.maximum) == (2, 1.5, 3.0)
    assert column_values(run, scores)[0][QUALITY] == [4.5, 3.0, 3.0]
    assert column_quality(run, scores) == {0: pytest.approx(3.5), 1: 1.5}
    assert column_quality(run, []) == {0: None, 1: None}
    assert column_summaries(run, [])[0][QUALITY] is None  # a template chosen, nothing judged yet

    check = noise_against(run, 0, QUALITY, scores=scores)
    assert set(check) == {1} and check[1] is None  # one judged repeat in column 1: no bootstrap
    with pytest.raises(ValueError, match="scores"):
        noise_against(run, 0, QUALITY)

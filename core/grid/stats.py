"""Statistics of a grid run: per column (variant) and per row (test case), over every finished repeat.

Only repeats that finished (`CellStatus.DONE`, with metrics) count: a failed request is fast and cheap, not
good. Percentiles interpolate linearly between the sorted values (numpy's default), so a column of three
repeats has a median that is one of them and a p90 between the two largest.

A judge's rubric scores join as the `QUALITY` metric when the caller passes them in (`scores`): each finished
repeat's overall score (the mean over the template's criteria), summarised like the measured metrics. The
statistics stay pure: the scores are values handed in, not read here.

The bootstrap that marks "within noise" uses numpy (vectorised: 2,000 resamples of 150 values take a few
milliseconds); numpy is imported when it first runs, so nothing that only names these values pays for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.model.grid import CellKey, CellResult, CellStatus, GridRun
from core.model.judging import RubricScore

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

METRICS: tuple[str, ...] = (
    "time_to_first_token",
    "duration",
    "output_tokens_per_second",
    "output_tokens",
    "cost_usd",
)
"""The measured metrics the statistics cover, each a `ColumnMetrics` field (output_tokens is the output
length). The GUI words each name."""

QUALITY = "quality"
"""The judge's overall rubric score of a repeat (1–5; higher is better): a metric only when scores are given.
Not in METRICS, which names `ColumnMetrics` fields."""

LOWER_IS_BETTER: frozenset[str] = frozenset({"time_to_first_token", "duration", "cost_usd"})
"""For the rest, higher is better (speed) or neither is (output length); the GUI may mark the better side."""


@dataclass(frozen=True)
class Summary:
    """The spread of one metric over a set of repeats."""

    n: int
    median: float
    p90: float
    minimum: float
    maximum: float
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


def quantile(ordered: Sequence[float], fraction: float) -> float:
    """The `fraction` quantile of already sorted values, interpolated linearly (numpy's "linear")."""
    if not ordered:
        raise ValueError("No values to take a quantile of.")
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * weight


def summarize(values: Iterable[float]) -> Summary | None:
    """The summary of the values; None when there are none (a column with every repeat failed)."""
    ordered = sorted(values)
    if not ordered:
        return None
    return Summary(
        n=len(ordered),
        median=quantile(ordered, 0.5),
        p90=quantile(ordered, 0.9),
        minimum=ordered[0],
        maximum=ordered[-1],
        q1=quantile(ordered, 0.25),
        q3=quantile(ordered, 0.75),
    )


def finished(results: Iterable[CellResult]) -> list[CellResult]:
    """The repeats that count for statistics: ended normally, with metrics."""
    return [result for result in results if result.status is CellStatus.DONE and result.metrics is not None]


def metric_values(results: Iterable[CellResult], metric: str) -> list[float]:
    """The metric's values over the finished repeats, in the order given (for strip points); repeats that
    lack the value (no usage reported) are left out."""
    if metric not in METRICS:
        raise ValueError(f"Unknown metric {metric!r}.")
    values: list[float] = []
    for result in finished(results):
        value = getattr(result.metrics, metric)
        if value is not None:
            values.append(float(value))
    return values


def column_results(run: GridRun) -> dict[int, list[CellResult]]:
    """Every variant's saved repeats (all cases), keyed by variant index; every variant has a key."""
    grouped: dict[int, list[CellResult]] = {index: [] for index in range(len(run.variants))}
    for key, result in sorted(run.cells.items(), key=lambda item: _order(item[0])):
        grouped.setdefault(key.variant, []).append(result)
    return grouped


def row_results(run: GridRun) -> dict[int, list[CellResult]]:
    """Every case's saved repeats (all variants), keyed by case index; every case has a key."""
    grouped: dict[int, list[CellResult]] = {index: [] for index in range(len(run.test_set.cases))}
    for key, result in sorted(run.cells.items(), key=lambda item: _order(item[0])):
        grouped.setdefault(key.case, []).append(result)
    return grouped


def cell_results(run: GridRun, case: int, variant: int) -> list[CellResult]:
    """One cell's saved repeats, by repeat number."""
    found = [result for key, result in run.cells.items() if key.case == case and key.variant == variant]
    return sorted(found, key=lambda result: result.key.repeat)


def quality_by_cell(run: GridRun, scores: Iterable[RubricScore]) -> dict[CellKey, float]:
    """Each finished repeat's overall judge score, from scores of one judge template: judgements that are
    not SCORED, of another run, or of a repeat that is not finished (any more) are left out."""
    found: dict[CellKey, float] = {}
    for score in scores:
        key = CellKey(score.case, score.variant, score.repeat)
        cell = run.cells.get(key)
        overall = score.overall
        if overall is None or cell is None or cell.status is not CellStatus.DONE:
            continue
        if run.id is not None and score.run_id != run.id:
            continue
        found[key] = overall
    return found


def quality_values(results: Iterable[CellResult], quality: Mapping[CellKey, float]) -> list[float]:
    """The judged scores of the finished repeats, in the order given; repeats not judged left out."""
    return [quality[result.key] for result in finished(results) if result.key in quality]


def column_values(
    run: GridRun, scores: Iterable[RubricScore] | None = None
) -> dict[int, dict[str, list[float]]]:
    """Variant index -> metric -> the finished repeats' values (what a box/strip plot draws); with `scores`,
    QUALITY too."""
    quality = quality_by_cell(run, scores) if scores is not None else None
    return {variant: _values(results, quality) for variant, results in column_results(run).items()}


def column_summaries(
    run: GridRun, scores: Iterable[RubricScore] | None = None
) -> dict[int, dict[str, Summary | None]]:
    """Variant index -> metric -> its summary over every case and repeat of that column; with a judge
    template's `scores`, QUALITY too."""
    return _summaries(column_results(run), quality_by_cell(run, scores) if scores is not None else None)


def row_summaries(
    run: GridRun, scores: Iterable[RubricScore] | None = None
) -> dict[int, dict[str, Summary | None]]:
    """Case index -> metric -> its summary over every variant and repeat of that row; with a judge
    template's `scores`, QUALITY too."""
    return _summaries(row_results(run), quality_by_cell(run, scores) if scores is not None else None)


def column_quality(run: GridRun, scores: Iterable[RubricScore]) -> dict[int, float | None]:
    """Variant index -> the mean judged score over its judged repeats (None when none was judged): the
    quality axis of the quality-vs-cost chart."""
    quality = quality_by_cell(run, scores)
    means: dict[int, float | None] = {}
    for variant, results in column_results(run).items():
        values = quality_values(results, quality)
        means[variant] = sum(values) / len(values) if values else None
    return means


def _values(results: list[CellResult], quality: Mapping[CellKey, float] | None) -> dict[str, list[float]]:
    values = {metric: metric_values(results, metric) for metric in METRICS}
    if quality is not None:
        values[QUALITY] = quality_values(results, quality)
    return values


def _summaries(
    grouped: Mapping[int, list[CellResult]], quality: Mapping[CellKey, float] | None
) -> dict[int, dict[str, Summary | None]]:
    return {
        index: {metric: summarize(values) for metric, values in _values(results, quality).items()}
        for index, results in grouped.items()
    }


def _order(key: CellKey) -> tuple[int, int, int]:
    return key.case, key.variant, key.repeat


# -- distinct outputs -------------------------------------------------------------------------------------


def normalized_text(text: str) -> str:
    """The reply text with runs of whitespace made one space and the ends trimmed: a trailing newline or a
    doubled space is not a different answer."""
    return " ".join(text.split())


def distinct_outputs(results: Iterable[CellResult]) -> int:
    """How many different reply texts the finished repeats gave (whitespace-normalised); 1 means the
    setting answered the same every time, 0 that no repeat finished."""
    return len({normalized_text(result.text) for result in results if result.status is CellStatus.DONE})


def cell_distinct_outputs(run: GridRun) -> dict[tuple[int, int], int]:
    """(case, variant) -> distinct outputs across that cell's repeats, for every cell of the run."""
    grouped: dict[tuple[int, int], list[CellResult]] = {
        (case, variant): [] for case in range(len(run.test_set.cases)) for variant in range(len(run.variants))
    }
    for key, result in run.cells.items():
        grouped.setdefault((key.case, key.variant), []).append(result)
    return {cell: distinct_outputs(results) for cell, results in grouped.items()}


def column_distinct_outputs(run: GridRun) -> dict[int, float | None]:
    """Variant index -> the mean over its cases of the distinct outputs per cell (cells with no finished
    repeat left out; None when none finished). Out of `run.repeats`: 1.0 is fully repeatable."""
    per_cell = cell_distinct_outputs(run)
    return {
        variant: _mean(count for (_, column), count in per_cell.items() if column == variant and count)
        for variant in range(len(run.variants))
    }


def row_distinct_outputs(run: GridRun) -> dict[int, float | None]:
    """Case index -> the mean over the variants of the distinct outputs per cell (as for columns)."""
    per_cell = cell_distinct_outputs(run)
    return {
        case: _mean(count for (row, _), count in per_cell.items() if row == case and count)
        for case in range(len(run.test_set.cases))
    }


def _mean(values: Iterable[int]) -> float | None:
    found = list(values)
    return sum(found) / len(found) if found else None


# -- difference within noise ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoiseCheck:
    """A bootstrap interval of median(a) - median(b)."""

    difference: float
    """The observed difference of the medians."""
    low: float
    high: float
    confidence: float

    @property
    def within_noise(self) -> bool:
        """True when the interval contains zero: the data do not tell the two apart."""
        return self.low <= 0.0 <= self.high


def difference_within_noise(
    a: Sequence[float],
    b: Sequence[float],
    *,
    seed: int = 0,
    resamples: int = 2000,
    confidence: float = 0.95,
) -> NoiseCheck:
    """Resample each side with replacement `resamples` times, take the difference of the medians each time,
    and keep the central `confidence` share of those differences as the interval. Seeded: the same data give
    the same mark every time the table is drawn. Raises ValueError when a side has no values."""
    if not a or not b:
        raise ValueError("Both sides need at least one value.")
    return _interval(
        _resampled_medians(a, seed, 0, resamples), _resampled_medians(b, seed, 1, resamples), a, b, confidence
    )


def _resampled_medians(values: Sequence[float], seed: int, side: int, resamples: int) -> NDArray[np.float64]:
    """The medians of `resamples` resamples of the values. Each side has a random stream of its own (seed,
    side), so a reference column's resamples are drawn once and shared by every comparison with it.

    The values are sorted once and the resamples drawn as indices into them: the median of the resampled
    values is then the value at the median index, found by a partial sort of small integers (several times
    faster than numpy.median over the resampled floats)."""
    import numpy as np  # imported here: see the module's docstring

    ordered = np.sort(np.asarray(values, dtype=float))
    size = len(ordered)
    kind = np.int16 if size < 2**15 else np.int64
    drawn = np.random.default_rng([seed, side]).integers(0, size, size=(resamples, size), dtype=kind)
    middle = [(size - 1) // 2, size // 2]
    parted = np.partition(drawn, middle, axis=1)
    medians: NDArray[np.float64] = (ordered[parted[:, middle[0]]] + ordered[parted[:, middle[1]]]) / 2.0
    return medians


def _interval(
    medians_a: NDArray[np.float64],
    medians_b: NDArray[np.float64],
    a: Sequence[float],
    b: Sequence[float],
    confidence: float,
) -> NoiseCheck:
    if not 0.0 < confidence < 1.0:
        raise ValueError("The confidence is a fraction between 0 and 1.")
    import numpy as np

    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(medians_a - medians_b, [tail, 1.0 - tail])
    return NoiseCheck(
        difference=float(np.median(a) - np.median(b)),
        low=float(low),
        high=float(high),
        confidence=confidence,
    )


MIN_NOISE_VALUES = 2
"""Below this many values on a side a bootstrap only replays the one value: it cannot say "noise"."""


def noise_against(
    run: GridRun,
    reference: int,
    metric: str,
    *,
    seed: int = 0,
    resamples: int = 2000,
    confidence: float = 0.95,
    scores: Iterable[RubricScore] | None = None,
) -> dict[int, NoiseCheck | None]:
    """Every other variant compared with the `reference` variant on one metric (other minus reference, the
    same as `difference_within_noise(other, reference)`); None for a variant where either side has fewer
    than MIN_NOISE_VALUES finished values. QUALITY needs the judge's `scores`."""
    if metric == QUALITY and scores is None:
        raise ValueError("The quality metric needs the judge's scores.")
    values = {variant: by_metric[metric] for variant, by_metric in column_values(run, scores).items()}
    base = values.get(reference, [])
    base_medians = _resampled_medians(base, seed, 1, resamples) if len(base) >= MIN_NOISE_VALUES else None
    checks: dict[int, NoiseCheck | None] = {}
    for variant, others in values.items():
        if variant == reference:
            continue
        if base_medians is None or len(others) < MIN_NOISE_VALUES:
            checks[variant] = None
        else:
            medians = _resampled_medians(others, seed, 0, resamples)
            checks[variant] = _interval(medians, base_medians, others, base, confidence)
    return checks

"""Statistics of a grid run: per column (variant) and per row (test case), over every finished repeat.

Only repeats that finished (`CellStatus.DONE`, with metrics) count: a failed request is fast and cheap, not
good. Percentiles interpolate linearly between the sorted values (numpy's default), so a column of three
repeats has a median that is one of them and a p90 between the two largest.

The bootstrap that marks "within noise" uses numpy (vectorised: 2,000 resamples of 150 values take a few
milliseconds); numpy is imported when it first runs, so nothing that only names these values pays for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.model.grid import CellKey, CellResult, CellStatus, GridRun

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


def column_values(run: GridRun) -> dict[int, dict[str, list[float]]]:
    """Variant index -> metric -> the finished repeats' values (what a box/strip plot draws)."""
    return {
        variant: {metric: metric_values(results, metric) for metric in METRICS}
        for variant, results in column_results(run).items()
    }


def column_summaries(run: GridRun) -> dict[int, dict[str, Summary | None]]:
    """Variant index -> metric -> its summary over every case and repeat of that column."""
    return _summaries(column_results(run))


def row_summaries(run: GridRun) -> dict[int, dict[str, Summary | None]]:
    """Case index -> metric -> its summary over every variant and repeat of that row."""
    return _summaries(row_results(run))


def _summaries(grouped: Mapping[int, list[CellResult]]) -> dict[int, dict[str, Summary | None]]:
    return {
        index: {metric: summarize(metric_values(results, metric)) for metric in METRICS}
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
) -> dict[int, NoiseCheck | None]:
    """Every other variant compared with the `reference` variant on one metric (other minus reference, the
    same as `difference_within_noise(other, reference)`); None for a variant where either side has fewer
    than MIN_NOISE_VALUES finished values."""
    values = {variant: by_metric[metric] for variant, by_metric in column_values(run).items()}
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

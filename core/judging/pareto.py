"""The quality-vs-cost chart's Pareto front: the settings no other beats on both cost and quality."""

from __future__ import annotations

from collections.abc import Sequence


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """Indexes (ascending) of the points no other point dominates. A point is (cost, quality): lower cost
    and higher quality are better, and a point is dominated by one at most as costly and at least as good
    that is strictly better in one of the two. Equal points are all on the front; a point with a NaN
    coordinate is never on it (it cannot be placed on the chart)."""
    usable = [
        (cost, -quality, index)
        for index, (cost, quality) in enumerate(points)
        if cost == cost and quality == quality  # NaN is not equal to itself
    ]
    usable.sort()
    front: list[int] = []
    best: tuple[float, float] | None = None  # (cost, quality) of the last point kept
    best_quality = float("-inf")
    for cost, negative_quality, index in usable:
        quality = -negative_quality
        if quality > best_quality or (best is not None and (cost, quality) == best):
            front.append(index)
            best, best_quality = (cost, quality), quality
    return sorted(front)

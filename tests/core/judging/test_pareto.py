"""The Pareto front of (cost, quality) points: cheaper and better wins, ties stay, NaN never counts."""

import math

from core.judging.pareto import pareto_front


def test_points_beaten_on_both_cost_and_quality_are_off_the_front():
    points = [(1.0, 3.0), (2.0, 4.0), (1.5, 2.0), (3.0, 4.5), (2.5, 4.0), (0.5, 1.0)]
    #            front       front      dominated  front      dominated by (2,4)  front

    assert pareto_front(points) == [0, 1, 3, 5]


def test_same_cost_keeps_only_the_better_and_equal_points_both_stay():
    assert pareto_front([(1.0, 2.0), (1.0, 3.0)]) == [1]
    assert pareto_front([(1.0, 3.0), (1.0, 3.0), (2.0, 3.0)]) == [0, 1]


def test_empty_single_and_nan():
    assert pareto_front([]) == []
    assert pareto_front([(5.0, 1.0)]) == [0]
    assert pareto_front([(math.nan, 5.0), (1.0, math.nan), (2.0, 1.0)]) == [2]


def test_against_the_definition_on_a_grid_of_points():
    points = [(float(cost), float((cost * 7) % 5)) for cost in range(12)]

    def dominated(i: int) -> bool:
        cost, quality = points[i]
        return any(
            c <= cost and q >= quality and (c, q) != (cost, quality)
            for j, (c, q) in enumerate(points)
            if j != i
        )

    assert pareto_front(points) == [i for i in range(len(points)) if not dominated(i)]

"""The leaderboard's Bradley–Terry ratings: the fit checked against a published worked example, votes
expanded to pairwise results as documented, the prior keeping an unbeaten variant finite, intervals that
cover the rating and narrow with more votes, tags, and variants that no vote connects to the rest."""

import math

import numpy as np
import pytest

from core.judging.leaderboard import PairResult, fit_strengths, leaderboard, pairwise
from core.model.judging import Outcome, VariantIdentity, Vote, VoteSource, VoteSourceKind

A, B, C, D = (VariantIdentity(f"key-{name}", f"Variant {name}") for name in "ABCD")
SOURCE = VoteSource(VoteSourceKind.GRID, run_id=1, item=0)

# Wikipedia, "Bradley–Terry model", section "Worked example of solution procedure" (revision 1363947235,
# citing Hunter 2004 and Agresti, Categorical Data Analysis, 2014, pp. 436–439): four teams; row beat column
# that many times.
WIKIPEDIA_WINS = (
    (0, 2, 0, 1),
    (3, 0, 5, 0),
    (0, 3, 0, 1),
    (4, 0, 3, 0),
)
WIKIPEDIA_STRENGTHS = (0.640, 1.043, 0.660, 2.270)
"""The published solution, normalised to a geometric mean of 1, to three decimals."""


def win(first: VariantIdentity, second: VariantIdentity, *, tags: tuple[str, ...] = ()) -> Vote:
    return Vote(None, SOURCE, (first, second), (0, 1), Outcome.WIN, winner=0, tags=tags)


def votes_from_table(table: tuple[tuple[int, ...], ...]) -> list[Vote]:
    teams = (A, B, C, D)
    return [
        win(teams[row], teams[column])
        for row, wins in enumerate(table)
        for column, count in enumerate(wins)
        for _ in range(count)
    ]


def test_the_fit_reproduces_the_published_worked_example():
    """Wikipedia's Bradley–Terry worked example (see WIKIPEDIA_WINS): the maximum-likelihood strengths,
    normalised by their geometric mean, are p = [0.640, 1.043, 0.660, 2.270]. Centred log-strengths are
    exactly that normalisation (exp of a centred log is p over its geometric mean)."""
    strengths = fit_strengths(np.array([WIKIPEDIA_WINS], dtype=float), prior_games=0)[0]
    assert [round(math.exp(value), 3) for value in strengths] == list(WIKIPEDIA_STRENGTHS)


def test_votes_through_the_leaderboard_reproduce_the_worked_example():
    board = leaderboard(votes_from_table(WIKIPEDIA_WINS), prior_games=0, resamples=0)

    published = dict(zip((A, B, C, D), WIKIPEDIA_STRENGTHS, strict=True))
    assert [rating.identity for rating in board.ratings] == [D, B, C, A]
    for rating in board.ratings:
        assert round(math.exp(rating.strength), 3) == published[rating.identity]
    assert board.votes == board.comparisons == 22
    by_variant = {rating.identity: (rating.votes, rating.wins, rating.losses) for rating in board.ratings}
    assert by_variant[A] == (10, 3.0, 7.0)
    assert by_variant[D] == (9, 7.0, 2.0)
    assert board.unrated == ()


def test_the_default_prior_pulls_ratings_in_only_a_little_and_keeps_the_order():
    exact = leaderboard(votes_from_table(WIKIPEDIA_WINS), prior_games=0, resamples=0)
    with_prior = leaderboard(votes_from_table(WIKIPEDIA_WINS), resamples=0)

    assert [r.identity for r in with_prior.ratings] == [r.identity for r in exact.ratings]
    spread = exact.ratings[0].strength - exact.ratings[-1].strength
    assert 0 < with_prior.ratings[0].strength - with_prior.ratings[-1].strength < spread
    for exact_rating, prior_rating in zip(exact.ratings, with_prior.ratings, strict=True):
        assert prior_rating.strength == pytest.approx(exact_rating.strength, abs=0.15)


def test_a_variant_that_won_every_vote_has_a_finite_rating_that_grows_with_its_wins():
    few = leaderboard([win(A, B)] * 3, resamples=0)
    many = leaderboard([win(A, B)] * 30, resamples=0)

    assert math.isfinite(few.ratings[0].strength)
    assert few.ratings[0].identity == A
    assert 0 < few.ratings[0].strength < many.ratings[0].strength < 10
    assert few.ratings[0].strength == pytest.approx(-few.ratings[1].strength)


def test_best_of_n_counts_n_minus_one_wins_and_ties_draw_every_pair():
    best_of_three = Vote(None, SOURCE, (A, B, C), (2, 0, 1), Outcome.WIN, winner=1)
    tie = Vote(None, SOURCE, (A, B, C), (0, 1, 2), Outcome.TIE)
    all_bad = Vote(None, SOURCE, (A, B), (0, 1), Outcome.ALL_BAD)

    assert pairwise(best_of_three) == [PairResult(1, 0, 1.0), PairResult(1, 2, 1.0)]
    assert pairwise(tie) == [PairResult(0, 1, 0.5), PairResult(0, 2, 0.5), PairResult(1, 2, 0.5)]
    assert pairwise(all_bad) == [PairResult(0, 1, 0.5)]

    board = leaderboard([best_of_three, tie, all_bad], resamples=0)
    assert board.votes == 3
    assert board.comparisons == 2 + 3 + 1
    by_variant = {rating.identity: rating for rating in board.ratings}
    assert (by_variant[B].votes, by_variant[B].wins, by_variant[B].losses) == (3, 3.5, 1.5)
    assert (by_variant[C].votes, by_variant[C].wins, by_variant[C].losses) == (2, 1.0, 2.0)
    assert board.ratings[0].identity == B


def test_a_variant_is_not_compared_with_itself():
    """A grid may run the same settings in two columns (to see the noise): such a vote is kept, but the
    variant's rating does not move against itself."""
    twin = Vote(None, SOURCE, (A, A, B), (0, 1, 2), Outcome.WIN, winner=0)
    only_twins = Vote(None, SOURCE, (A, A), (0, 1), Outcome.TIE)

    assert pairwise(twin) == [PairResult(0, 2, 1.0)]
    assert pairwise(only_twins) == []
    board = leaderboard([twin, only_twins], resamples=0)
    assert board.comparisons == 1
    assert [(r.identity, r.votes, r.wins) for r in board.ratings] == [(A, 2, 1.0), (B, 1, 0.0)]
    assert leaderboard([only_twins], resamples=0).ratings == ()


def test_only_draws_rate_everyone_equal():
    board = leaderboard([Vote(None, SOURCE, (A, B), (0, 1), Outcome.TIE)] * 4, resamples=200)

    assert [rating.strength for rating in board.ratings] == pytest.approx([0.0, 0.0], abs=1e-9)


def test_intervals_cover_the_rating_narrow_with_more_votes_and_repeat_for_a_seed():
    votes = votes_from_table(WIKIPEDIA_WINS)
    board = leaderboard(votes, resamples=400, seed=7)
    bigger = leaderboard(votes * 8, resamples=400, seed=7)

    for rating in board.ratings:
        assert rating.low <= rating.strength <= rating.high
    width = {r.identity: r.high - r.low for r in board.ratings}
    for rating in bigger.ratings:
        assert rating.high - rating.low < width[rating.identity]
    assert leaderboard(votes, resamples=400, seed=7) == board
    assert leaderboard(votes, resamples=400, seed=8) != board
    wider = leaderboard(votes, resamples=400, seed=7, confidence=0.99)
    for narrow, wide in zip(board.ratings, wider.ratings, strict=True):
        assert wide.low <= narrow.low and narrow.high <= wide.high


def test_a_tag_keeps_only_its_votes_ignoring_case():
    votes = [win(A, B, tags=("coding",)), win(A, B, tags=("Coding", "Chinese")), win(B, A, tags=("writing",))]

    coding = leaderboard(votes, "CODING", resamples=0)
    writing = leaderboard(votes, "writing", resamples=0)
    overall = leaderboard(votes, resamples=0)

    assert (coding.tag, coding.votes, coding.ratings[0].identity) == ("CODING", 2, A)
    assert (writing.votes, writing.ratings[0].identity) == (1, B)
    assert overall.votes == 3
    assert leaderboard(votes, "poetry").ratings == ()


def test_variants_no_vote_connects_to_the_rest_are_unrated():
    connected = [win(A, B), win(B, C), win(C, A), win(A, C)]
    island = [win(D, VariantIdentity("key-E", "Variant E"))]

    board = leaderboard(connected + island, resamples=50)

    assert {rating.identity for rating in board.ratings} == {A, B, C}
    assert set(board.unrated) == {D, VariantIdentity("key-E", "Variant E")}
    assert board.votes == 5
    assert sum(rating.strength for rating in board.ratings) == pytest.approx(0.0, abs=1e-9)


def test_the_same_variant_from_two_runs_adds_up_under_its_latest_label():
    in_grid = win(A, B)
    in_compare = Vote(
        None,
        VoteSource(VoteSourceKind.COMPARE, run_id=9, item=2),
        (VariantIdentity(A.key, "Sonnet, temperature 0"), B),
        (1, 0),
        Outcome.WIN,
        winner=0,
    )

    board = leaderboard([in_grid, in_compare], resamples=0)

    assert board.ratings[0].identity == VariantIdentity(A.key, "Sonnet, temperature 0")
    assert board.ratings[0].votes == 2


def test_no_votes_and_bad_arguments():
    assert leaderboard([]).ratings == ()
    with pytest.raises(ValueError, match="between 0 and 1"):
        leaderboard([win(A, B)], confidence=1.0)
    with pytest.raises(ValueError, match="resamples"):
        leaderboard([win(A, B)], resamples=-1)
    with pytest.raises(ValueError, match="prior"):
        leaderboard([win(A, B)], prior_games=0)

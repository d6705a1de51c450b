"""How far to trust the judge: its pair verdicts against the user's blind votes on the same pairs.

A pair is the same when it is the same source (compare round, or grid test case and repeat) and the same two
columns. The user's vote is read relative to the judgement's column order: the first column picked is
FIRST, the second SECOND, a tie or "all bad" TIE (both bad is no preference either way). A best-of-N vote
counts for the pair when its pick is one of the two (or it was a tie); a pick outside the pair says nothing
about it. A judgement counts only with a verdict (scored, and both orders agreed); when the user voted on a
pair more than once, the latest vote is theirs.

Cohen's kappa is (p_o − p_e) / (1 − p_e): observed agreement beyond what the two raters' own answer rates
would give by chance (Cohen, "A coefficient of agreement for nominal scales", 1960).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.model.judging import Agreement, Outcome, PairJudgement, PairVerdict, Vote, VoteSource

_PairKey = tuple[VoteSource, int, int]


def agreement(votes: Sequence[Vote], judgements: Sequence[PairJudgement]) -> Agreement:
    """Percent agreement and kappa over the pairs both the user and the judge gave a verdict on."""
    by_pair: dict[_PairKey, tuple[float, int, Vote]] = {}
    for order, vote in enumerate(votes):
        for first, second in _pairs_of(vote):
            key = (vote.source, first, second)
            ranked = (vote.created_at, order, vote)
            if key not in by_pair or ranked[:2] > by_pair[key][:2]:
                by_pair[key] = ranked
    rated: list[tuple[str, str]] = []
    for judgement in judgements:
        verdict = judgement.verdict
        if verdict is None:
            continue
        first, second = judgement.columns
        found = by_pair.get((judgement.source, min(first, second), max(first, second)))
        if found is None:
            continue
        user = user_verdict(found[2], first, second)
        if user is not None:
            rated.append((user.value, verdict.value))
    agreed = sum(1 for user, judge in rated if user == judge)
    return Agreement(
        pairs=len(rated),
        agreed=agreed,
        percent=100 * agreed / len(rated) if rated else None,
        kappa=cohen_kappa(rated),
    )


def user_verdict(vote: Vote, first: int, second: int) -> PairVerdict | None:
    """The vote as a verdict on columns `first` and `second`, in that order; None when it says nothing
    about them (a column not in the vote, or a best-of-N pick outside the pair)."""
    if first not in vote.columns or second not in vote.columns:
        return None
    if vote.outcome in (Outcome.TIE, Outcome.ALL_BAD):
        return PairVerdict.TIE
    if vote.winner is None:
        return None
    picked = vote.columns[vote.winner]
    if picked == first:
        return PairVerdict.FIRST
    if picked == second:
        return PairVerdict.SECOND
    return None


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters' answers on the same items (each pair: rater one's, rater two's). None
    when there are no items, or when chance alone would agree every time (both always gave one and the
    same answer), where kappa is undefined."""
    if not pairs:
        return None
    total = len(pairs)
    observed = sum(1 for one, two in pairs if one == two) / total
    first = Counter(one for one, _ in pairs)
    second = Counter(two for _, two in pairs)
    expected = sum(first[answer] * second[answer] for answer in first) / (total * total)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def _pairs_of(vote: Vote) -> list[tuple[int, int]]:
    """Every two columns of the vote, smaller first."""
    columns = sorted(vote.columns)
    return [(a, b) for index, a in enumerate(columns) for b in columns[index + 1 :]]

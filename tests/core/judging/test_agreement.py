"""Agreement between the judge's pair verdicts and the user's blind votes: Cohen's kappa checked against a
published worked example, votes read in the judgement's column order, and what does not count."""

import pytest

from core.judging.agreement import agreement, cohen_kappa, user_verdict
from core.model.judging import (
    JudgementStatus,
    Outcome,
    PairJudgement,
    PairVerdict,
    VariantIdentity,
    Vote,
    VoteSource,
    VoteSourceKind,
)

A, B, C = (VariantIdentity(f"key-{name}", name) for name in "ABC")


def source(item: int, kind: VoteSourceKind = VoteSourceKind.GRID, repeat: int = 0) -> VoteSource:
    return VoteSource(kind, run_id=4, item=item, repeat=repeat)


def vote(item: int, columns: tuple[int, ...], outcome: Outcome, winner: int | None = None, at: float = 0):
    identities = {0: A, 1: B, 2: C}
    return Vote(
        None, source(item), tuple(identities[c] for c in columns), columns, outcome, winner, created_at=at
    )


def judged(
    item: int, columns: tuple[int, int], as_shown: PairVerdict | None, swapped: PairVerdict | None = None
):
    identities = {0: A, 1: B, 2: C}
    return PairJudgement(
        source=source(item),
        columns=columns,
        identities=(identities[columns[0]], identities[columns[1]]),
        template_id=-2,
        status=JudgementStatus.SCORED,
        as_shown=as_shown,
        swapped=as_shown if swapped is None else swapped,
    )


def test_kappa_reproduces_the_published_example():
    """Wikipedia, "Cohen's kappa", the worked example of 50 grant proposals read by two readers (also at
    howcodex.com/statistics/cohen_kappa_coefficient.htm): both Yes 20, A Yes and B No 5, A No and B Yes 10,
    both No 15. p_o = 0.70, p_e = 0.50, kappa = 0.40."""
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15

    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edges():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("tie", "tie")] * 3) is None  # chance alone agrees every time: undefined
    assert cohen_kappa([("first", "first"), ("second", "second")]) == pytest.approx(1.0)
    assert cohen_kappa([("first", "second"), ("second", "first")]) == pytest.approx(-1.0)


def test_a_vote_reads_in_the_judgements_column_order():
    picked_b = vote(0, (1, 0), Outcome.WIN, winner=0)  # B shown first, and picked

    assert user_verdict(picked_b, 0, 1) == PairVerdict.SECOND
    assert user_verdict(picked_b, 1, 0) == PairVerdict.FIRST
    assert user_verdict(vote(0, (0, 1), Outcome.ALL_BAD), 0, 1) == PairVerdict.TIE
    assert user_verdict(vote(0, (0, 1), Outcome.TIE), 1, 0) == PairVerdict.TIE
    best_of_three = vote(0, (2, 0, 1), Outcome.WIN, winner=0)  # C picked
    assert user_verdict(best_of_three, 0, 1) is None
    assert user_verdict(best_of_three, 0, 2) == PairVerdict.SECOND
    assert user_verdict(picked_b, 0, 2) is None


def test_agreement_counts_only_pairs_both_gave_a_verdict_on():
    votes = [
        vote(0, (1, 0), Outcome.WIN, winner=0),  # B over A
        vote(1, (0, 1), Outcome.WIN, winner=0),  # A over B
        vote(2, (0, 1), Outcome.ALL_BAD),
        vote(3, (0, 1), Outcome.WIN, winner=1),  # B over A, but the judge disagreed with itself
        vote(5, (0, 2), Outcome.WIN, winner=0),  # no judgement on item 5
    ]
    judgements = [
        judged(0, (0, 1), PairVerdict.SECOND),  # agrees: B
        judged(1, (0, 1), PairVerdict.SECOND),  # disagrees
        judged(2, (1, 0), PairVerdict.TIE),  # agrees: tie
        judged(3, (0, 1), PairVerdict.FIRST, PairVerdict.SECOND),  # the two orders disagreed: no verdict
        judged(4, (0, 1), PairVerdict.FIRST),  # the user did not vote on item 4
        PairJudgement(source(6), (0, 1), (A, B), -2, JudgementStatus.UNSCORED),
    ]

    result = agreement(votes, judgements)

    assert (result.pairs, result.agreed) == (3, 2)
    assert result.percent == pytest.approx(200 / 3)
    # user: second, first, tie; judge: second, second, tie. p_o = 2/3; p_e = (1·2 + 1·0 + 1·1)/9 = 1/3.
    assert result.kappa == pytest.approx(0.5)


def test_the_latest_vote_on_a_pair_is_the_users_and_sources_must_match():
    votes = [
        vote(0, (0, 1), Outcome.WIN, winner=0, at=10),
        vote(0, (1, 0), Outcome.WIN, winner=0, at=20),  # changed their mind: B
    ]
    other_repeat = PairJudgement(
        source(0, repeat=1),
        (0, 1),
        (A, B),
        -2,
        JudgementStatus.SCORED,
        PairVerdict.SECOND,
        PairVerdict.SECOND,
    )
    compare_round = PairJudgement(
        source(0, VoteSourceKind.COMPARE),
        (0, 1),
        (A, B),
        -2,
        JudgementStatus.SCORED,
        PairVerdict.SECOND,
        PairVerdict.SECOND,
    )

    assert agreement(votes, [judged(0, (0, 1), PairVerdict.SECOND)]).agreed == 1
    assert agreement(votes, [other_repeat, compare_round]).pairs == 0


def test_nothing_shared():
    result = agreement([], [judged(0, (0, 1), PairVerdict.FIRST)])

    assert (result.pairs, result.agreed, result.percent, result.kappa) == (0, 0, None, None)

"""Blind ballots: every pair once, positions shuffled by the seed and the round, and the vote recording the
order shown; vote files as CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest

from core.judging.ballots import Ballot, BallotMode, Entrant, ballots, cast, parse_tags
from core.judging.vote_files import csv_text, jsonl_text
from core.model.judging import Outcome, VariantIdentity, VoteSource, VoteSourceKind


def entrants(n: int) -> tuple[Entrant, ...]:
    return tuple(Entrant(VariantIdentity(f"key{i}", f"variant {i}"), i) for i in range(n))


def source(item: int = 0) -> VoteSource:
    return VoteSource(VoteSourceKind.GRID, 7, item, 1)


def test_pairwise_gives_every_pair_once_whatever_the_order() -> None:
    found = ballots(source(), entrants(4), BallotMode.PAIRWISE, seed=3)
    assert len(found) == 6
    assert {frozenset(e.column for e in b.entrants) for b in found} == {
        frozenset(p) for p in [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    }


def test_the_shuffle_is_seeded_per_round_and_moves_positions() -> None:
    first = ballots(source(), entrants(2), BallotMode.PAIRWISE, seed=11)
    assert first == ballots(source(), entrants(2), BallotMode.PAIRWISE, seed=11)
    # Over many rounds the first variant is shown as "A" about half the time, not always.
    shown_first = Counter(
        ballots(source(item), entrants(2), BallotMode.PAIRWISE, seed=11)[0].entrants[0].column
        for item in range(200)
    )
    assert 60 < shown_first[0] < 140


def test_best_of_n_is_one_ballot_of_all_and_two_are_always_a_pair() -> None:
    (one,) = ballots(source(), entrants(3), BallotMode.BEST_OF_N, seed=1)
    assert sorted(e.column for e in one.entrants) == [0, 1, 2]
    assert len(ballots(source(), entrants(2), BallotMode.BEST_OF_N, seed=1)[0].entrants) == 2
    assert ballots(source(), entrants(1), BallotMode.PAIRWISE, seed=1) == []


def test_a_vote_records_the_order_shown_and_checks_its_outcome() -> None:
    ballot = Ballot(source(), tuple(reversed(entrants(2))))
    vote = cast(ballot, Outcome.WIN, 0, ("coding",), when=5.0)
    assert vote.contestants[0].key == "key1" and vote.columns == (1, 0) and vote.winner == 0
    with pytest.raises(ValueError):
        cast(ballot, Outcome.WIN, None, (), when=0.0)
    with pytest.raises(ValueError):
        cast(ballot, Outcome.TIE, 1, (), when=0.0)
    with pytest.raises(ValueError):
        cast(Ballot(source(), entrants(3)), Outcome.TIE, None, (), when=0.0)


def test_tags_are_split_on_commas_both_kinds_trimmed_and_unique() -> None:
    assert parse_tags(" coding, 中文，coding ,, long   prompt ") == ("coding", "中文", "long prompt")
    assert parse_tags("") == ()


def test_votes_are_written_as_csv_and_json_lines_with_labels() -> None:
    votes = [
        cast(Ballot(source(), entrants(2)), Outcome.WIN, 1, ("写作",), when=1.5),
        cast(Ballot(source(1), entrants(2)), Outcome.ALL_BAD, None, (), when=2.0),
    ]
    rows = list(csv.DictReader(io.StringIO(csv_text(votes))))
    assert [row["outcome"] for row in rows] == ["win", "all_bad"]
    assert rows[0]["winner"] == "variant 1" and rows[0]["contestants"] == "variant 0 | variant 1"
    assert rows[0]["tags"] == "写作" and rows[1]["winner"] == ""
    lines = [json.loads(line) for line in jsonl_text(votes).splitlines()]
    assert lines[0]["contestants"][1] == {"key": "key1", "label": "variant 1"}
    assert lines[0]["source"] == {"kind": "grid", "run_id": 7, "item": 0, "repeat": 1}
    assert lines[1]["winner"] is None and lines[0]["winner_label"] == "variant 1"

"""Blind ballots: what one vote is cast on, with the replies' positions shuffled.

A round (a compare round, or a grid test case and repeat) has two or more entrants: the variants whose
replies are there. Pairwise, every pair of them is voted on in turn; best-of-N, one vote picks among all.
The shuffle is seeded by the caller's seed and the round, so a session can be replayed; the order shown is
the order the vote records (`Vote.contestants`: the first is "A"), which is what lets position bias be
measured later.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from core.model.judging import Outcome, VariantIdentity, Vote, VoteSource


class BallotMode(StrEnum):
    PAIRWISE = "pairwise"
    """Each pair in turn: A / B / tie / both bad."""
    BEST_OF_N = "best_of_n"
    """One of all the entrants, or all bad."""


@dataclass(frozen=True)
class Entrant:
    identity: VariantIdentity
    column: int
    """The run's column (compare) or variant (grid) index: where the reply is."""


@dataclass(frozen=True)
class Ballot:
    source: VoteSource
    entrants: tuple[Entrant, ...]
    """In the order shown: the first is "A"."""


def ballots(source: VoteSource, entrants: tuple[Entrant, ...], mode: BallotMode, seed: int) -> list[Ballot]:
    """The ballots of one round: none with fewer than two entrants; with two, one pair whatever the mode."""
    if len(entrants) < 2:
        return []
    shuffler = random.Random(f"{seed}:{source.kind}:{source.run_id}:{source.item}:{source.repeat}")
    if mode is BallotMode.BEST_OF_N and len(entrants) > 2:
        shown = list(entrants)
        shuffler.shuffle(shown)
        return [Ballot(source, tuple(shown))]
    pairs = [list(pair) for pair in combinations(entrants, 2)]
    shuffler.shuffle(pairs)
    for pair in pairs:
        shuffler.shuffle(pair)
    return [Ballot(source, tuple(pair)) for pair in pairs]


def cast(ballot: Ballot, outcome: Outcome, winner: int | None, tags: tuple[str, ...], when: float) -> Vote:
    """The vote for a ballot: `winner` is the position picked (0 for "A") when the outcome is a win."""
    if (outcome is Outcome.WIN) != (winner is not None):
        raise ValueError("a win names its winner, and only a win does")
    if winner is not None and not 0 <= winner < len(ballot.entrants):
        raise ValueError(f"no entrant at position {winner}")
    if outcome is Outcome.TIE and len(ballot.entrants) > 2:
        raise ValueError("best-of-N has no tie: pick one, or call them all bad")
    return Vote(
        id=None,
        source=ballot.source,
        contestants=tuple(entrant.identity for entrant in ballot.entrants),
        columns=tuple(entrant.column for entrant in ballot.entrants),
        outcome=outcome,
        winner=winner,
        tags=tags,
        created_at=when,
    )


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: comma separated (an ideographic comma too), trimmed, empty ones and repeats dropped."""
    found: dict[str, None] = {}
    for part in text.replace("，", ",").split(","):
        tag = " ".join(part.split())
        if tag:
            found.setdefault(tag, None)
    return tuple(found)

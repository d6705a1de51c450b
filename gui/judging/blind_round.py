"""What a blind vote is shown of one round: its prompt and its entrants' replies, stripped of everything
that would tell the variants apart other than the reply itself (model, tokens, cost, timing)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from core.judging.ballots import Entrant
from core.model.conversation import StoredMessage
from core.model.judging import VariantIdentity, VoteSource, variant_key
from core.model.request_settings import RequestSettings


@dataclass(frozen=True)
class BlindRound:
    source: VoteSource
    prompt: str
    entrants: tuple[Entrant, ...]
    replies: Mapping[int, StoredMessage]
    """By entrant column: the reply to show."""


def blinded(reply: StoredMessage) -> StoredMessage:
    """The reply as a blind vote shows it: its content and how it ended, nothing that names its maker."""
    return dataclasses.replace(
        reply,
        model=None,
        usage=None,
        cost_usd=None,
        timing=None,
        request_id=None,
        warnings=[],
    )


def identity(profile_name: str | None, settings: RequestSettings, name: str) -> VariantIdentity:
    """A variant as the leaderboard knows it; `name` says what sets it apart where the vote is cast (the
    column's or the grid variant's name), and the label leads with the model unless the name has it."""
    label = name if settings.model and settings.model in name else f"{settings.model} · {name}"
    return VariantIdentity(variant_key(profile_name, settings), label)


def entrants_of(identities: Mapping[int, VariantIdentity]) -> tuple[Entrant, ...]:
    return tuple(Entrant(identity, column) for column, identity in sorted(identities.items()))

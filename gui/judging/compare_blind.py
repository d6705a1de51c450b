"""Blind mode in the compare window: while it is on, the columns (their names and metrics) are out of sight
and the last round's replies are voted on as "A" and "B"; when every ballot of the round has a vote, the
columns show again, named.

The compare window hands over its columns as they are; this builds the round to vote on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.model.conversation import StoredMessage
from core.model.judging import VoteSource, VoteSourceKind
from core.model.request_settings import RequestSettings
from gui.judging.blind_round import BlindRound, entrants_of, identity


@dataclass(frozen=True)
class ComparedColumn:
    profile_name: str | None
    settings: RequestSettings
    name: str
    """What sets it apart from the other columns (the compare window's header)."""
    reply: StoredMessage | None
    """The last round's reply; None while it is coming (or when the column has none)."""


def compare_round(
    run_id: int, round_index: int, prompt: str, columns: Sequence[ComparedColumn]
) -> BlindRound:
    """The round's finished replies to vote on (a failed reply is voted on too: it is what was answered)."""
    with_reply = {index: column for index, column in enumerate(columns) if column.reply is not None}
    identities = {
        index: identity(column.profile_name, column.settings, column.name)
        for index, column in with_reply.items()
    }
    replies = {index: column.reply for index, column in with_reply.items() if column.reply is not None}
    source = VoteSource(VoteSourceKind.COMPARE, run_id, round_index)
    return BlindRound(source, prompt, entrants_of(identities), replies)


def waiting_text() -> str:
    return QCoreApplication.translate(
        "CompareBlind", "Blind: the replies appear here as A and B, unnamed, once every column has finished."
    )


def blind_tooltip() -> str:
    return QCoreApplication.translate(
        "CompareBlind",
        "Hide the columns' names and metrics and vote on the last round's replies as A and B; who was who "
        "shows after the vote",
    )

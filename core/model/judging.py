"""Judging: which reply is better, by a person voting blind or by an LLM judge, and the ratings votes add to.

Plain values only. `core.judging` computes the leaderboard (Bradley–Terry with bootstrap intervals), the
agreement between a judge and the user's votes, and runs the judge; `core.store` keeps votes, judge templates
and judge results with the run they judged; the GUI words every enum here.

A settings variant is known by what it sets (`VariantIdentity.key`: the profile, the model and every field
that is set, canonically encoded), so the same variant voted on in two runs, or in a compare and a grid, adds
up in one rating. Its label, for people, names only what sets it apart where it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from core.model.codec import settings_to_dict
from core.model.request_settings import RequestSettings

JUDGE_SCALE = (1, 5)
"""Rubric scores run from 1 (poor) to 5 (excellent) on every criterion."""


@dataclass(frozen=True)
class VariantIdentity:
    """A settings variant as the leaderboard knows it."""

    key: str
    """Canonical: equal for two variants that send the same request fields through the same profile."""
    label: str
    """For people: the model and what sets it apart, as it was named where the vote was cast."""


def variant_key(profile_name: str | None, settings: RequestSettings) -> str:
    """The identity of a variant: its profile and every request field it sets, as sorted JSON. Fields left
    at their defaults are dropped so a variant saved before a field existed keeps its key; `stream` is how
    the reply travels, not what was asked, so it is left out."""
    encoded = {
        name: value
        for name, value in settings_to_dict(settings).items()
        if value not in (None, [], {}, "") and name != "stream"
    }
    return json.dumps({"profile": profile_name, "settings": encoded}, sort_keys=True, ensure_ascii=False)


class VoteSourceKind(StrEnum):
    COMPARE = "compare"
    GRID = "grid"


@dataclass(frozen=True)
class VoteSource:
    """What was voted on: a compare run's round, or a grid run's test case (and repeat)."""

    kind: VoteSourceKind
    run_id: int
    item: int
    """The compare round, or the grid test case index."""
    repeat: int = 0
    """The grid repeat whose replies were shown (0 for a compare)."""


class Outcome(StrEnum):
    WIN = "win"
    """`Vote.winner` was best (A or B in a pair; the pick in best-of-N)."""
    TIE = "tie"
    """Equally good."""
    ALL_BAD = "all_bad"
    """Both (all) bad: counted as a tie in the ratings, and counted apart so the leaderboard can show it."""


@dataclass(frozen=True)
class Vote:
    """One blind judgement. `contestants` are in the order they were shown (after shuffling), so position
    bias can be measured; for a pair the first is "A"."""

    id: int | None
    source: VoteSource
    contestants: tuple[VariantIdentity, ...]
    """Two for a pairwise vote; more for best-of-N."""
    columns: tuple[int, ...]
    """The run's column (compare) or variant (grid) index of each contestant, in the same order: where the
    replies are. A vote outlives its run: its identities still count after the run is deleted."""
    outcome: Outcome
    winner: int | None = None
    """Index into `contestants` when the outcome is WIN; None otherwise."""
    tags: tuple[str, ...] = ()
    """The user's words for what the prompt tests ("coding", "Chinese"); the leaderboard splits by them."""
    created_at: float = 0.0


@dataclass(frozen=True)
class Rating:
    """One variant on the leaderboard."""

    identity: VariantIdentity
    strength: float
    """Bradley–Terry log-strength, centred so the mean over the rated variants is 0."""
    low: float
    high: float
    """The bootstrap interval of `strength` (95% unless the caller asked otherwise)."""
    votes: int
    """Votes this variant took part in (each best-of-N vote counts once)."""
    wins: float
    """Pairwise wins, a tie counting half."""
    losses: float


@dataclass(frozen=True)
class Leaderboard:
    tag: str | None
    """None: every vote; otherwise only votes with this tag."""
    ratings: tuple[Rating, ...]
    """Best first."""
    votes: int
    comparisons: int
    """Pairwise comparisons the votes expand to (a best-of-N vote among N is N−1 wins)."""
    unrated: tuple[VariantIdentity, ...] = ()
    """Variants whose votes do not connect them to the rest (no rating can be compared across)."""


@dataclass(frozen=True)
class Agreement:
    """How often the judge picked what the user picked, on the pairs both judged."""

    pairs: int
    agreed: int
    percent: float | None
    """None when there are no shared pairs."""
    kappa: float | None
    """Cohen's kappa over the verdicts (first / second / tie); None when it is undefined (no pairs, or both
    raters always gave one and the same answer)."""


# -- the LLM judge -----------------------------------------------------------------------------------------


class JudgeKind(StrEnum):
    RUBRIC = "rubric"
    """Each reply scored alone on each criterion, 1–5."""
    PAIRWISE = "pairwise"
    """Two replies to the same prompt compared, asked twice with positions swapped."""


@dataclass(frozen=True)
class Criterion:
    name: str
    description: str = ""


@dataclass(frozen=True)
class JudgeTemplate:
    """A saved way of judging: what to ask, whom to ask, and for a rubric, on which criteria."""

    id: int | None
    name: str
    kind: JudgeKind
    prompt: str
    """Editable. Placeholders: {{prompt}}, {{expected}}, and {{reply}} (rubric) or {{reply_a}}/{{reply_b}}
    (pairwise); {{criteria}} lists the criteria with the scale."""
    criteria: tuple[Criterion, ...] = ()
    profile_name: str | None = None
    model: str = ""
    """The judge's model; any profile and model can judge."""
    max_tokens: int = 1024


@dataclass(frozen=True)
class JudgeSpend:
    """What a judgement's requests used (both orders, and any answer asked for again), for the Spend view's
    days by model and provider; its cost is the judgement's `cost_usd`."""

    model: str
    profile_name: str | None
    input_tokens: int = 0
    output_tokens: int = 0


class JudgementStatus(StrEnum):
    SCORED = "scored"
    UNSCORED = "unscored"
    """The reply did not follow the format, even when asked again: the raw reply is kept and shown."""
    REFUSED = "refused"
    """The judge declined (stop reason "refusal", or said so instead of scoring)."""
    FAILED = "failed"
    """The request failed (network, HTTP error); retried on demand like a grid cell."""


@dataclass(frozen=True)
class RubricScore:
    """A judge's scores for one grid cell repeat."""

    run_id: int
    case: int
    variant: int
    repeat: int
    template_id: int
    status: JudgementStatus
    scores: Mapping[str, int] = field(default_factory=dict)
    """Criterion name → 1..5."""
    reasons: str = ""
    raw_reply: str = ""
    cost_usd: float | None = None
    created_at: float = 0.0
    spend: JudgeSpend | None = None
    """None for a judgement made before spend was kept, or one whose requests all failed."""

    @property
    def overall(self) -> float | None:
        """The mean over the criteria; None unless scored."""
        if self.status != JudgementStatus.SCORED or not self.scores:
            return None
        return sum(self.scores.values()) / len(self.scores)


class PairVerdict(StrEnum):
    FIRST = "first"
    SECOND = "second"
    TIE = "tie"


@dataclass(frozen=True)
class PairJudgement:
    """A pairwise judge's verdict on two variants' replies to one test case (or compare round), asked in
    both orders. `verdict` counts only when both orders agree; otherwise it is None and the disagreement is
    shown."""

    source: VoteSource
    columns: tuple[int, int]
    """The two variant (column) indexes; FIRST means columns[0]."""
    identities: tuple[VariantIdentity, VariantIdentity]
    template_id: int
    status: JudgementStatus
    as_shown: PairVerdict | None = None
    """The verdict with columns[0] shown first."""
    swapped: PairVerdict | None = None
    """The verdict with columns[1] shown first, already mapped back onto `columns`."""
    reasons: str = ""
    raw_replies: tuple[str, ...] = ()
    cost_usd: float | None = None
    created_at: float = 0.0
    spend: JudgeSpend | None = None

    @property
    def verdict(self) -> PairVerdict | None:
        if self.status != JudgementStatus.SCORED or self.as_shown is None or self.as_shown != self.swapped:
            return None
        return self.as_shown

    @property
    def disagreed(self) -> bool:
        return self.as_shown is not None and self.swapped is not None and self.as_shown != self.swapped


# -- the Message Batches API -------------------------------------------------------------------------------


class BatchPurpose(StrEnum):
    CELLS = "cells"
    """A grid run's cells."""
    JUDGE = "judge"
    """A judge pass over a grid run."""


class BatchStatus(StrEnum):
    """The API's `processing_status`, plus what the app knows on its own side."""

    IN_PROGRESS = "in_progress"
    CANCELING = "canceling"
    ENDED = "ended"
    COLLECTED = "collected"
    """Ended, and every result is in the run's cells: nothing more to fetch."""


@dataclass(frozen=True)
class BatchCounts:
    """The API's `request_counts`."""

    processing: int = 0
    succeeded: int = 0
    errored: int = 0
    canceled: int = 0
    expired: int = 0

    @property
    def total(self) -> int:
        return self.processing + self.succeeded + self.errored + self.canceled + self.expired


@dataclass(frozen=True)
class BatchJob:
    """A batch the app submitted, kept in the store the moment it is created so a restart goes on polling
    it and collects its results into the same cells."""

    id: int | None
    batch_id: str
    """The provider's id (`msgbatch_…`)."""
    profile_name: str | None
    run_id: int
    purpose: BatchPurpose
    custom_ids: Mapping[str, str] = field(default_factory=dict)
    """custom_id → what it answers, encoded by the submitter (e.g. "case:variant:repeat")."""
    status: BatchStatus = BatchStatus.IN_PROGRESS
    counts: BatchCounts = BatchCounts()
    created_at: float = 0.0
    expires_at: float | None = None
    ended_at: float | None = None

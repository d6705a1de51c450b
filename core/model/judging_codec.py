"""JSON codecs for the judging values: votes, judge templates, rubric scores, pair judgements, batch jobs.

Shared by the store (`core.store.judging`, which keeps the nested parts as JSON text) and the Triptych JSON
archive, so a vote reads back the same from either. Strict, unlike the grid's codec: a vote that lost its
outcome or a contestant would move a rating without anyone seeing why, so a missing or mistyped field raises
ValueError naming it, and the archive's reader turns that into an error naming the place in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from core.model.judging import (
    BatchCounts,
    BatchJob,
    BatchPurpose,
    BatchStatus,
    Criterion,
    JudgeKind,
    JudgementStatus,
    JudgeSpend,
    JudgeTemplate,
    Outcome,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VariantIdentity,
    Vote,
    VoteSource,
    VoteSourceKind,
)

# -- votes ---------------------------------------------------------------------------------------------------


def identity_to_dict(identity: VariantIdentity) -> dict[str, Any]:
    return {"key": identity.key, "label": identity.label}


def identity_from_dict(data: object) -> VariantIdentity:
    item = _object(data, "a contestant")
    return VariantIdentity(key=_str(item, "key"), label=_str(item, "label"))


def source_to_dict(source: VoteSource) -> dict[str, Any]:
    return {"kind": source.kind.value, "run_id": source.run_id, "item": source.item, "repeat": source.repeat}


def source_from_dict(data: object) -> VoteSource:
    item = _object(data, "source")
    return VoteSource(
        kind=_enum(VoteSourceKind, item, "kind"),
        run_id=_int(item, "run_id"),
        item=_int(item, "item"),
        repeat=_int(item, "repeat", 0),
    )


def vote_to_dict(vote: Vote) -> dict[str, Any]:
    return {
        "source": source_to_dict(vote.source),
        "contestants": [identity_to_dict(identity) for identity in vote.contestants],
        "columns": list(vote.columns),
        "outcome": vote.outcome.value,
        "winner": vote.winner,
        "tags": list(vote.tags),
        "created_at": vote.created_at,
    }


def vote_from_dict(data: object, *, id: int | None = None) -> Vote:
    item = _object(data, "a vote")
    contestants = tuple(identity_from_dict(c) for c in _list(item, "contestants"))
    columns = tuple(_as_int(c, "columns") for c in _list(item, "columns"))
    vote = Vote(
        id=id,
        source=source_from_dict(item.get("source")),
        contestants=contestants,
        columns=columns,
        outcome=_enum(Outcome, item, "outcome"),
        winner=_optional_int(item, "winner"),
        tags=tuple(_as_str(t, "tags") for t in _list(item, "tags", [])),
        created_at=_float(item, "created_at", 0.0),
    )
    check_vote(vote)
    return vote


def check_vote(vote: Vote) -> None:
    """Raise ValueError, in plain words, for a vote that cannot be counted."""
    if len(vote.contestants) < 2:
        raise ValueError("A vote needs at least two contestants.")
    if len(vote.columns) != len(vote.contestants):
        raise ValueError("A vote needs one column for each contestant.")
    # Two columns may hold the same variant (a grid run measuring noise): such a vote is kept (it says how
    # often the user tells a variant from itself); the leaderboard skips the comparison of a variant with
    # itself.
    if len(set(vote.columns)) != len(vote.columns):
        raise ValueError("A vote's contestants must be in different columns.")
    if vote.outcome == Outcome.WIN:
        if vote.winner is None or not 0 <= vote.winner < len(vote.contestants):
            raise ValueError("A vote won by a contestant must name which (winner out of range).")
    elif vote.winner is not None:
        raise ValueError(f"A {vote.outcome.value} vote has no winner.")


# -- judge templates -----------------------------------------------------------------------------------------


def criterion_to_dict(criterion: Criterion) -> dict[str, Any]:
    return {"name": criterion.name, "description": criterion.description}


def criterion_from_dict(data: object) -> Criterion:
    item = _object(data, "a criterion")
    return Criterion(name=_str(item, "name"), description=_str(item, "description", ""))


def template_to_dict(template: JudgeTemplate) -> dict[str, Any]:
    return {
        "name": template.name,
        "kind": template.kind.value,
        "prompt": template.prompt,
        "criteria": [criterion_to_dict(criterion) for criterion in template.criteria],
        "profile_name": template.profile_name,
        "model": template.model,
        "max_tokens": template.max_tokens,
    }


def template_from_dict(data: object, *, id: int | None = None) -> JudgeTemplate:
    item = _object(data, "a judge template")
    return JudgeTemplate(
        id=id,
        name=_str(item, "name"),
        kind=_enum(JudgeKind, item, "kind"),
        prompt=_str(item, "prompt"),
        criteria=tuple(criterion_from_dict(c) for c in _list(item, "criteria", [])),
        profile_name=_optional_str(item, "profile_name"),
        model=_str(item, "model", ""),
        max_tokens=_int(item, "max_tokens", 1024),
    )


# -- judgements ----------------------------------------------------------------------------------------------


def rubric_score_to_dict(score: RubricScore) -> dict[str, Any]:
    return {
        "run_id": score.run_id,
        "case": score.case,
        "variant": score.variant,
        "repeat": score.repeat,
        "template_id": score.template_id,
        "status": score.status.value,
        "scores": dict(score.scores),
        "reasons": score.reasons,
        "raw_reply": score.raw_reply,
        "cost_usd": score.cost_usd,
        "created_at": score.created_at,
        "spend": spend_to_dict(score.spend),
    }


def rubric_score_from_dict(data: object) -> RubricScore:
    item = _object(data, "a rubric score")
    scores = _object(item.get("scores", {}), "scores")
    return RubricScore(
        run_id=_int(item, "run_id"),
        case=_int(item, "case"),
        variant=_int(item, "variant"),
        repeat=_int(item, "repeat", 0),
        template_id=_int(item, "template_id"),
        status=_enum(JudgementStatus, item, "status"),
        scores={str(name): _as_int(value, f"scores.{name}") for name, value in scores.items()},
        reasons=_str(item, "reasons", ""),
        raw_reply=_str(item, "raw_reply", ""),
        cost_usd=_optional_float(item, "cost_usd"),
        created_at=_float(item, "created_at", 0.0),
        spend=spend_from_dict(item.get("spend")),
    )


def pair_judgement_to_dict(judgement: PairJudgement) -> dict[str, Any]:
    return {
        "source": source_to_dict(judgement.source),
        "columns": list(judgement.columns),
        "identities": [identity_to_dict(identity) for identity in judgement.identities],
        "template_id": judgement.template_id,
        "status": judgement.status.value,
        "as_shown": None if judgement.as_shown is None else judgement.as_shown.value,
        "swapped": None if judgement.swapped is None else judgement.swapped.value,
        "reasons": judgement.reasons,
        "raw_replies": list(judgement.raw_replies),
        "cost_usd": judgement.cost_usd,
        "created_at": judgement.created_at,
        "spend": spend_to_dict(judgement.spend),
    }


def pair_judgement_from_dict(data: object) -> PairJudgement:
    item = _object(data, "a pair judgement")
    columns = [_as_int(c, "columns") for c in _list(item, "columns")]
    identities = [identity_from_dict(i) for i in _list(item, "identities")]
    if len(columns) != 2 or len(identities) != 2:
        raise ValueError("A pair judgement needs two columns and two identities.")
    return PairJudgement(
        source=source_from_dict(item.get("source")),
        columns=(columns[0], columns[1]),
        identities=(identities[0], identities[1]),
        template_id=_int(item, "template_id"),
        status=_enum(JudgementStatus, item, "status"),
        as_shown=_optional_enum(PairVerdict, item, "as_shown"),
        swapped=_optional_enum(PairVerdict, item, "swapped"),
        reasons=_str(item, "reasons", ""),
        raw_replies=tuple(_as_str(r, "raw_replies") for r in _list(item, "raw_replies", [])),
        cost_usd=_optional_float(item, "cost_usd"),
        created_at=_float(item, "created_at", 0.0),
        spend=spend_from_dict(item.get("spend")),
    )


def spend_to_dict(spend: JudgeSpend | None) -> dict[str, Any] | None:
    if spend is None:
        return None
    return {
        "model": spend.model,
        "profile_name": spend.profile_name,
        "input_tokens": spend.input_tokens,
        "output_tokens": spend.output_tokens,
    }


def spend_from_dict(data: object) -> JudgeSpend | None:
    """None for a judgement saved or exported before spend was kept."""
    if data is None:
        return None
    item = _object(data, "a judgement's spend")
    return JudgeSpend(
        model=_str(item, "model"),
        profile_name=_optional_str(item, "profile_name"),
        input_tokens=_int(item, "input_tokens", 0),
        output_tokens=_int(item, "output_tokens", 0),
    )


# -- batch jobs ----------------------------------------------------------------------------------------------


def counts_to_dict(counts: BatchCounts) -> dict[str, int]:
    return {
        "processing": counts.processing,
        "succeeded": counts.succeeded,
        "errored": counts.errored,
        "canceled": counts.canceled,
        "expired": counts.expired,
    }


def counts_from_dict(data: object) -> BatchCounts:
    item = _object(data, "request counts")
    return BatchCounts(**{name: _int(item, name, 0) for name in counts_to_dict(BatchCounts())})


def batch_job_from_values(
    *,
    id: int,
    batch_id: str,
    profile_name: str | None,
    run_id: int,
    purpose: str,
    custom_ids: object,
    status: str,
    counts: object,
    created_at: float,
    expires_at: float | None,
    ended_at: float | None,
) -> BatchJob:
    ids = _object(custom_ids, "custom_ids")
    return BatchJob(
        id=id,
        batch_id=batch_id,
        profile_name=profile_name,
        run_id=run_id,
        purpose=BatchPurpose(purpose),
        custom_ids={str(key): _as_str(value, f"custom_ids.{key}") for key, value in ids.items()},
        status=BatchStatus(status),
        counts=counts_from_dict(counts),
        created_at=created_at,
        expires_at=expires_at,
        ended_at=ended_at,
    )


# -- strict readers ------------------------------------------------------------------------------------------

_MISSING = object()
_E = TypeVar("_E", bound=StrEnum)


def _object(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{what} should be a JSON object.")
    return value


def _list(item: Mapping[str, Any], key: str, default: object = _MISSING) -> list[Any]:
    value = item.get(key, default)
    if value is _MISSING:
        raise ValueError(f"{key} is missing.")
    if not isinstance(value, list):
        raise ValueError(f"{key} should be a list.")
    return value


def _str(item: Mapping[str, Any], key: str, default: object = _MISSING) -> str:
    value = item.get(key, default)
    if value is _MISSING:
        raise ValueError(f"{key} is missing.")
    return _as_str(value, key)


def _optional_str(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    return None if value is None else _as_str(value, key)


def _as_str(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{key} should be text.")
    return value


def _int(item: Mapping[str, Any], key: str, default: object = _MISSING) -> int:
    value = item.get(key, default)
    if value is _MISSING:
        raise ValueError(f"{key} is missing.")
    return _as_int(value, key)


def _optional_int(item: Mapping[str, Any], key: str) -> int | None:
    value = item.get(key)
    return None if value is None else _as_int(value, key)


def _as_int(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key} should be a whole number.")
    return value


def _float(item: Mapping[str, Any], key: str, default: float) -> float:
    value = item.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key} should be a number.")
    return float(value)


def _optional_float(item: Mapping[str, Any], key: str) -> float | None:
    return None if item.get(key) is None else _float(item, key, 0.0)


def _enum(kind: type[_E], item: Mapping[str, Any], key: str) -> _E:
    value = item.get(key)
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(f'"{member.value}"' for member in kind)
        raise ValueError(f"{key} should be one of {allowed}, not {value!r}.") from None


def _optional_enum(kind: type[_E], item: Mapping[str, Any], key: str) -> _E | None:
    return None if item.get(key) is None else _enum(kind, item, key)

"""Reading a judge's answer: lenient about where the JSON is, strict about what it says.

The JSON object may stand alone, sit in a ```json fence, or be wrapped in prose ("Here is my grading: {...}
Hope this helps"): the first object with the expected key is read. What it says is checked: every criterion
of the template scored with an integer on the scale (4.0 and "4" are 4; 4.5, 0, 6 and true are not), names
matched without regard to case or surrounding spaces, criteria the template does not have ignored. An answer
that cannot be read raises JudgeFormatError, whose message tells the judge (in the follow-up) and the user
what was wrong.

A refusal is told apart from a malformed answer: a judge that declines is not asked again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.model.judging import JUDGE_SCALE, Criterion, PairVerdict

FENCE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n(.*?)```", re.DOTALL)
DECLINES = re.compile(
    r"\b(?:I\s*(?:can(?:no|')t|cannot|won'?t|will\s+not|am\s+(?:not\s+able|unable)|'m\s+(?:not\s+able|unable)"
    r"|must\s+decline|decline|refuse)|I\s+(?:do\s+not|don'?t)\s+feel\s+comfortable)\b"
    r"|我(?:无法|不能|拒绝)",
    re.IGNORECASE,
)
"""Words of a judge declining, looked for only in an answer that holds no scores."""
REFUSAL_STOP = "refusal"
"""The API's stop reason for a reply its safety systems ended."""


class JudgeFormatError(ValueError):
    """The answer does not follow the format; the message says how, in plain words."""


@dataclass(frozen=True)
class RubricAnswer:
    scores: dict[str, int]
    """Criterion name (as the template spells it) → score."""
    reasons: str


@dataclass(frozen=True)
class PairAnswer:
    winner: PairVerdict
    """FIRST: the reply shown as A; SECOND: the one shown as B."""
    reasons: str


def parse_rubric(text: str, criteria: Sequence[Criterion]) -> RubricAnswer:
    """The scores and reasons of a rubric answer; raises JudgeFormatError."""
    found = _object_with(text, "scores")
    if found is None:
        # Some judges drop the wrapper and put the criteria at the top: read that too.
        found = _object_with(text, *(criterion.name for criterion in criteria))
        if found is None:
            raise JudgeFormatError(_no_object(text, '"scores"'))
        given: Any = found
    else:
        given = found["scores"]
    if not isinstance(given, Mapping):
        raise JudgeFormatError('"scores" is not an object of criterion names and scores.')
    by_name = {str(name).strip().casefold(): value for name, value in given.items()}
    scores: dict[str, int] = {}
    missing: list[str] = []
    for criterion in criteria:
        key = criterion.name.strip().casefold()
        if key not in by_name:
            missing.append(criterion.name)
            continue
        scores[criterion.name] = _score(criterion.name, by_name[key])
    if missing:
        raise JudgeFormatError("No score for " + ", ".join(f"“{name}”" for name in missing) + ".")
    return RubricAnswer(scores, _reasons(found.get("reasons", found.get("reason")), given))


def parse_pairwise(text: str) -> PairAnswer:
    """The winner and reasons of a pairwise answer; raises JudgeFormatError."""
    found = _object_with(text, "winner")
    if found is None:
        raise JudgeFormatError(_no_object(text, '"winner"'))
    winner = _winner(found["winner"])
    if winner is None:
        raise JudgeFormatError(f'"winner" is {json.dumps(found["winner"])}; it must be "A", "B" or "tie".')
    return PairAnswer(winner, _reasons(found.get("reasons", found.get("reason")), None))


def is_refusal(text: str, stop_reason: str | None) -> bool:
    """The judge declined: the API stopped it as a refusal, or it said so instead of answering in JSON."""
    if stop_reason == REFUSAL_STOP:
        return True
    return not any(True for _ in _objects(text)) and DECLINES.search(text) is not None


# -- finding the object ------------------------------------------------------------------------------------


def _object_with(text: str, *keys: str) -> dict[str, Any] | None:
    """The first JSON object in the text (fenced ones first) that has every key (matched without case)."""
    wanted = {key.strip().casefold() for key in keys}
    for found in _objects(text):
        lowered = {str(name).strip().casefold(): value for name, value in found.items()}
        if wanted <= lowered.keys():
            return lowered
    return None


def _objects(text: str) -> Iterator[dict[str, Any]]:
    """Every JSON object the text holds at its top level: those in ```json fences, then the rest."""
    decoder = json.JSONDecoder()
    for source in [match.group(1) for match in FENCE.finditer(text)] + [text]:
        position = source.find("{")
        while position != -1:
            try:
                value, end = decoder.raw_decode(source, position)
            except json.JSONDecodeError:
                position = source.find("{", position + 1)
                continue
            if isinstance(value, dict):
                yield value
            position = source.find("{", end)


def _no_object(text: str, key: str) -> str:
    if not text.strip():
        return "The answer was empty."
    if "{" not in text:
        return "The answer holds no JSON object."
    return f"The answer holds no JSON object with {key}."


# -- what it says ------------------------------------------------------------------------------------------


def _score(name: str, value: Any) -> int:
    low, high = JUDGE_SCALE
    if isinstance(value, Mapping):  # {"score": 4, "reason": "..."}
        value = next((v for k, v in value.items() if str(k).casefold() == "score"), None)
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if number is None or not number.is_integer() or not low <= number <= high:
        raise JudgeFormatError(
            f"The score for “{name}” is {json.dumps(value, ensure_ascii=False)}; "
            f"it must be a whole number from {low} to {high}."
        )
    return int(number)


def _winner(value: Any) -> PairVerdict | None:
    if not isinstance(value, str):
        return None
    word = value.strip().casefold()
    for prefix in ("reply ", "response ", "assistant "):
        word = word.removeprefix(prefix)
    if word == "a":
        return PairVerdict.FIRST
    if word == "b":
        return PairVerdict.SECOND
    if word in ("tie", "equal", "draw", "neither", "both"):
        return PairVerdict.TIE
    return None


def _reasons(value: Any, scores: Any) -> str:
    """The reasons as text: a string as it is; per-criterion reasons one per line."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return "\n".join(f"{name}: {reason}" for name, reason in value.items())
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(scores, Mapping):  # reasons given beside each score
        return "\n".join(
            f"{name}: {detail[key]}"
            for name, detail in scores.items()
            if isinstance(detail, Mapping)
            for key in detail
            if str(key).casefold() in ("reason", "reasons")
        )
    return ""

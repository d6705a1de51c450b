"""The demo model as a judge: a request whose system prompt asks for the judge's JSON answer gets one, so the
offline demo shows a judge pass end to end (scores in the grid, reasons per cell, the quality-vs-cost chart).

It does not read the replies: a rubric's scores come from a hash of each criterion and the reply's words, and
a pairwise verdict prefers the longer reply (whichever side it is shown on, so both orders agree). Its reasons
say so. A request that asks for anything else is answered as before.
"""

from __future__ import annotations

import hashlib
import json
import re

ANSWER_SHAPE = "Answer with only one JSON object"
"""What a judge's system prompt asks (Triptych's judge prompts: `core.judging.judge_prompts`)."""
CRITERION = re.compile(r'"([^"]+)": <integer (\d+)-(\d+)>')
PAIRWISE = '"winner": "A" or "B" or "tie"'
REPLY = re.compile(r"<reply>\n?(.*?)\n?</reply>", re.DOTALL)
REPLY_A = re.compile(r"<reply_a>\n?(.*?)\n?</reply_a>", re.DOTALL)
REPLY_B = re.compile(r"<reply_b>\n?(.*?)\n?</reply_b>", re.DOTALL)

RUBRIC_REASONS = (
    "The offline demo judge does not read replies: these scores come from the reply's words, so the same "
    "reply always gets the same scores. A real model judges what was said."
)
PAIR_REASONS = (
    "The offline demo judge does not read replies: it prefers the longer one ({a} and {b} characters), "
    "whichever side it is shown on. A real model judges what was said."
)


def judge_answer(system: str, question: str) -> str | None:
    """The judge's JSON answer when `system` asks for one; None for any other request."""
    if ANSWER_SHAPE not in system:
        return None
    if PAIRWISE in system:
        return _pairwise(question)
    criteria = CRITERION.findall(system)
    if not criteria:
        return None
    reply = _between(REPLY, question)
    scores = {name: _score(name, reply, int(low), int(high)) for name, low, high in criteria}
    return json.dumps({"scores": scores, "reasons": RUBRIC_REASONS}, ensure_ascii=False)


def _pairwise(question: str) -> str:
    first, second = _between(REPLY_A, question), _between(REPLY_B, question)
    winner = "tie" if len(first) == len(second) else "A" if len(first) > len(second) else "B"
    reasons = PAIR_REASONS.format(a=len(first), b=len(second))
    return json.dumps({"winner": winner, "reasons": reasons}, ensure_ascii=False)


def _between(pattern: re.Pattern[str], question: str) -> str:
    found = pattern.search(question)
    return found.group(1) if found else question


def _score(criterion: str, reply: str, low: int, high: int) -> int:
    """Between the middle of the scale and its top, fixed by the criterion and the reply."""
    digest = hashlib.sha256(f"{criterion}\0{reply}".encode()).digest()
    middle = (low + high) // 2
    return middle + digest[0] % (high - middle + 1)

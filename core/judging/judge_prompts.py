"""What the LLM judge is asked: the built-in judge templates, a template's editable prompt filled in for one
reply (or one pair), and the answer format the parser reads.

The answer format is asked for in the system prompt, which the user does not edit: an edited prompt that
drops the format still gets answers `core.judging.judge_parse` can read. The editable prompt says what to
judge and how; its placeholders are filled in one pass, so a reply that itself contains "{{reply_b}}" is
quoted as it is, never filled in again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from core.model.judging import JUDGE_SCALE, Criterion, JudgeKind, JudgeTemplate

PLACEHOLDER = re.compile(r"\{\{\s*(prompt|expected|reply|reply_a|reply_b|criteria)\s*\}\}")
"""The placeholders a judge prompt may name; any other `{{...}}` is left as written."""

NO_EXPECTED = "(none given)"
"""What {{expected}} becomes for a test case without expected notes."""

DEFAULT_CRITERIA: tuple[Criterion, ...] = (
    Criterion("correctness", "Is what the reply says true, and does it answer what was asked?"),
    Criterion("helpfulness", "Does it give the asker what they need, at the right depth?"),
    Criterion("clarity", "Is it well organised and easy to follow?"),
)

RUBRIC_PROMPT = """\
You are grading one reply to a prompt. Judge only the reply, not the prompt.

<prompt>
{{prompt}}
</prompt>

<expected>
What a good answer has, according to the person who wrote the test: {{expected}}
</expected>

<reply>
{{reply}}
</reply>

Score the reply on each criterion:
{{criteria}}

Be strict: 5 is excellent with no flaw that matters, 3 is acceptable, 1 is wrong or useless. \
Length is not quality."""

PAIRWISE_PROMPT = """\
You are comparing two replies to the same prompt. Judge only the replies, not the prompt. Their order \
says nothing about their quality.

<prompt>
{{prompt}}
</prompt>

<expected>
What a good answer has, according to the person who wrote the test: {{expected}}
</expected>

<reply_a>
{{reply_a}}
</reply_a>

<reply_b>
{{reply_b}}
</reply_b>

Which reply is better overall: more correct, more helpful, clearer? Length is not quality. \
Call it a tie only when neither is better."""

BUILT_IN_TEMPLATES: tuple[JudgeTemplate, ...] = (
    JudgeTemplate(
        id=None,
        name="Rubric: correctness, helpfulness, clarity",
        kind=JudgeKind.RUBRIC,
        prompt=RUBRIC_PROMPT,
        criteria=DEFAULT_CRITERIA,
    ),
    JudgeTemplate(
        id=None,
        name="Pairwise: which reply is better",
        kind=JudgeKind.PAIRWISE,
        prompt=PAIRWISE_PROMPT,
    ),
)
"""Offered before the user has made any; the store seeds them (with ids) so judgements can name them.
They name no model: the judge's profile and model are chosen when judging."""


class JudgeTemplateError(ValueError):
    """A template that cannot judge; the message says what to change, in plain words."""


def template_problems(template: JudgeTemplate) -> list[str]:
    """What stops the template from judging, in plain words; empty when it can judge."""
    problems: list[str] = []
    named = {match.group(1) for match in PLACEHOLDER.finditer(template.prompt)}
    if template.kind == JudgeKind.RUBRIC:
        if not template.criteria:
            problems.append(f"The judge template “{template.name}” has no criteria to score.")
        names = [criterion.name.strip() for criterion in template.criteria]
        if any(not name for name in names):
            problems.append(f"The judge template “{template.name}” has a criterion without a name.")
        duplicates = sorted({name for name in names if name and names.count(name) > 1})
        if duplicates:
            problems.append(
                f"The judge template “{template.name}” names the criterion “{duplicates[0]}” twice."
            )
        if "reply" not in named:
            problems.append(f"The judge template “{template.name}” never shows the reply: add {{{{reply}}}}.")
    else:
        missing = [name for name in ("reply_a", "reply_b") if name not in named]
        if missing:
            wanted = " and ".join(f"{{{{{name}}}}}" for name in missing)
            problems.append(f"The judge template “{template.name}” never shows both replies: add {wanted}.")
    if template.max_tokens < 1:
        problems.append(f"The judge template “{template.name}” allows the judge no output tokens.")
    return problems


def check_template(template: JudgeTemplate) -> None:
    """Raise JudgeTemplateError naming the first problem, if any."""
    problems = template_problems(template)
    if problems:
        raise JudgeTemplateError(problems[0])


def criteria_text(criteria: Sequence[Criterion]) -> str:
    """The criteria as {{criteria}} shows them: one line each, with the scale."""
    low, high = JUDGE_SCALE
    return "\n".join(
        f"- {criterion.name} ({low}–{high})" + (f": {criterion.description}" if criterion.description else "")
        for criterion in criteria
    )


def fill(prompt: str, values: Mapping[str, str]) -> str:
    """The prompt with each placeholder in `values` filled, in one pass; placeholders not given stay."""

    def value(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return PLACEHOLDER.sub(value, prompt)


def rubric_prompt(template: JudgeTemplate, prompt: str, expected: str, reply: str) -> str:
    """The user turn that asks the judge to score one reply."""
    return fill(
        template.prompt,
        {
            "prompt": prompt,
            "expected": expected.strip() or NO_EXPECTED,
            "reply": reply,
            "criteria": criteria_text(template.criteria),
        },
    )


def pairwise_prompt(template: JudgeTemplate, prompt: str, expected: str, reply_a: str, reply_b: str) -> str:
    """The user turn that asks the judge to compare two replies, `reply_a` shown first."""
    return fill(
        template.prompt,
        {
            "prompt": prompt,
            "expected": expected.strip() or NO_EXPECTED,
            "reply_a": reply_a,
            "reply_b": reply_b,
            "criteria": criteria_text(template.criteria),
        },
    )


def answer_format(template: JudgeTemplate) -> str:
    """The machine-readable answer, as the system prompt asks for it."""
    low, high = JUDGE_SCALE
    if template.kind == JudgeKind.RUBRIC:
        scores = ", ".join(f'"{criterion.name}": <integer {low}-{high}>' for criterion in template.criteria)
        example = '{"scores": {' + scores + '}, "reasons": "<why, in a few sentences>"}'
        return (
            "Answer with only one JSON object and nothing else, exactly in this shape:\n"
            f"{example}\n"
            f"Every criterion must have an integer score from {low} to {high}."
        )
    return (
        "Answer with only one JSON object and nothing else, exactly in this shape:\n"
        '{"winner": "A" or "B" or "tie", "reasons": "<why, in a few sentences>"}'
    )


def judge_system(template: JudgeTemplate) -> str:
    """The judge's system prompt: its role and the answer format."""
    return "You are an impartial, careful judge of AI assistant replies.\n\n" + answer_format(template)


def format_reminder(template: JudgeTemplate, problem: str) -> str:
    """The follow-up after an answer the parser could not read: what was wrong, and the format again."""
    return f"Your answer could not be read: {problem}\n\n{answer_format(template)}"

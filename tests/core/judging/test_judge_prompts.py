"""Judge templates: the built-in ones can judge, placeholders are filled once, and a template that cannot
judge says what to change."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.judging.judge_prompts import (
    BUILT_IN_TEMPLATES,
    JudgeTemplateError,
    check_template,
    format_reminder,
    judge_system,
    pairwise_prompt,
    rubric_prompt,
    template_problems,
)
from core.model.judging import Criterion, JudgeKind


def test_the_built_in_templates_can_judge_and_ask_for_the_format() -> None:
    rubric, pairwise = BUILT_IN_TEMPLATES
    assert (rubric.kind, pairwise.kind) == (JudgeKind.RUBRIC, JudgeKind.PAIRWISE)
    assert [c.name for c in rubric.criteria] == ["correctness", "helpfulness", "clarity"]
    assert template_problems(rubric) == [] and template_problems(pairwise) == []
    assert '"correctness": <integer 1-5>' in judge_system(rubric) and '"scores"' in judge_system(rubric)
    assert '"winner": "A" or "B" or "tie"' in judge_system(pairwise)

    text = rubric_prompt(rubric, "What is 2 + 2?", "", "Four.")
    assert "What is 2 + 2?" in text and "Four." in text and "(none given)" in text
    assert "- clarity (1–5): Is it well organised" in text and "{{" not in text


def test_placeholders_are_filled_once_so_replies_are_quoted_as_they_are() -> None:
    _, pairwise = BUILT_IN_TEMPLATES
    text = pairwise_prompt(pairwise, "Echo {{reply_b}}", "Expect {{prompt}}", "I say {{reply_a}}", "Second")
    assert "Echo {{reply_b}}" in text and "Expect {{prompt}}" in text and "I say {{reply_a}}" in text
    assert text.index("I say") < text.index("Second")
    custom = replace(pairwise, prompt="{{ prompt }} | {{reply_a}} | {{reply_b}} | {{unknown}}")
    assert pairwise_prompt(custom, "P", "", "A", "B") == "P | A | B | {{unknown}}"


def test_a_template_that_cannot_judge_says_what_to_change() -> None:
    rubric, pairwise = BUILT_IN_TEMPLATES
    assert template_problems(replace(rubric, criteria=())) == [
        "The judge template “Rubric: correctness, helpfulness, clarity” has no criteria to score."
    ]
    twice = replace(rubric, criteria=(Criterion("tone"), Criterion("tone")))
    assert "names the criterion “tone” twice" in template_problems(twice)[0]
    no_reply = replace(rubric, prompt="Grade it.")
    assert "never shows the reply: add {{reply}}" in template_problems(no_reply)[0]
    one_side = replace(pairwise, prompt="{{reply_a}} or nothing")
    assert "add {{reply_b}}" in template_problems(one_side)[0]
    with pytest.raises(JudgeTemplateError, match="no output tokens"):
        check_template(replace(pairwise, max_tokens=0))


def test_the_reminder_names_the_problem_and_the_format_again() -> None:
    rubric, _ = BUILT_IN_TEMPLATES
    reminder = format_reminder(rubric, "No score for “clarity”.")
    assert reminder.startswith("Your answer could not be read: No score for “clarity”.")
    assert '"scores"' in reminder

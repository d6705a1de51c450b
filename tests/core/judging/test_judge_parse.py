"""Reading judge answers: the JSON found wherever the judge put it, the scores checked strictly, refusals told
apart from malformed answers."""

from __future__ import annotations

import pytest

from core.judging.judge_parse import JudgeFormatError, is_refusal, parse_pairwise, parse_rubric
from core.model.judging import Criterion, PairVerdict

CRITERIA = (Criterion("correctness"), Criterion("helpfulness"), Criterion("clarity"))


@pytest.mark.parametrize(
    "text",
    [
        '{"scores": {"correctness": 4, "helpfulness": 5, "clarity": 3}, "reasons": "Good."}',
        'Sure.\n```json\n{"scores": {"correctness": 4, "helpfulness": 5, "clarity": 3}, '
        '"reasons": "Good."}\n```',
        'My grading: {"Scores": {" Correctness ": "4", "HELPFULNESS": 5.0, "clarity": 3, "tone": 1}, '
        '"Reasons": "Good."} That is all.',
        '{"scores": {"correctness": {"score": 4, "reason": "Good."}, "helpfulness": {"score": 5}, '
        '"clarity": {"score": 3}}}',
        '{"correctness": 4, "helpfulness": 5, "clarity": 3, "reasons": "Good."}',
        # Cut off by max_tokens after the scores: they are all there, the reasons are lost.
        '{"scores": {"correctness": 4, "helpfulness": 5, "clarity": 3}, "reasons": "Good, bu',
        'Thinking about {this} first... {"scores": {"correctness": 4, "helpfulness": 5, "clarity": 3}}',
    ],
)
def test_rubric_answers_are_read_wherever_the_json_is(text: str) -> None:
    answer = parse_rubric(text, CRITERIA)
    assert answer.scores == {"correctness": 4, "helpfulness": 5, "clarity": 3}
    assert answer.reasons in ("Good.", "correctness: Good.", "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("It is a solid 4/5.", "no JSON object"),
        ('{"verdict": "good"}', 'no JSON object with "scores"'),
        ('{"scores": {"correctness": 4, "clarity": 3}}', "No score for “helpfulness”"),
        ('{"scores": {"correctness": 4.5, "helpfulness": 5, "clarity": 3}}', "“correctness” is 4.5"),
        ('{"scores": {"correctness": 0, "helpfulness": 5, "clarity": 3}}', "from 1 to 5"),
        ('{"scores": {"correctness": 6, "helpfulness": 5, "clarity": 3}}', "from 1 to 5"),
        ('{"scores": {"correctness": true, "helpfulness": 5, "clarity": 3}}', "“correctness” is true"),
        ('{"scores": {"correctness": "great", "helpfulness": 5, "clarity": 3}}', '"great"'),
        ('{"scores": [4, 5, 3]}', "not an object"),
        ('{"scores": {"correctness": 4, "helpfulness": 5', "no JSON object"),  # cut off mid-answer
    ],
)
def test_rubric_answers_that_do_not_follow_the_format_say_why(text: str, problem: str) -> None:
    with pytest.raises(JudgeFormatError) as raised:
        parse_rubric(text, CRITERIA)
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    ("text", "winner"),
    [
        ('{"winner": "A", "reasons": "A is right."}', PairVerdict.FIRST),
        ('```json\n{"winner": "b", "reasons": "B is right."}\n```', PairVerdict.SECOND),
        ('After comparing: {"winner": "Reply B", "reasons": "x"}', PairVerdict.SECOND),
        ('{"Winner": "tie", "reasons": "Both fine."}', PairVerdict.TIE),
    ],
)
def test_pairwise_answers_are_read(text: str, winner: PairVerdict) -> None:
    assert parse_pairwise(text).winner == winner


def test_a_pairwise_answer_naming_no_reply_says_what_it_must_be() -> None:
    with pytest.raises(JudgeFormatError, match='"winner" is "C"; it must be "A", "B" or "tie"'):
        parse_pairwise('{"winner": "C"}')
    with pytest.raises(JudgeFormatError, match="no JSON object"):
        parse_pairwise("A is better.")


def test_refusals_are_the_api_stop_reason_or_a_decline_without_json() -> None:
    assert is_refusal("", "refusal")
    assert is_refusal("I'm sorry, but I can't help with evaluating this.", "end_turn")
    assert is_refusal("I cannot assess content like this.", None)
    assert is_refusal("I will not grade this reply.", None)
    assert is_refusal("抱歉，我无法评估这个回答。", None)
    # A judge that scores, or only rambles, has not refused: it is asked again for the format.
    assert not is_refusal('I cannot be sure, but: {"winner": "A"}', "end_turn")
    assert not is_refusal("The reply is decent, maybe a 4.", "end_turn")

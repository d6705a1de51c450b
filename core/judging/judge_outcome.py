"""From the judge's answers to a judgement: one answer read, the orders of a pair combined, the values saved.

Shared by the live runner and the batch runner, so a judgement made either way reads the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.judging.judge_parse import (
    JudgeFormatError,
    PairAnswer,
    RubricAnswer,
    is_refusal,
    parse_pairwise,
    parse_rubric,
)
from core.judging.judge_plan import PlannedJudgement, identity
from core.judging.judge_prompts import format_reminder
from core.model.grid import GridRun
from core.model.judging import (
    JudgeKind,
    JudgementStatus,
    JudgeSpend,
    JudgeTemplate,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VoteSource,
    VoteSourceKind,
)
from core.model.messages import AssistantMessage, ChatMessage, Usage

ANSWERS_PER_ORDER = 2
"""The first answer, and one more after a reminder of the format."""


@dataclass
class OrderAnswer:
    """How one order of one judgement ended."""

    status: JudgementStatus
    parsed: RubricAnswer | PairAnswer | None = None
    replies: list[str] = field(default_factory=list)
    error: str = ""
    """Why it failed (the API's words), or why the last answer could not be read."""
    unreachable: bool = False
    """It failed because the judge's provider cannot be reached or is gone: more asks will meet the same."""


@dataclass(eq=False)  # one judgement being made: known by identity
class Pending:
    """A planned judgement being made: the answers of its orders as they come, what they cost so far."""

    plan: PlannedJudgement
    answers: dict[int, OrderAnswer] = field(default_factory=dict)
    cost: float | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    answered: bool = False
    """Some request got an answer (its tokens were billed)."""

    def add_cost(self, cost: float | None, usage: Usage) -> None:
        """One answer's cost and tokens."""
        if cost is not None:
            self.cost = (self.cost or 0.0) + cost
        self.input_tokens += usage.input_tokens  # a judge's request sets no cache breakpoint
        self.output_tokens += usage.output_tokens
        self.answered = True

    def spend(self, model: str) -> JudgeSpend | None:
        if not self.answered:
            return None
        return JudgeSpend(model, self.plan.profile, self.input_tokens, self.output_tokens)

    @property
    def complete(self) -> bool:
        return len(self.answers) == len(self.plan.prompts)

    def ordered(self) -> list[OrderAnswer]:
        return [self.answers[order] for order in range(len(self.plan.prompts))]


def reply_text(message: AssistantMessage) -> str:
    return "".join(str(block.get("text", "")) for block in message.content if block.get("type") == "text")


def read_answer(
    template: JudgeTemplate, message: AssistantMessage, replies: list[str]
) -> OrderAnswer | JudgeFormatError:
    """The answer read (SCORED, or REFUSED), its text added to `replies`; the format error when it cannot be
    read, for the caller to ask again or give up."""
    text = reply_text(message)
    replies.append(text)
    if is_refusal(text, message.stop_reason):
        return OrderAnswer(JudgementStatus.REFUSED, replies=replies)
    try:
        parsed: RubricAnswer | PairAnswer = (
            parse_rubric(text, template.criteria)
            if template.kind == JudgeKind.RUBRIC
            else parse_pairwise(text)
        )
    except JudgeFormatError as problem:
        return problem
    return OrderAnswer(JudgementStatus.SCORED, parsed, replies)


def asked_again(
    template: JudgeTemplate, messages: Sequence[ChatMessage], text: str, problem: JudgeFormatError
) -> list[ChatMessage]:
    """The conversation that asks once more: what was asked, the answer, and a reminder of the format."""
    return [
        *messages,
        ChatMessage(role="assistant", content=[{"type": "text", "text": text or "(no answer)"}]),
        ChatMessage(role="user", content=[{"type": "text", "text": format_reminder(template, str(problem))}]),
    ]


def make_judgement(
    run: GridRun,
    template: JudgeTemplate,
    case: int,
    repeat: int,
    columns: tuple[int, ...],
    answers: Sequence[OrderAnswer],
    cost: float | None,
    created_at: float,
    spend: JudgeSpend | None = None,
) -> RubricScore | PairJudgement:
    """The judgement the answers (one per order) make: a rubric score, or a pair judgement whose swapped
    verdict is mapped back onto `columns`."""
    assert run.id is not None and template.id is not None
    status = combined(answers)
    replies = tuple(reply for answer in answers for reply in answer.replies)
    reasons = "\n\n".join(text for text in (_reasons_of(answer) for answer in answers) if text)
    if template.kind == JudgeKind.RUBRIC:
        parsed = answers[0].parsed
        return RubricScore(
            run_id=run.id,
            case=case,
            variant=columns[0],
            repeat=repeat,
            template_id=template.id,
            status=status,
            scores=dict(parsed.scores) if isinstance(parsed, RubricAnswer) else {},
            reasons=reasons,
            raw_reply="\n\n".join(replies),
            cost_usd=cost,
            created_at=created_at,
            spend=spend,
        )
    first, second = columns
    shown, swapped = (answer.parsed for answer in answers)
    return PairJudgement(
        source=VoteSource(VoteSourceKind.GRID, run.id, case, repeat),
        columns=(first, second),
        identities=(identity(run, first), identity(run, second)),
        template_id=template.id,
        status=status,
        as_shown=shown.winner if isinstance(shown, PairAnswer) else None,
        swapped=swapped_back(swapped.winner) if isinstance(swapped, PairAnswer) else None,
        reasons=reasons,
        raw_replies=replies,
        cost_usd=cost,
        created_at=created_at,
        spend=spend,
    )


def swapped_back(winner: PairVerdict) -> PairVerdict:
    """A verdict given with the pair swapped, said of the pair as given."""
    if winner == PairVerdict.FIRST:
        return PairVerdict.SECOND
    if winner == PairVerdict.SECOND:
        return PairVerdict.FIRST
    return PairVerdict.TIE


def combined(answers: Sequence[OrderAnswer]) -> JudgementStatus:
    """A judgement is as good as its worst order: failed, refused, unscored, then scored."""
    for status in (JudgementStatus.FAILED, JudgementStatus.REFUSED, JudgementStatus.UNSCORED):
        if any(answer.status == status for answer in answers):
            return status
    return JudgementStatus.SCORED


def _reasons_of(answer: OrderAnswer) -> str:
    if answer.parsed is not None:
        return answer.parsed.reasons
    return answer.error

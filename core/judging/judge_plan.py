"""Which judgements a judge pass makes, and what each asks: shared by the runner and the cost preview, so
the preview prices exactly the requests the pass will send."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.grid.exports import variant_names
from core.judging.judge_prompts import (
    JudgeTemplateError,
    check_template,
    judge_system,
    pairwise_prompt,
    rubric_prompt,
)
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, render_prompt
from core.model.judging import (
    JudgeKind,
    JudgementStatus,
    JudgeTemplate,
    PairJudgement,
    RubricScore,
    VariantIdentity,
    variant_key,
)
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings

Pair = tuple[int, int]


@dataclass(frozen=True)
class PlannedJudgement:
    """One judgement to make: a rubric score of one cell repeat (one prompt), or a verdict on a pair of
    columns for one case and repeat (two prompts: the pair as given, then swapped)."""

    case: int
    repeat: int
    columns: tuple[int, ...]
    """The judged variant (rubric), or the pair as given (pairwise)."""
    profile: str | None
    """The judge's profile: the template's, else the (first) judged column's."""
    prompts: tuple[str, ...]
    """The user turn of each order."""


def judge_settings(template: JudgeTemplate) -> RequestSettings:
    """What every judge request sends: the template's model and output limit, the answer format as the
    system prompt, and temperature 0 (the same reply judged twice should get the same answer)."""
    return RequestSettings(
        model=template.model,
        max_tokens=template.max_tokens,
        system=judge_system(template),
        temperature=0.0,
    )


def user_turn(text: str) -> ChatMessage:
    return ChatMessage(role="user", content=[{"type": "text", "text": text}])


def check_judging(run: GridRun, template: JudgeTemplate, kind: JudgeKind, pairs: Sequence[Pair] = ()) -> int:
    """The template's id; raises JudgeTemplateError when this template cannot judge this run so."""
    if template.kind != kind:
        raise JudgeTemplateError(f"The judge template “{template.name}” is not a {kind.value} template.")
    if template.id is None:
        raise JudgeTemplateError(f"Save the judge template “{template.name}” before judging with it.")
    if not template.model.strip():
        raise JudgeTemplateError(f"Choose the judge's model for “{template.name}”.")
    check_template(template)
    if run.id is None:
        raise JudgeTemplateError(f"Save the grid run “{run.name}” before judging it.")
    for first, second in pairs:
        if first == second or not all(0 <= column < len(run.variants) for column in (first, second)):
            raise JudgeTemplateError(f"Columns {first + 1} and {second + 1} are not a pair of this run.")
    return template.id


def plan_rubric(
    run: GridRun, template: JudgeTemplate, existing: Iterable[RubricScore] = ()
) -> list[PlannedJudgement]:
    """A judgement per finished cell repeat not yet judged with this template (a FAILED judgement is made
    again), row by row."""
    judged = {
        (s.case, s.variant, s.repeat)
        for s in existing
        if s.template_id == template.id and s.run_id == run.id and s.status != JudgementStatus.FAILED
    }
    return [
        PlannedJudgement(
            key.case,
            key.repeat,
            (key.variant,),
            template.profile_name or run.variants[key.variant].profile_name,
            (rubric_prompt(template, case_prompt(run, key.case), expected(run, key.case), cell.text),),
        )
        for key, cell in finished_cells(run)
        if (key.case, key.variant, key.repeat) not in judged
    ]


def plan_pairs(
    run: GridRun, template: JudgeTemplate, pairs: Sequence[Pair], existing: Iterable[PairJudgement] = ()
) -> list[PlannedJudgement]:
    """A judgement per case, repeat and pair where both columns finished, unless that pair (either way
    round) was judged already with this template (a FAILED judgement is made again)."""
    made = {
        (j.source.item, j.source.repeat, frozenset(j.columns)): j
        for j in existing
        if j.template_id == template.id and j.source.run_id == run.id
    }
    cells = dict(finished_cells(run))
    planned: list[PlannedJudgement] = []
    for case in range(len(run.test_set.cases)):
        prompt, notes = case_prompt(run, case), expected(run, case)
        for repeat in range(run.repeats):
            for pair in dict.fromkeys(pairs):
                earlier = made.get((case, repeat, frozenset(pair)))
                if earlier is not None and earlier.status != JudgementStatus.FAILED:
                    continue
                # A failed judgement is made again the way round it was, so it replaces the failed one.
                first, second = earlier.columns if earlier is not None else pair
                a, b = cells.get(CellKey(case, first, repeat)), cells.get(CellKey(case, second, repeat))
                if a is None or b is None:
                    continue
                planned.append(
                    PlannedJudgement(
                        case,
                        repeat,
                        (first, second),
                        template.profile_name or run.variants[first].profile_name,
                        (
                            pairwise_prompt(template, prompt, notes, a.text, b.text),
                            pairwise_prompt(template, prompt, notes, b.text, a.text),
                        ),
                    )
                )
    return planned


def finished_cells(run: GridRun) -> list[tuple[CellKey, CellResult]]:
    """The run's finished repeats, row by row (the judgements fill from the top, as the grid did)."""
    return sorted(
        ((key, cell) for key, cell in run.cells.items() if cell.status == CellStatus.DONE),
        key=lambda item: (item[0].case, item[0].variant, item[0].repeat),
    )


def case_prompt(run: GridRun, case: int) -> str:
    return render_prompt(run.test_set.template, run.test_set.cases[case])


def expected(run: GridRun, case: int) -> str:
    return run.test_set.cases[case].expected


def identity(run: GridRun, variant: int) -> VariantIdentity:
    """The column as the leaderboard knows it, labelled by its model and what sets it apart."""
    chosen = run.variants[variant]
    name = variant_names(run)[variant]
    model = chosen.settings.model
    label = model if name == model else f"{model} · {name}"
    return VariantIdentity(variant_key(chosen.profile_name, chosen.settings), label)

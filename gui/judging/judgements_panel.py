"""A cell's judgements, as the cell dialog shows them under its replies: each repeat's rubric scores with the
judge's reasons (an unscored one with the judge's raw reply, a refusal said as such), the pairwise verdicts
this column took part in for the case (both orders, a disagreement shown as one), and how far the judge
agrees with the user's blind votes."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QTextBrowser, QWidget

from core.model.judging import Agreement, JudgementStatus, PairJudgement, RubricScore
from gui.judging.judge_words import agreement_text, status_text, verdict_text

RAW_REPLY_CHARS = 4000
"""An unscored judge reply is shown up to this long (the rest is cut: it is there to see what went wrong)."""


@dataclass(frozen=True)
class CellJudgements:
    """What the judge said about one cell, for the cell dialog."""

    variant: int
    scores: tuple[RubricScore, ...]
    """The cell's rubric scores, one per judged repeat."""
    pairs: tuple[PairJudgement, ...]
    """The case's pair judgements that include the cell's column."""
    names: tuple[str, ...]
    """Every column's name."""
    agreement: Agreement | None = None


class JudgementsPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Judgements"))
        self.setAccessibleDescription(self.tr("The judge's scores and reasons for this cell"))

    def show_judgements(self, judged: CellJudgements) -> None:
        scores, pairs, names, agreement = judged.scores, judged.pairs, judged.names, judged.agreement
        parts: list[str] = []
        if not scores and not pairs:
            parts.append(f"<p>{html.escape(self.tr('Not judged yet: use Judge… in the grid window.'))}</p>")
        for score in sorted(scores, key=lambda s: s.repeat):
            parts.append(self._score_html(score))
        for judgement in sorted(pairs, key=lambda j: (j.source.repeat, j.columns)):
            parts.append(self._pair_html(judgement, names))
        if agreement is not None:
            parts.append(f"<p><i>{html.escape(agreement_text(agreement))}</i></p>")
        self.setHtml("".join(parts))

    def _score_html(self, score: RubricScore) -> str:
        title = self.tr("Repeat {n}").format(n=score.repeat + 1)
        if score.status == JudgementStatus.SCORED and score.overall is not None:
            figures = ", ".join(f"{html.escape(name)} {value}/5" for name, value in score.scores.items())
            head = self.tr("quality {overall:.1f}/5").format(overall=score.overall)
            lines = [f"<b>{html.escape(title)}</b> · {html.escape(head)} ({figures})"]
        else:
            lines = [f"<b>{html.escape(title)}</b> · {html.escape(status_text(score.status))}"]
        if score.reasons:
            lines.append(f"{html.escape(self.tr('Reasons:'))} {_paragraphs(score.reasons)}")
        if score.status in (JudgementStatus.UNSCORED, JudgementStatus.REFUSED) and score.raw_reply:
            lines.append(self._raw_html(score.raw_reply))
        return "<p>" + "<br>".join(lines) + "</p>"

    def _pair_html(self, judgement: PairJudgement, names: Sequence[str]) -> str:
        first, second = (names[c] if c < len(names) else str(c + 1) for c in judgement.columns)
        title = self.tr("Repeat {n}: “{first}” vs “{second}”").format(
            n=judgement.source.repeat + 1, first=first, second=second
        )
        if judgement.status != JudgementStatus.SCORED:
            outcome = status_text(judgement.status)
        elif judgement.disagreed:
            outcome = self.tr(
                "the judge disagreed with itself: {shown} as shown, {swapped} with the replies swapped; "
                "no verdict"
            ).format(
                shown=verdict_text(judgement.as_shown, first, second),
                swapped=verdict_text(judgement.swapped, first, second),
            )
        else:
            outcome = self.tr("{verdict} (in both orders)").format(
                verdict=verdict_text(judgement.verdict, first, second)
            )
        lines = [f"<b>{html.escape(title)}</b> · {html.escape(outcome)}"]
        if judgement.reasons:
            lines.append(f"{html.escape(self.tr('Reasons:'))} {_paragraphs(judgement.reasons)}")
        if judgement.status in (JudgementStatus.UNSCORED, JudgementStatus.REFUSED):
            for raw in judgement.raw_replies:
                lines.append(self._raw_html(raw))
        return "<p>" + "<br>".join(lines) + "</p>"

    def _raw_html(self, raw: str) -> str:
        label = html.escape(self.tr("The judge replied:"))
        return f"{label}<pre>{html.escape(raw[:RAW_REPLY_CHARS])}</pre>"


def _paragraphs(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.strip().splitlines())

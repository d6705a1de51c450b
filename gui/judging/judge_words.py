"""The judge's values in the user's words: kinds, statuses, verdicts, the placeholders note, agreement."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.model.judging import Agreement, JudgeKind, JudgementStatus, PairVerdict


def kind_text(kind: JudgeKind) -> str:
    return {
        JudgeKind.RUBRIC: QCoreApplication.translate("JudgeWords", "rubric"),
        JudgeKind.PAIRWISE: QCoreApplication.translate("JudgeWords", "pairwise"),
    }[kind]


def status_text(status: JudgementStatus) -> str:
    return {
        JudgementStatus.SCORED: QCoreApplication.translate("JudgeWords", "scored"),
        JudgementStatus.UNSCORED: QCoreApplication.translate(
            "JudgeWords", "unscored: the judge's reply did not follow the format, even when asked again"
        ),
        JudgementStatus.REFUSED: QCoreApplication.translate("JudgeWords", "refused: the judge declined"),
        JudgementStatus.FAILED: QCoreApplication.translate(
            "JudgeWords", "failed: the request did not go through"
        ),
    }[status]


def verdict_text(verdict: PairVerdict | None, first: str, second: str) -> str:
    if verdict is None:
        return QCoreApplication.translate("JudgeWords", "no verdict")
    if verdict == PairVerdict.TIE:
        return QCoreApplication.translate("JudgeWords", "a tie")
    winner = first if verdict == PairVerdict.FIRST else second
    return QCoreApplication.translate("JudgeWords", "“{name}” better").format(name=winner)


def placeholders_note(kind: JudgeKind) -> str:
    if kind == JudgeKind.RUBRIC:
        return QCoreApplication.translate(
            "JudgeWords",
            "Placeholders: {{prompt}} the test case's prompt, {{expected}} its expected notes, {{reply}} the "
            "reply judged, {{criteria}} the criteria with the 1–5 scale. The judge is asked to answer in a "
            "fixed format; a reply that does not follow it is asked again once, then kept unscored.",
        )
    return QCoreApplication.translate(
        "JudgeWords",
        "Placeholders: {{prompt}} the test case's prompt, {{expected}} its expected notes, {{reply_a}} and "
        "{{reply_b}} the two replies. Each pair is asked twice with the replies swapped; a verdict counts "
        "only when both orders agree.",
    )


def agreement_text(agreement: Agreement) -> str:
    """ "The judge agreed with your blind votes on 8 of 10 pairs (80%, Cohen's κ 0.62)"."""
    if agreement.pairs == 0 or agreement.percent is None:
        return QCoreApplication.translate(
            "JudgeWords",
            "No pair has both a blind vote of yours and a judge's verdict yet: no agreement to show.",
        )
    kappa = (
        QCoreApplication.translate("JudgeWords", "Cohen's κ {kappa:.2f}").format(kappa=agreement.kappa)
        if agreement.kappa is not None
        else QCoreApplication.translate("JudgeWords", "Cohen's κ undefined (one answer throughout)")
    )
    return QCoreApplication.translate(
        "JudgeWords",
        "The judge agreed with your blind votes on {agreed} of {pairs} pairs ({percent:.0f}%, {kappa}).",
    ).format(agreed=agreement.agreed, pairs=agreement.pairs, percent=agreement.percent, kappa=kappa)

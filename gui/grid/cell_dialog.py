"""One grid cell opened: the case's prompt and every repeat's reply rendered like the transcript, each with
its measurements, and a word diff between any two repeats."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation import StoredMessage
from core.model.grid import CellResult, CellStatus
from gui.compare.word_diff_dialog import WordDiffDialog
from gui.error_messages import describe
from gui.judging.judgements_panel import CellJudgements, JudgementsPanel
from gui.transcript.view import TranscriptView
from gui.widgets.screen_fit import fit_to_screen


class CellDialog(QDialog):
    """`prompt` is the case's rendered prompt; `results` the cell's finished repeats in repeat order."""

    def __init__(
        self,
        case_name: str,
        variant_name: str,
        prompt: str,
        results: list[CellResult],
        parent: QWidget | None = None,
        *,
        judgements: CellJudgements | None = None,
    ) -> None:
        """`judgements`: what the judge said of the cell, shown under the replies (None: the run was never
        judged, and no room is taken for it)."""
        super().__init__(parent)
        self._results = results
        self.diff_dialog: WordDiffDialog | None = None
        self.setWindowTitle(self.tr("{case} — {variant}").format(case=case_name, variant=variant_name))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.transcript = TranscriptView(error_text=describe, parent=self)
        self.transcript.setAccessibleName(self.tr("Every repeat"))
        self.transcript.setAccessibleDescription(self.tr("The prompt, then each repeat's reply in turn"))
        self.diff_button = QPushButton(self.tr("Word diff…"), self)
        self.diff_button.setAccessibleDescription(self.tr("Compares two repeats' replies word by word"))
        self.diff_button.clicked.connect(self.show_diff)
        self.diff_button.setEnabled(len(self._texts()) >= 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.diff_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self.judgements: JudgementsPanel | None = None
        if judgements is None:
            layout.addWidget(self.transcript, 1)
        else:
            self.judgements = JudgementsPanel(self)
            self.judgements.show_judgements(judgements)
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.addWidget(self.transcript)
            split.addWidget(self.judgements)
            split.setSizes([520, 240])
            layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.summary.setText(
            self.tr("%n repeat(s)", "", len(results))
            + " · "
            + self.tr("%n failed", "", sum(1 for r in results if r.status == CellStatus.FAILED))
        )
        self.transcript.show_messages(self._messages(prompt))
        fit_to_screen(self, QSize(900, 760))  # smaller on a small screen

    def _messages(self, prompt: str) -> list[StoredMessage]:
        """The prompt once, then each repeat as an assistant turn whose first line names the repeat and its
        measurements (the transcript's own footer shows tokens, cost and time where known)."""
        messages = [StoredMessage(id=-1, conversation_id=0, parent_id=None, role="user",
                                  content=[{"type": "text", "text": prompt}])]  # fmt: skip
        for number, result in enumerate(self._results, start=1):
            title = self.tr("**Repeat {n}**").format(n=result.key.repeat + 1)
            metrics = result.metrics
            facts = []
            if metrics is not None:
                if metrics.time_to_first_token is not None:
                    facts.append(
                        self.tr("first token {seconds:.2f} s").format(seconds=metrics.time_to_first_token)
                    )
                if metrics.duration is not None:
                    facts.append(self.tr("total {seconds:.2f} s").format(seconds=metrics.duration))
                if metrics.output_tokens is not None:
                    facts.append(self.tr("{tokens} output tokens").format(tokens=metrics.output_tokens))
                if metrics.cost_usd is not None:
                    facts.append(f"${metrics.cost_usd:.4f}")
            heading = " · ".join([title, *facts])
            # Its own paragraph: adjacent text blocks are rendered as one run of Markdown.
            content = [{"type": "text", "text": heading + "\n\n"}, *[dict(block) for block in result.content]]
            messages.append(
                StoredMessage(
                    id=-1 - number,
                    conversation_id=0,
                    parent_id=-1,
                    role="assistant",
                    content=content,  # type: ignore[arg-type]
                    status="error" if result.status == CellStatus.FAILED else "complete",
                    stop_reason=metrics.stop_reason if metrics is not None else None,
                    cost_usd=metrics.cost_usd if metrics is not None else None,
                    request_id=metrics.request_id if metrics is not None else None,
                    error=result.error,
                )
            )
        return messages

    def _texts(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Repeat {n}").format(n=result.key.repeat + 1), result.text)
            for result in self._results
            if result.status == CellStatus.DONE
        ]

    def show_diff(self) -> None:
        choices = self._texts()
        if len(choices) < 2:
            return
        self.diff_dialog = WordDiffDialog(choices, 0, 1, parent=self)
        self.diff_dialog.show()

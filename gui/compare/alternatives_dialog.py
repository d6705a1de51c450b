"""Alternatives from a comparison: after "Continue with this", the other columns' replies stay linked to the
chosen reply. The transcript shows a link under that reply (`gui.compare.alternatives_links`); the link opens
them
here, read-only, each with what its settings changed from the chosen column's. They are never part of the
path that is sent.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from core.model.compare_run import Alternative, CompareColumn, CompareRun, differences
from core.model.conversation import StoredMessage
from gui.compare.column import column_names, difference_text
from gui.error_messages import describe
from gui.transcript.view import TranscriptView
from gui.widgets.screen_fit import fit_to_screen


class AlternativesDialog(QDialog):
    """One tab per other column, named as in the compare window: what its settings changed from the chosen
    column's, and its reply."""

    def __init__(
        self,
        run: CompareRun,
        chosen: CompareColumn,
        others: list[tuple[Alternative, StoredMessage]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alternatives from a comparison"))
        self._names = column_names([(column.profile_name, column.settings) for column in run.columns])
        note = QLabel(
            self.tr(
                "The conversation continued with “{chosen}”. Kept for reading: these replies are not sent "
                "to the model."
            ).format(chosen=self._names[chosen.index]),
            self,
        )
        note.setWordWrap(True)
        self.note = note
        self.tabs = QTabWidget(self)
        self.summaries: list[QLabel] = []
        self.transcripts: list[TranscriptView] = []
        for alternative, message in others:
            self._add_tab(chosen, alternative, message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 640))  # smaller on a small screen

    def _add_tab(self, chosen: CompareColumn, alternative: Alternative, message: StoredMessage) -> None:
        page = QWidget(self.tabs)
        column = alternative.column
        found = differences(chosen.settings, chosen.profile_name, column.settings, column.profile_name)
        changed = " · ".join(difference_text(item) for item in found)
        summary = QLabel(changed or self.tr("Same settings as the chosen reply"), page)
        summary.setWordWrap(True)
        transcript = TranscriptView(error_text=describe, parent=page)
        transcript.show_messages([message])
        layout = QVBoxLayout(page)
        layout.addWidget(summary)
        layout.addWidget(transcript, 1)
        self.summaries.append(summary)
        self.transcripts.append(transcript)
        self.tabs.addTab(page, self._names[column.index])

"""An import's progress, with Cancel: a long file (a million conversations) shows how far it has got and can
be stopped, and the window stays usable meanwhile.

The work runs off the UI thread (`core.transcripts.importers.progress.ImportProgress` carries the counts and
the Cancel); this dialog reads the counts on a timer. It appears only when an import lasts long enough to
need it, and Cancel means nothing of the file is added (the store's transaction is rolled back).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from core.transcripts.importers.progress import ImportProgress, ImportStage

_SHOW_AFTER_MS = 400
_REFRESH_MS = 100


class ImportProgressDialog(QObject):
    def __init__(self, progress: ImportProgress, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._progress = progress
        self._name = name
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        cancel = self.dialog.findChild(QPushButton)
        if cancel is not None:
            cancel.setAccessibleDescription(self.tr("Stops the import; nothing of the file is added"))
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(_SHOW_AFTER_MS)
        self.dialog.setRange(0, 0)
        self.dialog.setLabelText(self._label())
        self.dialog.canceled.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(_REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()

    def _label(self) -> str:
        total, done = self._progress.total, self._progress.done
        if self._progress.cancelled:
            return self.tr("Cancelling the import of {name}…").format(name=self._name)
        if self._progress.stage is ImportStage.ADDING:
            return self.tr("Adding conversations from {name}: {done} of {total}").format(
                name=self._name, done=f"{done:,}", total=f"{total:,}"
            )
        if total:
            return self.tr("Reading {name}: {done} of {total} conversations").format(
                name=self._name, done=f"{done:,}", total=f"{total:,}"
            )
        return self.tr("Reading {name}…").format(name=self._name)

    def _refresh(self) -> None:
        total = self._progress.total
        # A range of 0..0 is Qt's "busy" bar, while the file is decoded and nothing is counted yet.
        self.dialog.setRange(0, min(total, 2**31 - 1))
        self.dialog.setValue(min(self._progress.done, total))
        self.dialog.setLabelText(self._label())

    def _cancel(self) -> None:
        self._progress.cancel()
        self.dialog.setCancelButton(None)  # pressed once is enough: the work stops at its next step
        self.dialog.setLabelText(self._label())
        self.dialog.show()

    def finish(self) -> None:
        self._timer.stop()
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()

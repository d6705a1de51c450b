"""File menu: export a conversation (Markdown, JSON, HTML, PDF) or all of them, import, restore a backup,
and the daily backup started once the window shows.

The formats and the merge are core's (`core.transcripts.archive`, `core.transcripts.export_*`,
`core.transcripts.importers`, `core.store.backup`);
this module asks for paths, runs the work off the UI thread (the store worker, `asyncio.to_thread`) and says
what happened in plain words. The dialogs are behind `FileDialogs`, which tests replace.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from core.store import paths
from core.store.backup import backups_folder, daily_backup, list_backups
from core.store.errors import DamagedDatabaseError, StoreError
from core.store.services import TransferService
from core.transcripts.archive import write_archive
from core.transcripts.atomic_file import atomic_path, write_text_atomic
from core.transcripts.importers.base import ImportFormatError, ImportReport
from core.transcripts.importers.progress import ImportCancelledError, ImportProgress
from gui.tasks import TaskKeeper
from gui.transfer.words import TransferWords
from gui.widgets.recent_folders import remember_folder, start_folder
from gui.window_host import WindowHost

if TYPE_CHECKING:
    from core.transcripts.export_markdown import FolderExport
    from gui.transfer.import_progress import ImportProgressDialog

log = logging.getLogger(__name__)
T = TypeVar("T")

EXPORT_KINDS = ("markdown", "json", "html", "pdf")
_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_MAX_LISTED = 15


class FileDialogs:
    """Qt's file dialogs, each starting in the folder last used for its kind (exports, imports); a test
    passes an object with the same methods to answer them itself."""

    def save_path(
        self, parent: QWidget, title: str, suggested: Path, filters: list[str]
    ) -> tuple[Path, int] | None:
        """The chosen path and the index of the chosen filter, or None if cancelled. `suggested` gives the
        file's name; the folder is the one last exported to."""
        start = start_folder("export") / suggested.name
        name, chosen = QFileDialog.getSaveFileName(parent, title, str(start), ";;".join(filters))
        if not name:
            return None
        remember_folder("export", Path(name))
        return Path(name), filters.index(chosen) if chosen in filters else 0

    def open_path(self, parent: QWidget, title: str, filters: list[str]) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder("import")), ";;".join(filters))
        if not name:
            return None
        remember_folder("import", Path(name))
        return Path(name)

    def folder(self, parent: QWidget, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(start_folder("export")))
        if not name:
            return None
        remember_folder("export", Path(name))
        return Path(name)

    def choose(
        self, parent: QWidget, title: str, label: str, items: list[str], chosen: Callable[[int], object]
    ) -> None:
        """Offer `items`; call `chosen` with the index picked (not at all if cancelled)."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(items)
        dialog.textValueSelected.connect(lambda text: chosen(items.index(text)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class TransferMenu(QObject):
    """Signals: imported(ImportReport): an import or a restore added what the report lists."""

    imported = Signal(object)

    def __init__(
        self,
        window: WindowHost,
        transfer: TransferService,
        tasks: TaskKeeper,
        data_dir: Path,
        dialogs: FileDialogs | None = None,
    ) -> None:
        super().__init__(window.widget())
        self._window = window
        self._transfer = transfer
        self._tasks = tasks
        self._database = paths.database_path(data_dir)
        self._backups = backups_folder(data_dir)
        self.dialogs = dialogs or FileDialogs()
        self.words = TransferWords(self)
        self.message_box: QMessageBox | None = None
        """The last report or error shown (non-modal), so tests can read it."""
        self.progress_dialog: ImportProgressDialog | None = None
        """The last import's progress, so tests can watch it and press Cancel."""
        self.export_action = QAction(self.tr("Export conversation…"), window.widget())
        self.export_action.triggered.connect(self.export_current)
        self.export_all_json_action = QAction(self.tr("Export all as JSON…"), window.widget())
        self.export_all_json_action.triggered.connect(lambda: self.export_all("json"))
        self.export_all_markdown_action = QAction(self.tr("Export all as Markdown…"), window.widget())
        self.export_all_markdown_action.triggered.connect(lambda: self.export_all("markdown"))
        self.include_thinking_action = QAction(
            self.tr("Include thinking in exports"), window.widget(), checkable=True
        )
        self.include_thinking_action.setChecked(True)
        self.import_action = QAction(self.tr("Import…"), window.widget())
        self.import_action.triggered.connect(self.import_file)
        self.restore_action = QAction(self.tr("Restore from backup…"), window.widget())
        self.restore_action.triggered.connect(self.restore)
        window.add_file_actions(
            [
                None,
                self.export_action,
                self.export_all_json_action,
                self.export_all_markdown_action,
                self.include_thinking_action,
                None,
                self.import_action,
                self.restore_action,
                None,
            ]
        )

    # -- export ------------------------------------------------------------------------------------------

    def export_filters(self) -> list[str]:
        """In the order of EXPORT_KINDS."""
        return [
            self.tr("Markdown (*.md)"),
            self.tr("Triptych JSON (*.json)"),
            self.tr("Web page (*.html)"),
            self.tr("PDF (*.pdf)"),
        ]

    def export_current(self) -> asyncio.Task[None] | None:
        # Imported on first use, as are the export and import modules below: not needed for the first paint.
        from core.transcripts.export_common import file_stem

        conversation = self._window.current_conversation()
        if conversation is None:
            return None
        suggested = Path.home() / file_stem(conversation.title)
        chosen = self.dialogs.save_path(
            self._window.widget(), self.tr("Export conversation"), suggested, self.export_filters()
        )
        if chosen is None:
            return None
        path, filter_index = chosen
        kind = _SUFFIXES.get(path.suffix.lower(), EXPORT_KINDS[filter_index])
        if path.suffix.lower() not in _SUFFIXES:
            path = path.with_name(path.name + {"markdown": ".md"}.get(kind, f".{kind}"))
        return self._tasks.start(self._export_one(conversation.id, path, kind))

    async def _export_one(self, conversation_id: int, path: Path, kind: str) -> None:
        # Imported on first use, as are the other export and import modules: not needed for the first paint.
        from core.transcripts.export_html import html_export
        from core.transcripts.export_markdown import write_markdown

        await self._window.persist_settings()
        archived = await self._transfer.export_conversation(conversation_id)
        thinking = self.include_thinking_action.isChecked()
        labels = self.words.export_labels()
        try:
            if kind == "json":
                await asyncio.to_thread(write_archive, [archived], path, time.time())
            elif kind == "markdown":
                await asyncio.to_thread(
                    write_markdown, archived, path, include_thinking=thinking, labels=labels
                )
            else:
                page = await asyncio.to_thread(
                    html_export, archived, include_thinking=thinking, labels=labels
                )
                if kind == "html":
                    await asyncio.to_thread(write_text_atomic, path, page)
                else:
                    await asyncio.to_thread(_write_pdf_atomic, page, path)
        except OSError as error:
            self._show(
                self.tr("Could not write {path}: {error}").format(path=path, error=error.strerror or error)
            )
            return
        self._window.show_notice(self.tr("Exported to {path}").format(path=path))

    def export_all(self, kind: str) -> asyncio.Task[None] | None:
        if kind == "json":
            chosen = self.dialogs.save_path(
                self._window.widget(),
                self.tr("Export all conversations"),
                Path.home() / "triptych-conversations.json",
                [self.tr("Triptych JSON (*.json)")],
            )
            target = None if chosen is None else chosen[0]
        else:
            target = self.dialogs.folder(self._window.widget(), self.tr("Folder for the Markdown files"))
        if target is None:
            return None
        return self._tasks.start(self._export_all(kind, target))

    async def _export_all(self, kind: str, target: Path) -> None:
        # Imported on first use, as are the other export and import modules: not needed for the first paint.
        from core.transcripts.export_markdown import write_markdown_folder

        await self._window.persist_settings()
        conversations = await self._transfer.export_all()
        # The JSON carries the evaluation grids' test sets and runs too (Markdown is for reading).
        grids = await self._transfer.export_grids() if kind == "json" else None
        thinking = self.include_thinking_action.isChecked()
        try:
            if kind == "json":
                await asyncio.to_thread(write_archive, conversations, target, time.time(), grids)
                written = len(conversations)
            else:
                result = await asyncio.to_thread(
                    write_markdown_folder,
                    conversations,
                    target,
                    include_thinking=thinking,
                    labels=self.words.export_labels(),
                )
                if result.failed:
                    self._show(self.folder_report(result, target))
                    return
                written = len(result.written)
        except OSError as error:
            self._show(
                self.tr("Could not write {path}: {error}").format(path=target, error=error.strerror or error)
            )
            return
        notice = self.tr("Exported %n conversation(s) to {path}", "", written)
        self._window.show_notice(notice.format(path=target))

    def folder_report(self, result: FolderExport, target: Path) -> str:
        """What a folder export wrote, and each file it could not write, with the reason."""
        parts = [
            self.tr("Exported %n conversation(s) to {path}.", "", len(result.written)).format(path=target),
            self.tr("%n could not be written:", "", len(result.failed)),
        ]
        parts += _listed(
            result.failed,
            lambda failed: self.tr("{title} ({name}): {reason}").format(
                title=self.words.title(failed.title), name=failed.path.name, reason=failed.reason
            ),
        )
        return "\n".join(parts)

    # -- import and restore --------------------------------------------------------------------------------

    def import_file(self) -> asyncio.Task[None] | None:
        filters = [self.tr("JSON files (*.json)"), self.tr("All files (*)")]
        path = self.dialogs.open_path(self._window.widget(), self.tr("Import conversations"), filters)
        if path is None:
            return None
        return self._tasks.start(self._import(path))

    async def _import(self, path: Path) -> None:
        # Imported on first use, as are the other export and import modules: not needed for the first paint.
        from core.transcripts.importers.detect import read_import_file

        settings = self._window.current_settings()
        from gui.transfer.import_progress import ImportProgressDialog

        progress = ImportProgress()
        shown = ImportProgressDialog(progress, path.name, self._window.widget())
        self.progress_dialog = shown
        try:
            parsed = await asyncio.to_thread(read_import_file, path, settings, progress)
            report = await self._transfer.import_conversations(parsed, progress)
        except ImportCancelledError:
            self._show(self.tr("Import cancelled: nothing was imported from {name}.").format(name=path.name))
            return
        except (ImportFormatError, StoreError) as error:
            self._show(
                self.tr("Nothing was imported from {name}.\n\n{error}").format(name=path.name, error=error)
            )
            return
        finally:
            shown.finish()
        await self._after_import(report)

    def restore(self) -> asyncio.Task[None]:
        return self._tasks.start(self._offer_backups())

    async def _offer_backups(self) -> None:
        backups = await asyncio.to_thread(list_backups, self._backups)
        if not backups:
            self._show(self.tr("There is no backup yet. Triptych makes one each day it starts."))
            return
        labels = [
            self.tr("{day} ({size} KB)").format(day=backup.day.isoformat(), size=max(1, backup.size // 1024))
            for backup in backups
        ]
        self.dialogs.choose(
            self._window.widget(),
            self.tr("Restore from backup"),
            self.tr("Conversations in the backup that are missing here are added; nothing here is replaced."),
            labels,
            lambda index: self._tasks.start(self._merge(backups[index].path)),
        )

    async def _merge(self, backup: Path) -> None:
        try:
            report = await self._transfer.restore_backup(backup)
        except (StoreError, OSError, sqlite3.Error) as error:
            self._show(
                self.tr("Nothing was restored from {name}.\n\n{error}").format(name=backup.name, error=error)
            )
            return
        await self._after_import(report)

    async def _after_import(self, report: ImportReport) -> None:
        self._window.refresh_conversations()
        self.imported.emit(report)
        if report.imported_ids:
            self._window.open_conversation(report.imported_ids[0])
        self._show(self.report_text(report))

    def report_text(self, report: ImportReport) -> str:
        """The report in plain words: what was added, what was already here, what was left out and why.
        Only the items listed are worded: a file may leave out a million (on the UI thread, each costs)."""
        parts = [self.tr("Imported %n conversation(s).", "", len(report.imported))]
        parts += _listed(report.imported, self.words.title)
        if report.duplicates:
            parts.append(
                self.tr("%n conversation(s) already here, not imported again:", "", len(report.duplicates))
            )
            parts += _listed(report.duplicates, self.words.title)
        if report.test_sets or report.grid_runs:
            parts.append(self.tr("Imported %n test set(s) for evaluation grids.", "", len(report.test_sets)))
            parts += _listed(report.test_sets, str)
            parts.append(self.tr("Imported %n grid run(s).", "", len(report.grid_runs)))
            parts += _listed(report.grid_runs, str)
        if report.votes:
            parts.append(self.tr("Imported %n blind vote(s).", "", report.votes))
        if report.judge_templates:
            parts.append(self.tr("Imported %n judge template(s):", "", len(report.judge_templates)))
            parts += _listed(report.judge_templates, str)
        if report.judgements:
            parts.append(self.tr("Imported %n judge score(s) and verdict(s).", "", report.judgements))
        if report.duplicate_votes:
            parts.append(self.tr("%n vote(s) already here, not imported again.", "", report.duplicate_votes))
        already = len(report.duplicate_test_sets) + len(report.duplicate_grid_runs)
        if already:
            parts.append(
                self.tr("%n test set(s) or grid run(s) already here, not imported again.", "", already)
            )
        if report.skipped:
            parts.append(self.tr("Left out (%n):", "", len(report.skipped)))
            parts += _listed(report.skipped, self.words.skipped)
        return "\n".join(parts)

    # -- backups -------------------------------------------------------------------------------------------

    def start_daily_backup(self) -> asyncio.Task[None]:
        """Today's backup, if there is none yet; off the UI thread, after the window shows."""
        return self._tasks.start(self._daily_backup())

    async def _daily_backup(self) -> None:
        try:
            await asyncio.to_thread(daily_backup, self._database, self._backups, date.today())
        except DamagedDatabaseError as error:
            log.warning("No backup of a damaged database: %s", error)
            count = len(await asyncio.to_thread(list_backups, self._backups))
            text = self.tr(
                "The database is damaged, so today's backup was not made: a damaged copy would replace a "
                "good one. Every earlier backup (%n) was kept. Restore from backup… adds the conversations "
                "of a good backup.\n\nDetails: {details}",
                "",
                count,
            ).format(details=error.message)
            self._show(text, restore=count > 0)
        except (OSError, sqlite3.Error, StoreError) as error:
            log.warning("The daily backup failed: %s", error)
            self._window.show_notice(self.tr("The daily backup failed: {error}").format(error=error))

    def _show(self, text: str, *, restore: bool = False) -> None:
        """A non-modal report; with `restore`, its button to restore from a backup, one click away."""
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Triptych"), text, parent=self._window.widget()
        )
        if restore:
            button = box.addButton(self.tr("Restore from backup…"), QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(self.restore)
            box.addButton(QMessageBox.StandardButton.Close)
        self.message_box = box
        box.open()


def _write_pdf_atomic(page: str, path: Path) -> None:
    """The PDF whole or not at all, as every export (`core.transcripts.atomic_file`)."""
    from gui.transfer.pdf import write_pdf

    with atomic_path(path) as partial:
        write_pdf(page, partial)


def _listed(items: Sequence[T], word: Callable[[T], str]) -> list[str]:
    shown = [f"• {word(item)}" for item in items[:_MAX_LISTED]]
    if len(items) > _MAX_LISTED:
        shown.append(f"… (+{len(items) - _MAX_LISTED})")
    return shown

"""A very large import shows its progress, can be cancelled (adding nothing), and leaves the window usable;
its report words only what it lists, so a million left-out items cost the UI thread nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.transcripts.importers.base import ImportReport, SkippedItem, SkipReason
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.gui.transfer.test_transfer import ScriptedDialogs, _menu_action

EMPTY_CONVERSATIONS = 200_000


def _empty_conversations(path: Path, count: int) -> Path:
    document = {"format": "triptych", "version": 1, "exported_at": 0, "conversations": [{}] * count}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


async def _conversation_count(app: Running) -> int:
    return len(await app.app.store.call(lambda s: s.list_conversations()))


def test_a_huge_import_shows_its_progress_and_cancel_adds_nothing_while_the_window_stays_usable(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    huge = _empty_conversations(tmp_path / "huge.json", EMPTY_CONVERSATIONS)

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        before = await _conversation_count(app)
        transfer = app.app.transfer
        transfer.dialogs = dialogs = ScriptedDialogs()
        dialogs.open = huge
        _menu_action(app, "Import…").trigger()
        await wait_until(
            lambda: (
                transfer.progress_dialog is not None
                and transfer.progress_dialog.dialog.isVisible()
                and "of 200,000 conversations" in transfer.progress_dialog.dialog.labelText()
            ),
            timeout=60,
            what="the progress, counted",
        )
        progress = transfer.progress_dialog
        assert progress is not None
        qtbot.keyClicks(app.window.composer.editor, "still typing")
        assert app.window.composer.editor.toPlainText() == "still typing", "the window stays usable"
        (cancel,) = progress.dialog.findChildren(QPushButton)
        assert cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        await wait_until(lambda: transfer.message_box is not None, timeout=30, what="the cancel reported")
        assert transfer.message_box is not None
        assert transfer.message_box.text() == "Import cancelled: nothing was imported from huge.json."
        assert await _conversation_count(app) == before
        shown = [d for d in app.window.findChildren(QProgressDialog) if d.isVisible()]
        assert not shown, "the progress went away"
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)


def test_the_report_of_a_million_left_out_items_is_worded_at_once(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    report = ImportReport("triptych", skipped=[SkippedItem(SkipReason.NO_MESSAGES, "")] * 1_000_000)

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        started = time.process_time()
        text = app.app.transfer.report_text(report)
        spent = time.process_time() - started
        assert text.startswith("Imported 0 conversation(s).\nLeft out (1000000):\n• “(untitled)”: it has no")
        assert text.endswith("… (+999985)")
        assert spent < 0.5, f"the UI thread spent {spent:.1f} s wording the report"
        assert await app.quit() == 0

    run(qloop, body())

"""The real file dialogs start in the folder last used for their kind (exports, imports), remembered in the
settings across a restart, instead of always in the home folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def answer_file_dialog(choice: Path, opened_in: list[Path]) -> None:
    """When the file dialog shows: note the folder it opened in, and choose `choice`, as a user would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        opened_in.append(Path(dialog.directory().absolutePath()))
        dialog.selectFile(str(choice))
        dialog.accept()

    QTimer.singleShot(0, answer)


def trigger(app: Running, text: str) -> None:
    """Choose the File menu's item from the event loop, as a click does (not from inside this test's task:
    the dialog's own event loop runs the app's other tasks meanwhile)."""
    (action,) = [action for action in app.window.file_menu.actions() if action.text() == text]
    QTimer.singleShot(0, action.trigger)


async def export_to(app: Running, path: Path, opened_in: list[Path]) -> None:
    answer_file_dialog(path, opened_in)
    trigger(app, "Export conversation…")
    # A file dialog takes a while to build on a busy machine.
    await wait_until(lambda: path.exists(), timeout=30, what=f"the export {path.name}")


def test_each_kind_of_dialog_starts_where_it_was_last_used(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home, exports, imports = tmp_path / "home", tmp_path / "exports", tmp_path / "imports"
    for folder in (home, exports, imports):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    data = tmp_path / "data"
    opened_in: list[Path] = []

    async def first_run() -> None:
        app = await start(qapp, data, server)
        await export_to(app, exports / "one.json", opened_in)
        await export_to(app, exports / "two.json", opened_in)
        shutil.copy(exports / "one.json", imports / "one.json")
        answer_file_dialog(imports / "one.json", opened_in)
        trigger(app, "Import…")
        await wait_until(lambda: len(opened_in) == 3, timeout=30, what="the import dialog")
        await wait_until(lambda: app.app.transfer.message_box is not None, timeout=30, what="the report")
        app.app.transfer.message_box.close()
        await app.quit()

    async def after_a_restart() -> None:
        app = await start(qapp, data, server)
        await export_to(app, exports / "three.json", opened_in)
        await app.quit()

    run(qloop, first_run(), timeout=120)
    run(qloop, after_a_restart(), timeout=120)
    assert opened_in == [home, exports, home, exports]

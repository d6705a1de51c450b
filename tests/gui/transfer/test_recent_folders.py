"""The file dialogs start in the folder last used for their kind (exports, imports), remembered in the
settings across a restart, instead of always in the home folder.

Qt's own file dialog is answered by a stand-in here, which notes the folder it is asked to open in: the real
one, driven offscreen, sometimes never takes an answer, and leaves a file-system watcher thread whose objects
are destroyed later from another thread (a warning, once a crash, in a later test). Everything else is real:
the File menu, `FileDialogs`, the settings file, a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

import gui.transfer.menu
from core.demo import FakeServer
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


class AnsweringDialogs:
    """Stands in for QFileDialog's static functions: notes where each was asked to open, answers with the
    next path in `answers` (None: the user cancels)."""

    def __init__(self) -> None:
        self.opened_in: list[Path] = []
        self.answers: list[Path | None] = []

    def _answer(self, start: str) -> str:
        given = Path(start)
        self.opened_in.append(given if given.is_dir() else given.parent)
        answer = self.answers.pop(0)
        return "" if answer is None else str(answer)

    def getSaveFileName(self, parent: QWidget, title: str, start: str, filters: str) -> tuple[str, str]:
        return self._answer(start), filters.split(";;")[0]

    def getOpenFileName(self, parent: QWidget, title: str, start: str, filters: str) -> tuple[str, str]:
        return self._answer(start), ""

    def getExistingDirectory(self, parent: QWidget, title: str, start: str) -> str:
        return self._answer(start)


def trigger(app: Running, text: str) -> None:
    (action,) = [action for action in app.window.file_menu.actions() if action.text() == text]
    action.trigger()


def test_each_kind_of_dialog_starts_where_it_was_last_used(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home, exports = tmp_path / "home", tmp_path / "exports"
    for folder in (home, exports):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    dialogs = AnsweringDialogs()
    monkeypatch.setattr(gui.transfer.menu, "QFileDialog", dialogs)
    assert QFileDialog is not dialogs
    data = tmp_path / "data"

    async def export_to(app: Running, path: Path) -> None:
        dialogs.answers.append(path)
        trigger(app, "Export conversation…")
        await wait_until(lambda: path.exists(), timeout=20, what=f"the export {path.name}")

    async def first_run() -> None:
        app = await start(qapp, data, server)
        await export_to(app, exports / "one.json")
        await export_to(app, exports / "two.json")
        dialogs.answers.append(None)  # the import dialog, cancelled
        trigger(app, "Import…")
        await app.quit()

    async def after_a_restart() -> None:
        app = await start(qapp, data, server)
        await export_to(app, exports / "three.json")
        await app.quit()

    run(qloop, first_run(), timeout=60)
    run(qloop, after_a_restart(), timeout=60)
    # Exports open where the last export went, even after a restart; imports have a folder of their own.
    assert dialogs.opened_in == [home, exports, home, exports]

"""Every control of the grid window and its dialogs has a name and a description (as Qt's accessibility
interface reports them), and no text box keeps Tab: the same walk as tests/gui/test_accessibility.py."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.grid import CellKey, CellResult, CellStatus, RunState, TestSet
from gui.grid.add_to_test_set import AddToTestSetDialog
from gui.grid.cell_dialog import CellDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start
from tests.gui.grid.test_grid_window import fill, open_grid
from tests.gui.test_accessibility import check


def test_every_control_of_the_grid_window_and_its_dialogs_is_named_and_described(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = await open_grid(app)
        found: list[str] = []
        check(window, "grid window (empty)", found)
        fill(window, app, cases=1, temperatures=[0.0, 1.0], repeats=1)
        window.confirm_above.setValue(1000)
        window.run_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=20, what="a run")
        for page in (window.stats_page, window.charts_page, window.table):
            window.tabs.setCurrentWidget(page)
            check(window, f"grid window ({window.tabs.tabText(window.tabs.currentIndex())})", found)
        result = CellResult(CellKey(0, 0, 0), CellStatus.DONE, content=({"type": "text", "text": "Hi"},))
        dialogs = [
            ("grid cell", CellDialog("case", "temperature 1", "Say hi", [result, result], window)),
            (
                "add to test set",
                AddToTestSetDialog("Say hi", [TestSet(1, "Set", "{{prompt}}")], 2, app.window),
            ),
        ]
        for where, dialog in dialogs:
            dialog.show()
            check(dialog, where, found)
            dialog.close()
            dialog.deleteLater()
        window.close()
        assert found == [], "\n" + "\n".join(found)
        await app.quit()

    run(qloop, body(), timeout=60)

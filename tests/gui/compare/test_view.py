"""The compare window in the real app, against the fake server over real HTTP and a real SQLite file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, HttpError, Pace, Reply, Text
from core.model.compare_run import MAX_COLUMNS
from core.model.messages import Usage
from gui.compare.column import ColumnSettingsDialog
from gui.compare.view import CompareView
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

SLOW = Pace(chunk_chars=6, delta_interval=0.01)


async def open_compare(app: Running) -> CompareView:
    app.window.compare_action.trigger()
    await wait_until(lambda: app.app.compare_view is not None, what="the compare window")
    view = app.app.compare_view
    assert view is not None and view.isVisible()
    return view


async def send_with_temperatures(app: Running, view: CompareView, temperatures: list[float]) -> None:
    base = app.window.current_settings()
    for index, temperature in enumerate(temperatures):
        view.set_column_settings(index, "Relay", dataclasses.replace(base, temperature=temperature))
    view.prompt.setPlainText("Compare this")
    view.send_button.click()
    await wait_until(lambda: view.run is not None, what="the run to start")
    await wait_until(
        lambda: all(column.metrics is not None for column in view.columns), timeout=10, what="both replies"
    )


def reply_text_by_temperature(server: FakeServer) -> dict[float, str | None]:
    """What the server answered each request with, by the temperature the request carried."""
    return {
        record.body["temperature"]: record.reply["content"][0]["text"] if record.reply else None
        for record in server.requests
        if record.path == "/v1/messages"
    }


def test_each_column_sends_its_settings_streams_measures_and_can_be_continued(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert [column.header.text() for column in view.columns] == ["Same as the conversation"] * 2
        server.enqueue(
            Reply([Text("Alpha answer " * 10)], usage=Usage(11, 30), pace=SLOW),
            Reply([Text("Beta answer " * 10)], usage=Usage(11, 40), pace=SLOW),
        )
        await send_with_temperatures(app, view, [0.2, 0.9])
        assert [column.header.text() for column in view.columns] == ["temperature 0.2", "temperature 0.9"]
        answers = reply_text_by_temperature(server)
        assert sorted(answers) == [0.2, 0.9]
        table = view.metric_table
        for index, (column, temperature) in enumerate(zip(view.columns, [0.2, 0.9], strict=True)):
            shown = column.transcript.browser.toPlainText()
            assert answers[temperature].strip() in shown and "Compare this" in shown
            rows = {
                table.verticalHeaderItem(row).text(): table.item(row, index).text()
                for row in range(table.rowCount())
            }
            assert rows["Input tokens"] == "11" and rows["Stop reason"] == "end_turn"
            assert rows["Total time"].endswith(" s") and rows["Request id"] != "–"
        assert view.columns[1].continue_button.isEnabled()
        view.columns[1].continue_button.click()
        chosen = view.run.columns[1].reply_ids[-1]
        await wait_until(lambda: answers[0.9].split()[0] in app.transcript_text(), what="the chosen reply")
        path = await app.path()
        assert path[-1].id == chosen and path[-2].content[0]["text"] == "Compare this"
        assert app.window.current_conversation().settings.temperature == 0.9
        assert await app.quit() == 0

    run(qloop, body())


def test_one_columns_error_stays_in_that_column(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        server.enqueue(HttpError(429, "Slow down"), Reply([Text("Still here.")], pace=SLOW))
        await send_with_temperatures(app, view, [0.1, 0.7])
        answers = reply_text_by_temperature(server)
        failed = 0 if answers[0.1] is None else 1
        assert "Too many requests (429)" in view.columns[failed].transcript.browser.toPlainText()
        other = view.columns[1 - failed].transcript.browser.toPlainText()
        assert "Still here." in other and "429" not in other
        assert await app.quit() == 0

    run(qloop, body())


def test_columns_can_be_added_up_to_the_limit_and_presets_replace_them(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        while view.add_button.isEnabled():
            view.add_button.click()
        assert len(view.columns) == MAX_COLUMNS
        view._presets["temperature"].trigger()
        assert [column.header.text() for column in view.columns] == [
            "temperature 0.0",
            "temperature 0.5",
            "temperature 1.0",
        ]
        view.columns[0].remove_button.click()
        assert len(view.columns) == 2
        assert await app.quit() == 0

    run(qloop, body())


def test_the_settings_dialog_changes_one_column_and_its_header_says_what_differs(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        view.columns[1].edit_button.click()
        dialog = view.findChild(ColumnSettingsDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.profile_name() == "Relay"
        dialog.model_picker.set_model_id("claude-haiku-4-5-20251001")
        dialog.accept()
        assert view.columns[0].header.text() == "Same as the conversation"
        assert view.columns[1].header.text() == "model claude-haiku-4-5-20251001"
        assert view.columns[1].settings.model == "claude-haiku-4-5-20251001"
        assert await app.quit() == 0

    run(qloop, body())


def test_columns_scroll_together_when_asked(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        view.resize(900, 500)
        long_reply = "\n\n".join(f"Paragraph {n} of a long reply." for n in range(120))
        server.enqueue(Reply([Text(long_reply)]), Reply([Text(long_reply + "\n\nAnd a little more.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        first, second = (column.transcript.browser.verticalScrollBar() for column in view.columns)
        await wait_until(lambda: first.maximum() > 0 and second.maximum() > 0, what="scrollable replies")
        first.setValue(0)
        assert second.value() == 0
        first.setValue(first.maximum() // 2)
        assert abs(second.value() / second.maximum() - 0.5) < 0.05
        view.sync_scrolling.setChecked(False)
        first.setValue(0)
        assert second.value() > 0, "with the box unchecked each column scrolls alone"
        view.close()
        await app.quit()

    run(qloop, body())


def test_the_compare_window_fits_the_screen_it_opens_on(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    """The offscreen screen is smaller than the window's preferred 1200 × 800: the window opens inside the
    screen's available area, whole."""
    screen = qapp.primaryScreen().availableGeometry()
    assert screen.height() < 800 or screen.width() < 1200, "the test needs a screen smaller than the window"

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        await wait_until(lambda: view.isVisible(), what="the compare window")
        frame = view.frameGeometry()
        assert screen.contains(frame), (frame, screen)
        assert view.height() <= screen.height() and view.width() <= screen.width()
        view.close()
        await app.quit()

    run(qloop, body())

"""The compare window's reading and sending aids, through the real window against the fake server: the
prompt's Enter keys, column names, the aligned metric table, ties and the visible "Continue with this"."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from core.model.messages import Usage
from gui.compare.metric_table import BAR_HEIGHT, BEST_MARK, METRICS, MetricTable
from gui.compare.word_diff_dialog import WordDiffDialog
from tests.gui.compare.test_view import open_compare, reply_text_by_temperature, send_with_temperatures
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


def sent_prompts(server: FakeServer) -> list[str]:
    """The last user text of every Messages request the server got."""
    return [
        record.body["messages"][-1]["content"][-1]["text"]
        for record in server.requests
        if record.path == "/v1/messages"
    ]


def test_enter_sends_the_compare_prompt_and_shift_enter_makes_a_new_line(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert "Enter to send" in view.prompt.placeholderText()
        server.enqueue(Reply([Text("One.")]), Reply([Text("Two.")]))
        qtbot.keyClicks(view.prompt, "first line")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClicks(view.prompt, "second line")
        assert view.prompt.toPlainText() == "first line\nsecond line" and view.run is None
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return)
        await wait_until(lambda: len(sent_prompts(server)) == 2, what="both columns' requests")
        assert sent_prompts(server) == ["first line\nsecond line"] * 2
        await wait_until(lambda: view.prompt.toPlainText() == "", what="the prompt cleared once sent")
        await wait_until(lambda: all(c.reply is not None for c in view.columns), what="both replies")
        # Ctrl+Enter sends too (a follow-up round here).
        server.enqueue(Reply([Text("Three.")]), Reply([Text("Four.")]))
        qtbot.keyClicks(view.prompt, "again")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(sent_prompts(server)) == 4, what="the follow-up round")
        assert sent_prompts(server)[2:] == ["again"] * 2
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_with_enter_sends_off_the_compare_prompt_sends_on_ctrl_enter_only(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.preferences.enter_sends_action.setChecked(False)
        view = await open_compare(app)
        assert "Ctrl+Enter to send" in view.prompt.placeholderText()
        server.enqueue(Reply([Text("One.")]), Reply([Text("Two.")]))
        qtbot.keyClicks(view.prompt, "first")
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return)
        qtbot.keyClicks(view.prompt, "second")
        assert view.prompt.toPlainText() == "first\nsecond" and not sent_prompts(server)
        qtbot.keyClick(view.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(sent_prompts(server)) == 2, what="both columns' requests")
        assert sent_prompts(server) == ["first\nsecond"] * 2
        await wait_until(lambda: all(c.reply is not None for c in view.columns), what="both replies")
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_columns_are_named_by_what_sets_them_apart_in_the_window_and_the_diff_dialog(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert [c.title.text() for c in view.columns] == ["same settings #1", "same settings #2"]
        assert [c.header.text() for c in view.columns] == ["Same as the conversation"] * 2
        server.enqueue(Reply([Text("Cool answer.")]), Reply([Text("Warm answer.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        assert [c.title.text() for c in view.columns] == ["temperature 0.2", "temperature 0.9"]
        # The line of what differs from the conversation would repeat the name: hidden.
        assert [c.header.text() for c in view.columns] == ["temperature 0.2", "temperature 0.9"]
        assert not any(c.header.isVisible() for c in view.columns)
        view.add_button.click()  # the conversation's own settings: temperature left to the default
        assert [c.title.text() for c in view.columns] == [
            "temperature 0.2",
            "temperature 0.9",
            "temperature default",
        ]
        view.remove_column(view.columns[2])
        view.diff_button.click()
        dialog = view.findChild(WordDiffDialog)
        assert dialog is not None and dialog.isVisible()
        picks = [dialog.left_pick.itemText(i) for i in range(dialog.left_pick.count())]
        assert picks == ["temperature 0.2", "temperature 0.9"]
        assert dialog.left_pick.currentText() == "temperature 0.2"
        assert dialog.right_pick.currentText() == "temperature 0.9"
        dialog.close()
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def bar_pixels(table: MetricTable, metric: str, column: int) -> tuple[int, set[str]]:
    """How long the bar under a cell is as painted on screen, and its colours."""
    index = table.model().index(METRICS.index(metric), column)
    table.scrollTo(index)  # the table may be shorter than its rows: the user scrolls to it
    image = table.viewport().grab().toImage()
    rect = table.visualRect(index)
    y = rect.bottom() - BAR_HEIGHT + 1
    background = image.pixelColor(rect.right() - 1, y).name()
    colours = [image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())]
    painted = [colour for colour in colours if colour != background]
    return len(painted), set(painted)


def test_one_aligned_table_shows_every_columns_metrics_with_bars_against_the_largest(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        view.resize(1100, 800)
        server.enqueue(
            Reply([Text("Short.")], usage=Usage(11, 30)), Reply([Text("Longer.")], usage=Usage(11, 60))
        )
        await send_with_temperatures(app, view, [0.2, 0.9])
        table = view.metric_table
        # One table for all: no measurements table inside the columns any more.
        assert view.findChildren(QTableWidget) == [table]
        headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
        assert headers == ["temperature 0.2", "temperature 0.9"]
        rows = [
            table.verticalHeaderItem(r).text() for r in range(table.rowCount()) if not table.isRowHidden(r)
        ]
        assert rows[:5] == [
            "Time to first token",
            "Total time",
            "Output speed",
            "Input tokens",
            "Output tokens",
        ]
        by_temperature = {c.settings.temperature: i for i, c in enumerate(view.columns)}
        answers = reply_text_by_temperature(server)
        short, long = (0.2, 0.9) if answers[0.2] == "Short." else (0.9, 0.2)
        assert table.cell_text("output_tokens", by_temperature[short]) == "30"
        assert table.cell_text("output_tokens", by_temperature[long]) == "60"
        # The cheaper reply (fewer output tokens) is the best cost: starred, bold, its bar in the highlight.
        cheap = table.item(METRICS.index("cost_usd"), by_temperature[short])
        dear = table.item(METRICS.index("cost_usd"), by_temperature[long])
        assert cheap.text().startswith(BEST_MARK) and cheap.font().bold()
        assert not dear.text().startswith(BEST_MARK) and not dear.font().bold()
        assert "× the best" in dear.toolTip()
        await wait_until(lambda: table.isVisible() and table.viewport().height() > 0, what="the table shown")
        # The replies keep most of the window: the table is as tall as its rows, at most 40% of the split.
        replies, measurements = view.splitter.sizes()
        assert measurements <= 0.4 * (replies + measurements) + 1 and replies > measurements
        # A smaller window shrinks the table with it, not the replies alone.
        view.resize(760, 420)
        await wait_until(
            lambda: sum(view.splitter.sizes()) < replies + measurements, what="the smaller split"
        )
        replies, measurements = view.splitter.sizes()
        assert measurements <= 0.4 * (replies + measurements) + 1 and replies > measurements
        short_bar, short_colours = bar_pixels(table, "output_tokens", by_temperature[short])
        long_bar, long_colours = bar_pixels(table, "output_tokens", by_temperature[long])
        assert long_bar > 100 and abs(short_bar / long_bar - 0.5) < 0.05, (short_bar, long_bar)
        mid = table.palette().color(QPalette.ColorRole.Mid).name()
        highlight = table.palette().color(QPalette.ColorRole.Highlight).name()
        assert short_colours == long_colours == {mid}
        assert bar_pixels(table, "cost_usd", by_temperature[short])[1] == {highlight}
        assert bar_pixels(table, "cost_usd", by_temperature[long])[1] == {mid}
        # Maximising one column shows its measurements alone too.
        view.columns[0].maximise_button.click()
        assert [table.isColumnHidden(i) for i in range(2)] == [False, True]
        view.columns[0].maximise_button.click()
        assert [table.isColumnHidden(i) for i in range(2)] == [False, False]
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_tied_columns_are_marked_equally_in_the_window_and_the_exported_report(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        view = await open_compare(app)
        server.enqueue(
            Reply([Text("Same length.")], usage=Usage(11, 40)),
            Reply([Text("Same length!")], usage=Usage(11, 40)),
        )
        await send_with_temperatures(app, view, [0.2, 0.9])
        table = view.metric_table
        costs = [table.cell_text("cost_usd", i) for i in range(2)]
        assert costs[0] == costs[1] and costs[0].startswith(BEST_MARK), costs
        assert all(table.item(METRICS.index("cost_usd"), i).font().bold() for i in range(2))
        folder = tmp_path / "reports"
        view.choose_folder = lambda _parent: str(folder)
        view.export_button.click()
        await wait_until(lambda: "Saved" in view.notice.text(), what="the export")
        markdown = (folder / f"comparison-{view.run.id}.md").read_text("utf-8")
        cost_row = next(line for line in markdown.splitlines() if line.startswith("| Cost (USD)"))
        cells = [cell.strip() for cell in cost_row.strip("|").split("|")][1:]
        assert len(cells) == 2 and cells[0] == cells[1] and cells[0].startswith("**"), cost_row
        page = (folder / f"comparison-{view.run.id}.html").read_text("utf-8")
        assert page.count('<td class="best">' + cells[0].strip("*") + "</td>") == 2
        view.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_continue_with_this_marks_the_chosen_column_says_so_and_opens_the_conversation(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        server.enqueue(Reply([Text("Cool answer.")]), Reply([Text("Warm answer.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        first, second = view.columns
        assert not first.chosen_label.isVisible() and not second.chosen_label.isVisible()
        second.continue_button.click()
        await wait_until(lambda: second.chosen, what="the choice confirmed")
        assert second.chosen_label.isVisible() and not first.chosen_label.isVisible()
        assert second.continue_button.text() == "Chosen ✓" and not second.continue_button.isEnabled()
        assert first.continue_button.text() == "Continue with this" and first.continue_button.isEnabled()
        assert view.notice.text().startswith("The conversation continues with “temperature 0.9”")
        notice = app.window.composer.notice
        assert notice.isVisible() and notice.text() == "Continued with “temperature 0.9” from the comparison."
        chosen_text = second.reply.content[0]["text"]
        await wait_until(lambda: chosen_text in app.transcript_text(), what="the conversation with the reply")
        # Choosing the other column moves the mark (and the conversation) there.
        first.continue_button.click()
        await wait_until(lambda: first.chosen and not second.chosen, what="the mark moved")
        assert first.chosen_label.isVisible() and not second.chosen_label.isVisible()
        assert second.continue_button.isEnabled()
        await wait_until(lambda: "Cool answer." in app.transcript_text(), what="the other reply shown")
        run_id = view.run.id
        view.close()
        assert await app.quit() == 0

        # Reopened after a restart, the run still shows which column the conversation continued with.
        again = await start(qapp, tmp_path, server)
        await again.app.open_compare(run_id)
        reopened = again.app.compare_view
        await wait_until(lambda: reopened.run is not None, what="the reopened run")
        assert [column.chosen for column in reopened.columns] == [True, False]
        await wait_until(lambda: reopened.columns[0].chosen_label.isVisible(), what="the mark shown")
        assert not reopened.columns[1].chosen_label.isVisible()
        reopened.close()
        assert await again.quit() == 0

    run(qloop, body())

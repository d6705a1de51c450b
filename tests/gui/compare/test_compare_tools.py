"""Reading and keeping a comparison: word diff, maximise, export, reopening after a restart, presets,
per-column validation and thinking tokens. The real app against the fake server, real SQLite, offscreen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import qasync
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from core.model.messages import Usage
from core.model.request_settings import ThinkingSettings
from gui.compare.alternatives_dialog import AlternativesDialog
from gui.compare.saved_runs import CompareRunsDialog
from gui.compare.view import CompareView
from gui.compare.word_diff_dialog import DELETED, INSERTED, WordDiffDialog
from gui.transcript.cards import SCHEME
from tests.gui.compare.test_view import open_compare, send_with_temperatures
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


def highlighted(document: QTextDocument, colour: QColor) -> list[str]:
    """The runs of text shown on this background colour."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color() == colour:
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


def round_shown(view: CompareView) -> bool:
    """Every column shows the reply of the run's last round as it ended."""
    return view.run is not None and all(
        column.reply is not None and column.reply.id == stored.reply_ids[-1] and not column.running
        for column, stored in zip(view.columns, view.run.columns, strict=True)
    )


def metric_rows(view: CompareView, index: int) -> dict[str, str]:
    """One compare column's measurements as the aligned table shows them: metric name -> cell text."""
    table = view.metric_table
    return {
        table.verticalHeaderItem(row).text(): table.item(row, index).text()
        for row in range(table.rowCount())
        if not table.isRowHidden(row)
    }


def test_the_diff_dialog_highlights_the_words_that_differ_between_two_columns(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        assert not view.diff_button.isEnabled(), "nothing to compare before the replies"
        quick, slow = "The quick brown fox jumps. 我喜欢苹果。", "The slow brown fox jumps. 我喜欢香蕉。"
        server.enqueue(Reply([Text(quick)]), Reply([Text(slow)]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        left_text = view.columns[0].reply.content[0]["text"]
        only_left, only_right = (
            (["quick", "苹果"], ["slow", "香蕉"])
            if left_text == quick
            else (["slow", "香蕉"], ["quick", "苹果"])
        )
        assert view.diff_button.isEnabled()
        view.diff_button.click()
        dialog = view.findChild(WordDiffDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.left.toPlainText() == left_text
        assert {dialog.left.toPlainText(), dialog.right.toPlainText()} == {quick, slow}
        assert highlighted(dialog.left.document(), DELETED) == only_left
        assert highlighted(dialog.right.document(), INSERTED) == only_right
        assert highlighted(dialog.left.document(), INSERTED) == []
        assert dialog.summary.text() == "2 passages only on the left, 2 only on the right."
        dialog.right_pick.setCurrentIndex(0)
        assert highlighted(dialog.right.document(), INSERTED) == []
        assert dialog.summary.text() == "The two replies are the same."
        dialog.close()
        assert await app.quit() == 0

    run(qloop, body())


def test_maximise_shows_one_column_alone_and_toggling_back_restores_them_all(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        view.add_button.click()
        _first, second, third = view.columns
        second.maximise_button.click()
        assert [c.isVisible() for c in view.columns] == [False, True, False]
        third.maximise_button.click()  # another column's toggle moves the focus there
        assert [c.isVisible() for c in view.columns] == [False, False, True]
        assert not second.maximise_button.isChecked()
        third.maximise_button.click()
        assert [c.isVisible() for c in view.columns] == [True, True, True]
        assert not any(c.maximise_button.isChecked() for c in view.columns)
        assert await app.quit() == 0

    run(qloop, body())


def test_export_writes_a_markdown_and_an_html_report_where_the_user_chose(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        view = await open_compare(app)
        assert not view.export_button.isEnabled()
        server.enqueue(
            Reply([Text("First **answer**.")], usage=Usage(11, 30)),
            Reply([Text("Second answer.")], usage=Usage(11, 40)),
        )
        await send_with_temperatures(app, view, [0.2, 0.9])
        folder = tmp_path / "reports"
        asked: list[object] = []
        view.choose_folder = lambda parent: asked.append(parent) or str(folder)
        assert view.export_button.isEnabled()
        view.export_button.click()
        run_id = view.run.id
        markdown_path, html_path = folder / f"comparison-{run_id}.md", folder / f"comparison-{run_id}.html"
        await wait_until(lambda: "Saved" in view.notice.text(), what="the export")
        assert asked == [view]
        markdown, page = markdown_path.read_text("utf-8"), html_path.read_text("utf-8")
        texts = {c.settings.temperature: c.reply.content[0]["text"] for c in view.columns}
        assert "> Compare this" in markdown
        assert "| **temperature** | **0.2** | **0.9** |" in markdown
        assert (
            "| Input tokens | 11 | 11 |" in markdown and "| Stop reason | end_turn | end_turn |" in markdown
        )
        assert "Thinking tokens" not in markdown
        assert f"### temperature 0.2\n\n{texts[0.2]}" in markdown and "Column" not in markdown
        assert "<h4>temperature 0.9</h4>" in page and "Column" not in page
        assert "<blockquote>Compare this</blockquote>" in page
        assert '<tr class="differs"><th>temperature</th><td>0.2</td><td>0.9</td></tr>' in page
        assert "<th>Input tokens</th><td>11</td><td>11</td>" in page
        assert "<strong>answer</strong>" in page and "Second answer." in page
        assert view.notice.text() == f"Saved {markdown_path.name} and {html_path.name}"
        (tmp_path / "blocked").write_text("a file, not a folder")
        view.choose_folder = lambda parent: str(tmp_path / "blocked")
        view.export_button.click()
        await wait_until(lambda: "Could not write" in view.notice.text(), what="the failure")
        assert await app.quit() == 0

    run(qloop, body())


def test_a_compare_run_reopens_after_a_restart_as_it_was(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        server.enqueue(
            Reply([Text("Cool and short.")], usage=Usage(12, 5)),
            Reply([Text("Warm and longer reply.")], usage=Usage(12, 9)),
        )
        await send_with_temperatures(app, view, [0.2, 0.9])
        server.enqueue(Reply([Text("Round two, A.")]), Reply([Text("Round two, B.")]))
        view.prompt.setPlainText("And again")
        view.send_button.click()
        await wait_until(lambda: len(view.run.prompts) == 2, what="the second round")
        await wait_until(lambda: round_shown(view), what="round 2")
        before = {
            "headers": [c.header.text() for c in view.columns],
            "settings": [c.settings for c in view.columns],
            "texts": [c.transcript.browser.toPlainText() for c in view.columns],
            "metrics": [metric_rows(view, i) for i in range(2)],
        }
        run_id = view.run.id
        view.close()
        assert await app.quit() == 0

        again = await start(qapp, tmp_path, server)
        action = again.app.compare_runs.action
        assert action in again.window.view_menu.actions()
        action.trigger()
        await wait_until(lambda: again.app.compare_runs.dialog is not None, what="the list of runs")
        dialog = again.app.compare_runs.dialog
        assert isinstance(dialog, CompareRunsDialog) and dialog.runs.count() == 1
        assert "Compare this" in dialog.runs.item(0).text()
        dialog.accept()
        await wait_until(lambda: again.app.compare_view is not None, what="the compare window")
        reopened = again.app.compare_view
        await wait_until(lambda: reopened.run is not None, what="the run")
        assert reopened.run.id == run_id and reopened.run.prompts == ["Compare this", "And again"]
        assert [c.header.text() for c in reopened.columns] == before["headers"]
        assert [c.settings for c in reopened.columns] == before["settings"]
        assert [c.transcript.browser.toPlainText() for c in reopened.columns] == before["texts"]
        assert "Round two, A." in before["texts"][0] + before["texts"][1]
        assert [metric_rows(reopened, i) for i in range(2)] == before["metrics"]
        assert reopened.diff_button.isEnabled() and reopened.export_button.isEnabled()
        # The reopened run goes on: another round continues each column's own thread.
        server.enqueue(Reply([Text("Three A.")]), Reply([Text("Three B.")]))
        reopened.prompt.setPlainText("Third")
        reopened.send_button.click()
        await wait_until(lambda: len(reopened.run.prompts) == 3, what="the third round")
        await wait_until(lambda: round_shown(reopened), what="round 3")
        assert reopened.run.id == run_id
        reopened.close()
        assert await again.quit() == 0

    run(qloop, body())


def test_presets_include_every_model_of_a_family(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        titles = [action.text() for action in view.presets_menu.actions() if action.isVisible()]
        assert titles == [
            "Same settings ×3",
            "Temperature 0 / 0.5 / 1",
            "Thinking off / 4k / 16k",
            "All models of a family",
        ]
        family = view.presets_menu.family_menu
        assert [action.text() for action in family.actions()] == ["Opus", "Sonnet", "Haiku"]
        family.actions()[2].trigger()
        assert [c.settings.model for c in view.columns] == [
            "claude-haiku-4-5-20251001",
            "claude-haiku-3-5-20241022",
        ]
        assert await app.quit() == 0

    run(qloop, body())


def test_a_column_the_api_would_refuse_is_named_in_that_column_alone(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        base = app.window.current_settings()
        bad = dataclasses.replace(
            base, temperature=None, max_tokens=2048, thinking=ThinkingSettings("enabled", 4096)
        )
        view.set_column_settings(1, "Relay", bad)
        view.prompt.setPlainText("Go")
        view.send_button.click()
        await wait_until(lambda: view.columns[1].notice.text() != "", what="the column's notice")
        assert view.columns[1].notice.isVisible() and "budget" in view.columns[1].notice.text().lower()
        assert not view.columns[0].notice.isVisible() and view.columns[0].notice.text() == ""
        assert "thinking 4k" in view.columns[1].name
        assert f"“{view.columns[1].name}” has settings the API would refuse" in view.notice.text()
        assert [r for r in server.requests if r.path == "/v1/messages"] == [] and view.run is None
        assert await app.quit() == 0

    run(qloop, body())


def test_thinking_tokens_show_in_the_metrics_only_when_reported(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        server.enqueue(Reply([Text("One.")]), Reply([Text("Two.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        assert "Thinking tokens" not in metric_rows(view, 0)
        reported = Usage(10, 200, output_tokens_details={"thinking_tokens": 150})
        server.enqueue(
            Reply([Text("Thought.")], usage=reported), Reply([Text("Did not.")], usage=Usage(10, 20))
        )
        view.prompt.setPlainText("Again")
        view.send_button.click()
        await wait_until(lambda: len(view.run.prompts) == 2 and round_shown(view), what="round 2")
        rows = [metric_rows(view, i) for i in range(2)]
        thinking = sorted(row["Thinking tokens"] for row in rows)
        assert thinking == ["150", "–"]
        assert await app.quit() == 0

    run(qloop, body())


def test_a_chosen_reply_links_its_alternatives_which_are_never_sent(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await open_compare(app)
        server.enqueue(Reply([Text("Alpha answer.")]), Reply([Text("Beta answer.")]))
        await send_with_temperatures(app, view, [0.2, 0.9])
        chosen_text = view.columns[1].reply.content[0]["text"]
        other_text = view.columns[0].reply.content[0]["text"]
        chosen_id = view.columns[1].reply.id
        view.columns[1].continue_button.click()
        link = f"{SCHEME}:alternatives/{chosen_id}"
        await wait_until(lambda: link in app.window.transcript.browser.toHtml(), what="the alternatives link")
        shown = app.transcript_text()
        assert chosen_text in shown and other_text not in shown
        assert "1 alternative(s) from a comparison" in shown
        app.window.transcript.browser.anchorClicked.emit(QUrl(link))
        await wait_until(lambda: app.app.alternatives.dialog is not None, what="the alternatives")
        dialog = app.app.alternatives.dialog
        assert isinstance(dialog, AlternativesDialog) and dialog.tabs.count() == 1
        assert dialog.tabs.tabText(0) == "temperature 0.2"
        assert "continued with “temperature 0.9”" in dialog.note.text()
        assert dialog.summaries[0].text() == "temperature 0.2"
        assert other_text in dialog.transcripts[0].browser.toPlainText()
        dialog.close()
        # The next turn continues from the chosen reply; the alternative is not part of what is sent.
        server.enqueue(Reply([Text("Next reply.")]))
        app.type_and_send(qtbot, "A follow-up")
        await wait_until(lambda: "Next reply." in app.transcript_text(), what="the next reply")
        sent = [r for r in server.requests if r.path == "/v1/messages"][-1].body["messages"]
        texts = [block["text"] for message in sent for block in message["content"] if block["type"] == "text"]
        assert texts[-3:] == ["Compare this", chosen_text, "A follow-up"]
        assert other_text not in texts
        assert await app.quit() == 0

    run(qloop, body())

"""The evaluation grid end to end: the real app against the fake server over real HTTP and a real SQLite file,
driven through Tools → Evaluation grid… as a user would."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import qasync
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, HttpError, Pace, Reply, Text
from core.model.grid import CellStatus, GridVariant, RunState, TestCase
from core.model.messages import Usage
from gui.grid.table_model import STATUS_ROLE
from gui.grid.window import GridWindow
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

REPLY_TEXT = "The answer, in twelve deltas of four characters."  # 48 characters
PACE = Pace(chunk_chars=4, delta_interval=0.02)
"""12 deltas, each after 20 ms: every reply takes at least 0.24 s, its first token at least 20 ms."""
OUTPUT_TOKENS = 12


async def open_grid(app: Running) -> GridWindow:
    assert app.app.grid is not None
    app.app.grid.open_action.trigger()
    await wait_until(
        lambda: app.app.grid is not None and app.app.grid.grid_window is not None, what="the grid"
    )
    window = app.app.grid.grid_window
    assert window is not None
    await wait_until(lambda: window.isVisible() and window.editor.isEnabled(), what="the grid window")
    return window


def fill(window: GridWindow, app: Running, *, cases: int, temperatures: list[float], repeats: int) -> None:
    window.editor.name.setText("Capitals")
    window.editor.template.setPlainText("What is the capital of {{country}}?")
    window.editor.add_cases([TestCase(f"case {n}", {"country": f"Country {n}"}) for n in range(cases)])
    base = app.window.current_settings()
    window.variants.set_variants(
        [GridVariant("Relay", dataclasses.replace(base, temperature=t)) for t in temperatures]
    )
    window.repeats.setValue(repeats)


def generation_requests(server: FakeServer) -> list:
    return [record for record in server.requests if record.path == "/v1/messages"]


def test_a_grid_with_repeats_runs_measures_and_exports(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        fill(window, app, cases=2, temperatures=[0.0, 1.0], repeats=3)
        assert window.variants.names() == ["temperature 0.0", "temperature 1.0"]
        server.enqueue(*[Reply([Text(REPLY_TEXT)], usage=Usage(20, OUTPUT_TOKENS), pace=PACE)] * 12)
        # The preview is above the threshold the user set: the run asks first.
        window.confirm_above.setValue(0.0)
        window.run_button.click()
        await wait_until(lambda: window.question is not None, what="the cost confirmation")
        assert window.question.informativeText().startswith("12 request")
        width = window.width()
        window.question.button(QMessageBox.StandardButton.Yes).click()
        # The runs list follows the run as the bar does (the first wave of replies ends while the rest run).
        await wait_until(
            lambda: (
                re.search(r"\(running, ([1-9]|1[01]) of 12 done\)", window.runs.currentText()) is not None
            ),
            timeout=30,
            what="the runs list to show the run's progress",
        )
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=30, what="the run to finish")
        await wait_until(
            lambda: window.runs.currentText().endswith("(finished, 12 of 12 done)"),
            what="the run listed as done",
        )
        assert window.width() == width, "the growing figures wrap; the window keeps its width"

        # The server got every cell x repeat once, each with its column's temperature and its case's prompt.
        sent = generation_requests(server)
        assert len(sent) == 12
        by_prompt = sorted(
            (r.body["messages"][-1]["content"][0]["text"], r.body["temperature"]) for r in sent
        )
        assert by_prompt == sorted(
            (f"What is the capital of Country {n}?", t)
            for n in range(2)
            for t in (0.0, 1.0)
            for _ in range(3)
        )
        # The grid: every cell done, its first line the reply, then its count and median measurements.
        model = window.model
        for row in range(2):
            for column in range(2):
                lines = model.cell_text(row, column).splitlines()
                assert lines[0] == REPLY_TEXT
                assert lines[1].startswith("3/3 · ") and f"{OUTPUT_TOKENS} tok" in lines[1]
        assert "12 done · 0 failed · 0 remaining" in window.run_bar.label.text()

        # Statistics measured against the scripted pacing: every reply took at least 12 x 20 ms.
        run_shown = window.current_run()
        assert run_shown is not None and len(run_shown.cells) == 12
        for result in run_shown.cells.values():
            assert result.status == CellStatus.DONE
            assert result.metrics is not None and result.metrics.duration is not None
            assert result.metrics.duration >= 0.24
            assert result.metrics.output_tokens == OUTPUT_TOKENS
        # While the grid tab was shown, no statistics were worked out at all.
        assert window.stats_view is None
        window.tabs.setCurrentWidget(window.stats_page)
        await wait_until(lambda: window.stats_view is not None, what="the statistics")
        # Worked out on a worker thread: the tables fill when the figures are ready.
        await wait_until(lambda: window.stats_view.columns_table.rowCount() == 2, what="the statistics")
        check_statistics(window)
        window.tabs.setCurrentWidget(window.charts_page)
        await wait_until(lambda: window.charts is not None, what="the charts")
        # Hidden again, the statistics are not worked out when the run changes.
        figured = window.stats_view.figured
        window._refresh_stats()
        assert window.stats_view.figured == figured

        # A cell opened: every repeat rendered, word diff between two.
        window.open_cell(model.index(1, 1))
        dialog = window.cell_dialog
        assert dialog is not None
        shown = dialog.transcript.browser.toPlainText()
        assert shown.count(REPLY_TEXT) == 3 and "Repeat 3" in shown
        dialog.diff_button.click()
        assert dialog.diff_dialog is not None
        assert dialog.diff_dialog.summary.text() == "The two replies are the same."
        dialog.diff_dialog.close()
        dialog.close()

        # Exports, each read back.
        await export_and_read_back(window, tmp_path)
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def check_statistics(window: GridWindow) -> None:
    """The statistics tab, per column: a median total time no shorter than the pacing allows (12 deltas x
    20 ms), a first token no sooner than one delta's wait, the scripted output length, one distinct output."""
    from core.grid.stats import METRICS

    view = window.stats_view
    table = view.columns_table
    assert [
        table.verticalHeaderItem(row).text().removesuffix(" (reference)") for row in range(2)
    ] == window.names

    def median(row: int, metric: str) -> float:
        text = table.item(row, METRICS.index(metric)).text()
        found = re.search(r"median \$?([0-9.]+)", text)
        assert found is not None, text
        return float(found.group(1))

    for row in range(2):
        assert median(row, "duration") >= 0.24
        assert median(row, "time_to_first_token") >= 0.02
        assert median(row, "output_tokens") == OUTPUT_TOKENS
        assert table.item(row, len(METRICS)).text().startswith("1")  # one distinct output across repeats


async def export_and_read_back(window: GridWindow, folder: Path) -> None:
    chosen: dict[str, Path] = {}

    def choose(_parent: object, kind: str, suggested: str) -> Path:
        chosen[kind] = folder / suggested
        return chosen[kind]

    window.choose_export = choose
    for kind, action in (
        ("csv", window.export_csv_action),
        ("jsonl", window.export_jsonl_action),
        ("html", window.export_html_action),
    ):
        action.trigger()
        await wait_until(
            lambda k=kind: k in chosen and chosen[k].exists(), timeout=15, what=f"the {kind} file"
        )
        await wait_until(lambda: "Exported to" in window.message.text(), what="the export notice")
    with chosen["csv"].open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 12
    assert {row["case_name"] for row in rows} == {"case 0", "case 1"}
    assert {row["{{country}}"] for row in rows} == {"Country 0", "Country 1"}
    assert all(float(row["duration"]) >= 0.24 for row in rows)
    assert all(row["output"] == REPLY_TEXT for row in rows)
    lines = [json.loads(line) for line in chosen["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 12
    assert {line["variant_name"] for line in lines} == set(window.names)
    assert {line["settings"]["temperature"] for line in lines} == {0.0, 1.0}
    assert all(line["metrics"]["output_tokens"] == OUTPUT_TOKENS for line in lines)

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.text: list[str] = []
            self.images = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("img", "svg"):
                self.images += 1

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collect()
    parser.feed(chosen["html"].read_text(encoding="utf-8"))
    assert REPLY_TEXT in "".join(parser.text)
    assert parser.images >= 1  # the charts, embedded

    # The charts alone, from the Export menu: a PNG that Qt reads back at its size, an SVG with the columns.
    window.export_png_action.trigger()
    await wait_until(lambda: "png" in chosen and chosen["png"].exists(), what="the PNG file")
    picture = QImage(str(chosen["png"]))
    assert not picture.isNull() and picture.width() > 400
    window.export_svg_action.trigger()
    await wait_until(lambda: "svg" in chosen and chosen["svg"].exists(), what="the SVG file")
    svg = ElementTree.parse(chosen["svg"]).getroot()
    assert svg.tag.endswith("svg")
    assert all(name.split(" · ")[0] in chosen["svg"].read_text(encoding="utf-8") for name in window.names)


def test_a_run_stopped_by_a_quit_resumes_after_a_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    slow = Pace(chunk_chars=4, delta_interval=0.05)  # 0.6 s a reply

    async def body() -> None:
        data = tmp_path / "data"
        app = await start(qapp, data, server)
        window = await open_grid(app)
        fill(window, app, cases=1, temperatures=[0.0], repeats=4)
        window.concurrency.setValue(1)
        server.enqueue(*[Reply([Text(REPLY_TEXT)], usage=Usage(20, OUTPUT_TOKENS), pace=slow)] * 8)
        window.run_button.click()
        await wait_until(lambda: len(window._cells) >= 1, timeout=15, what="a first repeat")
        assert window.run_bar.state == RunState.RUNNING
        # The grid window closed mid-run: the run goes on; opened again, it shows the run as it stands.
        window.close()
        await wait_until(lambda: app.app.grid.grid_window is None, what="the grid window gone")
        window = await open_grid(app)
        await wait_until(lambda: window.run is not None, what="the run shown again")
        assert window.run_bar.state == RunState.RUNNING
        await wait_until(lambda: len(window._cells) >= 2, timeout=15, what="a repeat after reopening")
        assert await app.quit() == 0
        sent_before = len(generation_requests(server))
        assert sent_before < 4 or window.run_bar.state != RunState.DONE

        # The next start: the run shows where it stopped, paused, with Resume.
        app = await start(qapp, data, server)
        window = await open_grid(app)
        await wait_until(lambda: window.run is not None, what="the stopped run shown")
        assert window.run_bar.state == RunState.PAUSED
        assert window.run_bar.resume_button.isEnabled()
        kept = len(window._cells)
        assert 2 <= kept < 4
        window.run_bar.resume_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=30, what="the resumed run")
        assert len(window._cells) == 4
        assert all(result.status == CellStatus.DONE for result in window._cells.values())
        # Only what was missing was sent again: the repeats saved before the quit were not.
        assert len(generation_requests(server)) == sent_before + (4 - kept)
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def test_bad_input_is_said_plainly_and_nothing_is_saved(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        window.editor.name.setText("Empty")
        window.editor.template.setPlainText("Translate {{text}} into {{language}}")
        # 0 rows.
        window.run_button.click()
        await wait_until(lambda: window.message.isVisible(), what="the message")
        assert window.message.text() == "The test set has no cases: add a row or import a CSV or JSONL file."
        # A variable a row has no value for.
        window.editor.add_cases([TestCase("only text", {"text": "hello"})])
        window.run_button.click()
        await wait_until(lambda: "{{language}}" in window.message.text(), what="the missing variable")
        assert window.message.text().startswith('Row 1 ("only text") has no value for {{language}}')
        # 0 columns.
        window.editor.table.item(0, 2).setText("French")
        window.variants.set_variants([])
        window.run_button.click()
        await wait_until(lambda: "no columns" in window.message.text(), what="the missing columns")
        # A column the API would refuse: named, before the run is saved or anything sent.
        base = app.window.current_settings()
        window.variants.set_variants(
            [
                GridVariant("Relay", dataclasses.replace(base, temperature=0.0)),
                GridVariant("Relay", dataclasses.replace(base, temperature=1.0, max_tokens=10_000_000)),
            ]
        )
        window.confirm_above.setValue(1_000_000)
        window.run_button.click()
        await wait_until(lambda: "Nothing was sent" in window.message.text(), what="the refused column")
        assert window.message.text() == (
            'Nothing was sent: row 1 ("only text") in the column “max tokens 10000000 · temperature 1.0”: '
            "max_tokens must be at most 128000 for Claude Sonnet 4.6 (it is 10000000)."
        )
        # Nothing half-saved: no test set, no run.
        assert await app.app.services.grids.test_sets() == []
        assert await app.app.services.grids.runs() == []
        assert generation_requests(server) == []
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_a_turn_is_added_to_a_test_set_with_the_conversation_before_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        server.enqueue(Reply([Text("First answer")]), Reply([Text("Second answer")]))
        app.type_and_send(qtbot, "First question")
        await wait_until(lambda: "First answer" in app.transcript_text(), what="the first reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        app.type_and_send(qtbot, "Second question")
        await wait_until(lambda: "Second answer" in app.transcript_text(), what="the second reply")
        path = await app.path()
        second_prompt = path[2]
        assert second_prompt.role == "user"
        feature = app.app.grid
        assert feature is not None
        await feature.add_to_test_set(second_prompt.id)
        dialog = feature.add_dialog
        assert dialog is not None
        assert "2 message" in dialog.about.text()
        dialog.new_name.setText("From chats")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        await wait_until(
            lambda: "Added to the test set" in app.window.composer.notice.text(), what="the notice"
        )
        [saved] = await app.app.services.grids.test_sets()
        assert saved.name == "From chats" and saved.template == "{{prompt}}"
        [case] = saved.cases
        assert case.variables == {"prompt": "Second question"}
        assert [message["role"] for message in case.context] == ["user", "assistant"]
        assert case.context[0]["content"][0]["text"] == "First question"
        assert case.context[1]["content"][0]["text"] == "First answer"
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_pause_resume_and_a_failed_repeat_retried(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    slow = Pace(chunk_chars=4, delta_interval=0.04)

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        fill(window, app, cases=1, temperatures=[0.0], repeats=3)
        window.concurrency.setValue(1)
        window.confirm_above.setValue(1000)
        server.enqueue(
            HttpError(400, "This one is refused."),
            *[Reply([Text(REPLY_TEXT)], usage=Usage(20, OUTPUT_TOKENS), pace=slow)] * 3,
        )
        window.run_button.click()
        # The first repeat fails; the run goes on.
        await wait_until(lambda: len(window._cells) >= 1, timeout=15, what="the failed repeat")
        assert next(iter(window._cells.values())).status == CellStatus.FAILED
        await wait_until(lambda: window.run_bar.pause_button.isEnabled(), what="Pause")
        window.run_bar.pause_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.PAUSED, timeout=15, what="the pause")
        # The repeat in flight when paused ends and is kept; nothing new starts.
        await wait_until(lambda: not any(r.status == CellStatus.RUNNING for r in window._cells.values()))
        settled = len(generation_requests(server))
        assert window.run_bar.resume_button.isEnabled() and not window.run_bar.pause_button.isEnabled()
        assert window.model.data(window.model.index(0, 0), STATUS_ROLE) == CellStatus.FAILED
        assert "1 failed" in window.run_bar.label.text()
        window.run_bar.resume_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=20, what="the resumed run")
        assert len(generation_requests(server)) == 3
        assert settled <= 3
        # Retry failed: the refused repeat is sent again and replaces the failure.
        assert window.run_bar.retry_button.isEnabled()
        window.run_bar.retry_button.click()
        await wait_until(
            lambda: (
                window.run_bar.state == RunState.DONE
                and all(r.status == CellStatus.DONE for r in window._cells.values())
            ),
            timeout=20,
            what="the retried repeat",
        )
        assert len(generation_requests(server)) == 4
        assert window.model.data(window.model.index(0, 0), STATUS_ROLE) == CellStatus.DONE
        assert "3 done · 0 failed · 0 remaining" in window.run_bar.label.text()
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def test_import_from_csv_names_the_problem_and_reads_gbk(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        window.editor.name.setText("Cities")
        window.editor.template.setPlainText("Describe {{city}} in {{style}}.")
        files: list[Path] = []
        window.choose_import = lambda _parent: files[-1]

        async def import_file(name: str, data: bytes) -> None:
            files.append(tmp_path / name)
            files[-1].write_bytes(data)
            window.show_message("")
            await window.import_cases()

        await import_file("missing.csv", b"name,city\nfirst,Paris\n")
        assert window.message.text() == (
            "missing.csv has no column “style”, which the template names as {{style}}. Nothing was imported."
        )
        await import_file("ragged.csv", b"name,city,style\nfirst,Paris,prose\nsecond,Rome\n")
        assert (
            window.message.text()
            == "ragged.csv, row 3: 2 cells where the header has 3. Nothing was imported."
        )
        big = "x" * 10_000_000
        await import_file("big.csv", f"name,city,style\nfirst,{big},prose\n".encode())
        assert window.message.text().startswith("big.csv, row 2, column “city”: the cell is 10.0 MB")
        assert window.editor.table.rowCount() == 0  # nothing half-imported
        await import_file("gbk.csv", "name,city,style\n第一,北京,诗歌\n".encode("gbk"))
        assert window.message.text() == (
            "Imported 1 case(s) from gbk.csv. The file was read as GBK (Chinese) text."
        )
        assert window.editor.cases()[0].variables == {"city": "北京", "style": "诗歌"}
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_the_turn_menu_offers_add_to_test_set_on_prompts_only(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    from PySide6.QtWidgets import QMenu

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        server.enqueue(Reply([Text("An answer")]))
        app.type_and_send(qtbot, "A question")
        await wait_until(lambda: "An answer" in app.transcript_text(), what="the reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        prompt, reply = await app.path()

        def menu_for(message_id: int) -> QMenu:
            menu = QMenu(app.window)
            app.window.transcript.turnMenuRequested.emit(message_id, menu)
            return menu

        assert "Add to test set…" not in [action.text() for action in menu_for(reply.id).actions()]
        [action] = [a for a in menu_for(prompt.id).actions() if a.text() == "Add to test set…"]
        action.trigger()
        feature = app.app.grid
        await wait_until(lambda: feature.add_dialog is not None, what="the dialog")
        assert feature.add_dialog.case_name.text() == "A question"
        feature.add_dialog.reject()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_cancel_stops_the_run_and_keeps_what_finished(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    slow = Pace(chunk_chars=4, delta_interval=0.05)

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        fill(window, app, cases=1, temperatures=[0.0], repeats=4)
        window.concurrency.setValue(1)
        window.confirm_above.setValue(1000)
        server.enqueue(*[Reply([Text(REPLY_TEXT)], usage=Usage(20, OUTPUT_TOKENS), pace=slow)] * 4)
        window.run_button.click()
        await wait_until(lambda: len(window._cells) >= 1, timeout=15, what="a first repeat")
        window.run_bar.cancel_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.CANCELLED, timeout=15, what="the cancel")
        sent = len(generation_requests(server))
        kept = len(window._cells)
        assert 1 <= kept < 4
        buttons = window.run_bar
        assert not any(
            b.isEnabled() for b in (buttons.pause_button, buttons.resume_button, buttons.cancel_button)
        )
        await wait_until(lambda: "cancelled" in window.runs.currentText(), what="the run listed as cancelled")
        assert len(generation_requests(server)) == sent  # nothing more goes out
        run_id = window.run.id
        assert (await app.app.services.grids.run(run_id)).state == RunState.CANCELLED
        assert len((await app.app.services.grids.run(run_id)).cells) == kept
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)

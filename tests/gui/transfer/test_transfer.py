"""File menu: export a conversation in every format, import it into a fresh app, restore from a backup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from core.model.request_settings import RequestSettings
from core.store.backup import daily_backup
from core.store.repository import Store
from core.transcripts.importers.base import SkippedItem, SkipReason
from gui.transfer.menu import TransferMenu
from gui.transfer.words import TransferWords
from tests.core.store_helpers import damage_a_conversation, text
from tests.core.transfer_helpers import PNG_BASE64, THINKING_TEXT, rich_conversation
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running, start
from tests.paths import FIXTURES


class ScriptedDialogs:
    """Answers the file dialogs as a user would, with paths the test chose."""

    def __init__(self) -> None:
        self.save: tuple[Path, int] | None = None
        self.open: Path | None = None
        self.folder_path: Path | None = None
        self.pick = 0

    def save_path(
        self, parent: QWidget, title: str, suggested: Path, filters: list[str]
    ) -> tuple[Path, int] | None:
        return self.save

    def open_path(self, parent: QWidget, title: str, filters: list[str]) -> Path | None:
        return self.open

    def folder(self, parent: QWidget, title: str) -> Path | None:
        return self.folder_path

    def choose(
        self, parent: QWidget, title: str, label: str, items: list[str], chosen: Callable[[int], None]
    ) -> None:
        chosen(self.pick)


def _menu_action(app: Running, text: str) -> QAction:
    (action,) = [action for action in app.window.file_menu.actions() if action.text() == text]
    return action


def _transfer(app: Running) -> TransferMenu:
    transfer = app.app.transfer
    transfer.dialogs = dialogs = ScriptedDialogs()
    assert isinstance(transfer.dialogs, ScriptedDialogs) and dialogs is transfer.dialogs
    return transfer


async def _export(app: Running, transfer: TransferMenu, path: Path, filter_index: int) -> bytes:
    """Export to `path`, answering the dialog with `path` without its extension when the filter decides."""
    assert isinstance(transfer.dialogs, ScriptedDialogs)
    transfer.dialogs.save = (path.with_suffix("") if path.stem == "noext" else path, filter_index)
    _menu_action(app, "Export conversation…").trigger()
    await wait_until(lambda: f"Exported to {path}" in app.window.composer.notice.text(), what=f"{path.name}")
    return path.read_bytes()


def test_export_in_every_format_then_import_into_a_fresh_app(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    out = tmp_path / "exports"
    out.mkdir()

    async def first_app() -> None:
        app = await start(qapp, tmp_path / "first", server)
        transfer = _transfer(app)
        server.enqueue(Reply([Text("Here is code:\n\n```python\nprint(42)\n```")]))
        app.type_and_send(qtbot, "Sent through the window")
        await wait_until(lambda: "print" in app.transcript_text(), what="the reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        rich = await app.app.store.call(lambda s: rich_conversation(s))
        app.window.open_conversation(rich)
        await wait_until(lambda: "It is 21" in app.transcript_text(), what="the rich conversation")

        for name, index in (("chat.md", 0), ("chat.json", 1), ("chat.html", 2), ("chat.pdf", 3)):
            data = await _export(app, transfer, out / name, index)
            assert KEY.encode() not in data
        assert THINKING_TEXT in (out / "chat.md").read_text(encoding="utf-8")
        assert (out / "chat_assets" / "image-1.png").exists()
        assert f"data:image/png;base64,{PNG_BASE64}" in (out / "chat.html").read_text(encoding="utf-8")
        pdf = (out / "chat.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and b"/Subtype /Image" in pdf  # the picture made it onto the page
        # The chosen filter decides when the name has no extension.
        assert (await _export(app, transfer, out / "noext.json", 1)).startswith(b"{")

        transfer.include_thinking_action.setChecked(False)
        await _export(app, transfer, out / "plain.md", 0)
        assert THINKING_TEXT not in (out / "plain.md").read_text(encoding="utf-8")

        assert isinstance(transfer.dialogs, ScriptedDialogs)
        transfer.dialogs.save = (out / "all.json", 0)
        _menu_action(app, "Export all as JSON…").trigger()
        await wait_until(
            lambda: "Exported 2 conversation(s)" in app.window.composer.notice.text(), what="all"
        )
        transfer.dialogs.folder_path = out / "markdown"
        _menu_action(app, "Export all as Markdown…").trigger()
        await wait_until(lambda: len(list((out / "markdown").glob("*.md"))) == 2, what="the Markdown folder")
        assert await app.quit() == 0

    async def second_app() -> None:
        app = await start(qapp, tmp_path / "second", server)
        transfer = _transfer(app)
        assert isinstance(transfer.dialogs, ScriptedDialogs)
        transfer.dialogs.open = out / "all.json"
        _menu_action(app, "Import…").trigger()
        await wait_until(lambda: transfer.message_box is not None, what="the import report")
        assert transfer.message_box is not None
        assert transfer.message_box.text().startswith("Imported 2 conversation(s).")
        await wait_until(lambda: "It is 21" in app.transcript_text(), what="the imported conversation shown")
        summaries = await app.app.store.call(lambda s: s.list_conversations())
        titles = [summary.title for summary in summaries]
        assert "Everything at once" in titles and "Sent through the window" in titles

        box = transfer.message_box
        _menu_action(app, "Import…").trigger()
        await wait_until(lambda: transfer.message_box is not box, what="the second report")
        assert "2 conversation(s) already here" in transfer.message_box.text()

        transfer.dialogs.open = out / "chat.md"
        _menu_action(app, "Import…").trigger()
        await wait_until(lambda: "Nothing was imported" in transfer.message_box.text(), what="the error")
        assert "not valid JSON" in transfer.message_box.text()
        await app.quit()

    run(qloop, first_app(), timeout=60)
    run(qloop, second_app(), timeout=60)


def test_the_daily_backup_is_made_at_start_and_restore_merges_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    lost = rich_conversation(store, "Deleted after the backup")
    # The newest, so the window opens it (not the one deleted); other content, so not a duplicate of it.
    shown = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), "Relay", "Shown at start")
    store.add_message(shown.id, None, "user", text("Something else"))
    store.close()

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        backups = tmp_path / "backups"
        await wait_until(lambda: len(list(backups.glob("triptych-*.sqlite3"))) == 1, what="the daily backup")
        await app.app.store.call(lambda s: (s.delete_conversation(lost), s.purge_deleted(0)))
        transfer = _transfer(app)
        _menu_action(app, "Restore from backup…").trigger()
        await wait_until(lambda: transfer.message_box is not None, what="the restore report")
        assert transfer.message_box is not None
        assert transfer.message_box.text().startswith("Imported 1 conversation(s).")
        assert "Deleted after the backup" in transfer.message_box.text()
        summaries = await app.app.store.call(lambda s: s.list_conversations())
        assert "Deleted after the backup" in [summary.title for summary in summaries]
        await app.quit()

    run(qloop, body(), timeout=60)


def test_in_chinese_the_transcript_labels_and_the_skip_reasons_are_chinese(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer, chinese: None
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        transfer = _transfer(app)
        assert isinstance(transfer.dialogs, ScriptedDialogs)
        rich = await app.app.store.call(lambda s: rich_conversation(s))
        app.window.open_conversation(rich)
        await wait_until(lambda: "It is 21" in app.transcript_text(), what="the rich conversation")
        path = tmp_path / "chat.md"
        transfer.dialogs.save = (path, 0)
        transfer.export_current()
        await wait_until(lambda: str(path) in app.window.composer.notice.text(), what="the export")
        markdown = path.read_text(encoding="utf-8")
        assert "- **模型:** claude-opus-4-1" in markdown and "<summary>思考</summary>" in markdown
        assert "## 用户 · " in markdown and "## 助手 · " in markdown
        assert "**工具 `get_weather`（服务器 `weather`）** · 完成，用时 0.3 秒" in markdown
        assert "**Tool" not in markdown and "## User" not in markdown

        transfer.dialogs.open = FIXTURES / "claude_ai_conversations.json"
        transfer.import_file()
        await wait_until(lambda: transfer.message_box is not None, what="the import report")
        assert transfer.message_box is not None
        report = transfer.message_box.text()
        assert report.startswith("已导入 2 个对话。")
        assert "“Packing list for Kyoto”第 2 条消息：来自 Claude.ai 的思考没有 API 认可的签名" in report
        await app.quit()

    run(qloop, body(), timeout=60)


def test_every_skip_reason_has_words_with_its_place_and_detail(qapp: QApplication) -> None:
    words = TransferWords()
    for reason in SkipReason:
        assert words.skipped(SkippedItem(reason, "Trip", 4, "system", 2)).startswith("“Trip”, message 4: ")
    repaired = SkippedItem(SkipReason.REPAIRED_CHARACTERS, count=1)
    assert (
        words.skipped(repaired)
        == "the file: 1 broken character(s) (half of a UTF-16 pair) replaced by U+FFFD"
    )
    assert (
        words.skipped(SkippedItem(SkipReason.OTHER_ROLE, "", 2, "tool"))
        == "“(untitled)”, message 2: a tool message"
    )


def test_a_damaged_database_is_not_backed_up_the_user_is_told_and_restore_is_offered(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    rich_conversation(store, "Good")
    backups = tmp_path / "backups"
    for days_ago in range(7, 0, -1):
        daily_backup(store.path, backups, date.today() - timedelta(days=days_ago))
    good = {path: path.read_bytes() for path in backups.iterdir()}
    damage_a_conversation(store, "Damaged")
    # The newest, so the window opens it (not the damaged one).
    shown = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), "Relay", "Shown at start")
    store.add_message(shown.id, None, "user", text("Something else"))
    store.close()

    offered: list[str] = []

    class Chooser(ScriptedDialogs):
        def choose(self, parent, title, label, items, chosen) -> None:  # type: ignore[no-untyped-def]
            offered.extend(items)

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        transfer = _transfer(app)
        transfer.dialogs = Chooser()
        await wait_until(lambda: transfer.message_box is not None, what="the warning")
        assert transfer.message_box is not None
        said = transfer.message_box.text()
        assert "The database is damaged, so today's backup was not made" in said
        assert "Every earlier backup (7) was kept" in said
        assert {path: path.read_bytes() for path in backups.iterdir()} == good, "every good backup stays"
        (restore,) = [b for b in transfer.message_box.buttons() if b.text() == "Restore from backup…"]
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(offered) == 7, what="the backups offered")
        assert offered[0].startswith((date.today() - timedelta(days=1)).isoformat())
        await app.quit()

    run(qloop, body(), timeout=60)


def test_export_all_as_markdown_reports_the_file_it_could_not_write_and_writes_the_rest(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    store = Store.open(tmp_path / "triptych.sqlite3")
    titles = ["🦊🌍🎉" * 27, "Blocked", *(f"Note {number}" for number in range(20))]
    for title in titles:
        conversation = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), "Relay", title)
        store.add_message(conversation.id, None, "user", text(f"About {title}"))
    store.close()
    out = tmp_path / "markdown"
    (out / "Blocked.md").mkdir(parents=True)  # a folder of that name: no file can take its place

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        transfer = _transfer(app)
        assert isinstance(transfer.dialogs, ScriptedDialogs)
        transfer.dialogs.folder_path = out
        _menu_action(app, "Export all as Markdown…").trigger()
        await wait_until(lambda: transfer.message_box is not None, what="the report")
        assert transfer.message_box is not None
        said = transfer.message_box.text()
        assert said.startswith(
            f"Exported 21 conversation(s) to {out}.\n1 could not be written:\n• Blocked (Blocked.md): "
        )
        assert len(list(out.glob("*.md"))) == 22  # 21 files and the folder in the way
        assert [path for path in out.glob("🦊*.md") if path.is_file()], (
            "the title of emoji, named within the limit"
        )
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_export_all_as_json_carries_the_evaluation_grids_into_a_fresh_app(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
    from core.model.judging import (
        JudgeKind,
        JudgeTemplate,
        Outcome,
        VariantIdentity,
        Vote,
        VoteSource,
        VoteSourceKind,
    )

    path = tmp_path / "all.json"
    trips = TestSet(None, "Trips", "Plan a day in {{city}}.", (TestCase("Kyoto", {"city": "Kyoto"}),))
    variant = GridVariant("Demo", RequestSettings(model="claude-sonnet-4-6"))
    cell = CellResult(
        CellKey(0, 0, 0), CellStatus.DONE, ({"type": "text", "text": "Temples."},), finished_at=1.0
    )

    async def first_app() -> None:
        app = await start(qapp, tmp_path / "first", server)
        transfer = _transfer(app)

        def keep(store: Store) -> None:
            haiku = GridVariant("Demo", RequestSettings(model="claude-haiku-4-5"))
            run = store.create_grid_run(GridRun(None, "Kyoto run", trips, (variant, haiku)))
            assert run.id is not None
            store.save_grid_cell(run.id, cell)
            contestants = (VariantIdentity("a", "Sonnet"), VariantIdentity("b", "Haiku"))
            source = VoteSource(VoteSourceKind.GRID, run.id, 0)
            store.save_vote(Vote(None, source, contestants, (0, 1), Outcome.WIN, winner=1, tags=("travel",)))
            store.save_judge_template(
                JudgeTemplate(None, "Strict grader", JudgeKind.RUBRIC, "Grade {{reply}}")
            )

        await app.app.store.call(keep)
        assert isinstance(transfer.dialogs, ScriptedDialogs)
        transfer.dialogs.save = (path, 0)
        _menu_action(app, "Export all as JSON…").trigger()
        await wait_until(lambda: "Exported" in app.window.composer.notice.text(), what="the export")
        assert await app.quit() == 0

    async def second_app() -> None:
        app = await start(qapp, tmp_path / "second", server)
        transfer = _transfer(app)
        assert isinstance(transfer.dialogs, ScriptedDialogs)
        transfer.dialogs.open = path
        assert app.app.leaderboard is not None
        board = app.app.leaderboard.open()
        await wait_until(lambda: "No votes yet" in board.summary.text(), timeout=15, what="no votes")
        _menu_action(app, "Import…").trigger()
        await wait_until(lambda: transfer.message_box is not None, what="the import report")
        # The open leaderboard follows the votes imported.
        await wait_until(lambda: board.table.rowCount() == 2, timeout=15, what="the imported votes rated")
        assert transfer.message_box is not None
        report = transfer.message_box.text()
        assert "Imported 1 test set(s) for evaluation grids.\n• Trips" in report
        assert "Imported 1 grid run(s).\n• Kyoto run" in report
        assert "Imported 1 blind vote(s)." in report
        assert "Imported 1 judge template(s):\n• Strict grader" in report
        [summary] = await app.app.store.call(lambda s: s.list_grid_runs())
        [vote] = await app.app.store.call(lambda s: s.list_votes())
        assert (vote.source.run_id, vote.winner, vote.tags) == (summary.id, 1, ("travel",))
        copy = await app.app.store.call(lambda s: s.get_grid_run(summary.id))
        assert copy.cells == {cell.key: cell} and copy.test_set.cases == trips.cases
        assert await app.quit() == 0

    run(qloop, first_app())
    run(qloop, second_app())

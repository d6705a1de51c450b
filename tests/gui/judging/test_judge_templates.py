"""Judge templates, through the grid window's Judge → Judge templates… against the real store: the built-ins
listed first (kept, not deletable), a new rubric made from the built-in prompt, edited, saved and offered to
the judge dialog, bad input said plainly with nothing saved, a template deleted."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from core.demo import FakeServer
from core.model.judging import JudgeKind
from gui.judging.judge_templates_dialog import JudgeTemplatesDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start
from tests.gui.grid.test_grid_window import open_grid
from tests.gui.judging.test_judge_pass import open_judge, run_grid


def names(dialog: JudgeTemplatesDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def test_templates_are_listed_edited_saved_and_deleted(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        assert window.judge is not None
        # No run yet: Judge… says so instead of opening.
        window.judge.judge_action.trigger()
        await wait_until(
            lambda: window.message.text() == "Run the grid first: there is nothing to judge yet.",
            timeout=15,
            what="the reason",
        )
        assert window.judge.dialog is None
        window.judge.templates_action.trigger()
        await wait_until(
            lambda: (
                window.judge is not None
                and window.judge.templates_dialog is not None
                and window.judge.templates_dialog.list.count() > 0
            ),
            timeout=15,
            what="the templates",
        )
        dialog = window.judge.templates_dialog
        assert dialog is not None
        assert names(dialog) == [
            "Rubric: correctness, helpfulness, clarity (rubric)",
            "Pairwise: which reply is better (pairwise)",
        ]
        # A built-in: its criteria and prompt shown, its placeholders explained, not deletable.
        assert dialog.criteria.rowCount() == 3 and dialog.criteria.item(0, 0).text() == "correctness"
        assert "{{reply}}" in dialog.prompt.toPlainText()
        assert "{{criteria}} the criteria with the 1–5 scale" in dialog.placeholders.text()
        assert not dialog.delete_button.isEnabled()
        dialog.list.setCurrentRow(1)
        assert dialog.kind.currentData() == JudgeKind.PAIRWISE and not dialog.criteria.isVisible()
        assert "{{reply_a}} and {{reply_b}}" in dialog.placeholders.text()

        # A new rubric from the built-in prompt, with a criterion of its own.
        dialog.new_button.click()
        assert dialog.kind.currentData() == JudgeKind.RUBRIC and "{{reply}}" in dialog.prompt.toPlainText()
        dialog.name.setText("Chinese answers")
        dialog.model.setCurrentText("claude-haiku-4-5")
        dialog.criteria.setRowCount(0)
        dialog.add_criterion_button.click()
        dialog.criteria.item(0, 0).setText("fluency")
        dialog.criteria.item(0, 1).setText("Reads as a native speaker writes")

        # Bad input is said plainly and nothing is saved: a prompt that never shows the reply.
        built_in_prompt = dialog.prompt.toPlainText()
        dialog.prompt.setPlainText("Grade it.")
        assert await dialog.save_template() is None
        assert dialog.problem.text() == "The prompt never shows the judge the reply: add {{reply}}."
        assert len(await app.app.services.judging.judge_templates()) == 2
        dialog.prompt.setPlainText(built_in_prompt)
        saved = await dialog.save_template()
        assert saved is not None and saved.id is not None and saved.id > 0
        assert not dialog.problem.isVisible()
        assert "Chinese answers (rubric)" in names(dialog)
        assert dialog.current() is not None and dialog.current().name == "Chinese answers"
        stored = [t for t in await app.app.services.judging.judge_templates() if t.name == "Chinese answers"]
        assert [c.name for c in stored[0].criteria] == ["fluency"]
        assert stored[0].criteria[0].description == "Reads as a native speaker writes"
        assert stored[0].model == "claude-haiku-4-5"

        # Deleted: gone from the list and the store.
        assert dialog.delete_button.isEnabled()
        await dialog.delete_template()
        assert "Chinese answers (rubric)" not in names(dialog)
        assert len(await app.app.services.judging.judge_templates()) == 2
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_a_template_saved_is_offered_in_the_open_judge_dialog(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await run_grid(app, server, columns=2)
        judge = await open_judge(window)
        assert judge.template.count() == 2
        judge.templates_button.click()
        assert window.judge is not None
        await wait_until(
            lambda: (
                window.judge is not None
                and window.judge.templates_dialog is not None
                and window.judge.templates_dialog.list.count() == 2
            ),
            timeout=15,
            what="the templates",
        )
        dialog = window.judge.templates_dialog
        assert dialog is not None
        dialog.new_button.click()
        dialog.name.setText("Strict")
        assert await dialog.save_template() is not None, dialog.problem.text()
        assert judge.template.count() == 3
        assert "Strict (rubric)" in [judge.template.itemText(i) for i in range(judge.template.count())]
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)

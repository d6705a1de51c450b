"""The provider check from the providers dialog, through the real window against the fake server: the cost
shown first, a row per check, the history kept, a change flagged, the panel warning, the Markdown export."""

from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from core.demo import FakeServer, Reply, Text, Thinking, ToolUse
from core.doctor.wording import CHECK_TITLES, WORDS
from core.model.provider_check import Check, Finding, Reason, Verdict
from core.model.request_settings import RequestSettings, ThinkingSettings
from gui.providers.dialog import ProvidersDialog
from gui.providers.doctor_dialog import DoctorDialog
from gui.providers.doctor_words import check_titles, describe, reason_words
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start

CHECKS = 13
LOOKUP = {"name": "lookup", "input_schema": {"type": "object", "properties": {}}}


def marks(dialog: DoctorDialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(row, 1).text(): table.item(row, 0).text() for row in range(table.rowCount())}


def test_a_provider_check_is_shown_saved_compared_and_warned_of(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        app.window.providers_button.click()
        await wait_until(lambda: app.window.findChild(ProvidersDialog) is not None, what="the providers")
        providers = app.window.findChild(ProvidersDialog)
        providers.check_button.click()
        await wait_until(lambda: providers.findChild(DoctorDialog) is not None, what="the check window")
        doctor = providers.findChild(DoctorDialog)
        assert "at most $" in doctor.preview.text(), "the cost is shown before anything is sent"
        assert not [r for r in server.requests if r.path == "/v1/messages"], "nothing sent before Run"

        doctor.run_button.click()
        await wait_until(lambda: "Checked" in doctor.status.text(), timeout=30, what="the first check")
        assert doctor.table.rowCount() == CHECKS
        assert set(marks(doctor).values()) == {"✓"}, [doctor.table.item(r, 2).text() for r in range(CHECKS)]
        assert not doctor.changes.isVisible()

        # The relay starts stripping signatures: the order of the battery is models, streamed text, whole
        # text, the longest output, then thinking with a tool.
        server.enqueue(
            Reply([Text("ready")]),
            Reply([Text("ready")]),
            Reply([Text("ready")]),
            Reply([Thinking("Let me look it up.", signature=""), ToolUse("lookup", {"word": "triptych"})]),
        )
        doctor.run_button.click()
        await wait_until(lambda: doctor.earlier.count() == 2, timeout=30, what="the second check saved")
        assert marks(doctor)["Thinking signatures"] == "✗"
        assert doctor.changes.isVisible()
        assert "Thinking signatures: ✓" in doctor.changes.text() and "→ ✗" in doctor.changes.text()

        # The panel warns, for this provider, once the settings meet the loss.
        thinking = RequestSettings(
            model="claude-sonnet-4-5", thinking=ThinkingSettings("enabled", 1024), tools=[LOOKUP]
        )
        app.window.parameters.set_settings(thinking)
        await wait_until(lambda: app.window.parameters.provider_warnings.isVisible(), what="the warning")
        assert "thinking signatures" in app.window.parameters.provider_warnings.text()
        # So do the compare window's column headers.
        await app.window.persist_settings()
        app.window.compareRequested.emit()
        await wait_until(lambda: app.app.compare_view is not None, what="the compare window")
        compare = app.app.compare_view
        assert all("thinking signatures" in column.header.text() for column in compare.columns)
        compare.close()
        app.window.parameters.set_settings(RequestSettings(model="claude-sonnet-4-5"))
        assert not app.window.parameters.provider_warnings.isVisible(), "no thinking, no tools: no warning"

        exported = tmp_path / "check.md"
        await doctor.export_to(exported)
        text = exported.read_text(encoding="utf-8")
        assert "| ✗ | Thinking signatures |" in text and "Thinking signatures** ✓ → ✗" in text
        doctor.close()
        await app.quit()

    run(qloop, body(), timeout=90)


def test_every_check_and_reason_has_words_in_both_tables(qapp: QApplication) -> None:
    assert set(WORDS) == set(Reason) == set(reason_words())
    assert set(CHECK_TITLES) == set(Check) == set(check_titles())
    for reason in Reason:
        finding = Finding(Check.MODELS, Verdict.OK, reason)
        assert "{" not in describe(finding).meaning, "every named fact is filled in (or shown as ?)"

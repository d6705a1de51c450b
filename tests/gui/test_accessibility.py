"""Every interactive control of every window and dialog has an accessible name and a description, as a
screen reader gets them.

The names are read through Qt's own accessibility interface (`QAccessible.queryAccessibleInterface`), the
one a screen reader is given, so what counts is what Qt computes: an explicit accessibleName, else a
button's visible text (mnemonic removed), else the text of a QLabel whose buddy the control is (a
QFormLayout row's label), else a QGroupBox's title. So a button reading "Send" is named; an icon-only button,
a line edit known only by its placeholder, or a slider beside a label that is not its buddy, is not. The
description is the accessibleDescription, else the tooltip (Qt's fallback too). A dialog's standard
OK / Cancel / Close buttons need no description; every other control needs one.

"Interactive": buttons (push, tool, check, radio), line edits, text edits (the read-only transcript too),
combo boxes, spin boxes, item views (lists, tables, trees), sliders. Left out, as parts of a control that is
itself checked: the line edit and list inside a combo box or a spin box, a line edit's clear button, a tab
bar's scroll arrows, an item view's headers and corner button, scroll bars, and Qt's own inner widgets
(named qt_…, such as the menu bar's overflow arrow). Qt's own file dialogs and
message boxes are Qt's, and are not walked.

Opened here: the main window (with a conversation that has a reply and a tool call), the compare window and
its column-settings dialog, saved comparisons, word differences, alternatives, providers, search, edit
message, tool results, raw request/response, whole text, import progress, keyboard shortcuts and About.
Every text box that takes typing also lets Tab leave it (setTabChangesFocus).
"""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text, ToolUse
from core.model.compare_run import Alternative, CompareColumn, CompareRun
from core.model.conversation import StoredMessage
from core.model.request_settings import RequestSettings
from core.transcripts.importers.progress import ImportProgress
from gui.chat.edit_message_dialog import EditMessageDialog
from gui.chat.tool_results import ToolResultsDialog
from gui.compare.alternatives_dialog import AlternativesDialog
from gui.compare.column import ColumnSettingsDialog
from gui.compare.saved_runs import CompareRunsDialog
from gui.compare.word_diff_dialog import WordDiffDialog
from gui.transcript.full_text import FullTextDialog
from gui.transfer.import_progress import ImportProgressDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)
PARTS_OF = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractItemView, QScrollBar)
"""A control inside one of these is a part of it (see the module's docstring)."""


def controls(root: QWidget) -> list[QWidget]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QScrollBar, QHeaderView)):
            continue
        if _is_part(widget, root) or not _in_tree(widget, root) or widget.objectName().startswith("qt_"):
            continue
        found.append(widget)
    return found


def _in_tree(widget: QWidget, root: QWidget) -> bool:
    """In `root`'s own window: a dialog or child window parented to it is walked on its own."""
    return widget.window() is root.window()


def _is_part(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root.window():
        if isinstance(parent, PARTS_OF):
            return True
        parent = parent.parentWidget()
    return False


def _is_standard_button(widget: QWidget) -> bool:
    box = widget.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(widget, QAbstractButton)
        and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    )


def problems(root: QWidget, where: str) -> list[str]:
    """Each control of `root`'s window without a name or a description, described so it can be found."""
    found = []
    for widget in controls(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None, f"{where}: no accessibility interface for {widget!r}"
        name = interface.text(QAccessible.Text.Name).strip()
        description = interface.text(QAccessible.Text.Description).strip()
        missing = [what for what, text in (("name", name), ("description", description)) if not text]
        if missing == ["description"] and _is_standard_button(widget):
            missing = []
        if missing:
            found.append(f"{where}: {_describe(widget)} has no {' and no '.join(missing)}")
    return found


def untabbable(root: QWidget, where: str) -> list[str]:
    """Text boxes that take typing but keep Tab (a keyboard user could not leave them)."""
    found = []
    for widget in controls(root):
        editable = isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()
        if editable and not widget.tabChangesFocus():
            found.append(f"{where}: {_describe(widget)} keeps Tab")
    return found


def _describe(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 4:
        label = type(current).__name__
        if current.objectName():
            label += f"#{current.objectName()}"
        chain.append(label)
        current = current.parentWidget()
    extra = ""
    if isinstance(widget, QAbstractButton) and widget.text():
        extra = f" text={widget.text()!r}"
    elif isinstance(widget, QAbstractButton) and widget.toolTip():
        extra = f" tooltip={widget.toolTip()!r}"
    return " < ".join(chain) + extra


def check(root: QWidget, where: str, found: list[str]) -> None:
    assert controls(root), f"{where}: nothing was walked"
    found += problems(root, where) + untabbable(root, where)


def message(message_id: int, role: str, *content: dict[str, object]) -> StoredMessage:
    return StoredMessage(message_id, 1, message_id - 1 or None, role, list(content))


async def with_a_reply(app: Running, qtbot: QtBot) -> StoredMessage:
    app.server.enqueue(Reply([Text("Paris, **of course**."), ToolUse("get_time", {"city": "Paris"})]))
    app.type_and_send(qtbot, "Capital of France?")
    await wait_until(lambda: "of course" in app.transcript_text(), what="the reply")
    await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
    return (await app.path())[-1]


def test_every_control_of_every_window_and_dialog_has_a_name_and_a_description(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = app.window
        found: list[str] = []
        reply = await with_a_reply(app, qtbot)
        check(window, "main window", found)

        await app.app.open_compare()
        compare = app.app.compare_view
        assert compare is not None
        check(compare, "compare window", found)
        settings = RequestSettings(model="claude-sonnet-4-6")
        chosen, other = CompareColumn(0, "Relay", settings), CompareColumn(1, "Relay", settings)
        dialogs: list[tuple[str, QDialog]] = [
            ("column settings", ColumnSettingsDialog("Relay", settings, ["Relay"], compare)),
            (
                "word differences",
                WordDiffDialog([("Column 1", "a b c"), ("Column 2", "a c d")], parent=compare),
            ),
            ("saved comparisons", CompareRunsDialog([], window)),
            (
                "alternatives",
                AlternativesDialog(
                    CompareRun(1, 1, None, ["Hi"], [chosen, other]),
                    chosen,
                    [(Alternative(other, reply.id, None), reply)],
                    window,
                ),
            ),
            ("edit message", EditMessageDialog(message(1, "user", {"type": "text", "text": "Hi"}), window)),
            ("tool results", ToolResultsDialog(reply, window)),
            ("whole text", FullTextDialog(reply, window)),
        ]
        for where, dialog in dialogs:
            dialog.show()
            check(dialog, where, found)
            dialog.close()
            dialog.deleteLater()  # gone with this test, not left to a later one
        progress = ImportProgressDialog(ImportProgress(), "export.json", window)
        progress.dialog.show()
        check(progress.dialog, "import progress", found)
        progress.finish()  # its refresh timer stops

        await window.request_code.show_raw(reply.id)
        assert window.request_code.dialog is not None
        check(window.request_code.dialog, "raw request/response", found)
        window.request_code.dialog.close()

        app.app.providers.open_dialog()
        await wait_until(lambda: app.app.providers.dialog is not None, what="the providers dialog")
        check(app.app.providers.dialog, "providers", found)
        app.app.providers.dialog.check_button.click()
        await wait_until(lambda: app.app.providers.doctor is not None, what="the provider check window")
        check(app.app.providers.doctor, "provider check", found)
        app.app.providers.doctor.close()
        app.app.providers.dialog.close()

        window.search.action.trigger()
        await wait_until(lambda: window.search.dialog is not None, what="the search dialog")
        check(window.search.dialog, "search", found)
        window.search.dialog.close()

        app.app.help.shortcuts_action.trigger()
        check(app.app.help.shortcuts_dialog, "keyboard shortcuts", found)
        app.app.help.shortcuts_dialog.close()
        app.app.help.about_action.trigger()
        await app.app.help.about_dialog.loaded
        check(app.app.help.about_dialog, "about", found)
        app.app.help.about_dialog.close()

        compare.close()
        assert found == [], "\n" + "\n".join(found)
        await app.quit()

    run(qloop, body(), timeout=60)


def test_the_walk_finds_an_unnamed_control(qtbot: QtBot) -> None:
    """The test above would see a control without a name: an icon-only button and a bare line edit."""
    from PySide6.QtWidgets import QToolButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    icon_only, bare = QToolButton(root), QLineEdit(root)
    bare.setPlaceholderText("a placeholder is not a name")
    layout.addWidget(icon_only)
    layout.addWidget(bare)
    found = problems(root, "probe")
    assert len(found) == 2 and all("has no name" in line for line in found), found
    icon_only.setAccessibleName("Attach")
    icon_only.setToolTip("Attach files")
    assert len(problems(root, "probe")) == 1

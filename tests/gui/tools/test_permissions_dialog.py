"""Tools -> Permissions: the remembered approvals listed as a user reads them, each revocable, and the
per-reply limit of tool calls."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.tools import ApprovalRule, Decision
from gui.tools.permissions_dialog import PermissionsDialog

ALWAYS_READ = ApprovalRule("files", "read_file", Decision.ALLOW, None, 1_700_000_000.0)
DENY_GIT = ApprovalRule("git", None, Decision.DENY, 7, 1_700_000_100.0)


def rows(dialog: PermissionsDialog) -> list[list[str]]:
    tree = dialog.rule_tree
    return [
        [item.text(column) for column in range(4)]
        for item in (tree.topLevelItem(index) for index in range(tree.topLevelItemCount()))
        if item is not None
    ]


def test_rules_are_listed_in_words_and_revoked_one_by_one(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = PermissionsDialog([ALWAYS_READ, DENY_GIT], 20, {7: "Release notes"})
    qtbot.addWidget(dialog)
    assert rows(dialog) == [
        ["files", "read_file", "Allow", "Every conversation"],
        ["git", "All its tools", "Deny", "Conversation: Release notes"],
    ]
    assert not dialog.revoke_button.isEnabled()
    dialog.rule_tree.setCurrentItem(dialog.rule_tree.topLevelItem(1))
    with qtbot.waitSignal(dialog.ruleRevoked, timeout=1000) as signal:
        dialog.revoke_button.click()
    assert signal.args == [DENY_GIT]
    assert rows(dialog) == [["files", "read_file", "Allow", "Every conversation"]]
    dialog.rule_tree.setCurrentItem(dialog.rule_tree.topLevelItem(0))
    dialog.revoke_button.click()
    assert dialog.rules() == []
    assert dialog.empty.isVisibleTo(dialog) and not dialog.rule_tree.isVisibleTo(dialog)


def test_the_tool_call_limit_is_shown_and_changed(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = PermissionsDialog([], 20, {})
    qtbot.addWidget(dialog)
    assert dialog.limit.value() == 20
    assert dialog.empty.text() == "No remembered approvals yet."
    with qtbot.waitSignal(dialog.limitChanged, timeout=1000) as signal:
        dialog.limit.setValue(5)
    assert signal.args == [5]

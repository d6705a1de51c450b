"""Tools -> Permissions…: every remembered approval in one place, each revocable, and the number of tool
calls one reply may make before the loop stops and hands back to the user.

A revoked rule is gone at once (the next call asks again, or follows the tool's default); the limit applies
from the next send.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.tools import ApprovalRule
from gui.tools.words import decision_text
from gui.widgets.dates import date_time_text

DEFAULT_TOOL_LIMIT = 20
MAX_TOOL_LIMIT = 500


class PermissionsDialog(QDialog):
    """Signals:
    ruleRevoked(object): the user revoked this `ApprovalRule`.
    limitChanged(int): the user set the number of tool calls one reply may make.
    """

    ruleRevoked = Signal(object)
    limitChanged = Signal(int)

    def __init__(
        self,
        rules: Sequence[ApprovalRule],
        limit: int,
        conversation_titles: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        """`conversation_titles`: the titles of the conversations rules are kept for."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tool permissions"))
        self._titles = dict(conversation_titles)
        self.intro = QLabel(
            self.tr(
                "What you chose to remember when a tool asked. Revoke a rule and that tool asks again "
                "(read-only tools of trusted servers run without asking)."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.rule_tree = QTreeWidget(self)
        self.rule_tree.setHeaderLabels(
            [self.tr("Server"), self.tr("Tool"), self.tr("Answer"), self.tr("Where"), self.tr("Since")]
        )
        self.rule_tree.setRootIsDecorated(False)
        self.rule_tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.rule_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rule_tree.setAccessibleName(self.tr("Remembered approvals"))
        self.rule_tree.setAccessibleDescription(self.tr("Each tool or server you chose to allow or deny"))
        self.empty = QLabel(self.tr("No remembered approvals yet."), self)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.revoke_button.setAccessibleDescription(self.tr("Forgets the selected rules"))
        self.revoke_button.clicked.connect(self._revoke)
        self.limit = QSpinBox(self)
        self.limit.setRange(1, MAX_TOOL_LIMIT)
        self.limit.setValue(limit)
        self.limit.setAccessibleDescription(
            self.tr("After this many tool calls in one reply, Triptych stops and lets you continue")
        )
        self.limit.valueChanged.connect(self.limitChanged)
        limit_form = QFormLayout()
        limit_form.addRow(self.tr("Tool calls per reply, at most"), self.limit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.rule_tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addLayout(limit_form)
        layout.addWidget(buttons)
        self.rule_tree.itemSelectionChanged.connect(self._update_enabled)
        self.set_rules(rules)
        self.resize(720, 420)

    def set_rules(self, rules: Sequence[ApprovalRule]) -> None:
        self.rule_tree.clear()
        for rule in rules:
            if rule.conversation_id is None:
                where = self.tr("Every conversation")
            else:
                title = self._titles.get(rule.conversation_id) or self.tr("Untitled")
                where = self.tr("Conversation: {title}").format(title=title)
            item = QTreeWidgetItem(
                [
                    rule.server,
                    rule.tool if rule.tool is not None else self.tr("All its tools"),
                    decision_text(rule.decision),
                    where,
                    date_time_text(rule.created_at) if rule.created_at else "",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, rule)
            self.rule_tree.addTopLevelItem(item)
        self.empty.setVisible(not rules)
        self.rule_tree.setVisible(bool(rules))
        self._update_enabled()

    def rules(self) -> list[ApprovalRule]:
        found = []
        for index in range(self.rule_tree.topLevelItemCount()):
            item = self.rule_tree.topLevelItem(index)
            if item is not None:
                found.append(item.data(0, Qt.ItemDataRole.UserRole))
        return found

    def _revoke(self) -> None:
        for item in self.rule_tree.selectedItems():
            rule = item.data(0, Qt.ItemDataRole.UserRole)
            self.rule_tree.takeTopLevelItem(self.rule_tree.indexOfTopLevelItem(item))
            self.ruleRevoked.emit(rule)
        self.empty.setVisible(self.rule_tree.topLevelItemCount() == 0)
        self.rule_tree.setVisible(self.rule_tree.topLevelItemCount() > 0)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.revoke_button.setEnabled(bool(self.rule_tree.selectedItems()))

"""The test set editor: a name, a prompt template with `{{variables}}`, an optional system prompt, and a table
of cases with a column per variable and one for the expected notes.

The table's variable columns follow the template as it is typed (a value typed under a variable that later
leaves the template is kept, hidden, until the editor is saved). `problem()` says, in words naming the row and
the column, what would make the test set unusable, so nothing half-made is saved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.grid import TestCase, TestSet, template_variables
from gui.widgets.column_scroll import grow_only

CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1
"""On a row's name item: the case's context messages (from "Add to test set…"), kept as they came."""


class TestSetEditor(QWidget):
    """Signals: changed(): any edit; importRequested(): the Import button."""

    __test__ = False

    changed = Signal()
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self._version = 1
        self._created_at = 0.0
        self._variables: list[str] = []
        self._hidden_values: dict[int, dict[str, str]] = {}
        self.name = QLineEdit(self)
        self.template = QPlainTextEdit(self)
        self.template.setTabChangesFocus(True)
        self.template.setMaximumHeight(90)
        self.system = QPlainTextEdit(self)
        self.system.setTabChangesFocus(True)
        self.system.setMaximumHeight(60)
        self.variables_label = QLabel(self)
        self.variables_label.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere in the app
        # The header and two rows at least; taller as the window gives room (the set-up column scrolls).
        rows = 2 * self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        grow_only(self.table, header + rows + 2 * self.table.frameWidth())
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.importRequested)
        self.template.textChanged.connect(self._template_changed)
        self.name.textChanged.connect(self.changed)
        self.system.textChanged.connect(self.changed)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.name, self.template, self.variables_label, self.system), strict=True
        ):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._set_columns([])

    def retranslate(self) -> None:
        labels = [
            self.tr("Name"), self.tr("Prompt template"), self.tr("Variables"), self.tr("System prompt"),
        ]  # fmt: skip
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. Support answers"))
        self.name.setAccessibleName(self.tr("Test set name"))
        self.name.setAccessibleDescription(self.tr("The name the test set is saved under"))
        self.template.setPlaceholderText(self.tr("The prompt, with {{variables}} filled from each case"))
        self.template.setAccessibleName(self.tr("Prompt template"))
        self.template.setAccessibleDescription(self.tr("Each {{name}} becomes a column of the cases below"))
        self.system.setPlaceholderText(self.tr("Optional; a variant's own system prompt takes its place"))
        self.system.setAccessibleName(self.tr("System prompt"))
        self.system.setAccessibleDescription(self.tr("Sent with every case, unless the variant has its own"))
        self.table.setAccessibleName(self.tr("Test cases"))
        self.table.setAccessibleDescription(
            self.tr("One row per case: its name, a value for each variable and what you expect")
        )
        self.add_button.setText(self.tr("Add case"))
        self.add_button.setAccessibleDescription(self.tr("Adds an empty row to the cases"))
        self.remove_button.setText(self.tr("Remove cases"))
        self.remove_button.setAccessibleDescription(self.tr("Removes the selected rows"))
        self.import_button.setText(self.tr("Import CSV/JSONL…"))
        self.import_button.setAccessibleDescription(
            self.tr("Adds cases from a CSV or JSONL file with a column per variable")
        )
        self._name_columns()

    # --- the test set in and out --------------------------------------------------------------------

    def show_test_set(self, test_set: TestSet | None) -> None:
        """Fill the editor from a saved test set (None: an empty new one)."""
        blocked = self.blockSignals(True)
        self._id = test_set.id if test_set else None
        self._version = test_set.version if test_set else 1
        self._created_at = test_set.created_at if test_set else 0.0
        self._hidden_values = {}
        self.name.setText(test_set.name if test_set else "")
        self.template.setPlainText(test_set.template if test_set else "")
        self.system.setPlainText((test_set.system or "") if test_set else "")
        self.table.setRowCount(0)
        self._set_columns(template_variables(self.template.toPlainText()))
        for case in test_set.cases if test_set else ():
            self.add_case(case)
        self.blockSignals(blocked)

    def test_set(self) -> TestSet:
        """The test set as edited (its id and version as loaded: the store raises the version on save)."""
        return TestSet(
            id=self._id,
            name=self.name.text().strip(),
            template=self.template.toPlainText(),
            cases=tuple(self.cases()),
            system=self.system.toPlainText().strip() or None,
            version=self._version,
            created_at=self._created_at,
        )

    def cases(self) -> list[TestCase]:
        found = []
        for row in range(self.table.rowCount()):
            name_item = self.table.item(row, 0)
            variables = {
                variable: self._text(row, column + 1) for column, variable in enumerate(self._variables)
            }
            # A value the template no longer names is still the case's, until the user saves.
            for variable, value in self._hidden_values.get(row, {}).items():
                variables.setdefault(variable, value)
            variables = {name: value for name, value in variables.items() if value != ""}
            context = name_item.data(CONTEXT_ROLE) if name_item is not None else None
            found.append(
                TestCase(
                    name=self._text(row, 0) or self.tr("Case {n}").format(n=row + 1),
                    variables=variables,
                    expected=self._text(row, len(self._variables) + 1),
                    context=tuple(context or ()),
                )
            )
        return found

    def add_case(self, case: TestCase) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(case.name)
        if case.context:
            name_item.setData(CONTEXT_ROLE, list(case.context))
            name_item.setToolTip(
                self.tr("Sent after %n earlier message(s) of a conversation", "", len(case.context))
            )
        self.table.setItem(row, 0, name_item)
        for column, variable in enumerate(self._variables):
            self.table.setItem(row, column + 1, QTableWidgetItem(case.variables.get(variable, "")))
        hidden = {name: value for name, value in case.variables.items() if name not in self._variables}
        if hidden:
            self._hidden_values[row] = hidden
        self.table.setItem(row, len(self._variables) + 1, QTableWidgetItem(case.expected))
        self.changed.emit()

    def add_cases(self, cases: Sequence[TestCase]) -> None:
        for case in cases:
            self.add_case(case)

    def add_row(self) -> None:
        self.add_case(TestCase(name=self.tr("Case {n}").format(n=self.table.rowCount() + 1)))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 1 if self._variables else 0)
        self.table.editItem(self.table.currentItem())

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
            self._hidden_values = {
                (r - 1 if r > row else r): values for r, values in self._hidden_values.items() if r != row
            }
        if rows:
            self.changed.emit()

    def problem(self) -> str | None:
        """What keeps the test set from being saved or run, in words naming the place; None if nothing."""
        if not self.name.text().strip():
            return self.tr("Give the test set a name.")
        if not self.template.toPlainText().strip():
            return self.tr("Write the prompt template: the prompt sent for each case.")
        if self.table.rowCount() == 0:
            return self.tr("The test set has no cases: add a row or import a CSV or JSONL file.")
        for row in range(self.table.rowCount()):
            for column, variable in enumerate(self._variables):
                if not self._text(row, column + 1):
                    return self.tr(
                        'Row {row} ("{case}") has no value for {{{{{variable}}}}}: fill it in or remove '
                        "the row."
                    ).format(row=row + 1, case=self._text(row, 0), variable=variable)
        return None

    # --- inside -------------------------------------------------------------------------------------

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _template_changed(self) -> None:
        variables = template_variables(self.template.toPlainText())
        if variables != self._variables:
            self._set_columns(variables)
        self.changed.emit()

    def _set_columns(self, variables: list[str]) -> None:
        """Re-lay the table for the template's variables, keeping every value typed so far by name."""
        rows: list[tuple[QTableWidgetItem | None, dict[str, str], str]] = []
        for row in range(self.table.rowCount()):
            values = dict(self._hidden_values.get(row, {}))
            values.update(
                {variable: self._text(row, column + 1) for column, variable in enumerate(self._variables)}
            )
            name_item = self.table.takeItem(row, 0)
            rows.append((name_item, values, self._text(row, len(self._variables) + 1)))
        blocked = self.table.blockSignals(True)
        self._variables = variables
        self.table.setColumnCount(len(variables) + 2)
        self._hidden_values = {}
        for row, (taken, values, expected) in enumerate(rows):
            self.table.setItem(row, 0, taken if taken is not None else QTableWidgetItem(""))
            for column, variable in enumerate(variables):
                self.table.setItem(row, column + 1, QTableWidgetItem(values.get(variable, "")))
            hidden = {name: value for name, value in values.items() if name not in variables and value}
            if hidden:
                self._hidden_values[row] = hidden
            self.table.setItem(row, len(variables) + 1, QTableWidgetItem(expected))
        self.table.blockSignals(blocked)
        self._name_columns()

    def _name_columns(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), *(f"{{{{{name}}}}}" for name in self._variables), self.tr("Expected")]
        )
        if self._variables:
            self.variables_label.setText(", ".join(f"{{{{{name}}}}}" for name in self._variables))
        else:
            self.variables_label.setText(self.tr("None yet: write {{name}} in the template to add a column"))


def context_messages(messages: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Messages in API shape kept as a case's context: text blocks only (thinking, tool calls and their
    results are left out, so the context is always a valid request), empty turns dropped and turns of the same
    role run together."""
    kept: list[dict[str, Any]] = []
    for message in messages:
        blocks = [
            {"type": "text", "text": block["text"]}
            for block in message.get("content", [])
            if block.get("type") == "text" and str(block.get("text", "")).strip()
        ]
        if not blocks:
            continue
        if not kept and message["role"] != "user":
            continue  # a request starts with the user
        if kept and kept[-1]["role"] == message["role"]:
            kept[-1]["content"].extend(blocks)
        else:
            kept.append({"role": message["role"], "content": blocks})
    return tuple(kept)

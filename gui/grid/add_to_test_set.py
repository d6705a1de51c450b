"""A transcript turn's "Add to test set…": the user's prompt becomes a test case, with the conversation before
it as the case's context, in a test set picked from the saved ones or created on the spot."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.model.grid import TestCase, TestSet, template_variables

NEW_SET = -1
PROMPT_VARIABLE = "prompt"
"""A test set made from a turn has the template `{{prompt}}`: each case's value is a whole prompt."""


class AddToTestSetDialog(QDialog):
    def __init__(
        self, prompt: str, test_sets: list[TestSet], context_count: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._prompt = prompt
        self._test_sets = test_sets
        self.setWindowTitle(self.tr("Add to test set"))
        self.target = QComboBox(self)
        self.target.addItem(self.tr("New test set"), NEW_SET)
        for index, test_set in enumerate(test_sets):
            self.target.addItem(test_set.name, index)
        self.new_name = QLineEdit(self)
        self.new_name.setText(self.tr("From conversations"))
        self.case_name = QLineEdit(self)
        self.case_name.setText(_short(prompt))
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setText(
            self.tr("The prompt is added with the %n message(s) before it as its context.", "", context_count)
        )
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()
        self.target.setAccessibleName(self.tr("Test set"))
        self.target.setAccessibleDescription(self.tr("The test set the prompt is added to, or a new one"))
        self.new_name.setAccessibleName(self.tr("New test set's name"))
        self.new_name.setAccessibleDescription(self.tr("The name of the test set made for this prompt"))
        self.case_name.setAccessibleName(self.tr("Case name"))
        self.case_name.setAccessibleDescription(self.tr("How the case is named in the grid's rows"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Test set"), self.target)
        form.addRow(self.tr("New test set's name"), self.new_name)
        form.addRow(self.tr("Case name"), self.case_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _target_changed(self) -> None:
        self.new_name.setEnabled(self.target.currentData() == NEW_SET)
        self.problem.hide()

    def _accept(self) -> None:
        problem = self.problem_text()
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()

    def problem_text(self) -> str | None:
        if self.target.currentData() == NEW_SET:
            return None if self.new_name.text().strip() else self.tr("Name the new test set.")
        variables = template_variables(self._test_sets[self.target.currentData()].template)
        if len(variables) != 1:
            return self.tr(
                "This test set's template has {count} variables; a prompt can only be added to a test set "
                "whose template is one variable, such as {{{{prompt}}}}. Choose another or a new test set."
            ).format(count=len(variables))
        return None

    def result_test_set(self, context: tuple[dict[str, object], ...]) -> TestSet:
        """The test set to save: the chosen one with the case added (a new version), or a new one."""
        name = self.case_name.text().strip() or _short(self._prompt)
        if self.target.currentData() == NEW_SET:
            case = TestCase(name, {PROMPT_VARIABLE: self._prompt}, context=context)
            return TestSet(id=None, name=self.new_name.text().strip(), template="{{prompt}}", cases=(case,))
        chosen = self._test_sets[self.target.currentData()]
        variable = template_variables(chosen.template)[0]
        case = TestCase(name, {variable: self._prompt}, context=context)
        return TestSet(
            id=chosen.id, name=chosen.name, template=chosen.template, cases=(*chosen.cases, case),
            system=chosen.system, version=chosen.version, created_at=chosen.created_at,
        )  # fmt: skip


def _short(prompt: str) -> str:
    line = " ".join(prompt.split())
    return line if len(line) <= 40 else line[:39] + "…"

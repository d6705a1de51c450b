"""Small controls the parameter panel is built from: collapsible sections, inline issue labels, number
inputs that can be left unset, a slider tied to a spin box, and a combo box whose choices carry values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.model.catalog import ModelInfo
from core.wire.validation import ValidationIssue
from gui.widgets.issue_words import issue_text
from gui.widgets.json_edit import ERROR_COLOR

WARNING_COLOR = "#b06000"


@dataclass(frozen=True)
class ModelFacts:
    """What the panel knows about the chosen model: the catalog entry (None for a relay's own name) and
    the output ceiling (the provider's figure when it lists one, else the catalog's)."""

    model_id: str
    info: ModelInfo | None
    max_output_tokens: int | None

    @property
    def name(self) -> str:
        return self.info.display_name if self.info else self.model_id


class ProblemCount(QLabel):
    """Beside a section's header, so a folded section still says it has problems; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hide()

    def set_count(self, count: int) -> None:
        # A class of its own, never subclassed: PySide's tr() tries the caller's class name first, and under
        # a subclass's name a plural comes back untranslated. lupdate sees plurals in tr(), not translate().
        self.setText(self.tr("%n problem(s)", "", count))
        self.setVisible(count > 0)


class IssueLabel(QLabel):
    """The problems with one field, in red (warnings in amber) under it; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_issues(self, issues: list[ValidationIssue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        is_error = any(issue.severity == "error" for issue in issues)
        self.setStyleSheet(f"color: {ERROR_COLOR if is_error else WARNING_COLOR};")
        self.setText("\n".join(issue_text(issue) for issue in issues))
        self.show()


class Section(QWidget):
    """A titled group whose body folds away under a QToolButton header.

    Subclasses fill `form` and register each field's IssueLabel with `add_field`, so the panel can route a
    validation issue (by its field path) to the label under the right control.
    """

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[tuple[str, IssueLabel]] = []
        self.header = QToolButton(self)
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setStyleSheet("font-weight: bold;")
        self.header.setAccessibleDescription(
            QCoreApplication.translate("Section", "Shows or hides these settings")
        )
        self.problems = ProblemCount(self)
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addWidget(self.problems)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.header.toggled.connect(self.set_expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.header.setChecked(expanded)
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def add_field(self, label: str | None, widget: QWidget, field: str | None = None) -> IssueLabel | None:
        """A row with its control (full width without a label); with `field`, an issue label under it for
        that field path prefix."""
        if label is None:
            self.form.addRow(widget)
        else:
            self.form.addRow(label, widget)
        if field is None:
            return None
        issue = IssueLabel(self.body)
        self.form.addRow(issue)
        self._labels.append((field, issue))
        return issue

    def label_for(self, field: str) -> IssueLabel | None:
        """The label for a field path: the longest registered prefix it starts with, as a whole name, so
        `thinking.budget_tokens` finds the budget's label before the `thinking` one."""
        matches = [
            (len(prefix), label)
            for prefix, label in self._labels
            if field == prefix or field.startswith((prefix + ".", prefix + "["))
        ]
        return max(matches, key=lambda match: match[0])[1] if matches else None

    def issue_labels(self) -> list[IssueLabel]:
        return [label for _, label in self._labels]

    def set_problem_count(self, count: int) -> None:
        self.problems.set_count(count)


class ChoiceCombo(QComboBox):
    """A combo box whose items carry values (None allowed); choices can be disabled one by one."""

    def add_choice(self, text: str, value: Any) -> None:
        self.addItem(text, value)

    def choice(self) -> Any:
        return self.itemData(self.currentIndex()) if self.currentIndex() >= 0 else None

    def set_choice(self, value: Any) -> None:
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)

    def index_of(self, value: Any) -> int:
        return next((i for i in range(self.count()) if self.itemData(i) == value), -1)

    def set_choice_enabled(self, value: Any, enabled: bool, why: str = "") -> None:
        item = cast(QStandardItemModel, self.model()).item(self.index_of(value))
        if item is not None:
            item.setEnabled(enabled)
            item.setToolTip("" if enabled else why)


class OptionalFloat(QWidget):
    """A number that may be left unset: a checkbox, a slider and a spin box. Unchecked means "not sent"."""

    changed = Signal()

    _SCALE = 100  # slider ticks per unit: two decimals, like the spin box

    def __init__(self, maximum: float, default: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = self._SCALE
        self.check = QCheckBox(self)
        self.check.setToolTip(
            QCoreApplication.translate("OptionalFloat", "Unchecked: not sent, so the API's default applies.")
        )
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, round(maximum * self._scale))
        self.spin = QDoubleSpinBox(self)
        self.spin.setRange(0.0, maximum)
        self.spin.setSingleStep(0.05)
        self.spin.setDecimals(2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.check, self.slider, self.spin):
            layout.addWidget(widget)
        self.spin.setValue(default)
        self.slider.setValue(round(default * self._scale))
        self.check.toggled.connect(self._checked)
        self.slider.valueChanged.connect(lambda ticks: self.spin.setValue(ticks / self._scale))
        self.spin.valueChanged.connect(self._spun)
        self._checked(False)

    def value(self) -> float | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value: float | None) -> None:
        if value is not None:
            self.spin.setValue(value)
        self.check.setChecked(value is not None)

    def _checked(self, checked: bool) -> None:
        self.slider.setEnabled(checked)
        self.spin.setEnabled(checked)
        self.changed.emit()

    def _spun(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * self._scale))
        self.slider.blockSignals(False)
        self.changed.emit()


class OptionalInt(QWidget):
    """A whole number that may be left unset: a checkbox and a spin box."""

    changed = Signal()

    def __init__(self, minimum: int, maximum: int, default: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.check.setToolTip(
            QCoreApplication.translate("OptionalInt", "Unchecked: not sent, so the API's default applies.")
        )
        self.spin = QSpinBox(self)
        self.spin.setRange(minimum, maximum)
        self.spin.setValue(default)
        self.spin.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.spin, 1)
        self.check.toggled.connect(self.spin.setEnabled)
        self.check.toggled.connect(self.changed)
        self.spin.valueChanged.connect(self.changed)

    def value(self) -> int | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value: int | None) -> None:
        if value is not None:
            self.spin.setValue(value)
        self.check.setChecked(value is not None)


class SliderSpin(QWidget):
    """A whole number on a slider and a spin box kept in step. The slider covers the sensible range; the
    spin box accepts more, so a value outside it stays visible and is flagged rather than silently moved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.spin = QSpinBox(self)
        self.spin.setSingleStep(1024)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self._spun)

    def set_ranges(self, minimum: int, slider_max: int, spin_max: int) -> None:
        value = self.spin.value()
        self.slider.blockSignals(True)
        self.slider.setRange(minimum, max(minimum, slider_max))
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self.spin.setRange(minimum, max(minimum, spin_max, slider_max))

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        self.spin.setValue(value)

    def _spun(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self.changed.emit()


def text_lines(text: str) -> list[str]:
    """One entry per line; empty lines are dropped, whitespace inside a line is kept as typed."""
    return [line for line in text.splitlines() if line != ""]


def split_list(text: str) -> list[str]:
    """Domain lists typed as "a.com, b.org" or one per line."""
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def join_list(items: Iterable[str] | None) -> str:
    return ", ".join(items or [])

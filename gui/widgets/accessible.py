"""Accessible names and descriptions for a form row's controls, so a screen reader says what each is.

A QFormLayout label names only the widget it is the buddy of; a compound field (a checkbox, a slider and a
spin box; two line edits side by side) leaves its parts unnamed. `name_controls` names each part after the
row's label (a screen reader adds the role: "Temperature, slider"), and gives each the row's description.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

_CONTROLS = (
    QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
    QAbstractSlider,
)  # fmt: skip
_COMPOSITE = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)
"""Controls whose inner widgets (a combo's line edit, a spin box's) are parts of them, named with them."""


def name_controls(widget: QWidget, name: str, description: str) -> None:
    """Name the row's control(s) `name` where they have no name of their own (a button's text is one), and
    describe them with `description` where they have no description; a checkbox keeps its tooltip too."""
    controls = (
        [widget]
        if _is_control(widget)
        else [c for c in widget.findChildren(QWidget) if _is_part_of(c, widget)]
    )
    for control in controls:
        has_text = isinstance(control, QAbstractButton) and bool(control.text())
        if name and not control.accessibleName() and not has_text:
            own = control.placeholderText() if isinstance(control, QLineEdit) and len(controls) > 1 else ""
            control.setAccessibleName(f"{name}: {own}" if own else name)
        if description and not control.accessibleDescription():
            tip = control.toolTip() if isinstance(control, QCheckBox) else ""
            control.setAccessibleDescription(f"{description} {tip}".strip())


def _is_control(widget: QWidget) -> bool:
    return isinstance(widget, _CONTROLS) and not isinstance(widget, QScrollBar)


def _is_part_of(widget: QWidget, row: QWidget) -> bool:
    """A control of the row, not a part of another control."""
    if not _is_control(widget):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not row:
        if isinstance(parent, _COMPOSITE):
            return False
        parent = parent.parentWidget()
    return True

"""The judge's provider and model fields, the same in the judge dialog (for one pass) and the judge templates
dialog (a template's default)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

NO_PROFILE = ""
"""The provider field's value for "the variant's own provider" (a template without a profile)."""


def provider_field(profile_names: Sequence[str], parent: QWidget) -> QComboBox:
    """Each reply's own provider first, then every profile by name."""
    field = QComboBox(parent)
    field.addItem(
        QCoreApplication.translate("JudgeFields", "The provider of each reply's column"), NO_PROFILE
    )
    for name in profile_names:
        field.addItem(name, name)
    field.setAccessibleName(QCoreApplication.translate("JudgeFields", "Judge's provider"))
    return field


def model_field(models: Sequence[str], parent: QWidget) -> QComboBox:
    """The models offered, and any other typed in."""
    field = QComboBox(parent)
    field.setEditable(True)
    field.addItems(list(models))
    field.setAccessibleName(QCoreApplication.translate("JudgeFields", "Judge's model"))
    return field

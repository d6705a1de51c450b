"""The parameter panel in the app's first moments, and its one problem about the model in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.request_settings import RequestSettings
from gui.app import install_translation
from gui.params.panel import ParameterPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    install_translation(qapp, "zh_CN")
    yield
    QLocale.setDefault(locale)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def test_before_any_settings_are_shown_the_panel_names_no_problem(qtbot: QtBot) -> None:
    """Built with the window, before the first conversation opens: its blank model is no one's choice."""
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.general_issues.isVisible()
    assert panel.issues() == []
    panel.set_settings(RequestSettings(model="claude-sonnet-4-6"))
    assert not panel.general_issues.isVisible()


def test_a_missing_model_is_named_in_chinese(qtbot: QtBot, chinese: None) -> None:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_settings(RequestSettings(model=""))
    assert panel.general_issues.isVisible()
    assert panel.general_issues.text() == "请选择模型，或输入模型 ID（例如 claude-sonnet-4-6）。"

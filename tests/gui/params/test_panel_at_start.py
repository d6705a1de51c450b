"""The parameter panel in the app's first moments, and its one problem about the model in Chinese."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from core.model.request_settings import RequestSettings
from gui.params.panel import ParameterPanel

pytestmark = pytest.mark.gui


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

"""Qt's own dialogs in Chinese: the file dialog Qt draws itself (no native one on this desktop) labels every
field in Chinese, although Qt's catalogue lags the labels' current wording."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


def test_the_file_dialog_labels_every_field_in_chinese(qtbot: QtBot, chinese: None) -> None:
    dialog = QFileDialog(None, "导入")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    # "Look in:" and "Files of type:" came out in English; the mnemonics stay, written as Qt writes them.
    assert labels == ["文件名称(&N)：", "文件类型(&T)：", "查找范围(&L)："]

"""The empty state as a widget: it follows the palette (dark stays dark, its text readable) and speaks the
interface's language, its prompts included."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from gui.transcript.empty_state import EXAMPLES, TABLE_CODE, EmptyState


def palette(dark: bool) -> QPalette:
    colours = {
        QPalette.ColorRole.Window: "#202124" if dark else "#f0f0f0",
        QPalette.ColorRole.Base: "#1b1b1d" if dark else "#ffffff",
        QPalette.ColorRole.Button: "#2c2d30" if dark else "#e8e8e8",
        QPalette.ColorRole.Text: "#e8e8e8" if dark else "#111111",
        QPalette.ColorRole.WindowText: "#e8e8e8" if dark else "#111111",
        QPalette.ColorRole.ButtonText: "#e8e8e8" if dark else "#111111",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a" if dark else "#707070",
    }
    chosen = QPalette()
    for role, colour in colours.items():
        chosen.setColor(role, QColor(colour))
    return chosen


def mean_lightness(image: QImage) -> float:
    step = 7
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(values) / len(values)


def shown(qtbot: QtBot, dark: bool) -> EmptyState:
    widget = EmptyState()
    qtbot.addWidget(widget)
    widget.setPalette(palette(dark))
    widget.resize(760, 560)
    widget.show()
    qtbot.waitExposed(widget)
    # The layout settles on a later event-loop turn than the exposure.
    qtbot.waitUntil(lambda: all(button.height() > 40 for button in widget.buttons.values()))
    return widget


@pytest.mark.parametrize("dark", [False, True])
def test_it_follows_the_palette_light_or_dark_and_its_text_stands_out(qtbot: QtBot, dark: bool) -> None:
    widget = shown(qtbot, dark)
    image = widget.grab().toImage()

    background = mean_lightness(image)
    assert (background < 60) if dark else (background > 200), background
    heading = widget.heading.palette().color(widget.heading.foregroundRole()).lightness()
    assert abs(heading - background) > 120, "the heading must stand out from the background"
    # Every example's title is drawn: pixels far from the background exist inside each button.
    for button in widget.buttons.values():
        pixels = button.grab().toImage()
        lightness = [
            pixels.pixelColor(x, y).lightness() for x in range(pixels.width()) for y in range(20, 30)
        ]
        assert max(abs(value - background) for value in lightness) > 120


def test_it_speaks_chinese_prompts_included(qtbot: QtBot, chinese: None) -> None:
    widget = shown(qtbot, dark=False)

    assert widget.heading.text() == "开始对话"
    assert widget.prompt(TABLE_CODE) == "列一个表格比较几种排序算法的速度，再用 Python 写一个快速排序。"
    for key in EXAMPLES:
        assert widget.buttons[key].title.text() and widget.buttons[key].accessibleName()
        assert not widget.buttons[key].title.text().isascii(), key


def test_a_click_on_an_example_emits_its_key_and_prompt(qtbot: QtBot) -> None:
    widget = shown(qtbot, dark=False)

    with qtbot.waitSignal(widget.exampleChosen) as chosen:
        widget.buttons[TABLE_CODE].click()

    assert chosen.args == [TABLE_CODE, widget.prompt(TABLE_CODE)]

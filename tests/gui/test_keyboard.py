"""The keyboard alone gets everywhere: Tab and Shift+Tab leave the composer and walk the whole window, and the
control with the focus shows it (a ring in the palette's highlight colour around it)."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from gui.widgets.focus_ring import ring_of
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


async def shown(qapp: QApplication, tmp_path: Path, server: FakeServer, qtbot: QtBot) -> Running:
    app = await start(qapp, tmp_path, server)
    window = app.window
    window.activateWindow()
    await wait_until(window.isActiveWindow, what="the window to be active")
    window.composer.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    editor = window.composer.editor
    await wait_until(lambda: QApplication.focusWidget() is editor, what="the composer focused")
    return app


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_tab_leaves_the_composer_and_shift_tab_comes_back(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await shown(qapp, tmp_path, server, qtbot)
        composer = app.window.composer
        composer.editor.setPlainText("Hello")
        after = press(qtbot, Qt.Key.Key_Tab)
        assert after is not composer.editor, "Tab stayed in the composer"
        assert composer.editor.toPlainText() == "Hello", "Tab typed into the composer"
        back = press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert back is composer.editor
        assert composer.editor.toPlainText() == "Hello"
        await app.quit()

    run(qloop, body())


def test_tab_walks_every_major_control_of_the_window_and_comes_round(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await shown(qapp, tmp_path, server, qtbot)
        window = app.window
        visited: list[QWidget] = []
        for _ in range(400):
            now = press(qtbot, Qt.Key.Key_Tab)
            if now is window.composer.editor:
                break
            visited.append(now)
        else:
            raise AssertionError("Tab never came back to the composer")
        major = {
            "send": window.composer.send_button,
            "attach": window.composer.attach_button,
            "provider": window.profile_picker,
            "model": window.model_picker.combo,
            "providers button": window.providers_button,
            "system prompt": window.parameters.prompt.system,
            "max tokens": window.parameters.sampling.max_tokens,
            "conversation filter": window.conversations.filter_box,
            "new conversation": window.conversations.new_button,
            "conversation list": window.conversations.view,
            "transcript": window.transcript.browser,
        }
        missing = [name for name, widget in major.items() if widget not in visited]
        assert missing == []
        first_of = {name: visited.index(widget) for name, widget in major.items()}
        assert first_of["send"] == 0, "Send comes right after the composer"
        in_order = ["send", "model", "system prompt", "conversation list", "transcript"]
        assert [first_of[name] for name in in_order] == sorted(first_of[name] for name in in_order)
        assert window.parameters.isAncestorOf(visited[first_of["system prompt"]])
        await app.quit()

    run(qloop, body())


def test_the_focused_control_has_a_ring_in_the_highlight_colour(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await shown(qapp, tmp_path, server, qtbot)
        window = app.window
        button = window.composer.send_button
        button.setFocus(Qt.FocusReason.TabFocusReason)
        await wait_until(lambda: QApplication.focusWidget() is button, what="Send focused")
        ring = ring_of(window)
        assert ring is not None and ring.isVisible() and ring.widget() is button
        highlight = button.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)

        def ring_pixels() -> list[QColor]:
            image = window.grab().toImage()
            corner = button.mapTo(window, QPoint(0, 0))
            # Halfway along each side, just outside the button: where the ring is drawn.
            middle_x, middle_y = corner.x() + button.width() // 2, corner.y() + button.height() // 2
            points = [
                (middle_x, corner.y() - 1),
                (middle_x, corner.y() + button.height()),
                (corner.x() - 1, middle_y),
                (corner.x() + button.width(), middle_y),
            ]
            ratio = image.devicePixelRatio()
            return [image.pixelColor(round(x * ratio), round(y * ratio)) for x, y in points]

        def near(a: QColor, b: QColor) -> bool:
            return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 60

        assert all(near(pixel, highlight) for pixel in ring_pixels()), [p.name() for p in ring_pixels()]
        # The transcript fills its parent (no margin around it): the ring still shows, reached by Shift+Tab.
        browser = window.transcript.browser
        window.composer.editor.setFocus(Qt.FocusReason.MouseFocusReason)
        await wait_until(lambda: QApplication.focusWidget() is window.composer.editor, what="the composer")
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        await wait_until(lambda: ring.widget() is browser, what="the ring on the transcript")
        image = window.grab().toImage()
        corner = browser.mapTo(window, QPoint(0, 0))
        ratio = image.devicePixelRatio()
        around = [
            (corner.x() + browser.width() // 2, corner.y() - 1),
            (corner.x() - 1, corner.y() + browser.height() // 2),
            (corner.x() + browser.width(), corner.y() + browser.height() // 2),
        ]
        pixels = [image.pixelColor(round(x * ratio), round(y * ratio)) for x, y in around]
        assert all(near(pixel, highlight) for pixel in pixels), [p.name() for p in pixels]
        # Another control: the ring follows, and the button's edge is plain again.
        window.conversations.filter_box.setFocus(Qt.FocusReason.TabFocusReason)
        await wait_until(lambda: ring.widget() is window.conversations.filter_box, what="the ring to move")
        assert not all(near(pixel, highlight) for pixel in ring_pixels())
        await app.quit()

    run(qloop, body())

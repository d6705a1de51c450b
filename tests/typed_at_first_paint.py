"""Typing the moment the window appears: `python -m tests.typed_at_first_paint DATA_DIR TEXT`.

It starts Triptych exactly as `main.py` does (the same `main()`, with `--data-dir`). When the main window's
first paint pass ends (the first frame: the rest of the app is not loaded yet), it types TEXT, one key event
per character posted to the widget with the keyboard focus, as a user's keys arrive; nothing is waited for
first. Once the window shows a conversation it prints one line, `AT READY: <json>`: what the composer holds,
whether it has the focus, whether the parameter panel is on screen and whether it was already built at the
first paint, then exits at once. Nothing in the app is changed for it.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_WINDOW_CLASS = "MainWindow"
_LOOK_EVERY_MS = 20


class _TypeAtFirstPaint(QObject):
    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self.window: QWidget | None = None
        self.panel_at_first_paint: bool | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.window is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window().metaObject().className() == _WINDOW_CLASS
        ):
            self.window = watched.window()
            # A paint pass paints the window and its children together; a zero timer runs after it.
            QTimer.singleShot(0, self._type)
        return False

    def _type(self) -> None:
        assert self.window is not None
        self.panel_at_first_paint = hasattr(self.window, "parameters")
        target = QApplication.focusWidget() or self.window
        no_modifier = Qt.KeyboardModifier.NoModifier
        for character in self._text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.postEvent(target, QKeyEvent(kind, 0, no_modifier, character))


def run(data_dir: str, text: str) -> int:
    import main

    qt_app = QApplication(sys.argv[:1])  # the app reuses it, so the filter can be installed first
    typing = _TypeAtFirstPaint(text)
    qt_app.installEventFilter(typing)
    timer = QTimer()
    timer.setInterval(_LOOK_EVERY_MS)

    def report_when_ready() -> None:
        window = typing.window
        if window is None or getattr(window, "current_conversation", lambda: None)() is None:
            return
        composer = window.composer  # type: ignore[attr-defined]
        parameters = window.parameters  # type: ignore[attr-defined]
        report = {
            "composer": composer.editor.toPlainText(),
            "composer_has_focus": composer.editor.hasFocus() or QApplication.focusWidget() is composer.editor,
            "panel_visible": parameters.isVisible() and parameters.width() > 0,
            "panel_at_first_paint": typing.panel_at_first_paint,
        }
        print("AT READY: " + json.dumps(report, ensure_ascii=False), flush=True)
        os._exit(0)

    timer.timeout.connect(report_when_ready)
    timer.start()
    return main.main(["--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))

"""The real app in a process of its own, for tests that kill it or start it twice:
`python -m tests.app_runner DATA_DIR [PROMPT]`, `… DATA_DIR --look` or `… DATA_DIR --close-when FILE`.

It starts Triptych exactly as `main.py` does (the same `main()`, with `--data-dir`), and once the window
shows a conversation it types PROMPT (if given) into the composer and presses Enter, as a user would. Every
message box the app shows is printed to standard output as `DIALOG: <title>: <text>` on one line and then
closed, so a test reads what the user would have read. Nothing in the app is changed for it: the runner only
holds a timer that looks at the app's top-level widgets.

With `--close-when FILE` it sends nothing and closes the window, as a user quitting would, once FILE exists
(a test creates it when it has seen what it waits for).

With `--look` it reports how the window looks instead of sending: `FIRST PAINT: <window colour>` (the
palette the main window's first paint event was painted with) and, once a conversation shows, `LOOK:
window=<mean luminance 0-255> transcript=<mean luminance>` of a grab, and then closes the window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import main
from gui.main_window import MainWindow

_LOOK_EVERY_MS = 20


def run(data_dir: str, prompt: str | None, close_when: str | None = None) -> int:
    # The app reuses the QApplication that exists, so the timers below can be made before it starts.
    qt_app = QApplication(sys.argv[:1])
    timer = QTimer()
    timer.setInterval(_LOOK_EVERY_MS)

    def send_when_ready() -> None:
        window = next((w for w in qt_app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or not window.isVisible() or window.current_conversation() is None:
            return
        if not window.composer.send_button.isEnabled() or not window.profile_picker.currentText():
            return
        timer.stop()
        window.composer.editor.setPlainText(prompt or "")
        QTest.keyClick(window.composer.editor, Qt.Key.Key_Return)

    if close_when is not None:
        timer.timeout.connect(lambda: _close_when(qt_app, Path(close_when), timer))
        timer.start()
    elif prompt == "--look":
        first_paint = _FirstPaint(qt_app)
        qt_app.installEventFilter(first_paint)
        timer.timeout.connect(lambda: _look_when_ready(qt_app, timer))
        timer.start()
    elif prompt:
        timer.timeout.connect(send_when_ready)
        timer.start()
    dialogs = QTimer()
    dialogs.setInterval(_LOOK_EVERY_MS)
    dialogs.timeout.connect(lambda: _report_dialogs(qt_app))
    dialogs.start()
    return main.main(["--data-dir", data_dir])


class _FirstPaint(QObject):
    """Prints the window colour of the main window's first paint event, then stops looking."""

    def __init__(self, qt_app: QApplication) -> None:
        super().__init__(qt_app)
        self._app = qt_app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), MainWindow)
        ):
            colour = watched.palette().color(QPalette.ColorRole.Window).name()
            print(f"FIRST PAINT: {colour}", flush=True)
            self._app.removeEventFilter(self)
        return False


def _close_when(qt_app: QApplication, flag: Path, timer: QTimer) -> None:
    window = next((w for w in qt_app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or not window.isVisible() or not flag.exists():
        return
    timer.stop()
    window.close()


def _look_when_ready(qt_app: QApplication, timer: QTimer) -> None:
    window = next((w for w in qt_app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or not window.isVisible() or window.current_conversation() is None:
        return
    timer.stop()
    transcript = window.transcript.browser.viewport()
    print(f"LOOK: window={luminance(window.grab().toImage()):.0f} "
          f"transcript={luminance(transcript.grab().toImage()):.0f}", flush=True)  # fmt: skip
    window.close()


def luminance(image: QImage) -> float:
    """The mean luminance (0 black .. 255 white) of an image: Qt's grey conversion, averaged."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, stride = grey.width(), grey.bytesPerLine()
    pixels = bytes(grey.constBits())
    total = sum(sum(pixels[row * stride : row * stride + width]) for row in range(grey.height()))
    return total / max(width * grey.height(), 1)


def _report_dialogs(qt_app: QApplication) -> None:
    for widget in qt_app.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            text = widget.text().replace("\n", " ")
            print(f"DIALOG: {widget.windowTitle()}: {text}", flush=True)
            widget.done(0)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[2] == "--close-when":
        sys.exit(run(sys.argv[1], None, close_when=sys.argv[3]))
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))

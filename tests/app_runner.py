"""The real app in a process of its own, for tests that kill it or start it twice:
`python -m tests.app_runner DATA_DIR [PROMPT]`.

It starts Triptych exactly as `main.py` does (the same `main()`, with `--data-dir`), and once the window
shows a conversation it types PROMPT (if given) into the composer and presses Enter, as a user would. Every
message box the app shows is printed to standard output as `DIALOG: <title>: <text>` on one line and then
closed, so a test reads what the user would have read. Nothing in the app is changed for it: the runner only
holds a timer that looks at the app's top-level widgets.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

import main
from gui.main_window import MainWindow

_LOOK_EVERY_MS = 20


def run(data_dir: str, prompt: str | None) -> int:
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

    if prompt:
        timer.timeout.connect(send_when_ready)
        timer.start()
    dialogs = QTimer()
    dialogs.setInterval(_LOOK_EVERY_MS)
    dialogs.timeout.connect(lambda: _report_dialogs(qt_app))
    dialogs.start()
    return main.main(["--data-dir", data_dir])


def _report_dialogs(qt_app: QApplication) -> None:
    for widget in qt_app.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            text = widget.text().replace("\n", " ")
            print(f"DIALOG: {widget.windowTitle()}: {text}", flush=True)
            widget.done(0)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))

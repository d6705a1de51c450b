"""The real app in a process of its own, for tests that kill it: `python -m tests.app_runner DATA_DIR PROMPT`.

It starts Triptych exactly as `main.py` does (the same `main()`, with `--data-dir`), and once the window
shows a conversation it types PROMPT into the composer and presses Enter, as a user would. Nothing in the
app is changed for it: the runner only holds a timer that looks for the window.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import main
from gui.main_window import MainWindow

_LOOK_EVERY_MS = 20


def run(data_dir: str, prompt: str) -> int:
    # The app reuses the QApplication that exists, so the timer below can be made before it starts.
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
        window.composer.editor.setPlainText(prompt)
        QTest.keyClick(window.composer.editor, Qt.Key.Key_Return)

    timer.timeout.connect(send_when_ready)
    timer.start()
    return main.main(["--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))

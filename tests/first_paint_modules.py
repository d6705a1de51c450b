"""The modules loaded when the main window's first paint ends: `python -m tests.first_paint_modules DATA_DIR`.

It starts Triptych exactly as `main.py` does (the same `main()`, with `--data-dir`), with an application-wide
event filter that notices the first paint event of the main window; after that paint pass it prints
`FIRST PAINT MODULES: <json list of sys.modules' names>` and exits at once. Nothing of the app is imported
here before `main()` runs (the window is recognised by its Qt class name), so the list is what the app
itself imported before showing its first frame.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

_WINDOW_CLASS = "MainWindow"


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window().metaObject().className() == _WINDOW_CLASS
        ):
            self._seen = True
            # A paint pass paints the window and its children together; a zero timer runs after it.
            QTimer.singleShot(0, _report)
        return False


def _report() -> None:
    print("FIRST PAINT MODULES: " + json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)


def run(data_dir: str) -> int:
    import main

    qt_app = QApplication(sys.argv[:1])  # the app reuses it, so the filter can be installed first
    watch = _FirstPaint()
    qt_app.installEventFilter(watch)
    return main.main(["--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))

"""The startup probe for bench/startup.py: starts Triptych as main.py does and reports its first frames.

    python bench/_startup_probe.py app --data-dir DIR      the real app (main.main) on that data folder
    python bench/_startup_probe.py bare                    bare Qt: a QMainWindow shown, nothing else

It prints one JSON line of `time.monotonic()` marks (the parent compares them with its own clock, which
is the same on Linux) and RSS, then exits at once, without the app's shutdown:
  first_paint  the end of the first paint pass of the main window (and first_paint_cpu: the process's CPU
               seconds until then, which other processes on the machine disturb far less than the clock)
  ready        the end of the first paint pass showing the conversation list and the opened conversation
The only thing added to the app is an application-wide event filter that notices paint events.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

# The checkout to start: this one, or another (bench/startup.py --before: an earlier commit's files).
sys.path.insert(0, os.environ.get("TRIPTYCH_TREE") or str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

marks: dict[str, float] = {}


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def finish() -> None:
    marks["rss_mb"] = rss_mb()
    marks["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(marks), flush=True)
    os._exit(0)


def is_ready(window: QWidget) -> bool:
    """The window shows the conversation list and has opened a conversation (the app's `start()` ran)."""
    current = getattr(window, "current_conversation", lambda: None)()
    conversations = getattr(window, "conversations", None)
    return current is not None and conversations is not None and conversations.current_id() == current.id


class PaintWatch(QObject):
    def __init__(self, *, wait_for_ready: bool) -> None:
        super().__init__()
        self._wait_for_ready = wait_for_ready
        self._pass_pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._pass_pending:
            window = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(window, QMainWindow):
                self._pass_pending = True
                # A paint pass paints the window and its children in one go; a zero timer runs after it.
                QTimer.singleShot(0, lambda: self._pass_done(window))
        return False

    def _pass_done(self, window: QWidget) -> None:
        self._pass_pending = False
        now = time.monotonic()
        if "first_paint" not in marks:
            marks["first_paint"] = now
            marks["first_paint_cpu"] = time.process_time()  # since the process started, all its threads
        if not self._wait_for_ready or is_ready(window):
            marks["ready"] = now
            finish()


def main() -> None:
    mode = sys.argv[1]
    marks["started"] = time.monotonic()
    qt_app = QApplication(sys.argv[:1])
    watch = PaintWatch(wait_for_ready=mode == "app")
    qt_app.installEventFilter(watch)
    if mode == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        marks["imported"] = time.monotonic()
        window.show()
        qt_app.exec()
        return
    import gui.app  # noqa: F401 (what main.main() imports first, the first frame's modules: timed here)
    import main as triptych

    marks["imported"] = time.monotonic()
    triptych.main(sys.argv[2:])


if __name__ == "__main__":
    main()

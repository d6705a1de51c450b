"""The memory probe for bench/memory.py: starts Triptych as main.py does and opens every conversation in turn,
or sends many requests through the compare window.

    python bench/_memory_probe.py --data-dir DIR
    python bench/_memory_probe.py --data-dir DIR --compare ROUNDS [--columns 6]

It selects each conversation of the data folder in the list (as a click does: the list's current row
changes), waits until the window shows it and the transcript has finished adding its older turns
(`loading` False) and a few idle event-loop passes went by, and notes the RSS. It prints one JSON line and
exits at once, without the app's shutdown. Nothing in the app is changed: a timer looks at the window.

With `--compare`, the app starts with `--demo` (its offline server, without the reading pace it keeps for
people: replies come as fast as they are made), opens the compare window on the newest conversation (as
View -> Compare settings does) with `--columns` columns of the same settings, and sends ROUNDS prompts, each
to every column (a follow-up continues each column's thread), waiting for every reply before the next:
ROUNDS x columns requests. RSS when the window is ready, after each tenth of the rounds, and 2 s after.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import sys
import time
from pathlib import Path

# The checkout to start: this one, or another (bench/memory.py --before: an earlier commit's files).
sys.path.insert(0, os.environ.get("TRIPTYCH_TREE") or str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import core.demo.server
import main as triptych
from core.compare.presets import preset_same
from core.demo.script import Pace
from gui.compare.view import CompareView
from gui.main_window import MainWindow

_LOOK_EVERY_MS = 20
_IDLE_LOOKS = 5  # this many looks in a row with nothing loading: the opening is over
_SETTLE_S = 2.0


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Driver:
    def __init__(self, qt_app: QApplication, ids: list[int]) -> None:
        self._app = qt_app
        self._ids = ids
        self._next = 0
        self._idle = 0
        self._settle_until = 0.0
        self.marks: dict[str, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(_LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _window(self) -> MainWindow | None:
        return next((w for w in self._app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def _look(self) -> None:
        window = self._window()
        if window is None or not window.isVisible() or (current := window.current_conversation()) is None:
            return
        if self._settle_until:
            if time.monotonic() >= self._settle_until:
                self._finish()
            return
        expected = self._ids[self._next - 1] if self._next else current.id
        if current.id != expected or window.transcript.loading:
            self._idle = 0
            return
        self._idle += 1
        if self._idle < _IDLE_LOOKS:
            return
        self._idle = 0
        self.marks["rss_ready" if self._next == 0 else f"rss_opened_{self._next}"] = rss_mb()
        if self._next == len(self._ids):
            self._settle_until = time.monotonic() + _SETTLE_S
            return
        window.conversations.select(self._ids[self._next])
        self._next += 1

    def _finish(self) -> None:
        self.marks["rss_settled"] = rss_mb()
        self.marks["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(self.marks), flush=True)
        os._exit(0)


class CompareDriver:
    """Sends `rounds` prompts through the compare window, each to `columns` columns, one after the other."""

    def __init__(self, qt_app: QApplication, rounds: int, columns: int) -> None:
        self._app = qt_app
        self._rounds = rounds
        self._columns = columns
        self._sent = 0
        self._asked = False
        self._settle_until = 0.0
        self.marks: dict[str, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(_LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        window = next((w for w in self._app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or not window.isVisible() or window.current_conversation() is None:
            return
        if window.transcript.loading or not window.profile_picker.currentText():
            return
        if self._settle_until:
            if time.monotonic() >= self._settle_until:
                self.marks["rss_settled"] = rss_mb()
                self.marks["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(json.dumps(self.marks), flush=True)
                os._exit(0)
            return
        view = window.findChild(CompareView)
        if view is None:
            if not self._asked:
                self.marks["rss_ready"] = rss_mb()
                self._asked = True
                window.compareRequested.emit()
            return
        if len(view.columns) != self._columns:
            view.use_columns(preset_same(window.current_settings(), self._columns))
            return
        answered = 0 if view.run is None else len(view.run.prompts)
        if answered < self._sent or view.is_running():
            return  # the round is being sent or its replies are streaming
        step = max(self._rounds // 10, 1)
        if self._sent and self._sent % step == 0 and f"rss_round_{self._sent}" not in self.marks:
            self.marks[f"rss_round_{self._sent}"] = rss_mb()
        if self._sent == self._rounds:
            self._settle_until = time.monotonic() + _SETTLE_S
            return
        view.prompt.setPlainText(f"Question {self._sent + 1}: a short answer with a small table, please.")
        view.send()
        self._sent += 1


def main() -> None:
    data_dir = sys.argv[sys.argv.index("--data-dir") + 1]
    if "--compare" in sys.argv:
        rounds = int(sys.argv[sys.argv.index("--compare") + 1])
        columns = int(sys.argv[sys.argv.index("--columns") + 1]) if "--columns" in sys.argv else 6
        # The demo server as fast as it can answer (the app's --demo paces it for reading).
        core.demo.server.DEMO_PACE = Pace()  # type: ignore[misc]
        qt_app = QApplication(sys.argv[:1])
        compare = CompareDriver(qt_app, rounds, columns)
        triptych.main(["--demo", "--data-dir", data_dir])
        print(json.dumps(compare.marks), flush=True)
        return
    with sqlite3.connect(Path(data_dir) / "triptych.sqlite3") as db:
        ids = [row[0] for row in db.execute("SELECT id FROM conversations ORDER BY id")]
    qt_app = QApplication(sys.argv[:1])  # the app reuses it, so the driver's timer can exist first
    driver = Driver(qt_app, ids)
    triptych.main(["--data-dir", data_dir])
    print(json.dumps(driver.marks), flush=True)


if __name__ == "__main__":
    main()

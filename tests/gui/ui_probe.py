"""Timing the UI thread as the app's own: wall time less the time the thread was ready but got no CPU.

On a loaded machine the scheduler may keep a ready UI thread off the CPU for a few hundred milliseconds at a
time (measured with one core kept busy and other test runs on the 2-core test machine: a 10 ms timer 226 ms
late, 99 ms of it waiting for a CPU). A budget that charged the app with that would measure the machine.
What stays is the UI thread's own work and its waits for the GIL or a lock, which are the app's doing.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer


def cpu_wait() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a CPU (the kernel's run-queue delay,
    /proc/thread-self/schedstat on Linux); 0 where that is not known, so wall time is measured there."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Stopwatch:
    """Seconds since it was made, on the calling (UI) thread, less its waits for a CPU."""

    def __init__(self) -> None:
        self._started, self._waited = time.monotonic(), cpu_wait()

    def elapsed(self) -> float:
        return time.monotonic() - self._started - (cpu_wait() - self._waited)


class UiProbe:
    """A 10 ms timer on the UI thread; `worst` is the longest it waited between two ticks, less the UI
    thread's waits for a CPU meanwhile; `wall` is the longest wait as the clock read it."""

    def __init__(self) -> None:
        self.worst = self.wall = 0.0
        self._last, self._last_wait = time.monotonic(), cpu_wait()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now, waited = time.monotonic(), cpu_wait()
        self.worst = max(self.worst, now - self._last - (waited - self._last_wait))
        self.wall = max(self.wall, now - self._last)
        self._last, self._last_wait = now, waited

    def stop(self) -> float:
        self._timer.stop()
        self._tick()
        return self.worst

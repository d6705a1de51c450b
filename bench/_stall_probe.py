"""A stall probe for the benchmarks: while the UI thread's 10 ms timer is late, a watchdog thread samples the
UI thread's Python stack every millisecond and reads its CPU clock, so each late tick is reported with what
ran (Python frames; a stack that ends in the event loop is Qt's own work, or a wait for a core) and how much
of the lateness was the UI thread's own CPU.

    probe = StallProbe(); ...; probe.tick() on every tick of the timer; ...; probe.report()
"""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback
from dataclasses import dataclass

TICK_S = 0.010


@dataclass
class LateTick:
    at_s: float
    late_ms: float
    cpu_ms: float
    stacks: collections.Counter[tuple[str, ...]]


class StallProbe:
    def __init__(self, threshold_ms: float = 6.0, depth: int = 16) -> None:
        self._main = threading.main_thread().ident or 0
        self._clock = time.pthread_getcpuclockid(self._main)
        self._threshold = threshold_ms / 1000
        self._depth = depth
        self._start = self._last = time.perf_counter()
        self._last_cpu = time.clock_gettime(self._clock)
        self._current: collections.Counter[tuple[str, ...]] | None = None
        self.late: list[LateTick] = []
        self._stop = threading.Event()
        threading.Thread(target=self._watch, name="stall probe", daemon=True).start()

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.clock_gettime(self._clock)
        if self._current is not None:
            late_ms = (now - self._last - TICK_S) * 1000
            self.late.append(
                LateTick(self._last - self._start, late_ms, (cpu - self._last_cpu) * 1000, self._current)
            )
            self._current = None
        self._last, self._last_cpu = now, cpu

    def close(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        while not self._stop.wait(0.001):
            if time.perf_counter() - self._last <= self._threshold + TICK_S:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = tuple(
                f"{entry.filename.rsplit('/', 2)[-1]}:{entry.lineno} {entry.name}"
                for entry in traceback.extract_stack(frame)[-self._depth :]
            )
            if self._current is None:
                self._current = collections.Counter()
            self._current[stack] += 1

    def report(self, top: int = 6) -> None:
        """The late ticks with the most UI-thread CPU, each with its commonest stacks."""
        print(f"stall probe: {len(self.late)} ticks later than {self._threshold * 1000:.0f} ms; by UI CPU:")
        for late in sorted(self.late, key=lambda t: -t.cpu_ms)[:top]:
            print(
                f"--- at {late.at_s:.2f} s: late {late.late_ms:.1f} ms, UI CPU {late.cpu_ms:.1f} ms, "
                f"{sum(late.stacks.values())} samples (few samples and much CPU: the UI thread held the GIL)"
            )
            for stack, n in late.stacks.most_common(2):
                print(f"  [{n}]\n    " + "\n    ".join(stack))

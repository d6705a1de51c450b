"""Python's garbage collector, run on the UI thread only.

Python collects reference cycles in whichever thread allocates past the threshold: the store's worker, a
thread of `asyncio.to_thread`, the fake server's in the tests. A cycle that holds a Qt object then destroys
it on that thread: Qt warns "Timers cannot be stopped from another thread", and a timer left registered
with the UI thread fires later into freed memory (seen as rare segmentation faults in the GUI tests, more
often the more threads allocate). So automatic collection is switched off, and the UI thread collects on a
timer whenever the counts say a collection is due, which is what the automatic collector would have done,
in the thread Qt objects belong to.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_CHECK_EVERY_MS = 10  # small batches: a collection of 10 ms of allocations is a short pause
_FULL_EVERY_S = 60.0


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("mainThreadCollector")
        self._thresholds = gc.get_threshold()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self, interval=_CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> bool:
        """Collect the oldest generation whose count passed its threshold, as CPython's rule does, except that
        a full collection waits at least `_FULL_EVERY_S`: CPython also waits until the long-lived objects grew
        by a quarter, a count Python does not expose, and a full pass over a large heap takes tens of ms.
        True if it collected."""
        counts = gc.get_count()
        now = time.monotonic()
        if counts[2] > self._thresholds[2] and now - self._last_full >= _FULL_EVERY_S:
            gc.collect(2)
            self._last_full = now
        elif counts[1] > self._thresholds[1]:
            gc.collect(1)
        elif counts[0] > self._thresholds[0]:
            gc.collect(0)
        else:
            return False
        return True


_frozen = False


def freeze_long_lived() -> None:
    """Keep what exists now out of every later full collection, once per process.

    Called when the app's long-lived part is built (its modules, Python-Markdown's and Pygments', the main
    window): a full collection would otherwise walk it all on the UI thread, ~20-30 ms about once a minute
    while replies stream (bench/stream_render.py). Objects alive now that later become garbage cycles are
    not collected; what comes later (a compare window...) is collected as ever."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def collected_now() -> bool:
    """For work split into event-loop passes: a collection that is due, made now, in a pass of its own.

    The collector's timer fires in whichever pass it falls due, so a collection of young objects (7-13 ms
    after rendering a turn's Markdown, on a loaded machine) would otherwise add to a pass that also edits the
    document (bench/open_conversation.py --trace). True if it collected: the caller does its work in the next
    pass. False without a collector (a test's bare widget): nothing to wait for."""
    app = QCoreApplication.instance()
    collector = None if app is None else app.findChild(MainThreadCollector, "mainThreadCollector")
    return collector is not None and collector.collect_if_due()


def collect_on_main_thread(app: QCoreApplication) -> None:
    """Install the collector once per application."""
    if app.findChild(MainThreadCollector, "mainThreadCollector") is None:
        MainThreadCollector(app)

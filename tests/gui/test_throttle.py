"""Throttle: the first call at once, bursts coalesced into one call with the latest arguments, adaptive."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from gui.throttle import Throttle


class Recorder:
    def __init__(self, sleep_s: float = 0.0) -> None:
        self.calls: list[tuple[object, ...]] = []
        self.times: list[float] = []
        self.ended = 0.0
        self.sleep_s = sleep_s

    def __call__(self, *args: object) -> None:
        self.calls.append(args)
        self.times.append(time.monotonic())
        if self.sleep_s:
            time.sleep(self.sleep_s)
        self.ended = time.monotonic()


def test_first_call_runs_at_once(qtbot: QtBot) -> None:
    recorder = Recorder()
    throttle = Throttle(recorder, min_interval_ms=50)
    throttle(1)
    assert recorder.calls == [(1,)]
    assert not throttle.pending


def test_burst_is_coalesced_into_one_call_with_the_latest_arguments(qtbot: QtBot) -> None:
    recorder = Recorder()
    throttle = Throttle(recorder, min_interval_ms=50)
    for value in range(10):
        throttle(value)
    assert recorder.calls == [(0,)]
    assert throttle.pending
    qtbot.waitUntil(lambda: len(recorder.calls) == 2, timeout=1000)
    assert recorder.calls == [(0,), (9,)]
    assert recorder.times[1] - recorder.times[0] >= 0.045
    qtbot.wait(120)
    assert len(recorder.calls) == 2


def test_the_last_call_always_runs(qtbot: QtBot) -> None:
    recorder = Recorder()
    throttle = Throttle(recorder, min_interval_ms=20)
    deadline = time.monotonic() + 0.2
    sent = 0
    while time.monotonic() < deadline:
        sent += 1
        throttle(sent)
        qtbot.wait(3)
    qtbot.waitUntil(lambda: recorder.calls[-1] == (sent,), timeout=1000)
    # Never two runs within one interval, however busy the machine.
    gaps = [later - earlier for earlier, later in zip(recorder.times, recorder.times[1:], strict=False)]
    assert min(gaps) >= 0.019


def test_a_call_after_a_quiet_interval_runs_at_once(qtbot: QtBot) -> None:
    recorder = Recorder()
    throttle = Throttle(recorder, min_interval_ms=30)
    throttle("a")
    qtbot.wait(60)
    throttle("b")
    assert recorder.calls == [("a",), ("b",)]


def test_interval_stretches_after_a_slow_callback_and_is_capped(qtbot: QtBot) -> None:
    recorder = Recorder(sleep_s=0.06)
    throttle = Throttle(recorder, min_interval_ms=33, max_interval_ms=250)
    throttle(1)
    assert 110 <= throttle.interval_ms <= 250
    throttle(2)
    qtbot.waitUntil(lambda: len(recorder.calls) == 2, timeout=2000)
    # The second run waited about twice the first one's duration after it ended.
    assert recorder.times[1] - recorder.times[0] >= 0.06 + 0.1

    recorder.sleep_s = 0.2
    throttle.flush()
    throttle(3)
    qtbot.waitUntil(lambda: len(recorder.calls) == 3, timeout=2000)
    assert throttle.interval_ms == 250

    recorder.sleep_s = 0.0
    # Quiet for longer than the interval (waited for on the clock the throttle reads: a Qt timer of 260 ms
    # may fire a little early).
    qtbot.waitUntil(lambda: time.monotonic() - recorder.ended > 0.26, timeout=2000)
    throttle(4)
    assert recorder.calls[-1] == (4,), "after a quiet interval a call runs at once"
    assert throttle.interval_ms == 33


def test_cancel_drops_and_flush_runs_the_pending_call(qtbot: QtBot) -> None:
    recorder = Recorder()
    throttle = Throttle(recorder, min_interval_ms=40)
    throttle(1)
    throttle(2)
    throttle.cancel()
    qtbot.wait(80)
    assert recorder.calls == [(1,)]
    throttle(3)
    throttle(4)
    throttle.flush()
    assert recorder.calls == [(1,), (3,), (4,)]
    assert not throttle.pending


def test_a_call_made_by_the_callback_runs_after_the_interval(qtbot: QtBot) -> None:
    calls: list[int] = []

    def callback(value: int) -> None:
        calls.append(value)
        if value < 3:
            throttle(value + 1)

    throttle = Throttle(callback, min_interval_ms=20)
    throttle(1)
    assert calls == [1]
    qtbot.waitUntil(lambda: calls == [1, 2, 3], timeout=1000)

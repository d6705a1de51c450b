"""The pacer that spreads the compare columns' updates: every update arrives, in order, a column at a time."""

from __future__ import annotations

import itertools

from pytestqt.qtbot import QtBot

from gui.compare.pacer import ColumnPacer


def test_updates_reach_each_column_in_order_one_column_at_a_time(qtbot: QtBot) -> None:
    got: list[tuple[int, str]] = []
    pacer = ColumnPacer(lambda column, update: got.append((column, update)))
    pacer.push(0, "0a")
    assert got == [(0, "0a")], "the first update of a quiet spell goes at once"
    for n in "bcd":
        for column in range(3):
            pacer.push(column, f"{column}{n}")
    assert got == [(0, "0a")], "the rest wait for their column's turn"
    qtbot.waitUntil(lambda: len(got) == 10, timeout=2000)
    for column in range(3):
        assert [u for c, u in got if c == column] == [f"{column}{n}" for n in "abcd"[column > 0 :]]
    turns = [column for column, _ in itertools.groupby(c for c, _ in got[1:])]
    assert sorted(turns) == [0, 1, 2], "each column's held updates are handed over together, once"


def test_flush_hands_a_column_over_now_and_drop_forgets(qtbot: QtBot) -> None:
    got: list[tuple[int, str]] = []
    pacer = ColumnPacer(lambda column, update: got.append((column, update)))
    pacer.push(0, "first")
    pacer.push(1, "kept")
    pacer.push(2, "dropped")
    pacer.flush(1)
    assert got == [(0, "first"), (1, "kept")]
    pacer.drop(2)
    pacer.push(0, "later")
    pacer.drop()
    for column in range(3):
        pacer.flush(column)
    assert got == [(0, "first"), (1, "kept")], "dropped updates are gone, not just late"

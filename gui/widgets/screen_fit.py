"""A new top-level window sized to fit the screen it opens on: its preferred size, cut to the screen's
available area (without the task bar and panels), and centred there, so no part of it opens off screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24
"""Pixels left free around the window for the window manager's frame and title bar."""


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize `window` to `preferred`, or smaller to fit the available area of its screen (its parent's,
    else the primary one), and centre it there."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(preferred)
        return
    fit_into(window, preferred, screen.availableGeometry())


def fit_into(window: QWidget, preferred: QSize, available: QRect) -> None:
    """Resize `window` to `preferred`, or smaller to fit `available` (a screen's area without its panels),
    and centre it there. (A layout needing more than that still makes the window larger: Qt keeps a window at
    least its minimum size.)"""
    room = available.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    # The title bar sits above the client area: leave it room too.
    title_bar = 32
    size = QSize(
        max(1, min(preferred.width(), room.width())),
        max(1, min(preferred.height(), room.height() - title_bar)),
    )
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height() + title_bar)
    frame.moveCenter(available.center())
    window.move(frame.topLeft())  # a window's position is its frame's

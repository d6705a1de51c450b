"""The names the app's window and its desktop entry share, apart from the entry's code (core.desktop.entry),
so that the app can give them to Qt before its first frame without loading the rest."""

from __future__ import annotations

APP_ID = "triptych"
"""The entry's file name (triptych.desktop) and the icon's theme name."""
WINDOW_CLASS = "Triptych"
"""WM_CLASS's class of the app's windows (QCoreApplication.applicationName), the entry's StartupWMClass."""

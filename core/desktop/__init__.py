"""Fitting into the desktop: the freedesktop.org desktop entry and app icon (entry.py)."""

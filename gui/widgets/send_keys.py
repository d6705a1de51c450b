"""Which key sends a prompt, the same in the chat composer and the compare window: Enter (Shift+Enter a new
line), or, with the "Enter sends" preference off, Ctrl+Enter only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent


def is_send_key(event: QKeyEvent, *, enter_sends: bool) -> bool:
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    modifiers = event.modifiers()
    if enter_sends:
        return not modifiers & Qt.KeyboardModifier.ShiftModifier
    return bool(modifiers & Qt.KeyboardModifier.ControlModifier)

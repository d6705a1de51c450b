"""Where typing goes: to the composer, unless the user chose another control.

A newcomer types as soon as the window appears, or right after picking a conversation; if the keyboard
focus sat on a button, a space pressed it (the "New" button made a new conversation per space). So the
composer takes the focus at start, after "New conversation" and after another conversation opens. In the
conversation list the arrow keys keep browsing (the focus stays there), while a printable key typed there
moves to the composer with its character, and a click or Enter on a conversation moves the focus too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QWidget

_COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class ComposerFocus(QObject):
    """Gives the composer's editor the keyboard focus when the user is about to write."""

    def __init__(self, editor: QPlainTextEdit, conversation_list: QAbstractItemView, list_panel: QWidget):
        super().__init__(editor)
        self._editor = editor
        self._list = conversation_list
        self._panel = list_panel
        conversation_list.installEventFilter(self)
        conversation_list.clicked.connect(self.focus)
        conversation_list.activated.connect(self.focus)

    def focus(self) -> None:
        """The composer takes the focus (when its window is not active, it will have it on activation)."""
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def after_switch(self) -> None:
        """Another conversation is on screen: the composer takes the focus, unless the user is browsing
        the list or typing in its filter (the focus stays with them)."""
        current = QApplication.focusWidget()
        if current is None or not (current is self._panel or self._panel.isAncestorOf(current)):
            self.focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text and text.isprintable() and not event.modifiers() & _COMMAND_KEYS:
                # Typed in the list, meant for the composer: the character goes with the focus (instead
                # of the list jumping to a title, or a space selecting).
                self.focus()
                self._editor.insertPlainText(text)
                return True
        return super().eventFilter(watched, event)

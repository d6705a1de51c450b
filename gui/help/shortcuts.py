"""The keyboard shortcuts a window defines, read from its own QActions and QShortcuts when asked, so the
list shown to the user is the one in force (an action added later, by any feature, is in it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Shortcut:
    action: str
    """What it does: the action's text without its mnemonic mark and trailing ellipsis."""
    keys: tuple[QKeySequence, ...]

    def keys_text(self) -> str:
        """The keys as the platform writes them (Ctrl+K; ⌘K on macOS), alternatives separated by " / "."""
        return " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in self.keys)


def window_shortcuts(window: QWidget) -> list[Shortcut]:
    """Every shortcut of the window and what is inside it (menus, its dialogs and child windows open now),
    each once, in the order the actions were made."""
    found: dict[tuple[str, tuple[str, ...]], Shortcut] = {}
    for action in window.findChildren(QAction):
        keys = tuple(key for key in action.shortcuts() if not key.isEmpty())
        if keys:
            _add(found, Shortcut(_plain(action.text() or action.toolTip()), keys))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            _add(found, Shortcut(_plain(shortcut.whatsThis()), (shortcut.key(),)))
    return list(found.values())


def _add(found: dict[tuple[str, tuple[str, ...]], Shortcut], shortcut: Shortcut) -> None:
    key = (
        shortcut.action,
        tuple(k.toString(QKeySequence.SequenceFormat.PortableText) for k in shortcut.keys),
    )
    found.setdefault(key, shortcut)


def _plain(text: str) -> str:
    """ "&Quit" -> "Quit", "Compare settings…" -> "Compare settings" ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()

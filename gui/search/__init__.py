"""Search across conversations (Ctrl+K): the dialog, and the action that opens a hit at its message."""

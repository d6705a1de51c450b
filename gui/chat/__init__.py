"""The main window's chat: conversation list, composer, edits and versions, tool results, retry notice."""

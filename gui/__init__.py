"""The PySide6 app over core: composition root, main window, preferences menu, and a package per feature."""

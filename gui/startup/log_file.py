"""The log file in the data folder: what went wrong, for a bug report (Help -> About names the file).

INFO and above from every logger, the file rotated at 1 MB with two older copies kept, so it never grows
without bound. Keys never reach it: nothing the app or its libraries log at any level holds one
(tests/gui/test_secret_hygiene.py searches every log record at DEBUG). Opened only once this process holds
the data folder, so two processes never write one file.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

MAX_BYTES = 1_000_000
BACKUPS = 2


def start_log_file(path: Path) -> logging.Handler | None:
    """Send log records to `path`; None (and nothing logged to a file) if it cannot be opened."""
    try:
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        logging.getLogger(__name__).warning("The log file %s cannot be written", path, exc_info=True)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not root.handlers:
        # Warnings still reach a terminal, as they did through logging's last resort before this handler.
        terminal = logging.StreamHandler()
        terminal.setLevel(logging.WARNING)
        root.addHandler(terminal)
    root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return handler

"""Where Triptych keeps its data: one folder holding the database and the settings file.

The folder is, in order: the `--data-dir` argument, the `TRIPTYCH_DATA_DIR` environment variable (tests and
portable installs), or the platform's user data folder. Nothing else in the app computes a data path.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Triptych"
ENV_VAR = "TRIPTYCH_DATA_DIR"
DATABASE_FILE = "triptych.sqlite3"
SETTINGS_FILE = "settings.ini"
LOG_FILE = "triptych.log"


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder, created if missing."""
    chosen = override if override not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is None:
        # appauthor=False: no "Triptych/Triptych" nesting on Windows.
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    else:
        folder = Path(chosen).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def database_path(folder: Path) -> Path:
    return folder / DATABASE_FILE


def settings_path(folder: Path) -> Path:
    """The QSettings INI file (window geometry, language, theme): non-secret preferences only."""
    return folder / SETTINGS_FILE


def log_path(folder: Path) -> Path:
    """The app's log (warnings and errors, what a bug report needs; never a key): see gui.startup.log_file."""
    return folder / LOG_FILE

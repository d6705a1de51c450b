"""`triptych --install-desktop-entry` and `--uninstall-desktop-entry`: put the app in (or take it out of) the
desktop's applications menu (`core.desktop.entry`), and say what was done in the system's language.

Run from main.py before any window: Qt's core alone, for the translation.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from core.desktop.entry import DesktopEntryError, data_home, install, uninstall
from resources import translation_file


def install_desktop_entry(command: Sequence[str]) -> int:
    """Install the entry and the icons for `command`; the exit code."""
    _translated()
    try:
        files = install(data_home(os.environ), command)
    except DesktopEntryError as error:
        text = QCoreApplication.translate("DesktopEntry", "Could not write {path}: {reason}")
        print(text.format(path=error.path, reason=error.reason), file=sys.stderr)
        return 1
    print(
        QCoreApplication.translate(
            "DesktopEntry",
            "Triptych is in the applications menu: {entry}\nIts icon: {icons}\nThe menu starts: {command}",
        ).format(entry=files.entry, icons=files.icons[0].parents[2], command=shlex.join(command))
    )
    return 0


def uninstall_desktop_entry() -> int:
    """Remove what `install_desktop_entry` wrote; the exit code."""
    _translated()
    home = data_home(os.environ)
    try:
        removed = uninstall(home)
    except DesktopEntryError as error:
        text = QCoreApplication.translate("DesktopEntry", "Could not remove {path}: {reason}")
        print(text.format(path=error.path, reason=error.reason), file=sys.stderr)
        return 1
    if not removed:
        print(
            QCoreApplication.translate(
                "DesktopEntry", "Triptych was not in the applications menu ({folder}): nothing to remove."
            ).format(folder=home / "applications")
        )
        return 0
    text = QCoreApplication.translate("DesktopEntry", "Removed Triptych from the applications menu:\n{files}")
    print(text.format(files="\n".join(str(path) for path in removed)))
    return 0


_kept: list[object] = []
"""The translator and the bytes it reads in place (Qt does not copy them): alive until the process ends."""


def _translated() -> None:
    """Qt's core application with the app's translation for the system's language (no settings are read:
    this runs without a data folder)."""
    qt_app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    found = translation_file(QLocale.system().name())
    if found is None or _kept:
        return
    translator = QTranslator(qt_app)
    data = found.read_bytes()
    if translator.load(data):
        qt_app.installTranslator(translator)
        _kept.extend((translator, data))

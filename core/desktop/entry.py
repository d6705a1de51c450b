"""The freedesktop.org desktop entry and the app icon, put where desktops look for them (Linux and the BSDs):
`$XDG_DATA_HOME/applications/triptych.desktop` and `$XDG_DATA_HOME/icons/hicolor/<size>/apps/triptych.*`
(`~/.local/share` when XDG_DATA_HOME is unset or not absolute, as the XDG base directory spec says).

The entry's `Exec` and `TryExec` name the command that started this install, so the menu starts the same copy
(a pipx script, a virtual environment's, a PyInstaller bundle's executable, or `python main.py` from a
checkout); `TryExec` hides the entry once that command is gone. `StartupWMClass` is the window's WM_CLASS
class, `WINDOW_CLASS`, the application name `gui.app` gives Qt (Qt's xcb platform uses it as the class), so
a dock groups the window under the entry's icon.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Re-exported: the entry's names, kept apart so the app reads them without loading this module.
from core.desktop.names import APP_ID as APP_ID
from core.desktop.names import WINDOW_CLASS as WINDOW_CLASS
from resources import desktop_entry_template, icon_file

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The PNG renderings shipped in resources/icons/app (`make icons`), each in its hicolor folder."""

# Characters an Exec argument may hold unquoted; any other one (the spec's reserved characters and more)
# puts the argument in double quotes.
_PLAIN_ARGUMENT = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


class DesktopEntryError(Exception):
    """A file of the entry could not be written or removed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class DesktopFiles:
    entry: Path
    """The .desktop file."""
    icons: tuple[Path, ...]
    """The scalable SVG, then a PNG per size."""

    @property
    def all(self) -> tuple[Path, ...]:
        return (self.entry, *self.icons)


def data_home(environ: Mapping[str, str]) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (the spec says to ignore it)."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    home = environ.get("HOME") or str(Path.home())
    return Path(home) / ".local" / "share"


def desktop_files(home: Path) -> DesktopFiles:
    """Where the entry and the icons go under a data home."""
    hicolor = home / "icons" / "hicolor"
    pngs = tuple(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES)
    return DesktopFiles(
        entry=home / "applications" / f"{APP_ID}.desktop",
        icons=(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", *pngs),
    )


def launcher_command(argv0: str, executable: str, *, frozen: bool) -> tuple[str, ...]:
    """The command that starts this copy of the app, from how this process was started: a bundle's
    executable, a console script (pipx, a virtual environment), or Python with main.py."""
    if frozen:
        return (os.path.abspath(executable),)
    if argv0 in ("", "-c"):
        return (executable, "-m", "main")
    if argv0.endswith(".py"):
        return (executable, os.path.abspath(argv0))
    return (os.path.abspath(argv0),)


def exec_value(command: Sequence[str]) -> str:
    """`command` as the Exec key's value: each argument quoted when the spec says it must be, a literal `%`
    doubled, then escaped as a desktop entry string (backslashes doubled, line breaks as `\\n`)."""
    words = []
    for argument in command:
        if not _PLAIN_ARGUMENT.fullmatch(argument):
            escaped = re.sub(r'(["`$\\])', r"\\\1", argument)
            argument = f'"{escaped}"'
        words.append(argument.replace("%", "%%"))
    return _string_value(" ".join(words))


def entry_text(template: str, command: Sequence[str]) -> str:
    """The template with Exec and TryExec naming `command` (TryExec: its program, for the entry to hide
    once it is gone)."""
    lines = []
    for line in template.splitlines():
        key = line.partition("=")[0]
        if key == "Exec":
            line = f"Exec={exec_value(command)}"
        elif key == "TryExec":
            line = f"TryExec={_string_value(command[0])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path, command: Sequence[str]) -> DesktopFiles:
    """Write the entry and the icons under `home` (replacing an earlier install's), each file whole."""
    files = desktop_files(home)
    svg, *pngs = files.icons
    contents: dict[Path, bytes] = {
        files.entry: entry_text(desktop_entry_template(), command).encode(),
        svg: icon_file(f"{APP_ID}.svg").read_bytes(),
    }
    for size, png in zip(ICON_SIZES, pngs, strict=True):
        contents[png] = icon_file(f"app/{APP_ID}-{size}.png").read_bytes()
    for path, data in contents.items():
        _write_whole(path, data)
    return files


def uninstall(home: Path) -> tuple[Path, ...]:
    """Remove what `install` writes under `home`; the files that were there. Folders stay (shared)."""
    removed = []
    for path in desktop_files(home).all:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(path, error.strerror or str(error)) from error
        removed.append(path)
    return tuple(removed)


def _string_value(text: str) -> str:
    """A desktop entry `string` value: backslash and control characters escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _write_whole(path: Path, data: bytes) -> None:
    """Through a temporary file renamed over the old one: a desktop never reads half an entry or icon."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.chmod(0o644)
        partial.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):  # never written, or its folder is not one
            partial.unlink(missing_ok=True)
        raise DesktopEntryError(path, error.strerror or str(error)) from error

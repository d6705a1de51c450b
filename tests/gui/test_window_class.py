"""A dock groups the app's window under its desktop entry: on a real X server (Xvfb), the window's WM_CLASS
class is the entry's StartupWMClass and its desktop-file property (what KDE reads; on Wayland the same name
is the app id) names the entry. Read with xprop, as a dock reads them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.desktop.entry import APP_ID, WINDOW_CLASS
from resources import desktop_entry_template
from tests.paths import REPO
from tests.waiting import wait_until_sync

X_TOOLS = ("Xvfb", "xprop", "xwininfo")


def _x_server(tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "xvfb.log").open("wb"),
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = numbers.readline().strip()
    assert display.isdigit(), (tmp_path / "xvfb.log").read_text()
    return server, f":{display}"


def _app_window(display: str) -> str | None:
    """The id of the top-level window named Triptych that has a WM_CLASS (the main window), if mapped yet."""
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True, timeout=30
    ).stdout
    match = re.search(r'^\s*(0x[0-9a-f]+) "Triptych": \("[^"]*" "[^"]*"\)', tree, re.MULTILINE)
    return match[1] if match else None


def _property(display: str, window: str, name: str) -> str:
    result = subprocess.run(
        ["xprop", "-display", display, "-id", window, name], capture_output=True, text=True, timeout=30
    )
    return result.stdout.strip()


def test_the_windows_class_and_desktop_file_name_match_the_desktop_entry(tmp_path: Path) -> None:
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"no {', '.join(missing)} here (xvfb and x11-utils; .ci/run installs them)")
    entry = dict(line.split("=", 1) for line in desktop_entry_template().splitlines() if "=" in line)
    assert entry["StartupWMClass"] == WINDOW_CLASS and entry["Icon"] == APP_ID

    server, display = _x_server(tmp_path)
    log = tmp_path / "app.log"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    with log.open("wb") as output:
        app = subprocess.Popen(
            [sys.executable, str(REPO / "main.py"), "--data-dir", str(tmp_path / "data")],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        windows: list[str] = []

        def mapped() -> bool:
            windows.extend(filter(None, [_app_window(display)]))
            return bool(windows)

        wait_until_sync(mapped, 60, "the main window on the X server", app, log.read_text)
        window = windows[0]
        # The instance name is the program's (main.py here, triptych from pipx); docks match the class.
        assert re.fullmatch(
            rf'WM_CLASS\(STRING\) = "[^"]+", "{WINDOW_CLASS}"', _property(display, window, "WM_CLASS")
        )
        assert _property(display, window, "_KDE_NET_WM_DESKTOP_FILE") == (
            f'_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = "{APP_ID}"'
        )
    finally:
        app.terminate()
        app.wait(30)
        server.terminate()
        server.wait(30)

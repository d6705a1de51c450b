"""`triptych --install-desktop-entry` as a user runs it (the real command in a process of its own, with a
temporary XDG_DATA_HOME and HOME): the entry desktop-file-validate accepts, starting this copy, grouped with
the window, the icon in every size, all of it removed again by `--uninstall-desktop-entry`."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from core.desktop.entry import (
    APP_ID,
    ICON_SIZES,
    WINDOW_CLASS,
    data_home,
    entry_text,
    exec_value,
    launcher_command,
)
from resources import desktop_entry_template, icon_file
from tests.paths import REPO

MAIN = REPO / "main.py"


def _triptych(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGS` with a home of its own, in English unless `env` says otherwise."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("XDG_DATA_HOME", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    environ.update({"HOME": str(home), "LANG": "en_US.UTF-8", "QT_QPA_PLATFORM": "offscreen", **env})
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def _read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _validate(path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils; .ci/run installs it)")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_install_puts_a_valid_entry_and_every_icon_under_xdg_data_home_then_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    share = tmp_path / "share"
    installed = _triptych(tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share))
    assert installed.returncode == 0, installed.stderr

    entry = share / "applications" / "triptych.desktop"
    assert installed.stdout.startswith(f"Triptych is in the applications menu: {entry}\n")
    assert f"The menu starts: {sys.executable} {MAIN}" in installed.stdout
    _validate(entry)
    fields = _read_entry(entry)
    assert fields["Exec"] == f"{sys.executable} {MAIN}", "the menu starts this copy, from any folder"
    assert fields["TryExec"] == sys.executable
    assert fields["Icon"] == APP_ID
    assert fields["StartupWMClass"] == WINDOW_CLASS == "Triptych"
    assert fields["GenericName[zh_CN]"] and fields["Comment[zh_CN]"]

    hicolor = share / "icons" / "hicolor"
    svg = hicolor / "scalable" / "apps" / "triptych.svg"
    assert svg.read_bytes() == icon_file("triptych.svg").read_bytes()
    for size in ICON_SIZES:
        assert _png_size(hicolor / f"{size}x{size}" / "apps" / "triptych.png") == (size, size)
    written = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    assert all(path.is_relative_to(share) for path in written), "nothing outside XDG_DATA_HOME"
    assert len(written) == 1 + 1 + len(ICON_SIZES)

    again = _triptych(tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share))
    assert again.returncode == 0, again.stderr
    assert sorted(path for path in tmp_path.rglob("*") if path.is_file()) == written, "replaced, not added"

    removed = _triptych(tmp_path, "--uninstall-desktop-entry", XDG_DATA_HOME=str(share))
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("Removed Triptych from the applications menu:\n")
    assert str(entry) in removed.stdout and str(svg) in removed.stdout
    assert not any(path.is_file() for path in tmp_path.rglob("*"))

    nothing = _triptych(tmp_path, "--uninstall-desktop-entry", XDG_DATA_HOME=str(share))
    assert nothing.returncode == 0
    assert nothing.stdout.strip() == (
        f"Triptych was not in the applications menu ({share / 'applications'}): nothing to remove."
    )


def test_without_xdg_data_home_the_entry_goes_to_local_share_in_home(tmp_path: Path) -> None:
    result = _triptych(tmp_path, "--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "home" / ".local" / "share" / "applications" / "triptych.desktop").is_file()


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says() -> None:
    assert data_home({"XDG_DATA_HOME": "relative/share", "HOME": "/home/u"}) == Path("/home/u/.local/share")
    assert data_home({"XDG_DATA_HOME": "", "HOME": "/home/u"}) == Path("/home/u/.local/share")
    assert data_home({"XDG_DATA_HOME": "/x/share", "HOME": "/home/u"}) == Path("/x/share")


def test_a_folder_that_cannot_be_written_is_named_with_the_reason_and_the_exit_code_says_so(
    tmp_path: Path,
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "applications").write_text("a file where the folder belongs")
    result = _triptych(tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share))
    assert result.returncode == 1
    assert re.fullmatch(
        rf"Could not write {re.escape(str(share / 'applications' / 'triptych.desktop'))}: .+",
        result.stderr.strip(),
    ), result.stderr
    assert (share / "applications").read_text() == "a file where the folder belongs", "left as it was"


def test_the_messages_are_in_the_systems_language(tmp_path: Path) -> None:
    share = tmp_path / "share"
    result = _triptych(tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share), LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Triptych 已加入应用程序菜单：")


@pytest.mark.parametrize(
    ("argv0", "frozen", "expected"),
    [
        ("/opt/pipx/bin/triptych", False, ("/opt/pipx/bin/triptych",)),
        ("/src/triptych/main.py", False, ("/usr/bin/python3", "/src/triptych/main.py")),
        ("-c", False, ("/usr/bin/python3", "-m", "main")),
        ("/apps/triptych/triptych", True, ("/usr/bin/python3",)),
    ],
)
def test_the_launcher_is_the_command_that_started_this_copy(
    argv0: str, frozen: bool, expected: tuple[str, ...]
) -> None:
    # A bundle's executable is sys.executable itself (here standing in as /usr/bin/python3).
    assert launcher_command(argv0, "/usr/bin/python3", frozen=frozen) == expected


def _unquote_exec(value: str) -> list[str]:
    """The desktop entry spec's reading of an Exec value, written apart from the code under test: the
    string escapes first, then the quoting of arguments, then %% as %."""
    text = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    arguments, current, quoted, i, started = [], "", False, 0, False
    while i < len(text):
        char = text[i]
        if quoted and char == "\\" and text[i + 1] in '"`$\\':
            current, i = current + text[i + 1], i + 2
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current, started = current + char, True
        i += 1
    if started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def test_a_launcher_path_with_spaces_quotes_dollars_backslashes_and_percents_survives_the_exec_key(
    tmp_path: Path,
) -> None:
    command = ['/home/u/My Apps/t$x `a`/50% \\ "q"/bin/triptych', "--flag"]
    assert _unquote_exec(exec_value(command)) == command
    entry = tmp_path / "triptych.desktop"
    entry.write_text(entry_text(desktop_entry_template(), command), encoding="utf-8")
    _validate(entry)
    assert _unquote_exec(_read_entry(entry)["Exec"]) == command

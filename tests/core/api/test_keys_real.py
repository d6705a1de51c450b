"""Keys in a real Secret Service (gnome-keyring in a private D-Bus session), and on a machine with none.

Each test runs a script from tests/keyring_real in a subprocess whose HOME and XDG folders are in tmp_path,
so the developer's own keyring is never touched. There is no DISPLAY either, so an unlock prompt can never
appear on the developer's screen: it fails, as it would on a headless machine. CI installs the tools
(.ci/run); where they are missing these tests fail rather than skip.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.paths import REPO

ROOT = REPO
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "secret-tool")
LOGIN_PASSWORD = "the login password of this test"
# gnome-keyring creates the 'login' collection when it is unlocked with a password on stdin.
START_KEYRING = (
    'printf %s "$LOGIN_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null'
    ' && exec "$0" -m tests.keyring_real.secret_service "$1"'
)


def private_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    folders = {
        "HOME": home,
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_RUNTIME_DIR": tmp_path / "run",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return {
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        **{name: str(path) for name, path in folders.items()},
    }


def in_keyring_session(env: dict[str, str], mode: str, key: str = "") -> dict[str, Any]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, (
        f"{missing} not found: install gnome-keyring dbus dbus-x11 libsecret-tools (see .ci/run)"
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", START_KEYRING, sys.executable, mode],
        input=key,
        env={**env, "LOGIN_PASSWORD": LOGIN_PASSWORD},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def files_containing(folder: Path, text: str) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and text.encode() in path.read_bytes()]


def test_the_key_is_kept_in_the_secret_service_and_nowhere_else(tmp_path: Path) -> None:
    key = f"sk-ant-api03-{secrets.token_urlsafe(48)}-triptych-test"
    env = private_env(tmp_path)

    wrote = in_keyring_session(env, "write", key)
    assert (wrote["usable"], wrote["backend"]) == (True, "SecretService Keyring")
    assert wrote["read_back"] == key
    assert wrote["secret_tool"] == key
    assert wrote["after_rename"] == {"old": "", "new": key[::-1]}
    assert wrote["after_delete"] == ""
    assert wrote["locked"] == {
        "problem": "locked",
        "message": "The keyring is locked, so the key for “Work relay” could not be read. "
        "Unlock the keyring and try again, or keep the key for this session only.",
    }

    # A new daemon over the same data folder: the key was saved to gnome-keyring's own file, encrypted.
    reread = in_keyring_session(env, "read")
    assert reread == {"read_back": key, "secret_tool": key}
    assert (Path(env["XDG_DATA_HOME"]) / "keyrings" / "login.keyring").is_file()
    assert files_containing(tmp_path, key) == []
    assert files_containing(tmp_path, key[::-1]) == []


def test_without_a_keyring_service_the_key_can_be_kept_for_this_session_only(tmp_path: Path) -> None:
    key = f"sk-ant-api03-{secrets.token_urlsafe(48)}-triptych-test"
    env = {**private_env(tmp_path), "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus-here'}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.keyring_real.no_keyring"],
        input=key,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)

    reason = (
        "No keyring service is running (Secret Service not found). Keys can be kept for this session only."
    )
    assert seen == {
        "usable": False,
        "backend": "fail Keyring",
        "reason": reason,
        "save_refused": reason,
        "session_read_back": key,
        "session_only": True,
        "dbus_error": {
            "problem": "unreachable",
            "message": "The keyring did not work, so the key for “Anthropic” could not be read. "
            "Try again, or keep the key for this session only.",
        },
    }
    assert files_containing(tmp_path, key) == []

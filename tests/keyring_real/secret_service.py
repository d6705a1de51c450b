"""KeyStore against a real Secret Service: run inside `dbus-run-session` with gnome-keyring unlocked.

`write` saves the key read from stdin and exercises rename, delete and a locked collection; `read` (in a
later session over the same data folder) reads it back. Each prints what it saw as JSON for the caller.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import secretstorage

from core.api.keys import KeyringUnavailable, KeyStore

PROFILE = "Work relay"


def secret_tool_lookup(profile: str) -> str:
    """What libsecret itself finds for the entry, independently of keyring and KeyStore."""
    found = subprocess.run(
        ["secret-tool", "lookup", "service", "triptych", "username", profile],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return found.stdout


def write(key: str) -> dict[str, Any]:
    store = KeyStore()
    status = store.availability()
    store.set(PROFILE, key)
    seen: dict[str, Any] = {
        "usable": status.usable,
        "backend": status.backend_name,
        "read_back": KeyStore().get(PROFILE),
        "secret_tool": secret_tool_lookup(PROFILE),
    }
    store.set("Old name", key[::-1])
    store.rename("Old name", "New name")
    seen["after_rename"] = {"old": secret_tool_lookup("Old name"), "new": secret_tool_lookup("New name")}
    store.delete("New name")
    seen["after_delete"] = secret_tool_lookup("New name")
    seen["locked"] = read_while_locked()
    return seen


def read_while_locked() -> dict[str, str]:
    with secretstorage.dbus_init() as connection:
        secretstorage.get_default_collection(connection).lock()
    try:
        KeyStore().get(PROFILE)
    except KeyringUnavailable as failure:
        return {"problem": failure.problem, "message": failure.message}
    return {"problem": "none: the key was read from a locked collection"}


def read() -> dict[str, Any]:
    return {"read_back": KeyStore().get(PROFILE), "secret_tool": secret_tool_lookup(PROFILE)}


if __name__ == "__main__":
    seen = write(sys.stdin.read()) if sys.argv[1] == "write" else read()
    print(json.dumps(seen))

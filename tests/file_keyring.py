"""A keyring backend for app processes that tests start: entries in a JSON file the test names.

A subprocess picks it with `PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring` and finds its file in
`TRIPTYCH_TEST_KEYRING_FILE`. The file lives under the test's tmp folder, away from the app's data folder,
so a scan of what the app wrote never finds the key in it. Test code only: the app refuses file backends
from the real keyring packages, and nothing outside tests/ imports this.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_VARIABLE = "TRIPTYCH_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    priority = 1
    # Defining a backend registers it with keyring: not viable keeps keyring from picking it on its own.
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.file = Path(os.environ[FILE_VARIABLE])

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(_entry(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._write({**self._entries(), _entry(service, username): password})

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(_entry(service, username), None) is None:
            raise PasswordDeleteError("No such password!")
        self._write(entries)

    def _entries(self) -> dict[str, str]:
        return json.loads(self.file.read_text("utf-8")) if self.file.exists() else {}

    def _write(self, entries: dict[str, str]) -> None:
        self.file.write_text(json.dumps(entries), "utf-8")


def write_key(file: Path, service: str, username: str, key: str) -> None:
    """Put an entry in the file before the app process starts."""
    file.write_text(json.dumps({_entry(service, username): key}), "utf-8")


def _entry(service: str, username: str) -> str:
    return f"{service}/{username}"

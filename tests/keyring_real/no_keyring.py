"""KeyStore on a machine without any keyring service: run with the D-Bus session address pointing nowhere.

Prints what it saw as JSON for tests/core/api/test_keys_real.py. The key comes on stdin.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from keyring.backends import SecretService

from core.api.keys import KeyringUnavailable, KeyStore


def main(key: str) -> dict[str, Any]:
    store = KeyStore()
    status = store.availability()
    seen: dict[str, Any] = {"usable": status.usable, "backend": status.backend_name, "reason": status.reason}
    try:
        store.set("Anthropic", key)
    except KeyringUnavailable as failure:
        seen["save_refused"] = failure.message
    store.set("Anthropic", key, session_only=True)
    seen["session_read_back"] = store.get("Anthropic")
    seen["session_only"] = store.is_session_only("Anthropic")
    # The Secret Service backend asked for by name: the D-Bus error must come back typed and plain.
    try:
        KeyStore(SecretService.Keyring()).get("Anthropic")
    except KeyringUnavailable as failure:
        seen["dbus_error"] = {"problem": failure.problem, "message": failure.message}
    return seen


if __name__ == "__main__":
    print(json.dumps(main(sys.stdin.read())))

"""KeyStore over real keyring backends: an in-memory one written here, and keyring's own fail and null ones.

The real Secret Service and the machine without any keyring are in test_secrets_real.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.errors import InitError, KeyringError, KeyringLocked

from core.api.keys import SERVICE, KeyringUnavailable, KeyStore
from tests.keyring_backends import DictKeyring

KEY = "sk-ant-api03-Zq8vN3xW1yR6tP0sL4kJ7hG2fD9cB5aM-distinctive-a1b2"


class FailingKeyring(DictKeyring):
    """A backend whose service is there but fails every call, as a locked or vanished Secret Service does."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


class PlaintextFileKeyring(DictKeyring):
    """Keeps keys in a JSON file, as keyrings.alt's file backends do (and claims their package)."""

    __module__ = "keyrings.alt.file"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(json.dumps({f"{service}/{username}": password}))


def chain_of(*members: KeyringBackend) -> ChainerBackend:
    class Chain(ChainerBackend):
        backends: ClassVar[list[KeyringBackend]] = list(members)
        viable = False  # never chosen by keyring.get_keyring() elsewhere in this process

    return Chain()


def test_keys_are_saved_read_renamed_and_deleted_in_the_keyring() -> None:
    backend = DictKeyring()
    store = KeyStore(backend)
    assert store.availability().usable
    assert store.availability().reason == ""

    store.set("Anthropic", KEY)
    assert backend.entries == {(SERVICE, "Anthropic"): KEY}
    assert KeyStore(backend).get("Anthropic") == KEY
    assert not store.is_session_only("Anthropic")

    store.rename("Anthropic", "Work relay")
    assert backend.entries == {("triptych", "Work relay"): KEY}
    assert store.get("Anthropic") is None

    store.delete("Work relay")
    assert backend.entries == {}
    assert store.get("Work relay") is None
    store.delete("Work relay")  # already gone: nothing to do


def test_a_pasted_key_loses_its_surrounding_whitespace_and_an_empty_one_is_refused() -> None:
    backend = DictKeyring()
    store = KeyStore(backend)
    store.set("Anthropic", f"  {KEY}\n")
    assert store.get("Anthropic") == KEY
    with pytest.raises(ValueError, match="cannot be empty"):
        store.set("Anthropic", " \n")
    assert store.get("Anthropic") == KEY


def test_a_session_only_key_stays_in_memory_and_is_gone_for_a_new_store() -> None:
    backend = DictKeyring()
    store = KeyStore(backend)
    store.set("Relay", KEY, session_only=True)

    assert store.get("Relay") == KEY
    assert store.is_session_only("Relay")
    assert backend.entries == {}
    assert KeyStore(backend).get("Relay") is None

    store.rename("Relay", "Relay 2")
    assert store.get("Relay 2") == KEY and store.is_session_only("Relay 2")
    assert store.get("Relay") is None

    # Saving it for good moves it to the keyring.
    store.set("Relay 2", KEY)
    assert not store.is_session_only("Relay 2")
    assert backend.entries == {(SERVICE, "Relay 2"): KEY}

    store.set("Relay 2", "sk-other-session-key", session_only=True)
    store.delete("Relay 2")
    assert store.get("Relay 2") is None
    assert backend.entries == {}


def test_renaming_moves_both_the_keyring_entry_and_a_session_key_that_shadows_it() -> None:
    backend = DictKeyring()
    store = KeyStore(backend)
    store.set("Relay", KEY)
    store.set("Relay", "sk-session-key", session_only=True)
    assert store.get("Relay") == "sk-session-key"

    store.rename("Relay", "Relay 2")
    assert backend.entries == {(SERVICE, "Relay 2"): KEY}
    assert store.get("Relay 2") == "sk-session-key" and store.is_session_only("Relay 2")
    assert store.get("Relay") is None


def test_without_a_keyring_service_it_says_so_and_offers_this_session_only() -> None:
    store = KeyStore(fail.Keyring())
    status = store.availability()
    assert not status.usable
    assert status.problem == "no_service"
    assert status.reason == (
        "No keyring service is running (Secret Service not found). Keys can be kept for this session only."
    )
    assert store.get("Anthropic") is None

    with pytest.raises(KeyringUnavailable) as raised:
        store.set("Anthropic", KEY)
    assert raised.value.message == status.reason
    assert raised.value.action == "save"

    store.set("Anthropic", KEY, session_only=True)
    assert store.get("Anthropic") == KEY
    store.delete("Anthropic")
    assert store.get("Anthropic") is None


def test_the_null_backend_is_refused_because_it_would_drop_the_key() -> None:
    status = KeyStore(null.Keyring()).availability()
    assert not status.usable
    assert status.problem == "switched_off"
    assert "switched off" in status.reason and "this session only" in status.reason


def test_a_file_backend_is_refused_and_never_written(tmp_path: Path) -> None:
    keys_file = tmp_path / "keyring_pass.cfg"
    store = KeyStore(PlaintextFileKeyring(keys_file))
    status = store.availability()
    assert not status.usable
    assert status.problem == "file_backend"
    assert status.reason.startswith(
        "The only keyring available (file PlaintextFileKeyring) would keep keys in a file"
    )

    with pytest.raises(KeyringUnavailable):
        store.set("Anthropic", KEY)
    store.set("Anthropic", KEY, session_only=True)
    store.rename("Anthropic", "Renamed")
    assert not keys_file.exists()


def test_a_chain_uses_only_its_safe_members(tmp_path: Path) -> None:
    keys_file = tmp_path / "keyring_pass.cfg"
    safe = DictKeyring()
    store = KeyStore(chain_of(PlaintextFileKeyring(keys_file), safe))
    assert store.availability().usable
    assert store.availability().backend_name == "keyring backends DictKeyring"

    store.set("Anthropic", KEY)
    assert safe.entries == {(SERVICE, "Anthropic"): KEY}
    assert not keys_file.exists()


def test_a_chain_of_only_file_backends_or_of_nothing_is_refused(tmp_path: Path) -> None:
    only_files = KeyStore(chain_of(PlaintextFileKeyring(tmp_path / "a.cfg"), null.Keyring())).availability()
    assert not only_files.usable
    assert only_files.problem == "file_backend"
    assert "(file PlaintextFileKeyring)" in only_files.reason

    empty = KeyStore(chain_of()).availability()
    assert not empty.usable
    assert empty.problem == "no_service"


LOCKED = "The keyring is locked"
BROKEN = "The keyring did not work"


@pytest.mark.parametrize(
    ("error", "problem", "words"),
    [
        (KeyringLocked("Failed to unlock the collection!"), "locked", LOCKED),
        (InitError("Failed to create the collection: Prompt dismissed.."), "unreachable", BROKEN),
        (KeyringError("org.freedesktop.DBus.Error.ServiceUnknown"), "unreachable", BROKEN),
        (ConnectionRefusedError(111, "Connection refused"), "unreachable", BROKEN),
    ],
)
def test_a_failing_keyring_gives_a_plain_typed_error_and_nothing_is_kept_elsewhere(
    error: Exception, problem: str, words: str
) -> None:
    store = KeyStore(FailingKeyring(error))
    assert store.availability().usable  # it looked fine until it was used

    for action, call, done in [
        ("save", lambda: store.set("Work", KEY), "saved"),
        ("read", lambda: store.get("Work"), "read"),
        ("delete", lambda: store.delete("Work"), "removed"),
    ]:
        with pytest.raises(KeyringUnavailable) as raised:
            call()
        failure = raised.value
        assert (failure.problem, failure.action, failure.profile_name) == (problem, action, "Work")
        assert failure.message.startswith(f"{words}, so the key for “Work” could not be {done}.")
        assert failure.__cause__ is error
        assert KEY not in repr(failure) and KEY not in failure.detail

    assert not store.is_session_only("Work")  # a failed save is not quietly kept in memory instead


def test_masked_shows_only_the_start_and_the_last_four_characters() -> None:
    assert KeyStore.masked(KEY) == "sk-ant-…a1b2"
    assert KeyStore.masked("sk-ant-api03-" + "x" * 95 + "Q9z0") == "sk-ant-…Q9z0"
    assert KeyStore.masked("sk-short-key-1234") == "••••••••"
    assert KeyStore.masked("abc") == "••••••••"
    assert KeyStore.masked("") == ""


def test_no_repr_shows_a_key() -> None:
    backend = DictKeyring()
    store = KeyStore(backend)
    store.set("Saved", KEY)
    store.set("Session", KEY[::-1], session_only=True)

    shown = repr(store) + str(store) + repr(store.availability())
    assert shown.startswith("KeyStore(backend='keyring backends DictKeyring', session_only=['Session'])")
    assert KEY not in shown and KEY[::-1] not in shown

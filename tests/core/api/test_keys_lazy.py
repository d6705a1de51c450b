"""KeyStore finds the keyring on first use, not when the app builds it: finding it loads every backend plugin
and may ask D-Bus, which must not hold up the first window (bench/startup.py)."""

from __future__ import annotations

import threading

import keyring
import pytest

from core.api.keys import SERVICE, KeyStore
from tests.keyring_backends import DictKeyring


@pytest.fixture
def detections(monkeypatch: pytest.MonkeyPatch) -> list[DictKeyring]:
    """keyring.get_keyring() replaced by one that records each detection and answers a dict backend."""
    found: list[DictKeyring] = []
    overlapped = threading.Event()

    def get_keyring() -> DictKeyring:
        backend = DictKeyring()
        found.append(backend)
        if len(found) > 1:
            overlapped.set()
        # Detection takes a while: long enough for a second caller to arrive, unless a lock keeps it out.
        overlapped.wait(0.2)
        return backend

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    return found


def test_building_a_key_store_leaves_the_keyring_alone(detections: list[DictKeyring]) -> None:
    store = KeyStore()
    store.set("Demo", "demo", session_only=True)
    assert store.get("Demo") == "demo"
    assert detections == []


def test_the_keyring_is_found_once_on_first_use_whichever_thread_asks(detections: list[DictKeyring]) -> None:
    store = KeyStore()
    threads = [threading.Thread(target=store.availability) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(detections) == 1
    store.set("Anthropic", "sk-ant-test-key")
    assert detections[0].entries == {(SERVICE, "Anthropic"): "sk-ant-test-key"}

"""The pool makes each profile's client off the event loop's thread (the keyring and the TLS context cost
~0.1 s of CPU the first time: a stall of the UI), and callers asking at once share one client."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

import core.api.client
from core.api.pool import ClientPool
from core.model.profile import Profile
from core.wire.errors import MissingKeyError


class Keys:
    def get(self, profile_name: str) -> str | None:
        return "sk-pool-test-0123456789"


async def test_clients_are_made_off_the_loop_thread_and_shared_by_callers_asking_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[tuple[threading.Thread, httpx.AsyncClient]] = []
    real = core.api.client.http_client_for

    def recording(profile: Profile, timeout: httpx.Timeout) -> httpx.AsyncClient:  # the real one, watched
        client = real(profile, timeout)
        made.append((threading.current_thread(), client))
        return client

    monkeypatch.setattr(core.api.client, "http_client_for", recording)
    pool = ClientPool(Keys(), [Profile("Relay", "http://127.0.0.1:9")])
    clients = await asyncio.gather(*(pool.client_for("Relay") for _ in range(6)))

    assert all(client is clients[0] for client in clients)
    assert made and all(thread is not threading.main_thread() for thread, _ in made)
    kept = [http for _, http in made if not http.is_closed]
    assert len(kept) == 1  # every other client made meanwhile was closed
    await pool.aclose()
    assert kept[0].is_closed


async def test_a_key_removed_while_its_client_is_made_is_not_used() -> None:
    """The user removes the key while the keyring is still answering: the request says the key is missing,
    instead of going out with the removed key."""
    asked, answer = threading.Event(), threading.Event()

    class SlowKeys:
        key: str | None = "sk-pool-test-0123456789"

        def get(self, profile_name: str) -> str | None:
            key = self.key
            asked.set()
            answer.wait(5)  # a keyring answering over D-Bus, slowly
            return key

    keys = SlowKeys()
    pool = ClientPool(keys, [Profile("Relay", "http://127.0.0.1:9")])
    request = asyncio.ensure_future(pool.client_for("Relay"))
    await asyncio.to_thread(asked.wait, 5)
    keys.key = None
    pool.forget_key("Relay")
    answer.set()
    with pytest.raises(MissingKeyError):
        await request
    await pool.aclose()

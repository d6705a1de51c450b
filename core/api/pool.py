"""One API client per provider profile, made on first use with the key from the key store."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from core.api.keys import CredentialKind, describe_key_problem, key_problem
from core.api.limits import NetworkLimits
from core.api.retry import RetryPolicy
from core.model.pricing import ModelPrice
from core.model.profile import Profile, split_userinfo, with_userinfo
from core.wire.errors import MissingKeyError, UnknownProfileError, UnsendableKeyError

if TYPE_CHECKING:
    from core.api.client import ApiClient


class KeySource(Protocol):
    def get(self, profile_name: str) -> str | None: ...


@runtime_checkable
class CredentialSource(Protocol):
    """A key source that also keeps the `user:password` of base URLs and proxies (`KeyStore` does)."""

    def credentials(self, profile_name: str, kind: CredentialKind) -> str | None: ...


class ClientPool:
    def __init__(
        self,
        keys: KeySource,
        profiles: list[Profile] | None = None,
        *,
        retry: RetryPolicy | None = None,
        limits: NetworkLimits | None = None,
    ) -> None:
        self._keys = keys
        self._retry = retry
        self._limits = limits
        self._profiles: dict[str, Profile] = {}
        self._clients: dict[str, ApiClient] = {}
        self._made_from: dict[str, Profile] = {}
        """profile name -> the stored profile its client was made from (the client's carries credentials)."""
        # Requests in flight may still use a replaced client: it is closed with the pool, not before.
        self._retired: list[ApiClient] = []
        self._changes: dict[str, int] = {}
        """profile name -> how often its key or profile changed: a client made meanwhile is not kept."""
        self.set_profiles(profiles or [])

    def set_profiles(self, profiles: list[Profile]) -> None:
        """Replace the known profiles; a client whose profile changed is made anew on next use."""
        new = {profile.name: profile for profile in profiles}
        for name in {*new, *self._profiles}:
            if new.get(name) != self._profiles.get(name):
                self._changed(name)
        for name in list(self._clients):
            if new.get(name) != self._made_from.get(name):
                self._retire(name)
        self._profiles = new

    def forget_key(self, profile_name: str) -> None:
        """The key changed: the next request reads it again."""
        self._changed(profile_name)
        self._retire(profile_name)

    def profile(self, name: str | None) -> Profile:
        if name is None or name not in self._profiles:
            raise UnknownProfileError(name)
        return self._profiles[name]

    def price_overrides(self, name: str | None) -> dict[str, ModelPrice]:
        """The profile's own prices (relays charge differently); none for a profile that is gone."""
        profile = self._profiles.get(name or "")
        return dict(profile.price_overrides) if profile is not None else {}

    async def client_for(self, name: str | None) -> ApiClient:
        """The profile's client. Raises only ApiError: a missing or unsendable key, a proxy that cannot be
        used (whatever the user typed into a setting is reported on the reply, never a crash)."""
        profile = self.profile(name)
        client = self._clients.get(profile.name)
        while client is None:
            changes = self._changes.get(profile.name, 0)
            # The keyring may answer over D-Bus, and making a client builds its TLS context (~0.1 s of CPU
            # the first time, ~30 ms after): never on the UI thread.
            made_here = await asyncio.to_thread(self._client_of, profile)
            if self._changes.get(profile.name, 0) != changes:
                # The key or the profile changed while the client was made (the user removed the key, say):
                # it may carry the old one. Read them again.
                await made_here.aclose()
                profile = self.profile(name)
                continue
            # Compare columns and grid cells ask at once: the first to come back keeps its client, the others
            # share it and close their own (a second client would never be closed).
            if (made := self._clients.get(profile.name)) is not None and self._made_from.get(
                profile.name
            ) == profile:
                await made_here.aclose()
                return made
            client = self._clients[profile.name] = made_here
            self._made_from[profile.name] = profile
        return client

    def _client_of(self, profile: Profile) -> ApiClient:
        """A client for the profile, made off the UI thread; raises MissingKeyError or UnsendableKeyError."""
        key, sending = self._secrets_of(profile)
        if not key:
            raise MissingKeyError(profile.name)
        # A key saved before keys were checked (or by another program) may not fit in a header: say so,
        # rather than fail deep in httpx. The problem is named, never the key.
        problem = key_problem(key.strip())
        if problem is not None:
            raise UnsendableKeyError(profile.name, describe_key_problem(problem))
        from core.api.client import ApiClient  # loaded by _secrets_of, off the UI thread

        return ApiClient(sending, key, retry=self._retry, limits=self._limits)

    def _secrets_of(self, profile: Profile) -> tuple[str | None, Profile]:
        """(the key, the profile as sent): read together, in one trip off the UI thread. The client's module
        (httpx and what it pulls in, ~0.1 s) is first imported here too, off the UI thread: the window's first
        paint does not wait for it, and the first request does not stall the UI loading it."""
        import core.api.client  # noqa: F401

        _import_network_backend()
        return self._keys.get(profile.name), self._with_credentials(profile)

    def _with_credentials(self, profile: Profile) -> Profile:
        """The profile as sent: its base URL and proxy with the credentials the keyring keeps for them (a
        profile saved before credentials moved to the keyring still carries its own)."""
        if not isinstance(self._keys, CredentialSource):
            return profile
        base_url, proxy = profile.base_url, profile.proxy
        if not split_userinfo(base_url)[1]:
            base_url = with_userinfo(base_url, self._keys.credentials(profile.name, "base_url") or "")
        if proxy and not split_userinfo(proxy)[1]:
            proxy = with_userinfo(proxy, self._keys.credentials(profile.name, "proxy") or "")
        return dataclasses.replace(profile, base_url=base_url, proxy=proxy)

    async def aclose(self) -> None:
        clients = [*self._clients.values(), *self._retired]
        self._clients, self._retired = {}, []
        await asyncio.gather(*(client.aclose() for client in clients))

    def _changed(self, name: str) -> None:
        self._changes[name] = self._changes.get(name, 0) + 1

    def _retire(self, name: str) -> None:
        self._made_from.pop(name, None)
        client = self._clients.pop(name, None)
        if client is not None:
            self._retired.append(client)


def _import_network_backend() -> None:
    """httpcore loads anyio's asyncio backend (~40 ms of imports) at its first connection, which runs on the
    UI thread's loop: the first grid cell or reply stalled the window that long. Loaded here, off it."""
    with contextlib.suppress(ImportError):  # anyio's own modules: a later anyio may arrange them otherwise
        import anyio._backends._asyncio
        import anyio._core._sockets  # noqa: F401

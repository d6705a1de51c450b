"""Opening the providers dialog and applying what it saved: profiles to the store, keys to the keyring."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from core.api.keys import CredentialKind, KeyringProblem, KeyStore
from core.api.pool import ClientPool
from core.doctor.plan import CostPreview, preview_cost
from core.model.catalog import MODELS
from core.model.profile import Profile, split_userinfo
from core.model.provider_check import DoctorReport, Finding
from core.store.services import ProfileService, ProviderCheckService
from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from gui.providers.dialog import ProvidersDialog
    from gui.providers.doctor_dialog import DoctorDialog


class KeyStoreAccess:
    """core.api.keys.KeyStore as the dialog's KeyAccess.

    The keyring may answer over D-Bus, so what the dialog reads is fetched on a worker thread before it
    opens (`load`); only an explicit Save writes to the keyring. A key that changes is read again on next use.
    """

    def __init__(self, keys: KeyStore, clients: ClientPool) -> None:
        self._keys = keys
        self._clients = clients
        self._status = (False, "")
        self._known: dict[str, str | None] = {}
        self._known_credentials: dict[tuple[str, CredentialKind], str | None] = {}
        self.renamed: dict[str, str] = {}
        """new name -> old name, for the profiles renamed in this dialog (their conversations follow)."""

    async def load(self, profile_names: list[str]) -> None:
        status = await asyncio.to_thread(self._keys.availability)
        self._status = (status.usable, keyring_problem_text(status.problem) if status.problem else "")
        for name in profile_names:
            key, found = await asyncio.to_thread(self._read, name)
            self._known[name] = key
            self._known_credentials.update({(name, kind): userinfo for kind, userinfo in found.items()})

    def _read(self, profile_name: str) -> tuple[str | None, dict[CredentialKind, str | None]]:
        """A profile's key and URL credentials, in one trip off the UI thread."""
        found = {kind: self._keys.credentials(profile_name, kind) for kind in _KINDS}
        return self._keys.get(profile_name), found

    def availability(self) -> tuple[bool, str]:
        return self._status

    def masked(self, profile_name: str) -> str | None:
        key = self._known.get(profile_name)
        return None if not key else self._keys.masked(key)

    def get(self, profile_name: str) -> str | None:
        return self._known.get(profile_name)

    def set(self, profile_name: str, key: str, *, session_only: bool) -> None:
        self._keys.set(profile_name, key, session_only=session_only)
        self._known[profile_name] = key
        self._clients.forget_key(profile_name)

    def delete(self, profile_name: str) -> None:
        self._keys.delete(profile_name)
        self._known.pop(profile_name, None)
        for kind in _KINDS:
            self._known_credentials.pop((profile_name, kind), None)
        self._clients.forget_key(profile_name)

    def rename(self, old_name: str, new_name: str) -> None:
        self.renamed[new_name] = self.renamed.pop(old_name, old_name)
        self._keys.rename(old_name, new_name)
        self._known[new_name] = self._known.pop(old_name, None)
        for kind in _KINDS:
            self._known_credentials[(new_name, kind)] = self._known_credentials.pop((old_name, kind), None)
        self._clients.forget_key(old_name)

    def credentials(self, profile_name: str, kind: CredentialKind) -> str | None:
        return self._known_credentials.get((profile_name, kind))

    def set_credentials(
        self, profile_name: str, kind: CredentialKind, userinfo: str | None, *, session_only: bool
    ) -> None:
        self._keys.set_credentials(profile_name, kind, userinfo, session_only=session_only)
        self._known_credentials[(profile_name, kind)] = userinfo or None
        self._clients.forget_key(profile_name)


_KINDS: tuple[CredentialKind, ...] = ("base_url", "proxy")


def _url_credentials(profile: Profile) -> bool:
    return bool(split_userinfo(profile.base_url)[1] or split_userinfo(profile.proxy or "")[1])


def keyring_problem_text(problem: KeyringProblem) -> str:
    """Why the keyring cannot hold keys, in the user's language."""
    texts = {
        "no_service": QCoreApplication.translate(
            "KeyringProblem", "No keyring service is running (Secret Service not found)."
        ),
        "switched_off": QCoreApplication.translate("KeyringProblem", "The keyring is switched off."),
        "file_backend": QCoreApplication.translate(
            "KeyringProblem", "The keyring backend stores keys in a file, which Triptych does not use."
        ),
        "locked": QCoreApplication.translate("KeyringProblem", "The keyring is locked."),
        "unreachable": QCoreApplication.translate("KeyringProblem", "The keyring service did not answer."),
    }
    return texts[problem]


class ProvidersController(QObject):
    """Signals:
    profilesChanged(list): the saved profiles, after a Save.
    providerChecked(DoctorReport): a provider check finished and was saved.
    """

    profilesChanged = Signal(list)
    providerChecked = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        profiles: ProfileService,
        keys: KeyStore,
        clients: ClientPool,
        tasks: TaskKeeper,
        checks: ProviderCheckService,
        current_model: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._profiles = profiles
        self._checks = checks
        self._current_model = current_model
        self.doctor: DoctorDialog | None = None
        self._keys = KeyStoreAccess(keys, clients)
        self._keys_store = keys
        self._tasks = tasks
        self.dialog: ProvidersDialog | None = None

    async def move_credentials_to_keyring(self) -> None:
        """Profiles stored before URL credentials lived in the keyring keep a `user:password` in their base
        URL or proxy, in the database: move it to the keyring and store the profile without it. Left as it is
        when no keyring can hold it (it still works; the next Save in the dialog moves it)."""
        older = [profile for profile in await self._profiles.all() if _url_credentials(profile)]
        if not older or not (await asyncio.to_thread(self._keys_store.availability)).usable:
            return
        for profile in older:
            base_url, base_info = split_userinfo(profile.base_url)
            proxy, proxy_info = split_userinfo(profile.proxy or "")
            found: tuple[tuple[CredentialKind, str], ...] = (("base_url", base_info), ("proxy", proxy_info))
            for kind, userinfo in found:
                if userinfo:
                    await asyncio.to_thread(self._keys_store.set_credentials, profile.name, kind, userinfo)
            await self._profiles.save(replace(profile, base_url=base_url, proxy=proxy or None))
        self.profilesChanged.emit(await self._profiles.all())

    def open_dialog(self) -> None:
        self._tasks.start(self._open())

    async def _open(self) -> None:
        # Imported here: the dialog and the connection test are not needed for the first paint.
        from core.api.connection_check import check_connection
        from gui.providers.dialog import ProvidersDialog

        before = await self._profiles.all()
        await self._keys.load([profile.name for profile in before])
        self.dialog = ProvidersDialog(
            before, self._keys, check_connection, self._tasks, self._parent, open_doctor=self.open_doctor
        )
        self.dialog.profilesChanged.connect(lambda after: self._tasks.start(self._save(before, after)))
        self.dialog.open()

    def open_doctor(self, profile: Profile, api_key: str) -> None:
        """The provider check window for `profile` (as the providers dialog holds it) and its key."""
        from gui.providers.doctor_dialog import DoctorDialog

        access = ProviderDoctor(profile, api_key, self._checks)
        models = [model.id for model in MODELS]
        self.doctor = DoctorDialog(
            access, models, self._current_model(), self._tasks, self.dialog or self._parent
        )
        self.doctor.checked.connect(self.providerChecked)
        self.doctor.open()

    async def _save(self, before: list[Profile], after: list[Profile]) -> None:
        kept = {profile.name for profile in after} | set(self._keys.renamed.values())
        for profile in after:
            old_name = self._keys.renamed.get(profile.name)
            await self._profiles.save(profile, old_name=old_name)
        self._keys.renamed.clear()
        for profile in before:
            if profile.name not in kept:
                await self._profiles.delete(profile.name)
        self.profilesChanged.emit(await self._profiles.all())


class ProviderDoctor:
    """`DoctorAccess` for one profile as the providers dialog holds it (perhaps not saved yet): its own
    client, closed with the window; the history from the store."""

    def __init__(self, profile: Profile, api_key: str, checks: ProviderCheckService) -> None:
        from core.api.client import ApiClient  # imported with the doctor: not needed for the first paint

        self.profile_name = profile.name
        self._client = ApiClient(profile, api_key)
        self.host = self._client.profile.api_root
        self._checks = checks

    def preview(self, model: str) -> CostPreview:
        return preview_cost(model, self._client.profile.price_overrides)

    async def run(self, model: str, on_finding: Callable[[Finding], None]) -> DoctorReport:
        from core.doctor.battery import run_doctor

        return await run_doctor(self._client, model, on_finding=on_finding, profile_name=self.profile_name)

    async def history(self) -> list[DoctorReport]:
        return await self._checks.history(self.profile_name)

    async def save(self, report: DoctorReport) -> None:
        await self._checks.save(report)

    async def close(self) -> None:
        await self._client.aclose()

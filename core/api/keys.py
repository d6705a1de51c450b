"""API keys in the OS keyring (service `triptych`, one entry per profile), or in memory for this session only.

A key is never written anywhere else: backends that would keep it in a file (`keyrings.alt`,
`keyrings.cryptfile`) or that cannot keep it at all (`fail`, `null`) are refused, and when the keyring fails
at runtime the caller gets a `KeyringUnavailable` instead of a silent fallback. Keyring calls may wait on
D-Bus, so the GUI makes them off the UI thread.

Messages here are plain English; `problem` and `action` let the GUI pick its translated wording.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "triptych"
CredentialKind = Literal["base_url", "proxy"]
"""The `user:password` a base URL or a proxy URL carried, kept in the keyring like keys, one service each."""
CREDENTIAL_SERVICES: dict[CredentialKind, str] = {
    "base_url": "triptych-base-url",
    "proxy": "triptych-proxy",
}

KeyringProblem = Literal["no_service", "switched_off", "file_backend", "locked", "unreachable"]
KeyAction = Literal["read", "save", "delete"]
KeyProblem = Literal["empty", "inner_space", "not_ascii", "control"]
"""Why a key cannot be sent: HTTP header values are ASCII, and a space or newline inside a key is a paste
that went wrong (a key never has one), which would otherwise reach error texts in a form redaction misses."""

# Backends from these packages keep secrets in a file of their own (plaintext or encrypted).
_FILE_BACKEND_PACKAGES = ("keyrings.alt", "keyrings.cryptfile")
_SESSION_ONLY = "Keys can be kept for this session only."
_PAST_TENSE: dict[KeyAction, str] = {"read": "read", "save": "saved", "delete": "removed"}
_MASK = "••••••••"
_SHOWN_HEAD = 7  # "sk-ant-"
_SHOWN_TAIL = 4
# Shorter keys are masked whole: showing 11 characters of them would give too much away.
_MIN_PARTLY_SHOWN = 24


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend_name: str
    reason: str = ""
    """A plain sentence saying why the keyring cannot be used; empty when it can."""
    problem: KeyringProblem | None = None


class KeyringUnavailable(Exception):
    """The keyring could not read, save or remove a key. Nothing was written anywhere else."""

    def __init__(
        self, message: str, *, problem: KeyringProblem, action: KeyAction, profile_name: str, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem
        self.action = action
        self.profile_name = profile_name
        self.detail = detail
        """The backend's own words, for a tooltip or a log; never the key."""


class InvalidKeyError(ValueError):
    """A key that cannot be sent in an HTTP header; nothing was saved."""

    def __init__(self, problem: KeyProblem) -> None:
        super().__init__(_PROBLEM_TEXT[problem])
        self.problem = problem


_PROBLEM_TEXT: dict[KeyProblem, str] = {
    "empty": "An API key cannot be empty.",
    "inner_space": "The API key has a space or a line break inside it.",
    "not_ascii": "The API key has a character that is not plain ASCII (often an invisible one pasted from a "
    "web page).",
    "control": "The API key has a control character inside it.",
}


def describe_key_problem(problem: KeyProblem) -> str:
    """The problem in a plain English sentence (the GUI words it in the user's language by `problem`)."""
    return _PROBLEM_TEXT[problem]


def key_problem(key: str) -> KeyProblem | None:
    """Why `key` (already stripped of surrounding whitespace) cannot be sent; None when it can.

    Header values must be ASCII: httpx would fail encoding anything else (a zero-width space pasted with
    the key), and a newline inside a key would be escaped in error texts where redaction misses it."""
    if not key:
        return "empty"
    if any(not char.isascii() for char in key):
        return "not_ascii"
    if any(char.isspace() for char in key):
        return "inner_space"
    if any(not char.isprintable() for char in key):
        return "control"
    return None


class KeyStore:
    """Keys per profile name: the keyring first, or memory when the user chose "this session only"."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._given = backend
        self._judged: tuple[KeyringStatus, KeyringBackend | None] | None = None
        self._judging = threading.Lock()
        # Session-only secrets: process memory only, by the user's choice. They shadow the keyring's entry.
        # Keyed by (service, profile name): the key under SERVICE, credentials under CREDENTIAL_SERVICES.
        self._session: dict[tuple[str, str], str] = {}

    @property
    def _status(self) -> KeyringStatus:
        return self._resolved()[0]

    @property
    def _backend(self) -> KeyringBackend | None:
        return self._resolved()[1]

    def _resolved(self) -> tuple[KeyringStatus, KeyringBackend | None]:
        # Importing keyring and finding the backend load every backend plugin and may ask D-Bus (a tenth to
        # a quarter of a second at startup): done on first use, which the GUI makes off the UI thread.
        import keyring

        with self._judging:
            if self._judged is None:
                self._judged = _judge(self._given if self._given is not None else keyring.get_keyring())
            return self._judged

    def __repr__(self) -> str:
        names = sorted({name for _, name in self._session})
        return f"KeyStore(backend={self._status.backend_name!r}, session_only={names!r})"

    def availability(self) -> KeyringStatus:
        return self._status

    def get(self, profile_name: str) -> str | None:
        return self._get(SERVICE, profile_name)

    def set(self, profile_name: str, key: str, *, session_only: bool = False) -> None:
        # A pasted key often carries a newline or spaces around it, which would break the request header.
        key = key.strip()
        problem = key_problem(key)
        if problem is not None:
            raise InvalidKeyError(problem)
        self._set(SERVICE, profile_name, key, session_only)

    def credentials(self, profile_name: str, kind: CredentialKind) -> str | None:
        """The `user:password` the profile's base URL or proxy carries; None when there is none."""
        return self._get(CREDENTIAL_SERVICES[kind], profile_name)

    def set_credentials(
        self, profile_name: str, kind: CredentialKind, userinfo: str | None, *, session_only: bool = False
    ) -> None:
        """Keep (or, with None or "", forget) the `user:password` of the profile's base URL or proxy."""
        service = CREDENTIAL_SERVICES[kind]
        if not userinfo:
            self._session.pop((service, profile_name), None)
            self._erase(service, profile_name)
            return
        self._set(service, profile_name, userinfo, session_only)

    def delete(self, profile_name: str) -> None:
        """Forget the key and the credentials wherever they are; deleting what is missing is not an error."""
        for service in self._services():
            self._session.pop((service, profile_name), None)
            self._erase(service, profile_name)

    def rename(self, old: str, new: str) -> None:
        """Move the key and credentials to a renamed profile: written under the new name before the old
        entries are removed."""
        if old == new:
            return
        for service in self._services():
            stored = self._stored(service, old)
            if stored is not None:
                self._store(service, new, stored)
                self._erase(service, old)
            if (service, old) in self._session:
                self._session[(service, new)] = self._session.pop((service, old))

    def is_session_only(self, profile_name: str) -> bool:
        return (SERVICE, profile_name) in self._session

    def _get(self, service: str, profile_name: str) -> str | None:
        if (service, profile_name) in self._session:
            return self._session[(service, profile_name)]
        return self._stored(service, profile_name)

    def _set(self, service: str, profile_name: str, secret: str, session_only: bool) -> None:
        if session_only:
            self._session[(service, profile_name)] = secret
            return
        self._store(service, profile_name, secret)
        self._session.pop((service, profile_name), None)

    @staticmethod
    def _services() -> list[str]:
        return [SERVICE, *CREDENTIAL_SERVICES.values()]

    @staticmethod
    def masked(key: str) -> str:
        """Text safe to show, like `sk-ant-…a1b2`: never more than the first 7 and the last 4 characters."""
        if not key:
            return ""
        if len(key) < _MIN_PARTLY_SHOWN:
            return _MASK
        return f"{key[:_SHOWN_HEAD]}…{key[-_SHOWN_TAIL:]}"

    def _stored(self, service: str, profile_name: str) -> str | None:
        if self._backend is None:
            return None
        with _guard("read", profile_name):
            return self._backend.get_password(service, profile_name)

    def _store(self, service: str, profile_name: str, secret: str) -> None:
        if self._backend is None:
            problem = self._status.problem or "no_service"
            raise KeyringUnavailable(
                self._status.reason, problem=problem, action="save", profile_name=profile_name
            )
        with _guard("save", profile_name):
            self._backend.set_password(service, profile_name, secret)

    def _erase(self, service: str, profile_name: str) -> None:
        if self._backend is None:
            return
        with _guard("delete", profile_name):
            # Backends disagree on whether deleting a missing entry is an error, so look first.
            if self._backend.get_password(service, profile_name) is not None:
                self._backend.delete_password(service, profile_name)


def _judge(backend: KeyringBackend) -> tuple[KeyringStatus, KeyringBackend | None]:
    """Whether the backend may hold keys, and which backend to use (a chain's first safe member)."""
    from keyring.backends.chainer import ChainerBackend

    name = _backend_name(backend)
    if not isinstance(backend, ChainerBackend):
        problem = _refusal(backend)
        if problem is None:
            return KeyringStatus(True, name), backend
        return _refused(name, problem, name), None
    refusals = [(member, _refusal(member)) for member in backend.backends]
    safe = [member for member, refusal in refusals if refusal is None]
    if safe:
        return KeyringStatus(True, _backend_name(safe[0])), safe[0]
    files = [_backend_name(member) for member, refusal in refusals if refusal == "file_backend"]
    if files:
        return _refused(name, "file_backend", ", ".join(files)), None
    return _refused(name, "no_service", name), None


def _refusal(backend: KeyringBackend) -> KeyringProblem | None:
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring):
        return "no_service"
    if isinstance(backend, null.Keyring):
        return "switched_off"
    if type(backend).__module__.startswith(_FILE_BACKEND_PACKAGES):
        return "file_backend"
    return None


def _refused(name: str, problem: KeyringProblem, culprit: str) -> KeyringStatus:
    reasons: dict[KeyringProblem, str] = {
        "no_service": f"No keyring service is running (Secret Service not found). {_SESSION_ONLY}",
        "switched_off": f"The keyring is switched off (its “null” backend is configured). {_SESSION_ONLY}",
        "file_backend": (
            f"The only keyring available ({culprit}) would keep keys in a file, which Triptych never does. "
            f"{_SESSION_ONLY}"
        ),
    }
    return KeyringStatus(False, name, reasons[problem], problem)


def _backend_name(backend: KeyringBackend) -> str:
    return str(type(backend).name)


@contextmanager
def _guard(action: KeyAction, profile_name: str) -> Iterator[None]:
    """Turns whatever a backend raises into KeyringUnavailable, with a message a user understands."""
    try:
        yield
    # Backends raise their own types (secretstorage, jeepney, dbus, pywin32) besides keyring's, and none of
    # them may escape as a crash or turn into a silent fallback; the original stays chained for debugging.
    except Exception as error:
        raise _unavailable(error, action, profile_name) from error


def _unavailable(error: Exception, action: KeyAction, profile_name: str) -> KeyringUnavailable:
    from keyring.errors import KeyringLocked

    done = _PAST_TENSE[action]
    if isinstance(error, KeyringLocked):
        problem: KeyringProblem = "locked"
        message = (
            f"The keyring is locked, so the key for “{profile_name}” could not be {done}. "
            "Unlock the keyring and try again, or keep the key for this session only."
        )
    else:
        problem = "unreachable"
        message = (
            f"The keyring did not work, so the key for “{profile_name}” could not be {done}. "
            "Try again, or keep the key for this session only."
        )
    return KeyringUnavailable(
        message, problem=problem, action=action, profile_name=profile_name, detail=str(error)
    )

"""The providers dialog's pieces that are not widgets: the collaborators it is given (a key store, a
connection tester), a profile as the form holds it, and the checks run before Save."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from core.api.connection_check import ConnectionReport
from core.api.keys import CredentialKind, KeyProblem, key_problem
from core.model.pricing import ModelPrice
from core.model.profile import DEFAULT_ANTHROPIC_VERSION, Profile, split_userinfo, with_userinfo
from gui.widgets.fields import split_list

PRICE_FIELDS = ("input", "output", "cache_write_5m", "cache_write_1h", "cache_read")
"""The ModelPrice fields of a price row, in column order after its model id."""
_PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
PASSWORD_MASK = "••••••••"
"""Shown in a URL field where a saved password is: the password itself never is."""


Tester = Callable[[Profile, str], Awaitable[ConnectionReport]]
"""Runs the test for a profile with a key ("" when there is none)."""


class KeyAccess(Protocol):
    def availability(self) -> tuple[bool, str]:
        """(whether the OS keyring can hold keys, the plain reason when it cannot)."""
        ...

    def masked(self, profile_name: str) -> str | None:
        """A hint such as "sk-ant-…a1b2" for the saved key; None when there is none."""
        ...

    def get(self, profile_name: str) -> str | None: ...

    def set(self, profile_name: str, key: str, *, session_only: bool) -> None: ...

    def delete(self, profile_name: str) -> None: ...

    def rename(self, old_name: str, new_name: str) -> None: ...

    def credentials(self, profile_name: str, kind: CredentialKind) -> str | None:
        """The saved `user:password` of the profile's base URL or proxy; None when there is none."""
        ...

    def set_credentials(
        self, profile_name: str, kind: CredentialKind, userinfo: str | None, *, session_only: bool
    ) -> None: ...


@dataclass
class ProfileDraft:
    """A profile as the form holds it, as typed, until Save."""

    original: str | None  # the name its key is saved under; None for a profile added in this dialog
    name: str
    base_url: str
    auth_style: str = "x-api-key"
    api_style: str = "anthropic"
    version: str = DEFAULT_ANTHROPIC_VERSION
    betas: str = ""
    proxy: str = ""
    prices: list[list[str]] = field(default_factory=list)
    new_key: str = ""
    session_only: bool = False
    saved_credentials: dict[CredentialKind, str] = field(default_factory=dict)
    """The `user:password` saved for the base URL and the proxy, shown masked in their fields."""

    @classmethod
    def of(
        cls, profile: Profile, session_only: bool, credentials: dict[CredentialKind, str] | None = None
    ) -> ProfileDraft:
        """The form of a stored profile; `credentials` are those the keyring keeps for its URLs (a profile
        stored before they moved there carries its own, which are treated the same)."""
        saved: dict[CredentialKind, str] = {}
        urls: dict[CredentialKind, str] = {}
        fields: tuple[tuple[CredentialKind, str], ...] = (
            ("base_url", profile.base_url),
            ("proxy", profile.proxy or ""),
        )
        for kind, url in fields:
            bare, own = split_userinfo(url)
            if userinfo := own or (credentials or {}).get(kind, ""):
                saved[kind] = userinfo
            urls[kind] = with_userinfo(bare, masked_userinfo(saved.get(kind, ""))) if bare else ""
        prices = [
            [model, *(f"{getattr(price, name):g}" for name in PRICE_FIELDS)]
            for model, price in profile.price_overrides.items()
        ]
        return cls(
            profile.name,
            profile.name,
            urls["base_url"],
            profile.auth_style,
            profile.api_style,
            profile.anthropic_version,
            ", ".join(profile.betas),
            urls["proxy"],
            prices,
            session_only=session_only,
            saved_credentials=saved,
        )

    def credentials(self, kind: CredentialKind) -> str:
        """The `user:password` the base URL or proxy field stands for: the saved one while its masked form is
        left as shown, else what was typed ("" for none)."""
        typed = split_userinfo(self.base_url if kind == "base_url" else self.proxy)[1]
        saved = self.saved_credentials.get(kind, "")
        return saved if saved and typed == masked_userinfo(saved) else typed

    def mask_credentials(self) -> None:
        """Once saved, the URL fields show the passwords masked, as a stored profile's do."""
        for kind in ("base_url", "proxy"):
            bare = split_userinfo(self.base_url if kind == "base_url" else self.proxy)[0]
            shown = with_userinfo(bare, masked_userinfo(self.saved_credentials.get(kind, ""))) if bare else ""
            if kind == "base_url":
                self.base_url = shown
            else:
                self.proxy = shown

    def profile(self) -> Profile:
        """The typed profile, without the credentials of its URLs (they go to the keyring); call only once
        `draft_problems` found nothing."""
        return Profile(
            name=self.name.strip(),
            base_url=split_userinfo(self.base_url)[0],
            auth_style=self.auth_style,  # type: ignore[arg-type]  # the combo offers only valid styles
            api_style=self.api_style,  # type: ignore[arg-type]
            anthropic_version=self.version.strip() or DEFAULT_ANTHROPIC_VERSION,
            betas=tuple(split_list(self.betas)),
            proxy=split_userinfo(self.proxy)[0] or None,
            price_overrides={
                row[0].strip(): ModelPrice(*(float(cell) for cell in row[1:])) for row in self.prices
            },
        )

    def profile_to_test(self) -> Profile:
        """The typed profile with its URLs' credentials, as the connection test sends it."""
        profile = self.profile()
        proxy = with_userinfo(profile.proxy, self.credentials("proxy")) if profile.proxy else None
        return replace(
            profile, base_url=with_userinfo(profile.base_url, self.credentials("base_url")), proxy=proxy
        )


def masked_userinfo(userinfo: str) -> str:
    """`user:••••••••` (or `••••••••` for a lone token): the user name shown, never the password."""
    if not userinfo:
        return ""
    user, has_password, _ = userinfo.partition(":")
    return f"{user}:{PASSWORD_MASK}" if has_password else PASSWORD_MASK


def is_url(text: str, schemes: tuple[str, ...]) -> bool:
    try:
        parts = urlsplit(text.strip())
        parts.port  # noqa: B018  # a port that is not a number raises here, as it would when sending
    except ValueError:  # "http://[::1" (an unclosed IPv6 address), a port out of range
        return False
    return parts.scheme in schemes and bool(parts.hostname)


def is_price(text: str) -> bool:
    try:
        return float(text) >= 0
    except ValueError:
        return False


def draft_problems(drafts: list[ProfileDraft], row: int) -> list[str]:
    """What stops drafts[row] from being saved: a missing or repeated name, a URL that is not one, prices
    that are not numbers."""
    draft = drafts[row]
    name = draft.name.strip()
    problems: list[str] = []
    problem = key_problem(draft.new_key) if draft.new_key else None
    if problem is not None:
        problems.append(key_problem_text(problem))
    if not all(_fits_a_header(text) for text in (draft.version, draft.betas)):
        problems.append(
            QCoreApplication.translate(
                "ProvidersDialog",
                "anthropic-version and the beta names may use only plain ASCII letters, digits and "
                "punctuation.",
            )
        )
    if not name:
        problems.append(QCoreApplication.translate("ProvidersDialog", "Give the profile a name."))
    elif any(other.name.strip() == name for other in drafts[:row]):  # the later one is the new name
        problems.append(
            QCoreApplication.translate(
                "ProvidersDialog", 'Another profile is already named "{name}".'
            ).format(name=name)
        )
    if not is_url(draft.base_url, ("http", "https")):
        problems.append(
            QCoreApplication.translate(
                "ProvidersDialog",
                "The base URL must start with http:// or https://, e.g. https://api.anthropic.com.",
            )
        )
    if draft.proxy.strip() and not is_url(draft.proxy, _PROXY_SCHEMES):
        problems.append(
            QCoreApplication.translate(
                "ProvidersDialog",
                "The proxy must be an http://, https://, socks5:// or socks5h:// URL, e.g. "
                "http://127.0.0.1:8080.",
            )
        )
    for number, cells in enumerate(draft.prices, start=1):
        if not cells[0]:
            problems.append(
                QCoreApplication.translate("ProvidersDialog", "Price row {row}: enter a model id.").format(
                    row=number
                )
            )
        if not all(is_price(cell) for cell in cells[1:]):
            problems.append(
                QCoreApplication.translate(
                    "ProvidersDialog", "Price row {row}: every price must be a number of 0 or more."
                ).format(row=number)
            )
    return problems


def key_problem_text(problem: KeyProblem) -> str:
    """Why a key cannot be saved, in the user's language: the key is sent in an HTTP header."""
    texts: dict[KeyProblem, str] = {
        "empty": QCoreApplication.translate("ProvidersDialog", "The API key is empty."),
        "inner_space": QCoreApplication.translate(
            "ProvidersDialog",
            "The API key has a space or a line break inside it. Copy the key again, without anything "
            "around it.",
        ),
        "not_ascii": QCoreApplication.translate(
            "ProvidersDialog",
            "The API key has a character that cannot be sent (not plain ASCII; often an invisible one pasted "
            "from a web page). Copy the key again, or type it.",
        ),
        "control": QCoreApplication.translate(
            "ProvidersDialog", "The API key has a control character inside it. Copy the key again."
        ),
    }
    return texts[problem]


def _fits_a_header(text: str) -> bool:
    return all(char.isascii() and (char.isprintable() or char == " ") for char in text.strip())

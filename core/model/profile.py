"""A provider profile: where requests go and how they authenticate. The key itself is never stored here, nor
the credentials a base URL or a proxy URL can carry (`user:password@`): those live in the keyring with the
key, and are put back into the URLs only in memory, for the client that sends (`with_userinfo`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from core.model.pricing import ModelPrice

AuthStyle = Literal["x-api-key", "bearer"]
ApiStyle = Literal["anthropic", "openai"]

DEFAULT_ANTHROPIC_VERSION = "2023-06-01"


@dataclass(frozen=True)
class Profile:
    name: str
    base_url: str
    auth_style: AuthStyle = "x-api-key"
    api_style: ApiStyle = "anthropic"
    anthropic_version: str = DEFAULT_ANTHROPIC_VERSION
    betas: tuple[str, ...] = ()
    proxy: str | None = None
    price_overrides: dict[str, ModelPrice] = field(default_factory=dict)

    @property
    def api_root(self) -> str:
        """The base URL up to and including `/v1`, whether or not the user typed the `/v1`."""
        root = self.base_url.strip().rstrip("/")
        if not root.endswith("/v1"):
            root += "/v1"
        return root

    def url(self, path: str) -> str:
        """`url("messages")` -> `https://host/v1/messages`."""
        return f"{self.api_root}/{path.lstrip('/')}"

    def headers(self, api_key: str) -> dict[str, str]:
        headers = {"content-type": "application/json", "anthropic-version": self.anthropic_version}
        if self.auth_style == "bearer":
            headers["authorization"] = f"Bearer {api_key}"
        else:
            headers["x-api-key"] = api_key
        if self.betas:
            headers["anthropic-beta"] = ",".join(self.betas)
        return headers


def split_userinfo(url: str) -> tuple[str, str]:
    """(the URL without `user:password@`, the userinfo as typed, percent-encoding kept; "" when none)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return text, ""
    if "@" not in parts.netloc:
        return text, ""
    userinfo, _, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=host)), userinfo


def with_userinfo(url: str, userinfo: str) -> str:
    """`url` carrying `userinfo` (as `split_userinfo` gave it); `url` unchanged when there is none."""
    if not userinfo or not url:
        return url
    parts: SplitResult = urlsplit(url.strip())
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{parts.netloc}"))


def userinfo_secrets(userinfo: str) -> list[str]:
    """What of a userinfo must be redacted: the password, and the whole `user:password`, as typed and
    decoded (HTTP Basic auth sends it decoded)."""
    if not userinfo:
        return []
    user, _, password = userinfo.partition(":")
    if not password:  # `https://TOKEN@host`: the user name is the secret
        return list(dict.fromkeys([userinfo, unquote(user)]))
    decoded = f"{unquote(user)}:{unquote(password)}"
    return [secret for secret in dict.fromkeys([userinfo, decoded, password, unquote(password)]) if secret]

"""A provider profile: where requests go and how they authenticate. The key itself is never stored here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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

"""What a user keeps of their settings: the defaults a new conversation starts from, and named presets
(a persona: a system prompt with the settings that go with it), which the parameter panel applies to a
conversation and the compare window turns into columns."""

from __future__ import annotations

from dataclasses import dataclass

from core.model.request_settings import RequestSettings


@dataclass
class UserDefaults:
    """The settings every new conversation starts from (until the user saves others)."""

    settings: RequestSettings
    profile_name: str | None = None


@dataclass
class Preset:
    id: int
    name: str
    settings: RequestSettings
    profile_name: str | None = None

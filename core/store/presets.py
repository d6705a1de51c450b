"""The user's defaults (the settings a new conversation starts from) and named presets in the store."""

from __future__ import annotations

import sqlite3

from core.model.codec import dumps, loads_object, settings_from_dict, settings_to_dict
from core.model.preset import Preset, UserDefaults
from core.model.request_settings import RequestSettings
from core.store.db import StoreBase
from core.store.errors import NameTakenError, RecordNotFoundError


class PresetMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def user_defaults(self) -> UserDefaults | None:
        """The saved defaults, or None if the user never saved any."""
        row = self._db.execute(
            "SELECT profile_name, settings_json FROM user_defaults WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return UserDefaults(settings_from_dict(loads_object(row["settings_json"])), row["profile_name"])

    def save_user_defaults(self, defaults: UserDefaults) -> None:
        self._db.execute(
            "INSERT INTO user_defaults (id, profile_name, settings_json, saved_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET profile_name = excluded.profile_name, "
            "settings_json = excluded.settings_json, saved_at = excluded.saved_at",
            (defaults.profile_name, dumps(settings_to_dict(defaults.settings)), self._clock()),
        )

    def list_presets(self) -> list[Preset]:
        """By name, ignoring case."""
        rows = self._db.execute(
            "SELECT id, name, profile_name, settings_json FROM presets ORDER BY casefold(name), id"
        )
        return [_preset(row) for row in rows]

    def save_preset(self, name: str, settings: RequestSettings, profile_name: str | None) -> Preset:
        """A preset with this name, made or replaced (saving under a name in use updates that preset)."""
        name = name.strip()
        if not name:
            raise ValueError("A preset needs a name.")
        self._db.execute(
            "INSERT INTO presets (name, profile_name, settings_json, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET profile_name = excluded.profile_name, "
            "settings_json = excluded.settings_json",
            (name, profile_name, dumps(settings_to_dict(settings)), self._clock()),
        )
        row = self._db.execute("SELECT id FROM presets WHERE name = ?", (name,)).fetchone()
        return Preset(row["id"], name, settings, profile_name)

    def rename_preset(self, preset_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError("A preset needs a name.")
        try:
            cursor = self._db.execute("UPDATE presets SET name = ? WHERE id = ?", (name, preset_id))
        except sqlite3.IntegrityError as error:
            raise NameTakenError(f"A preset named {name!r} already exists.", path=self.path) from error
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no preset {preset_id}.", path=self.path)

    def delete_preset(self, preset_id: int) -> None:
        self._db.execute("DELETE FROM presets WHERE id = ?", (preset_id,))


def _preset(row: sqlite3.Row) -> Preset:
    settings = settings_from_dict(loads_object(row["settings_json"]))
    return Preset(row["id"], row["name"], settings, row["profile_name"])

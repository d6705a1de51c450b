"""The SQLite repository: conversations (trees of messages), their settings, and provider profiles.

Synchronous and bound to one connection, so one thread: the GUI reaches it through `core.store.worker`,
never from the UI thread. Every method is a short statement or a short transaction; `update_reply`, called
every few hundred milliseconds while a reply streams, is a single UPDATE of one row.

Times are `clock()` seconds since the epoch. A conversation's `updated_at` is the time of its last new
message, so the list is ordered by activity: renaming or pinning does not move a conversation.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from core.model.codec import (
    conversation_from_row,
    dumps,
    profile_from_row,
    profile_to_row,
    settings_to_dict,
    summary_from_row,
)
from core.model.conversation import Conversation, ConversationSummary
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.compare_runs import CompareMethods
from core.store.db import Clock, connect, lastrowid
from core.store.errors import (
    ForeignDatabaseError,
    NameTakenError,
    NewerDatabaseError,
    RecordNotFoundError,
    StoreClosedError,
    StoreError,
    UnreadableDatabaseError,
)
from core.store.exchanges import ExchangeMethods
from core.store.grids import GridMethods
from core.store.judging import JudgingMethods
from core.store.messages import MessageMethods
from core.store.presets import PresetMethods
from core.store.prompts import PromptMethods
from core.store.provider_checks import ProviderCheckMethods
from core.store.search import SearchMethods
from core.store.spend import SpendMethods
from core.store.tags import TagMethods
from core.store.tool_settings import ToolSettingsMethods
from core.store.transfer import TransferMethods

__all__ = [
    "ForeignDatabaseError",
    "NameTakenError",
    "NewerDatabaseError",
    "RecordNotFoundError",
    "Store",
    "StoreClosedError",
    "StoreError",
    "UnreadableDatabaseError",
]

_CONVERSATION_COLUMNS = (
    "id, title, pinned, created_at, updated_at, profile_name, settings_json, current_leaf_id"
)


class Store(
    MessageMethods,
    CompareMethods,
    ExchangeMethods,
    TransferMethods,
    SearchMethods,
    PresetMethods,
    PromptMethods,
    TagMethods,
    ProviderCheckMethods,
    ToolSettingsMethods,
    GridMethods,
    JudgingMethods,
    SpendMethods,
):
    """Conversations and profiles; the message tree is in `core.store.messages`, compare runs in
    `core.store.compare_runs`, defaults and presets in `core.store.presets`, the prompt library in
    `core.store.prompts`, tags in `core.store.tags`, opening in `store_db`."""

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = time.time) -> Store:
        """Open (or create) the database at `path` and bring its schema up to date.

        A file that is not a Triptych database raises a StoreError naming it, and is not written to.
        """
        path = Path(path)
        return cls(connect(path), path, clock=clock)

    # -- conversations ---------------------------------------------------------------------------------

    def create_conversation(
        self, settings: RequestSettings, profile_name: str | None, title: str = ""
    ) -> Conversation:
        """A new, empty conversation. Without a title, the first message's text becomes its title later."""
        now = self._clock()
        cursor = self._db.execute(
            "INSERT INTO conversations (title, title_is_auto, created_at, updated_at, profile_name, "
            "settings_json) VALUES (?, ?, ?, ?, ?, ?)",
            (title, not title, now, now, profile_name, dumps(settings_to_dict(settings))),
        )
        return self.get_conversation(lastrowid(cursor))

    def list_conversations(self, filter_text: str = "") -> list[ConversationSummary]:
        """Conversations not deleted: pinned first, then the most recently active.

        `filter_text` keeps those whose title contains it, ignoring case (Unicode case folding, so it works
        beyond ASCII, where SQLite's LIKE does not).
        """
        needle = filter_text.strip().casefold()
        sql = (
            "SELECT id, title, pinned, created_at, updated_at, (SELECT json_group_array(tag) FROM "
            "(SELECT tag FROM conversation_tags WHERE conversation_id = conversations.id "
            "ORDER BY casefold(tag))) AS tags_json FROM conversations WHERE deleted_at IS NULL"
        )
        params: tuple[Any, ...] = ()
        if needle:
            sql += " AND instr(casefold(title), ?) > 0"
            params = (needle,)
        sql += " ORDER BY pinned DESC, updated_at DESC, id DESC"
        return [summary_from_row(row) for row in self._db.execute(sql, params)]

    def get_conversation(self, conversation_id: int) -> Conversation:
        row = self._db.execute(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        if row is None:
            raise self._no_conversation(conversation_id)
        return conversation_from_row(row)

    def rename(self, conversation_id: int, title: str) -> None:
        """The user's title, which automatic titles no longer replace."""
        self._update_conversation(conversation_id, "title = ?, title_is_auto = 0", title)

    def set_auto_title(self, conversation_id: int, title: str) -> bool:
        """Set a generated title unless the user has named the conversation; True if it was set."""
        cursor = self._db.execute(
            "UPDATE conversations SET title = ? WHERE id = ? AND title_is_auto = 1", (title, conversation_id)
        )
        if cursor.rowcount == 0:
            self._require_conversation(conversation_id)
        return cursor.rowcount == 1

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._update_conversation(conversation_id, "pinned = ?", pinned)

    def delete_conversation(self, conversation_id: int) -> None:
        """Hide the conversation; `restore_conversation` undoes this until `purge_deleted` removes it."""
        self._update_conversation(conversation_id, "deleted_at = coalesce(deleted_at, ?)", self._clock())

    def restore_conversation(self, conversation_id: int) -> None:
        self._update_conversation(conversation_id, "deleted_at = ?", None)

    def purge_deleted(self, older_than_seconds: float) -> int:
        """Remove for good the conversations deleted at least that long ago; returns how many."""
        cursor = self._db.execute(
            "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
            (self._clock() - older_than_seconds,),
        )
        return cursor.rowcount

    def update_conversation_settings(
        self, conversation_id: int, settings: RequestSettings, profile_name: str | None
    ) -> None:
        self._update_conversation(
            conversation_id,
            "settings_json = ?, profile_name = ?",
            dumps(settings_to_dict(settings)),
            profile_name,
        )

    def set_current_leaf(self, conversation_id: int, message_id: int | None) -> None:
        """Show the branch ending at `message_id` (a message of this conversation), or none."""
        if message_id is not None:
            self._require_message_in(message_id, conversation_id)
        self._update_conversation(conversation_id, "current_leaf_id = ?", message_id)

    # -- profiles --------------------------------------------------------------------------------------

    def list_profiles(self) -> list[Profile]:
        rows = self._db.execute("SELECT * FROM profiles ORDER BY position, name")
        return [profile_from_row(row) for row in rows]

    def save_profile(self, profile: Profile, old_name: str | None = None) -> None:
        """Insert or update a profile; with `old_name`, rename it (its conversations follow)."""
        row = profile_to_row(profile)
        current = old_name if old_name is not None else profile.name
        with self._transaction():
            renaming = current != profile.name
            if renaming and self._profile_exists(profile.name):
                raise NameTakenError(f"A profile named {profile.name!r} already exists.", path=self.path)
            assignments = ", ".join(f"{column} = :{column}" for column in row)
            cursor = self._db.execute(
                f"UPDATE profiles SET {assignments} WHERE name = :current", {**row, "current": current}
            )
            if cursor.rowcount == 0:
                self._db.execute(
                    f"INSERT INTO profiles ({', '.join(row)}, position) VALUES "
                    f"({', '.join(':' + column for column in row)}, "
                    "(SELECT coalesce(max(position) + 1, 0) FROM profiles))",
                    row,
                )
            elif renaming:
                self._db.execute(
                    "UPDATE conversations SET profile_name = ? WHERE profile_name = ?",
                    (profile.name, current),
                )

    def delete_profile(self, name: str) -> None:
        """Conversations keep the name; the GUI asks for another provider when one of them is sent."""
        self._db.execute("DELETE FROM profiles WHERE name = ?", (name,))

    def _profile_exists(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM profiles WHERE name = ?", (name,)).fetchone() is not None

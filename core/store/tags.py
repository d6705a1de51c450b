"""Conversation tags in the store: many to many, a tag being just its text (it exists while used)."""

from __future__ import annotations

from collections.abc import Iterable

from core.model.conversation_filter import clean_tags
from core.store.db import StoreBase


class TagMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def set_tags(self, conversation_id: int, tags: Iterable[str]) -> list[str]:
        """Replace the conversation's tags (tidied: see `clean_tags`); returns them as kept."""
        kept = clean_tags(tags)
        with self._transaction():
            self._require_conversation(conversation_id)
            self._db.execute("DELETE FROM conversation_tags WHERE conversation_id = ?", (conversation_id,))
            self._db.executemany(
                "INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)",
                [(conversation_id, tag) for tag in kept],
            )
        return kept

    def tags_of(self, conversation_id: int) -> list[str]:
        rows = self._db.execute(
            "SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY casefold(tag)",
            (conversation_id,),
        )
        return [row["tag"] for row in rows]

    def all_tags(self) -> list[str]:
        """Every tag a conversation not deleted carries, for completion."""
        rows = self._db.execute(
            "SELECT DISTINCT t.tag FROM conversation_tags AS t JOIN conversations AS c "
            "ON c.id = t.conversation_id WHERE c.deleted_at IS NULL ORDER BY casefold(t.tag)"
        )
        return clean_tags(row["tag"] for row in rows)

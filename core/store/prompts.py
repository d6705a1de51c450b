"""The prompt library in the store: saved prompts, each a title and a text with `{{variables}}`."""

from __future__ import annotations

from core.model.saved_prompt import SavedPrompt
from core.store.db import StoreBase, lastrowid
from core.store.errors import RecordNotFoundError


class PromptMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def list_prompts(self) -> list[SavedPrompt]:
        """By title, ignoring case."""
        rows = self._db.execute("SELECT id, title, body FROM prompts ORDER BY casefold(title), id")
        return [SavedPrompt(row["id"], row["title"], row["body"]) for row in rows]

    def save_prompt(self, prompt: SavedPrompt) -> SavedPrompt:
        """Add a prompt (id None) or change one; returns it as stored."""
        now = self._clock()
        if prompt.id is None:
            cursor = self._db.execute(
                "INSERT INTO prompts (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (prompt.title, prompt.body, now, now),
            )
            return SavedPrompt(lastrowid(cursor), prompt.title, prompt.body)
        cursor = self._db.execute(
            "UPDATE prompts SET title = ?, body = ?, updated_at = ? WHERE id = ?",
            (prompt.title, prompt.body, now, prompt.id),
        )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no saved prompt {prompt.id}.", path=self.path)
        return prompt

    def delete_prompt(self, prompt_id: int) -> None:
        self._db.execute("DELETE FROM prompts WHERE id = ?", (prompt_id,))

"""The message tree of the store: add, update while streaming, walk the branches, delete.

Messages form a tree per conversation: a reply is a child of the message it answers, and an edit or a
regeneration is a sibling of what it replaces. The conversation remembers the leaf on screen, and a request
is always the path from the root to that leaf.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model.branching import Versions, versions_among
from core.model.codec import dumps, error_to_dict, message_from_row, usage_to_dict
from core.model.conversation import MessageStatus, ReplyError, ReplyTiming, StoredMessage
from core.model.messages import ContentBlock, Role, Usage
from core.model.tools import ToolRun
from core.model.tools_codec import run_to_dict
from core.store.db import StoreBase, lastrowid

_MESSAGE_COLUMNS = (
    "id, conversation_id, parent_id, role, status, created_at, model, stop_reason, stop_sequence, "
    "cost_usd, ttft, duration, request_id, usage_json, error_json, warnings_json, tool_runs_json, "
    "content_json"
)
_COPIED_COLUMNS = _MESSAGE_COLUMNS.split(", ", 3)[3]
"""Every column after id, conversation_id and parent_id: what a copy of a message keeps."""
_MESSAGE_COLUMNS_M = ", ".join(f"m.{column.strip()}" for column in _MESSAGE_COLUMNS.split(","))
# The message and its descendants; the parameter is the message id.
_SUBTREE = """
    WITH RECURSIVE subtree(id) AS (
        SELECT ? UNION ALL SELECT m.id FROM messages m JOIN subtree ON m.parent_id = subtree.id
    )
"""


_EXCHANGE_COLUMNS = (
    "created_at, method, url, request_headers_json, request_template, request_kept, status, "
    "response_headers_json, response_body, response_bytes"
)
# Whether message `{m}` begins a compare column that was not chosen (the user prompt of its first round):
# those threads are the chosen reply's alternatives, shown from it, not versions of the turn, and the
# newest-branch walk does not wander into them.
_SET_ASIDE = """EXISTS (
    SELECT 1 FROM messages AS compare_reply
    JOIN compare_replies AS cr ON cr.message_id = compare_reply.id AND cr.round = 0
    JOIN compare_runs AS run ON run.id = cr.run_id
    WHERE compare_reply.parent_id = {m}.id AND run.chosen_column IS NOT cr.idx
)"""


class MessageMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def add_message(
        self,
        conversation_id: int,
        parent_id: int | None,
        role: Role,
        content: Sequence[ContentBlock],
        status: MessageStatus = "complete",
        *,
        model: str | None = None,
        stop_reason: str | None = None,
        stop_sequence: str | None = None,
        usage: Usage | None = None,
        cost_usd: float | None = None,
        timing: ReplyTiming | None = None,
        request_id: str | None = None,
        error: ReplyError | None = None,
        warnings: Sequence[str] = (),
        tool_runs: Sequence[ToolRun] = (),
    ) -> StoredMessage:
        """Append a message under `parent_id` (None: a new root) and make it the conversation's leaf."""
        now = self._clock()
        timing = timing or ReplyTiming()
        with self._transaction():
            self._require_conversation(conversation_id)
            if parent_id is not None:
                self._require_message_in(parent_id, conversation_id)
            cursor = self._db.execute(
                f"INSERT INTO messages ({_MESSAGE_COLUMNS}) VALUES (NULL{', ?' * 17})",
                (
                    conversation_id,
                    parent_id,
                    role,
                    status,
                    now,
                    model,
                    stop_reason,
                    stop_sequence,
                    cost_usd,
                    timing.time_to_first_token,
                    timing.duration,
                    request_id,
                    None if usage is None else dumps(usage_to_dict(usage)),
                    None if error is None else dumps(error_to_dict(error)),
                    dumps(list(warnings)),
                    dumps([run_to_dict(run) for run in tool_runs]),
                    dumps(list(content)),
                ),
            )
            message_id = lastrowid(cursor)
            self._db.execute(
                "UPDATE conversations SET current_leaf_id = ?, updated_at = ? WHERE id = ?",
                (message_id, now, conversation_id),
            )
        return self.get_message(message_id)

    def update_reply(
        self,
        message_id: int,
        *,
        content: Sequence[ContentBlock] | None = None,
        status: MessageStatus | None = None,
        model: str | None = None,
        stop_reason: str | None = None,
        stop_sequence: str | None = None,
        usage: Usage | None = None,
        cost_usd: float | None = None,
        timing: ReplyTiming | None = None,
        request_id: str | None = None,
        error: ReplyError | None = None,
        warnings: Sequence[str] | None = None,
        tool_runs: Sequence[ToolRun] | None = None,
    ) -> None:
        """Change the given fields of one message (None leaves a field as it is), in one UPDATE."""
        scalars: dict[str, str | float | None] = {
            "status": status,
            "model": model,
            "stop_reason": stop_reason,
            "stop_sequence": stop_sequence,
            "cost_usd": cost_usd,
            "request_id": request_id,
        }
        given: dict[str, str | float | None] = {
            column: value for column, value in scalars.items() if value is not None
        }
        # Both parts of a timing are written: a duration may arrive while the first-token time stays None.
        if content is not None:
            given["content_json"] = dumps(list(content))
        if usage is not None:
            given["usage_json"] = dumps(usage_to_dict(usage))
        if timing is not None:
            given["ttft"], given["duration"] = timing.time_to_first_token, timing.duration
        if error is not None:
            given["error_json"] = dumps(error_to_dict(error))
        if warnings is not None:
            given["warnings_json"] = dumps(list(warnings))
        if tool_runs is not None:
            given["tool_runs_json"] = dumps([run_to_dict(run) for run in tool_runs])
        if not given:
            return
        assignments = ", ".join(f"{column} = ?" for column in given)
        cursor = self._db.execute(
            f"UPDATE messages SET {assignments} WHERE id = ?", (*given.values(), message_id)
        )
        if cursor.rowcount == 0:
            raise self._no_message(message_id)

    def get_message(self, message_id: int) -> StoredMessage:
        row = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id = ?", (message_id,)
        ).fetchone()
        if row is None:
            raise self._no_message(message_id)
        return message_from_row(row)

    def path_to(self, message_id: int) -> list[StoredMessage]:
        """The branch from its root down to this message: what is sent to the API when replying to it."""
        rows = self._db.execute(
            f"""
            WITH RECURSIVE ancestry(id, depth) AS (
                SELECT id, 0 FROM messages WHERE id = ?
                UNION ALL
                SELECT m.parent_id, ancestry.depth + 1 FROM messages m JOIN ancestry ON m.id = ancestry.id
                WHERE m.parent_id IS NOT NULL
            )
            SELECT {_MESSAGE_COLUMNS_M} FROM messages m JOIN ancestry ON m.id = ancestry.id
            ORDER BY ancestry.depth DESC
            """,
            (message_id,),
        ).fetchall()
        if not rows:
            raise self._no_message(message_id)
        return [message_from_row(row) for row in rows]

    def current_path(self, conversation_id: int) -> list[StoredMessage]:
        """The branch on screen: root to the conversation's current leaf ([] for a new conversation)."""
        leaf = self._current_leaf(conversation_id)
        return [] if leaf is None else self.path_to(leaf)

    def children(self, message_id: int) -> list[StoredMessage]:
        """The replies to (or edits after) a message, oldest first: the branches that start below it."""
        rows = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE parent_id = ? ORDER BY created_at, id",
            (message_id,),
        )
        return [message_from_row(row) for row in rows]

    def siblings(self, message_id: int) -> list[StoredMessage]:
        """The message and the alternatives to it (same parent; for a root, the other roots), oldest first."""
        message = self.get_message(message_id)
        if message.parent_id is not None:
            return self.children(message.parent_id)
        rows = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND parent_id IS NULL "
            "ORDER BY created_at, id",
            (message.conversation_id,),
        )
        return [message_from_row(row) for row in rows]

    def latest_leaf(self, message_id: int) -> int:
        """The end of the newest branch below a message (the message itself if it has no children)."""
        row = self._db.execute(
            f"""
            WITH RECURSIVE descent(id, depth) AS (
                SELECT ?, 0
                UNION ALL
                SELECT (SELECT c.id FROM messages c WHERE c.parent_id = descent.id
                        AND NOT {_SET_ASIDE.format(m="c")}
                        ORDER BY c.created_at DESC, c.id DESC LIMIT 1), descent.depth + 1
                FROM descent WHERE descent.id IS NOT NULL
            )
            SELECT id FROM descent WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1
            """,
            (message_id,),
        ).fetchone()
        return int(row["id"])

    def delete_message_subtree(self, message_id: int) -> int:
        """Delete a message and everything below it; returns how many messages went.

        If the branch on screen ran through them, the newest remaining branch next to them takes its place.
        """
        with self._transaction():
            message = self.get_message(message_id)
            leaf = self._current_leaf(message.conversation_id)
            leaf_was_inside = leaf is not None and bool(
                self._db.execute(
                    f"{_SUBTREE} SELECT 1 FROM subtree WHERE id = ?", (message_id, leaf)
                ).fetchone()
            )
            cursor = self._db.execute(
                f"DELETE FROM messages WHERE id IN ({_SUBTREE} SELECT id FROM subtree)", (message_id,)
            )
            if leaf_was_inside:
                self._update_conversation(
                    message.conversation_id, "current_leaf_id = ?", self._fallback_leaf(message)
                )
        return cursor.rowcount

    def _fallback_leaf(self, removed: StoredMessage) -> int | None:
        if removed.parent_id is not None:
            return self.latest_leaf(removed.parent_id)
        row = self._db.execute(
            "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (removed.conversation_id,),
        ).fetchone()
        return None if row is None else self.latest_leaf(row["id"])

    def sibling_positions(self, message_ids: Sequence[int]) -> dict[int, Versions]:
        """For each message, its place among its versions (the messages with its parent), in one query.

        Compare columns that were not chosen are not versions (they are the chosen reply's alternatives),
        unless one of them is the message asked about."""
        rows = self._db.execute(
            f"""
            SELECT t.id AS target, s.id AS sibling
            FROM messages t
            JOIN messages s ON s.conversation_id = t.conversation_id AND s.parent_id IS t.parent_id
            WHERE t.id IN (SELECT value FROM json_each(?)) AND (s.id = t.id OR NOT {_SET_ASIDE.format(m="s")})
            ORDER BY t.id, s.created_at, s.id
            """,
            (dumps(list(message_ids)),),
        )
        siblings: dict[int, list[int]] = {}
        for row in rows:
            siblings.setdefault(row["target"], []).append(row["sibling"])
        return {target: versions_among(ids, target) for target, ids in siblings.items()}

    def sibling_position(self, message_id: int) -> Versions:
        positions = self.sibling_positions([message_id])
        if message_id not in positions:
            raise self._no_message(message_id)
        return positions[message_id]

    def show_version(self, message_id: int) -> list[StoredMessage]:
        """Put the branch through this message on screen (down to its newest leaf); returns that path."""
        with self._transaction():
            message = self.get_message(message_id)
            leaf = self.latest_leaf(message_id)
            self._update_conversation(message.conversation_id, "current_leaf_id = ?", leaf)
        return self.path_to(leaf)

    def copy_path_to_new_conversation(self, message_id: int, title: str) -> int:
        """A new conversation holding a copy of the path root → this message (same settings and provider),
        which it shows; returns its id. The copy shares nothing with the original: either can change alone."""
        now = self._clock()
        with self._transaction():
            path = self.path_to(message_id)
            cursor = self._db.execute(
                "INSERT INTO conversations (title, title_is_auto, created_at, updated_at, profile_name, "
                "settings_json) SELECT ?, 0, ?, ?, profile_name, settings_json FROM conversations "
                "WHERE id = ?",
                (title, now, now, path[0].conversation_id),
            )
            conversation_id = lastrowid(cursor)
            parent_id: int | None = None
            for message in path:
                cursor = self._db.execute(
                    f"INSERT INTO messages (conversation_id, parent_id, {_COPIED_COLUMNS}) "
                    f"SELECT ?, ?, {_COPIED_COLUMNS} FROM messages WHERE id = ?",
                    (conversation_id, parent_id, message.id),
                )
                parent_id = lastrowid(cursor)
                self._copy_exchange(message.id, parent_id)
            self._update_conversation(conversation_id, "current_leaf_id = ?", parent_id)
        return conversation_id

    def _copy_exchange(self, source_id: int, copy_id: int) -> None:
        """The copied reply keeps the record of what was sent for it (its body's elements are shared)."""
        self._db.execute(
            f"INSERT INTO exchanges (message_id, {_EXCHANGE_COLUMNS}) "
            f"SELECT ?, {_EXCHANGE_COLUMNS} FROM exchanges WHERE message_id = ?",
            (copy_id, source_id),
        )
        self._db.execute(
            "INSERT INTO exchange_part_uses (message_id, seq, at, digest) "
            "SELECT ?, seq, at, digest FROM exchange_part_uses WHERE message_id = ?",
            (copy_id, source_id),
        )

    def mark_unfinished_as_interrupted(self) -> int:
        """At startup: replies still `streaming` were cut by a crash or a quit; their text stays."""
        cursor = self._db.execute("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'")
        return cursor.rowcount

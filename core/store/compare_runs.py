"""Compare runs in the store: columns, rounds, the replies of each column and what they measured.

A round adds, for every column, a user message and a reply placeholder in the column's own branch (below
the run's base message, or below the column's reply of the round before). These inserts leave the
conversation's current leaf alone: the conversation on screen does not change until `choose_column`.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model.codec import dumps, loads_list, loads_object, settings_from_dict, settings_to_dict
from core.model.compare_run import MAX_COLUMNS, ColumnMetrics, CompareColumn, CompareRun
from core.model.messages import ContentBlock
from core.model.request_settings import RequestSettings
from core.store.db import StoreBase, lastrowid
from core.store.errors import RecordNotFoundError


class CompareMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def create_compare_run(
        self,
        conversation_id: int,
        base_message_id: int | None,
        columns: Sequence[tuple[str | None, RequestSettings]],
    ) -> CompareRun:
        """A run with its columns (profile name, settings) and no round yet."""
        if not 1 <= len(columns) <= MAX_COLUMNS:
            raise ValueError(f"A compare run has 1 to {MAX_COLUMNS} columns, not {len(columns)}.")
        with self._transaction():
            self._require_conversation(conversation_id)
            if base_message_id is not None:
                self._require_message_in(base_message_id, conversation_id)
            cursor = self._db.execute(
                "INSERT INTO compare_runs (conversation_id, base_message_id, created_at) VALUES (?, ?, ?)",
                (conversation_id, base_message_id, self._clock()),
            )
            run_id = lastrowid(cursor)
            self._db.executemany(
                "INSERT INTO compare_columns (run_id, idx, profile_name, settings_json) VALUES (?, ?, ?, ?)",
                [
                    (run_id, index, profile, dumps(settings_to_dict(settings)))
                    for index, (profile, settings) in enumerate(columns)
                ],
            )
        return self.get_compare_run(run_id)

    def add_compare_round(self, run_id: int, prompt: str) -> CompareRun:
        """Send-ready round: per column, the prompt as a user message and an empty `streaming` reply."""
        run = self.get_compare_run(run_id)
        round_index = len(run.prompts)
        now = self._clock()
        with self._transaction():
            self._db.execute(
                "INSERT INTO compare_rounds (run_id, round, prompt) VALUES (?, ?, ?)",
                (run_id, round_index, prompt),
            )
            for column in run.columns:
                parent = (
                    self.tool_loop_thread(column.reply_ids[-1])[-1]
                    if column.reply_ids
                    else run.base_message_id
                )
                user_id = self._insert_branch_message(
                    run.conversation_id, parent, "user", dumps([{"type": "text", "text": prompt}]), "complete"
                )
                reply_id = self._insert_branch_message(
                    run.conversation_id, user_id, "assistant", "[]", "streaming", column.settings.model
                )
                self._db.execute(
                    "INSERT INTO compare_replies (run_id, idx, round, message_id) VALUES (?, ?, ?, ?)",
                    (run_id, column.index, round_index, reply_id),
                )
            self._db.execute(
                "UPDATE conversations SET updated_at = ? WHERE id = ?", (now, run.conversation_id)
            )
        return self.get_compare_run(run_id)

    def save_column_metrics(self, run_id: int, column: int, round_index: int, metrics: ColumnMetrics) -> None:
        cursor = self._db.execute(
            "UPDATE compare_replies SET metrics_json = ? WHERE run_id = ? AND idx = ? AND round = ?",
            (dumps(metrics.to_dict()), run_id, column, round_index),
        )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(
                f"Compare run {run_id} has no reply for column {column} in round {round_index}.",
                path=self.path,
            )

    def get_compare_run(self, run_id: int) -> CompareRun:
        row = self._db.execute(
            "SELECT id, conversation_id, base_message_id, created_at, chosen_column FROM compare_runs "
            "WHERE id = ?",
            (run_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(f"There is no compare run {run_id}.", path=self.path)
        prompts = [
            r["prompt"]
            for r in self._db.execute(
                "SELECT prompt FROM compare_rounds WHERE run_id = ? ORDER BY round", (run_id,)
            )
        ]
        columns = [
            CompareColumn(r["idx"], r["profile_name"], settings_from_dict(loads_object(r["settings_json"])))
            for r in self._db.execute(
                "SELECT idx, profile_name, settings_json FROM compare_columns WHERE run_id = ? ORDER BY idx",
                (run_id,),
            )
        ]
        for reply in self._db.execute(
            "SELECT idx, message_id, metrics_json FROM compare_replies WHERE run_id = ? "
            "AND message_id IS NOT NULL ORDER BY round",
            (run_id,),
        ):
            column = columns[reply["idx"]]
            column.reply_ids.append(reply["message_id"])
            metrics = reply["metrics_json"]
            column.metrics.append(ColumnMetrics.from_dict(loads_object(metrics)) if metrics else None)
        return CompareRun(
            id=row["id"],
            conversation_id=row["conversation_id"],
            base_message_id=row["base_message_id"],
            prompts=prompts,
            columns=columns,
            created_at=row["created_at"],
            chosen_column=row["chosen_column"],
        )

    def list_compare_runs(self, conversation_id: int) -> list[CompareRun]:
        """The conversation's runs, oldest first."""
        self._require_conversation(conversation_id)
        rows = self._db.execute(
            "SELECT id FROM compare_runs WHERE conversation_id = ? ORDER BY created_at, id",
            (conversation_id,),
        ).fetchall()
        return [self.get_compare_run(row["id"]) for row in rows]

    def compare_run_of(self, message_id: int) -> CompareRun | None:
        """The run a message is a reply of, so a transcript can offer the other columns as alternatives."""
        row = self._db.execute(
            "SELECT run_id FROM compare_replies WHERE message_id = ?", (message_id,)
        ).fetchone()
        return None if row is None else self.get_compare_run(row["run_id"])

    def alternative_counts(self, message_ids: Sequence[int]) -> dict[int, int]:
        """For each of these messages that is a chosen column's reply, how many other columns answered the
        same round (its alternatives); the other messages are left out."""
        rows = self._db.execute(
            "SELECT chosen.message_id AS id, COUNT(other.message_id) AS n FROM compare_replies AS chosen "
            "JOIN compare_runs AS run ON run.id = chosen.run_id AND run.chosen_column = chosen.idx "
            "JOIN compare_replies AS other ON other.run_id = chosen.run_id AND other.round = chosen.round "
            "AND other.idx != chosen.idx AND other.message_id IS NOT NULL "
            "WHERE chosen.message_id IN (SELECT value FROM json_each(?)) GROUP BY chosen.message_id",
            (dumps(list(message_ids)),),
        )
        return {row["id"]: row["n"] for row in rows}

    def choose_column(self, run_id: int, column: int) -> None:
        """Continue the conversation with this column: its thread becomes the branch on screen (its last
        reply the current leaf), and its profile and settings become the conversation's."""
        run = self.get_compare_run(run_id)
        if not 0 <= column < len(run.columns) or not run.columns[column].reply_ids:
            raise RecordNotFoundError(
                f"Compare run {run_id} has no replies in column {column}.", path=self.path
            )
        chosen = run.columns[column]
        with self._transaction():
            self._db.execute("UPDATE compare_runs SET chosen_column = ? WHERE id = ?", (column, run_id))
            self._update_conversation(
                run.conversation_id,
                "current_leaf_id = ?, settings_json = ?, profile_name = ?, updated_at = ?",
                self.tool_loop_thread(chosen.reply_ids[-1])[-1],
                dumps(settings_to_dict(chosen.settings)),
                chosen.profile_name,
                self._clock(),
            )

    def tool_loop_thread(self, reply_id: int) -> list[int]:
        """A column's reply of a round and what its tool loop added below it: [reply, tool results, next
        reply, ...] (the ids in order; just [reply] without tools). The thread's end is where the next round
        continues."""
        thread = [reply_id]
        while True:
            results = self._db.execute(
                "SELECT id, content_json FROM messages WHERE parent_id = ? AND role = 'user' "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                (thread[-1],),
            ).fetchone()
            blocks = loads_list(results["content_json"]) if results is not None else []
            if not blocks or not all(isinstance(b, dict) and b.get("type") == "tool_result" for b in blocks):
                return thread
            thread.append(results["id"])
            reply = self._db.execute(
                "SELECT id FROM messages WHERE parent_id = ? AND role = 'assistant' "
                "ORDER BY created_at DESC, id DESC LIMIT 1",
                (results["id"],),
            ).fetchone()
            if reply is None:
                return thread
            thread.append(reply["id"])

    def add_tool_results_turn(
        self, reply_id: int, results: Sequence[ContentBlock], next_model: str | None
    ) -> int | None:
        """Below a compare column's reply: the turn of its tool results, and (with `next_model`) an empty
        `streaming` reply to it, whose id is returned. Neither becomes the conversation's leaf."""
        row = self._db.execute("SELECT conversation_id FROM messages WHERE id = ?", (reply_id,)).fetchone()
        if row is None:
            raise self._no_message(reply_id)
        conversation_id = row["conversation_id"]
        with self._transaction():
            user_id = self._insert_branch_message(
                conversation_id, reply_id, "user", dumps(list(results)), "complete"
            )
            if next_model is None:
                return None
            return self._insert_branch_message(
                conversation_id, user_id, "assistant", "[]", "streaming", next_model
            )

    def _insert_branch_message(
        self,
        conversation_id: int,
        parent_id: int | None,
        role: str,
        content_json: str,
        status: str,
        model: str | None = None,
    ) -> int:
        """A message that does not become the conversation's leaf (unlike `add_message`)."""
        cursor = self._db.execute(
            "INSERT INTO messages (conversation_id, parent_id, role, status, created_at, model, "
            "warnings_json, content_json) VALUES (?, ?, ?, ?, ?, ?, '[]', ?)",
            (conversation_id, parent_id, role, status, self._clock(), model, content_json),
        )
        return lastrowid(cursor)

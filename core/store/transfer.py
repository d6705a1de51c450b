"""Whole conversations in and out of the store, for export, import and restoring from a backup.

Reading gives an `ArchivedConversation`: the whole message tree (each message after its parent, siblings
oldest first, ids renumbered from 1) and its compare runs. Importing never overwrites: every conversation
gets new ids, one whose content hash the database already holds is skipped, and the whole batch is one
transaction, so a failure adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.model.codec import (
    conversation_from_row,
    dumps,
    error_to_dict,
    loads_object,
    message_from_row,
    settings_from_dict,
    settings_to_dict,
    usage_to_dict,
)
from core.model.compare_run import ColumnMetrics
from core.model.conversation_filter import clean_tags, fold
from core.model.request_settings import RequestSettings
from core.model.tools_codec import run_to_dict
from core.store.db import lastrowid
from core.store.exchanges import sent_request_fields
from core.store.grids import GridMethods
from core.store.judging import JudgingMethods
from core.transcripts.archive import (
    ArchivedColumn,
    ArchivedCompareRun,
    ArchivedConversation,
    ArchivedGrids,
    ArchivedMessage,
    ArchivedReply,
    content_hash,
)
from core.transcripts.importers.base import ImportReport, ParsedImport, SkippedItem, SkipReason
from core.transcripts.importers.progress import ImportProgress, ImportStage
from core.transcripts.sent_settings import settings_sent

# Every column `message_from_row` reads; the INSERT gives all but the id.
_MESSAGE_COLUMNS = (
    "id, conversation_id, parent_id, role, status, created_at, model, stop_reason, stop_sequence, "
    "cost_usd, ttft, duration, request_id, usage_json, error_json, warnings_json, tool_runs_json, "
    "content_json"
)
_INSERT_MESSAGE = (
    f"INSERT INTO messages ({_MESSAGE_COLUMNS.removeprefix('id, ')}) VALUES ({', '.join('?' * 17)})"
)


class TransferMethods(GridMethods, JudgingMethods):
    """Part of `core.store.repository.Store`."""

    def export_conversation(self, conversation_id: int) -> ArchivedConversation:
        row = self._db.execute(
            "SELECT id, title, pinned, created_at, updated_at, profile_name, settings_json, current_leaf_id "
            "FROM conversations WHERE id = ?",
            (conversation_id,),
        ).fetchone()
        if row is None:
            raise self._no_conversation(conversation_id)
        conversation = conversation_from_row(row)
        rows = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at, id",
            (conversation_id,),
        ).fetchall()
        stored = [message_from_row(item) for item in rows]
        children: dict[int | None, list[int]] = {}
        by_id = {message.id: message for message in stored}
        for message in stored:
            parent = message.parent_id if message.parent_id in by_id else None
            children.setdefault(parent, []).append(message.id)
        local: dict[int, int] = {}
        messages: list[ArchivedMessage] = []
        stack = list(reversed(children.get(None, [])))
        while stack:  # depth first, parents before children, siblings oldest first
            message = by_id[stack.pop()]
            local[message.id] = len(local) + 1
            messages.append(
                ArchivedMessage(
                    id=local[message.id],
                    parent=None if message.parent_id is None else local.get(message.parent_id),
                    role=message.role,
                    content=message.content,
                    status=message.status,
                    created_at=message.created_at,
                    model=message.model,
                    stop_reason=message.stop_reason,
                    stop_sequence=message.stop_sequence,
                    usage=message.usage,
                    cost_usd=message.cost_usd,
                    timing=message.timing,
                    request_id=message.request_id,
                    error=message.error,
                    warnings=message.warnings,
                    tool_runs=message.tool_runs,
                    sent_settings=self._sent_settings(message.id) if message.role == "assistant" else None,
                )
            )
            stack.extend(reversed(children.get(message.id, [])))
        leaf = conversation.current_leaf_id
        return ArchivedConversation(
            title=conversation.title,
            settings=conversation.settings,
            profile_name=conversation.profile_name,
            pinned=conversation.pinned,
            created_at=conversation.created_at,
            updated_at=conversation.updated_at,
            current_leaf=None if leaf is None else local.get(leaf),
            messages=messages,
            compare_runs=self._export_runs(conversation_id, local),
            tags=[
                row["tag"]
                for row in self._db.execute(
                    "SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY casefold(tag)",
                    (conversation_id,),
                )
            ],
        )

    def _sent_settings(self, message_id: int) -> RequestSettings | None:
        fields = sent_request_fields(self._db, message_id)
        return None if fields is None else settings_sent(fields)

    def export_grids(self) -> ArchivedGrids:
        """Every test set and grid run (see `GridMethods.export_grids`), with the judging: templates, votes,
        scores and verdicts placed by where their runs are in a file that holds `export_all`'s
        conversations."""
        grids = super().export_grids()
        run_ids = [run.id for run in grids.runs if run.id is not None]
        grids.judging = self._export_judging(run_ids, [row["id"] for row in self._list_ids()])
        return grids

    def export_all(self) -> list[ArchivedConversation]:
        """Every conversation not deleted, in the order of the conversation list."""
        return [self.export_conversation(row["id"]) for row in self._list_ids()]

    def import_conversations(
        self, parsed: ParsedImport, progress: ImportProgress | None = None
    ) -> ImportReport:
        """Add the parsed conversations with new ids, skipping those already here (same content hash).

        One transaction: with `progress`, each conversation is counted there, and a cancel raises
        ImportCancelledError and rolls back, so nothing of the file is added."""
        report = ImportReport(parsed.source_format, skipped=list(parsed.skipped))
        wanted = {len(conversation.messages) for conversation in parsed.conversations}
        with self._transaction():
            known = self._hashes_of_sizes(wanted)
            if progress is not None:
                progress.begin(ImportStage.ADDING, len(parsed.conversations))
            conversation_ids: list[int | None] = []  # each of the file's conversations here
            for conversation in parsed.conversations:
                if progress is not None:
                    progress.advance()
                title = conversation.title
                if not conversation.messages:
                    report.skipped.append(SkippedItem(SkipReason.NO_MESSAGES, title))
                    conversation_ids.append(None)
                    continue
                digest = content_hash(conversation)
                if digest in known:
                    report.duplicates.append(title)
                    # The copy here gains the file's tags: an import only adds, tags included.
                    self._add_tags(known[digest], conversation.tags)
                    conversation_ids.append(known[digest])
                    continue
                known[digest] = self._insert_conversation(conversation)
                conversation_ids.append(known[digest])
                report.imported_ids.append(known[digest])
                report.imported.append(title)
            run_ids = self._import_grids(parsed.grids, report)
            self._import_judging(
                parsed.grids.judging, run_ids, self._compare_runs_in(conversation_ids), report
            )
        return report

    # -- reading -----------------------------------------------------------------------------------------

    def _list_ids(self) -> list[Any]:
        return self._db.execute(
            "SELECT id FROM conversations WHERE deleted_at IS NULL "
            "ORDER BY pinned DESC, updated_at DESC, id DESC"
        ).fetchall()

    def _export_runs(self, conversation_id: int, local: dict[int, int]) -> list[ArchivedCompareRun]:
        runs = []
        for run in self._db.execute(
            "SELECT id, base_message_id, created_at, chosen_column FROM compare_runs "
            "WHERE conversation_id = ? ORDER BY created_at, id",
            (conversation_id,),
        ).fetchall():
            prompts = [
                r["prompt"]
                for r in self._db.execute(
                    "SELECT prompt FROM compare_rounds WHERE run_id = ? ORDER BY round", (run["id"],)
                )
            ]
            columns = [
                ArchivedColumn(r["profile_name"], settings_from_dict(loads_object(r["settings_json"])))
                for r in self._db.execute(
                    "SELECT profile_name, settings_json FROM compare_columns WHERE run_id = ? ORDER BY idx",
                    (run["id"],),
                )
            ]
            for reply in self._db.execute(
                "SELECT idx, round, message_id, metrics_json FROM compare_replies WHERE run_id = ? "
                "ORDER BY idx, round",
                (run["id"],),
            ):
                metrics = loads_object(reply["metrics_json"])
                columns[reply["idx"]].replies.append(
                    ArchivedReply(
                        round=reply["round"],
                        message=local.get(reply["message_id"]) if reply["message_id"] is not None else None,
                        metrics=ColumnMetrics.from_dict(metrics) if metrics else None,
                    )
                )
            base = run["base_message_id"]
            runs.append(
                ArchivedCompareRun(
                    base_message=None if base is None else local.get(base),
                    prompts=prompts,
                    columns=columns,
                    created_at=run["created_at"],
                    chosen_column=run["chosen_column"],
                )
            )
        return runs

    def _compare_runs_in(self, conversation_ids: Sequence[int | None]) -> dict[tuple[int, int], int]:
        """(conversation's index in the file, compare run's index in it) → the compare run's id here: runs
        are in a conversation's file in their order here (oldest first)."""
        found: dict[tuple[int, int], int] = {}
        for index, conversation_id in enumerate(conversation_ids):
            if conversation_id is None:
                continue
            for position, row in enumerate(
                self._db.execute(
                    "SELECT id FROM compare_runs WHERE conversation_id = ? ORDER BY created_at, id",
                    (conversation_id,),
                )
            ):
                found[index, position] = row["id"]
        return found

    def _hashes_of_sizes(self, sizes: set[int]) -> dict[str, int]:
        """Content hashes of the conversations here with one of these message counts (only those can be
        duplicates, so a large database is not read whole for a small import), each to its id."""
        rows = self._db.execute(
            "SELECT c.id, count(m.id) AS size FROM conversations c LEFT JOIN messages m "
            "ON m.conversation_id = c.id WHERE c.deleted_at IS NULL GROUP BY c.id"
        ).fetchall()
        return {
            content_hash(self.export_conversation(row["id"])): row["id"]
            for row in rows
            if row["size"] in sizes
        }

    # -- writing -----------------------------------------------------------------------------------------

    def _insert_conversation(self, conversation: ArchivedConversation) -> int:
        now = self._clock()
        cursor = self._db.execute(
            "INSERT INTO conversations (title, title_is_auto, pinned, created_at, updated_at, profile_name, "
            "settings_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                conversation.title,
                not conversation.title,
                conversation.pinned,
                conversation.created_at or now,
                conversation.updated_at or conversation.created_at or now,
                conversation.profile_name,
                dumps(settings_to_dict(conversation.settings)),
            ),
        )
        conversation_id = lastrowid(cursor)
        ids: dict[int, int] = {}
        for message in conversation.messages:
            ids[message.id] = self._insert_message(conversation_id, message, ids, now)
        if conversation.current_leaf is not None:
            self._update_conversation(conversation_id, "current_leaf_id = ?", ids[conversation.current_leaf])
        self._insert_runs(conversation_id, conversation.compare_runs, ids, now)
        self._add_tags(conversation_id, conversation.tags)
        return conversation_id

    def _add_tags(self, conversation_id: int, tags: list[str]) -> None:
        """Add the tags the conversation lacks (ignoring case); those it has stay as they are spelt."""
        have = [
            row["tag"]
            for row in self._db.execute(
                "SELECT tag FROM conversation_tags WHERE conversation_id = ?", (conversation_id,)
            )
        ]
        folded = {fold(tag) for tag in have}
        self._db.executemany(
            "INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)",
            [(conversation_id, tag) for tag in clean_tags(tags) if fold(tag) not in folded],
        )

    def _insert_message(
        self, conversation_id: int, message: ArchivedMessage, ids: dict[int, int], now: float
    ) -> int:
        timing = message.timing
        cursor = self._db.execute(
            _INSERT_MESSAGE,
            (
                conversation_id,
                None if message.parent is None else ids[message.parent],
                message.role,
                message.status,
                message.created_at or now,
                message.model,
                message.stop_reason,
                message.stop_sequence,
                message.cost_usd,
                None if timing is None else timing.time_to_first_token,
                None if timing is None else timing.duration,
                message.request_id,
                None if message.usage is None else dumps(usage_to_dict(message.usage)),
                None if message.error is None else dumps(error_to_dict(message.error)),
                dumps(list(message.warnings)),
                dumps([run_to_dict(run) for run in message.tool_runs]),
                dumps(list(message.content)),
            ),
        )
        return lastrowid(cursor)

    def _insert_runs(
        self, conversation_id: int, runs: Sequence[ArchivedCompareRun], ids: dict[int, int], now: float
    ) -> None:
        for run in runs:
            cursor = self._db.execute(
                "INSERT INTO compare_runs (conversation_id, base_message_id, created_at, chosen_column) "
                "VALUES (?, ?, ?, ?)",
                (
                    conversation_id,
                    None if run.base_message is None else ids[run.base_message],
                    run.created_at or now,
                    run.chosen_column,
                ),
            )
            run_id = lastrowid(cursor)
            self._db.executemany(
                "INSERT INTO compare_rounds (run_id, round, prompt) VALUES (?, ?, ?)",
                [(run_id, index, prompt) for index, prompt in enumerate(run.prompts)],
            )
            for index, column in enumerate(run.columns):
                self._db.execute(
                    "INSERT INTO compare_columns (run_id, idx, profile_name, settings_json) "
                    "VALUES (?, ?, ?, ?)",
                    (run_id, index, column.profile_name, dumps(settings_to_dict(column.settings))),
                )
                self._db.executemany(
                    "INSERT INTO compare_replies (run_id, idx, round, message_id, metrics_json) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (
                            run_id,
                            index,
                            reply.round,
                            None if reply.message is None else ids[reply.message],
                            None if reply.metrics is None else dumps(reply.metrics.to_dict()),
                        )
                        for reply in column.replies
                    ],
                )

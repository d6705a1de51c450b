"""Searching the store: messages and titles through the FTS5 index of migration `m003_search`.

A query of three characters or more is one quoted phrase for the trigram index. A shorter one (two Chinese
characters make a word) cannot be a trigram, but every place it occurs begins one (the indexed text ends in
two line ends), so it matches the index's terms that begin with it, listed by `search_terms`; only a single
ASCII character, or a prefix of too many terms, is answered by reading the stored text.

Results are newest first by when they were stored (the index's rowid order), so a common word stops reading
after one page instead of ranking every match. Conversations in the trash are never found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.store.db import StoreBase
from core.store.messages import MessageMethods
from core.store.search_query import (
    ELLIPSIS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SNIPPET_CHARS,
    SearchChoices,
    SearchHit,
    SearchQuery,
    clean_snippet,
    fold_ascii,
    fts_phrase,
    uses_index,
    window_snippet,
)

TITLE_HITS = 10
"""At most this many title matches come first, before the messages."""
MAX_TERMS = 1000
"""A short query that begins more index terms than this reads the stored text instead."""
RECENT_ROWS = 2000
"""Messages read from the newest before the index is asked (see `_search_messages`)."""
_COLUMNS = ("text", "thinking", "tools")
"""The columns of `search_messages`, in order."""
_SNIPPET = f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '{ELLIPSIS}', {2 * SNIPPET_CHARS}"
"""snippet()'s arguments after the column: a trigram token is one character of context."""
# Every string that begins with a prefix sorts before the prefix followed by the last code point.
_AFTER_PREFIX = "\U0010ffff"


class SearchMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Title matches (a few), then messages, containing the query; [] for an empty query."""
        needle = query.needle
        if not needle:
            return []
        titles = self._search_titles(query, needle)
        return titles + self._search_messages(query, needle, query.limit - len(titles))

    def search_choices(self) -> SearchChoices:
        """The models and profiles that conversations use, for the filters."""
        # Distinct reply models by hopping through the index from one model to the next.
        models = self._db.execute(
            """
            WITH RECURSIVE used(model) AS (
                SELECT min(model) FROM messages WHERE model IS NOT NULL
                UNION ALL
                SELECT (SELECT min(model) FROM messages WHERE model > used.model) FROM used
                WHERE used.model IS NOT NULL
            )
            SELECT model FROM used
            UNION SELECT json_extract(settings_json, '$.model') FROM conversations WHERE deleted_at IS NULL
            """
        )
        profiles = self._db.execute(
            "SELECT profile_name FROM conversations WHERE profile_name IS NOT NULL AND deleted_at IS NULL "
            "UNION SELECT name FROM profiles"
        )
        return SearchChoices(
            models=sorted(row[0] for row in models if isinstance(row[0], str) and row[0]),
            profiles=sorted(row[0] for row in profiles if row[0]),
        )

    def reveal_message(self, message_id: int) -> int:
        """Make the message part of the branch on screen, and return its conversation's id.

        A message on the current branch leaves it as it is; otherwise the branch becomes the newest one
        through the message.
        """
        with self._transaction():
            row = self._db.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise self._no_message(message_id)
            conversation_id: int = row["conversation_id"]
            leaf = self._current_leaf(conversation_id)
            on_branch = (
                leaf is not None
                and self._db.execute(
                    """
                WITH RECURSIVE ancestry(id) AS (
                    SELECT ? UNION ALL SELECT m.parent_id FROM messages m JOIN ancestry ON m.id = ancestry.id
                    WHERE m.parent_id IS NOT NULL
                )
                SELECT 1 FROM ancestry WHERE id = ?
                """,
                    (leaf, message_id),
                ).fetchone()
            )
            if not on_branch:
                assert isinstance(self, MessageMethods)  # Store is both
                leaf = self.latest_leaf(message_id)
                self._update_conversation(conversation_id, "current_leaf_id = ?", leaf)
        return conversation_id

    # -- queries ---------------------------------------------------------------------------------------

    def _search_titles(self, query: SearchQuery, needle: str) -> list[SearchHit]:
        """Titles are few and short: a query under three characters reads them all."""
        conditions, params = _conversation_filters(query)
        if uses_index(needle):
            conditions.append("search_titles MATCH ?")
            params.append(fts_phrase(needle))
            shown = f"highlight(search_titles, 0, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}')"
            source = "search_titles t CROSS JOIN conversations c ON c.id = t.rowid"
        else:
            # SQLite's lower() is quicker than the Python casefold() and enough for ASCII.
            fold = "lower" if _scan_agrees_with_index(needle) else "casefold"
            conditions.append(f"instr({fold}(c.title), ?) > 0")
            params.append(fold_ascii(needle) if fold == "lower" else needle.casefold())
            shown = "c.title"
            source = "conversations c"
        rows = self._db.execute(
            f"SELECT c.id, c.title, c.updated_at, {shown} AS shown FROM {source} "
            f"WHERE {' AND '.join(conditions)} ORDER BY c.updated_at DESC LIMIT ?",
            (*params, min(TITLE_HITS, query.limit)),
        )
        return [
            SearchHit(
                conversation_id=row["id"],
                conversation_title=row["title"],
                message_id=None,
                role=None,
                created_at=row["updated_at"],
                snippet=clean_snippet(row["shown"])
                if uses_index(needle)
                else window_snippet(row["shown"], needle),
            )
            for row in rows
        ]

    def _search_messages(self, query: SearchQuery, needle: str, limit: int) -> list[SearchHit]:
        if limit <= 0:
            return []
        columns = ["text"] + ["thinking"] * query.include_thinking + ["tools"] * query.include_tools
        if _scan_agrees_with_index(needle):
            # A common word fills the page from the newest messages at once; an index's lists of where
            # common trigrams occur are long to read. Only a short page reads the index.
            recent = self._messages(query, _Plan.scan(needle, columns, recent=RECENT_ROWS), limit)
            if len(recent) >= limit:
                return recent
        if uses_index(needle):
            plan = _Plan.phrase(needle, columns)
        elif (terms := self._terms_beginning(needle)) is None:
            plan = _Plan.scan(needle, columns)
        elif terms:
            plan = _Plan.terms(needle, terms, columns)
        else:
            return []
        return self._messages(query, plan, limit)

    def _messages(self, query: SearchQuery, plan: _Plan, limit: int) -> list[SearchHit]:
        conditions, params = _message_filters(query)
        # CROSS JOIN keeps the text outermost, read newest first, so that a page of hits ends the read.
        rows = self._db.execute(
            f"SELECT m.id, m.conversation_id, m.role, m.created_at, c.title, {plan.shown} FROM {plan.source} "
            "CROSS JOIN messages m ON m.id = s.rowid CROSS JOIN conversations c ON c.id = m.conversation_id "
            f"WHERE {' AND '.join([*conditions, plan.condition])} ORDER BY s.rowid DESC LIMIT ?",
            (*params, *plan.params, limit),
        )
        return [
            SearchHit(
                conversation_id=row["conversation_id"],
                conversation_title=row["title"],
                message_id=row["id"],
                role=row["role"],
                created_at=row["created_at"],
                snippet=clean_snippet(row["shown"])
                if plan.snippet_from_index
                else _first_snippet([row[column] for column in plan.columns], plan.needle),
            )
            for row in rows
        ]

    def _terms_beginning(self, needle: str) -> list[str] | None:
        """The index's terms that begin with a short needle (folded as the index folds case), or None
        when reading the text is the better way: one ASCII character, or too many terms."""
        if len(needle) == 1 and needle.isascii():
            return None
        prefix = needle.lower()
        rows = self._db.execute(
            "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
            (prefix, prefix + _AFTER_PREFIX, MAX_TERMS + 1),
        ).fetchall()
        return None if len(rows) > MAX_TERMS else [row[0] for row in rows]


@dataclass(frozen=True)
class _Plan:
    """How a message query finds its rows: the text's table (as `s`), the condition, what it shows."""

    needle: str
    columns: list[str]
    source: str
    condition: str
    params: list[Any]
    shown: str
    snippet_from_index: bool
    """snippet() marks the matches; otherwise the snippet is cut from the text shown."""

    @classmethod
    def phrase(cls, needle: str, columns: list[str]) -> _Plan:
        return cls(
            needle,
            columns,
            "search_messages s",
            "search_messages MATCH ?",
            [_within(columns) + fts_phrase(needle)],
            f"snippet(search_messages, -1, {_SNIPPET}) AS shown",
            snippet_from_index=True,
        )

    @classmethod
    def terms(cls, needle: str, terms: list[str], columns: list[str]) -> _Plan:
        return cls(
            needle,
            columns,
            "search_messages s",
            "search_messages MATCH ?",
            [f"{_within(columns)}({' OR '.join(fts_phrase(term) for term in terms)})"],
            ", ".join(f"s.{column}" for column in columns),
            snippet_from_index=False,
        )

    @classmethod
    def scan(cls, needle: str, columns: list[str], recent: int | None = None) -> _Plan:
        """Read the text itself: FTS5 keeps it in `<name>_content` (id, then c0, c1... per column), a plain
        table that reads faster than the virtual one. `recent`: only that many of the newest messages."""
        stored = [f"s.c{_COLUMNS.index(column)}" for column in columns]
        case = "lower({})" if any(c.isascii() and c.isalpha() for c in needle) else "{}"
        condition = "(" + " OR ".join(f"instr({case.format(c)}, ?) > 0" for c in stored) + ")"
        params: list[Any] = [fold_ascii(needle)] * len(columns)
        if recent is not None:
            condition += " AND s.id > (SELECT max(id) FROM search_messages_content) - ?"
            params.append(recent)
        shown = ", ".join(f"{c} AS {column}" for c, column in zip(stored, columns, strict=True))
        return cls(
            needle, columns, "search_messages_content s", condition, params, shown, snippet_from_index=False
        )


def _within(columns: list[str]) -> str:
    """The FTS5 column filter that limits a MATCH to these columns."""
    return f"{{{' '.join(columns)}}} : "


def _scan_agrees_with_index(needle: str) -> bool:
    """Reading the text finds what the index finds: the needle has no letter with a case beyond ASCII
    (SQLite's lower() folds ASCII only, the index folds every script)."""
    return all(c.isascii() or c.lower() == c.upper() for c in needle)


def _first_snippet(texts: list[str | None], needle: str) -> str:
    return next((s for text in texts if text and (s := window_snippet(text, needle))), "")


def _conversation_filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
    """Conditions on `c` (conversations) for a title match; dates apply to when it was created."""
    filters = query.filters
    conditions, params = ["c.deleted_at IS NULL"], list[Any]()
    if filters.model is not None:
        conditions.append("json_extract(c.settings_json, '$.model') = ?")
        params.append(filters.model)
    _add_common(query, "c.created_at", conditions, params)
    return conditions, params


def _message_filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
    """Conditions on `m` (messages) and `c` (their conversations)."""
    filters = query.filters
    conditions, params = ["c.deleted_at IS NULL"], list[Any]()
    if filters.model is not None:
        conditions.append("coalesce(m.model, json_extract(c.settings_json, '$.model')) = ?")
        params.append(filters.model)
    _add_common(query, "m.created_at", conditions, params)
    return conditions, params


def _add_common(query: SearchQuery, created_at: str, conditions: list[str], params: list[Any]) -> None:
    filters = query.filters
    if filters.since is not None:
        conditions.append(f"{created_at} >= ?")
        params.append(filters.since)
    if filters.until is not None:
        conditions.append(f"{created_at} < ?")
        params.append(filters.until)
    if filters.profile_name is not None:
        conditions.append("c.profile_name = ?")
        params.append(filters.profile_name)
    if filters.has_attachments:
        conditions.append("EXISTS (SELECT 1 FROM search_attachments a WHERE a.conversation_id = c.id)")

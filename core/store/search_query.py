"""Full-text search over conversations: what is asked, what is found, and the pure text work around it.

The index itself (FTS5, trigram tokenizer) is built by migration `m003_search` and queried by
`core.store.search`. A trigram index finds any substring of three characters or more, in any script;
shorter queries (two Chinese characters make a word) go through its terms, see `core.store.search`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model.messages import Role

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
"""Snippets mark each match between these two control characters, which never occur in typed text."""
ELLIPSIS = "…"
MIN_INDEXED_CHARS = 3
"""Queries of at least this many characters are a phrase for the trigram index."""
SNIPPET_CHARS = 32
"""About this many characters of context on each side of a match in a snippet."""

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class SearchFilters:
    """Narrow the results; each field left at its default does not filter."""

    model: str | None = None
    """A reply's model, or for a user's message the model its conversation is set to."""
    since: float | None = None
    """Messages created at or after this time (seconds since the epoch)."""
    until: float | None = None
    """Messages created before this time."""
    profile_name: str | None = None
    has_attachments: bool = False
    """Only conversations with an image or a document in some message."""


@dataclass(frozen=True)
class SearchQuery:
    text: str
    include_thinking: bool = False
    include_tools: bool = False
    """Also search tool inputs and results."""
    filters: SearchFilters = field(default_factory=SearchFilters)
    limit: int = 50

    @property
    def needle(self) -> str:
        """The text searched for: as typed, without surrounding white space, and in a form SQLite takes.

        Pasted text can hold what no typing makes: a NUL ends a string for SQLite's FTS5 query parser (an
        "unterminated string" error), so it reads as a space; half of a UTF-16 surrogate pair cannot be
        encoded as UTF-8 at all, so a whole pair becomes its character and a lone half U+FFFD, which is
        what the importers store in its place.
        """
        text = self.text.replace("\x00", " ")
        if any("\ud800" <= char <= "\udfff" for char in text):
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return text.strip()


@dataclass(frozen=True)
class SearchHit:
    """A message (or a conversation title) that contains the query."""

    conversation_id: int
    conversation_title: str
    message_id: int | None
    """None when the conversation's title matched."""
    role: Role | None
    created_at: float
    snippet: str
    """Text around the match, each match between HIGHLIGHT_START and HIGHLIGHT_END."""


@dataclass(frozen=True)
class SearchChoices:
    """The values the filters can take in this database."""

    models: list[str]
    profiles: list[str]


def fts_phrase(text: str) -> str:
    """The text as one FTS5 phrase: quoted, so operators, `*`, `(` or `:` in it are plain characters."""
    return '"' + text.replace('"', '""') + '"'


def uses_index(needle: str) -> bool:
    return len(needle) >= MIN_INDEXED_CHARS


def fold_ascii(text: str) -> str:
    """Lower case for ASCII letters only: exactly what SQLite's lower() does, so both sides agree."""
    return text.translate(_ASCII_LOWER)


def window_snippet(text: str, needle: str, context: int = SNIPPET_CHARS) -> str:
    """A snippet of `text` around the first occurrence of `needle` (ignoring case), with every occurrence
    inside the window marked; "" if it does not occur."""
    folded, wanted = text.lower(), needle.lower()
    if len(folded) != len(text) or len(wanted) != len(needle):  # e.g. "İ": positions would not line up
        folded, wanted = fold_ascii(text), fold_ascii(needle)
    first = folded.find(wanted)
    if first < 0 or not wanted:
        return ""
    start = max(0, first - context)
    end = min(len(text), first + len(wanted) + context)
    parts = [ELLIPSIS] if start > 0 else []
    position = start
    while (found := folded.find(wanted, position, end)) >= 0:
        parts += [text[position:found], HIGHLIGHT_START, text[found : found + len(wanted)], HIGHLIGHT_END]
        position = found + len(wanted)
    parts.append(text[position:end])
    if end < len(text):
        parts.append(ELLIPSIS)
    return _one_line("".join(parts))


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, highlighted) pieces, for a view to render; markers that do not pair are text."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while (start := rest.find(HIGHLIGHT_START)) >= 0 and (end := rest.find(HIGHLIGHT_END, start)) >= 0:
        if start:
            pieces.append((rest[:start], False))
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    if rest:
        pieces.append((rest.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""), False))
    return pieces


def clean_snippet(snippet: str | None) -> str:
    return _one_line(snippet or "")


def _one_line(text: str) -> str:
    return " ".join(text.split())

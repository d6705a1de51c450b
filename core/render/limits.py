"""What Python-Markdown and pygments cannot render in bounded time or at all, found before rendering.

A model's text is untrusted and may be hostile by accident: a list nested some 250 deep makes
Python-Markdown recurse past Python's limit, thousands of unmatched `[` cost it quadratic time, and a long
line or a huge code block costs pygments seconds. These checks are linear in the text; what fails them is
shown as plain text (`core.render.html_slices.plain_text_html`) or unhighlighted, never lost.

Measured on the shared 2-core test machine: 250 nested list levels raise RecursionError after 0.5 s;
1,000 unclosed `[` take 0.2 s, 4,000 take 3-5 s; 5 MB of Python code takes 44 s to highlight; a 5 MB code
block unhighlighted takes 0.1 s; a table of 2,000 x 50 cells takes 2.2 s.
"""

from __future__ import annotations

import re

MAX_NESTING = 24
"""List or quote levels beyond which a text is shown plain: far beyond any real answer, far below the
depth (some 100 levels) at which Python-Markdown's recursion fails, and cheap to render up to."""
MAX_BRACKETS = 500
"""Unclosed `[` outside code beyond which a text is shown plain: each may open a link, which
Python-Markdown tries to close by scanning the rest of its paragraph (quadratic). Closed ones (links) cost
nothing like it: 2,000 links render in 0.07 s."""
MAX_TABLE_BARS = 5_000
"""`|` outside code beyond which a text is shown plain: about as many table cells, each of which
Python-Markdown parses for inline markup on its own (a 2,000 x 50 table took 2.2 s, and 5-7 s under load
for the 200 KB of it the transcript shows)."""
MAX_HIGHLIGHT_CHARS = 100_000
"""A code block longer than this is shown unhighlighted (pygments: about 1 s per 100 KB)."""
MAX_HIGHLIGHT_LINE = 1_000
"""A code block with a longer line is shown unhighlighted: some lexers backtrack within a line (a 20 KB
line of Java took 8 s)."""

# Each starts with a literal newline, which the regex engine finds fast: `^` in MULTILINE mode is tried at
# every position (10 ms a megabyte, with the GIL held, while the UI thread waits for it).
_LIST_OR_QUOTE = re.compile(r"\n([ \t]*)((?:>[ \t]*)*)([*+-]|\d+[.)])?")
_CLOSED_BRACKETS = re.compile(r"\[[^\[\]\n]*\]")
# An opening fence as Python-Markdown's fenced_code takes it: at the line's start, then nothing but a
# language, `{attributes}` or hl_lines; a line like "```[[[" opens nothing, and its brackets are prose.
_FENCE = re.compile(
    r"""^(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(?P<quote>["']).*?(?P=quote)[ ]*)?)?$""",
    re.MULTILINE,
)


def too_hostile(text: str) -> bool:
    """Whether Markdown would take too long or fail on `text`: show it as plain text instead."""
    prose = _outside_fences(text)
    if _CLOSED_BRACKETS.sub("", prose).count("[") > MAX_BRACKETS or prose.count("|") > MAX_TABLE_BARS:
        return True
    for match in _LIST_OR_QUOTE.finditer("\n" + prose):
        indent, quotes, marker = match.groups()
        if not quotes and not marker:
            continue  # an indented line that opens no list item: code or a continuation, nested in nothing
        # A tab or four spaces is one list level; each `>` a quote level.
        levels = len(indent.expandtabs(4)) // 4 + quotes.count(">")
        if levels > MAX_NESTING:
            return True
    return False


def highlightable(code: str) -> bool:
    """Whether pygments may colour this code block in bounded time."""
    if len(code) > MAX_HIGHLIGHT_CHARS:
        return False
    return all(len(line) <= MAX_HIGHLIGHT_LINE for line in code.split("\n"))


def cut_markdown(text: str, limit: int) -> str:
    """The start of a long text, about `limit` characters, ending at a line end, with a code fence it
    leaves open closed, so what is shown reads as it would in the whole."""
    line_end = text.rfind("\n", 0, limit)
    shown = text[: line_end if line_end > limit // 2 else limit]
    fence = _fences(shown)[1]
    return f"{shown}\n{fence}" if fence else shown


def open_fence(text: str) -> str | None:
    """The code fence the text leaves open at its end (a stopped reply's, say), if any."""
    return _fences(text)[1]


def _outside_fences(text: str) -> str:
    """The text without its fenced code blocks (an unclosed fence runs to the end), whose content Markdown
    neither nests nor scans for links."""
    return _fences(text)[0]


def _fences(text: str) -> tuple[str, str | None]:
    """(the text outside fenced code blocks, the fence left open at its end if any)."""
    if "```" not in text and "~~~" not in text:
        return text, None  # the common case, found fast
    parts: list[str] = []
    position = 0
    while True:
        opening = _FENCE.search(text, position)
        if opening is None:
            parts.append(text[position:])
            return "".join(parts), None
        parts.append(text[position : opening.start()])
        fence = opening.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", opening.end())
        found = closing.search(text, line_end + 1) if line_end >= 0 else None
        if found is None:
            # Python-Markdown makes no code block of a fence never closed: what follows is prose to it.
            parts.append(text[opening.start() :])
            return "".join(parts), fence
        position = found.end()

"""The unfinished tail of a streaming text as shown: Markdown markers that have not closed held back.

While a reply streams, its last block is rendered again on every repaint. Markup that has opened but not
closed yet would show as raw characters for a moment and then vanish ("`inl", "```p", "**bo",
"[text](ur"). `settled_tail` returns the text to render instead: a code span or emphasis closed for now, a
line that is becoming a code fence held back, a link shown as its text until its target has arrived, an
unclosed `$$`, `\\[`, `\\(` or math `$` (not money's) held back, a table's row until it is complete (and a
table until its header's separator line is: before it, its rows read as text with bars). Once the block is
finished it is rendered from its own text, so nothing is lost: at worst a marker that never closes (a lone
literal backtick) shows when its block ends.

Only the last paragraph of the tail is looked at (inline markup never spans a blank line); the rules are
those of Python-Markdown, simplified towards showing less rather than a marker that will vanish.
"""

from __future__ import annotations

import bisect
import re

# A last line that may still become a fence: one or two backticks or tildes, or a fence and its info string.
_BECOMING_FENCE = re.compile(r"^ {0,3}(?:`{1,2}|~{1,2}|`{3,}[^`]*|~{3,}.*)$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_TABLE_SEPARATOR = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_EMPHASIS = "*_"
_CLOSING_DOLLAR = re.compile(r"(?<=[^\s\\$])\$(?![\d$])")
"""A `$` that closes inline math (see `core.render.math`)."""


def settled_tail(tail: str) -> str:
    """The unfinished tail of a streaming Markdown text (no code fence open in it) as it may be shown."""
    head, newline, last = tail.rpartition("\n")
    if _BECOMING_FENCE.match(last):
        tail = head if newline else ""
    start = 0
    for blank in _BLANK_LINE.finditer(tail):
        start = blank.end()
    return tail[:start] + _settle_paragraph(_settled_table(tail[start:]))


def settled_code_tail(tail: str, fence: str) -> str:
    """The tail of a streaming text inside the code fence `fence`: a last line that may be its closing
    fence arriving is held back (it would show as code, then vanish)."""
    head, newline, last = tail.rpartition("\n")
    stripped = last.strip(" ")
    if newline and stripped and set(stripped) == {fence[0]}:
        return head
    return tail


class _Paragraph:
    """One scan of a paragraph: where to cut it and which emphasis to close."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.openers: list[tuple[str, int]] = []
        """Emphasis runs still open: (marker run, position)."""
        self.brackets: list[int] = []
        """Positions of `[` not closed yet."""

    def settle(self) -> str:
        text = self.text
        n = len(text)
        i = 0
        while i < n:
            char = text[i]
            if char == "\\":
                if text[i + 1 : i + 2] in ("(", "["):
                    closing = "\\)" if text[i + 1] == "(" else "\\]"
                    end = text.find(closing, i + 2)
                    if end < 0:
                        return self.finish(i)
                    i = end + 2
                    continue
                i += 2
            elif char == "`":
                i = self._code_span(i)
                if i < 0:
                    return self._open_code_span(-i - 1)
            elif char == "$" and text.startswith("$$", i):
                end = text.find("$$", i + 2)
                if end < 0:
                    return self.finish(i)
                i = end + 2
            elif char == "$":
                i = self._dollar(i)
                if i < 0:
                    return self.finish(-i - 1)
            elif char == "[":
                self.brackets.append(i)
                i += 1
            elif char == "]" and self.brackets:
                start = self.brackets.pop()
                if text.startswith("(", i + 1):
                    end = _closing_paren(text, i + 2)
                    if end < 0:  # the target is still arriving: the link's text alone for now
                        return self.finish(i, drop=start)
                    i = end + 1
                elif i + 1 == n:  # "[text]" may still become a link
                    return self.finish(i, drop=start)
                else:
                    i += 1
            elif char in _EMPHASIS:
                i = self._emphasis(i)
                if i < 0:
                    return self.finish(-i - 1)
            else:
                i += 1
        return self.finish(n)

    def _dollar(self, start: int) -> int:
        """Scan a `$` that may open inline math (not money: "$5"): past its closing `$`, or -(start + 1)
        to hold it back while its formula is still arriving."""
        text = self.text
        after = text[start + 1 : start + 2]
        if after and (after.isspace() or after.isdigit()):
            return start + 1
        if not after:
            return -(start + 1)
        closing = _CLOSING_DOLLAR.search(text, start + 2)
        return closing.end() if closing is not None else -(start + 1)

    def _code_span(self, start: int) -> int:
        """Where the code span opening at `start` ends, or -(start + 1) if it has not closed."""
        text = self.text
        end = start
        while end < len(text) and text[end] == "`":
            end += 1
        run = end - start
        position = end
        while True:
            found = text.find("`" * run, position)
            if found < 0:
                return -(start + 1)
            after = found + run
            if (after >= len(text) or text[after] != "`") and text[found - 1] != "`":
                return after
            while after < len(text) and text[after] == "`":
                after += 1
            position = after

    def _open_code_span(self, start: int) -> str:
        """The text with the code span opening at `start` closed for now (backticks that may be its
        closing run arriving held back)."""
        text = self.text
        end = start
        while end < len(text) and text[end] == "`":
            end += 1
        content = text[end:].rstrip("`")
        if not content.strip(" "):
            return self.finish(start)
        run = text[start:end]
        return self.finish(start, suffix=f"{run}{content}{run}")

    def _emphasis(self, start: int) -> int:
        """Scan the run of `*` or `_` at `start`: the position after it, or -(start + 1) to cut there."""
        text = self.text
        char = text[start]
        end = start
        while end < len(text) and text[end] == char:
            end += 1
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else ""
        if not after:  # the last thing: it may still grow (half a closing `**`), or open emphasis
            return -(start + 1)
        if not before.isspace() and any(mark[0] == char for mark, _ in self._open_marks()):
            while self.openers.pop()[0][0] != char:
                pass
            return end
        # Opening only where Python-Markdown surely opens: not inside a word ("2*x" stays as it is).
        if not after.isspace() and not before.isalnum() and end - start <= 3:
            self.openers.append((text[start:end], start))
        return end

    def _open_marks(self) -> list[tuple[str, int]]:
        # The openers of either kind are few in real text; a hostile run of them is bounded here.
        return self.openers[-8:]

    def finish(self, cut: int, *, drop: int | None = None, suffix: str = "") -> str:
        """The paragraph up to `cut` (then `suffix`), without the `[` at `drop` nor any `[` still open, with
        the emphasis still open closed (or held back, if nothing follows it yet)."""
        text = self.text
        marks = {position for position in self.brackets if position < cut}
        if drop is not None:
            marks.add(drop)
        dropped = sorted(marks)
        pieces: list[str] = []
        previous = 0
        for position in dropped:
            pieces.append(text[previous:position])
            previous = position + 1
        pieces.append(text[previous:cut])
        shown = "".join(pieces) + suffix
        closers = ""
        for mark, position in reversed(self.openers):
            if position >= cut:
                continue
            at = position - bisect.bisect_left(dropped, position)
            if shown[at + len(mark) :].strip():
                closers += mark
            else:
                shown = shown[:at]
        body = shown.rstrip()
        return body + closers + shown[len(body) :]


def _closing_paren(text: str, start: int) -> int:
    """The position of the `)` closing a link target that starts at `start`, or -1."""
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        if char == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            return -1
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
    return -1


def _settled_table(paragraph: str) -> str:
    """The last paragraph without a table row still arriving (its last line, not ended yet), and without a
    table whose header has no separator line yet; so a table grows a whole row at a time, and a tail that
    only a row's cells were added to looks as it did (nothing to render or lay out again)."""
    head, newline, last = paragraph.rpartition("\n")
    if _TABLE_ROW.match(last):
        paragraph = head + newline
    lines = paragraph.split("\n", 2)
    if _TABLE_ROW.match(lines[0]) and (len(lines) < 2 or not _TABLE_SEPARATOR.match(lines[1])):
        return ""
    return paragraph


def _settle_paragraph(text: str) -> str:
    return _Paragraph(text).settle() if text else text

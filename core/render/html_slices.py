"""Rendered HTML cut into pieces a rich-text view can take in one go, without changing what it shows.

A rich-text view lays out a paragraph as one unit, so a paragraph of a megabyte costs a second each time it
is touched. `split_long_paragraphs` breaks such a paragraph into paragraphs of bounded size that read as one
(no margin between them; a line ends early where they join), and `split_long_lists` a long bulleted list
into lists that look exactly like it. `chunks` cuts a run of top-level elements into runs of about a given
size, so a long render can be inserted a piece per event-loop turn.

Both read only HTML this project renders: the model's text in it is escaped, so every `<` opens a tag.
"""

from __future__ import annotations

import html
import re

LONG_PARAGRAPH = 8_000
"""Characters of a paragraph's (or list's) HTML above which it is shown as several: well beyond any real
paragraph, and a few milliseconds of Qt's layout."""

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr"})
_JOINED = ("margin-bottom:0", "margin-top:0; margin-bottom:0", "margin-top:0")


def split_long_paragraphs(rendered: str, limit: int = LONG_PARAGRAPH) -> str:
    """Every plain `<p>` longer than `limit` as consecutive paragraphs that read as one."""
    if len(rendered) <= limit:
        return rendered
    return _PARAGRAPH.sub(lambda match: _split_paragraph(match.group(1), limit), rendered)


def _split_paragraph(inner: str, limit: int) -> str:
    if len(inner) <= limit:
        return f"<p>{inner}</p>"
    pieces: list[str] = []
    start = depth = text_from = 0
    for tag in _TAG.finditer(inner):
        if depth == 0:
            start = _cut(inner, text_from, tag.start(), start, limit, pieces)
        depth += _depth_change(tag)
        text_from = tag.end()
    if depth == 0:
        start = _cut(inner, text_from, len(inner), start, limit, pieces)
    pieces.append(inner[start:])
    if len(pieces) == 1:
        return f"<p>{inner}</p>"
    styles = [_JOINED[0], *[_JOINED[1]] * (len(pieces) - 2), _JOINED[2]]
    return "".join(f'<p style="{style}">{piece}</p>' for style, piece in zip(styles, pieces, strict=True))


def _cut(inner: str, low: int, high: int, start: int, limit: int, pieces: list[str]) -> int:
    """Cut after spaces of inner[low:high] (text outside any inline element) into pieces of at least
    `limit`, leaving a last piece long enough that the end of the paragraph stays whole; return the start
    of the piece still open."""
    high = min(high, len(inner) - limit // 4)
    while True:
        space = inner.find(" ", max(low, start + limit), high)
        if space < 0:
            return start
        pieces.append(inner[start : space + 1])
        start = space + 1


def _depth_change(tag: re.Match[str]) -> int:
    if tag.group(3) or tag.group(2).lower() in _VOID:
        return 0
    return -1 if tag.group(1) else 1


def split_long_lists(rendered: str, limit: int = LONG_PARAGRAPH) -> str:
    """Every top-level `<ul>` longer than `limit` as consecutive lists that read as one, cut between its
    items (an ordered list is left whole: its numbers would start again)."""
    if len(rendered) <= limit or "<ul>" not in rendered:
        return rendered
    parts: list[str] = []
    done = depth = 0
    start: int | None = None
    cuts: list[int] = []
    for tag in _TAG.finditer(rendered):
        change = _depth_change(tag)
        if change > 0 and depth == 0 and tag.group(0) == "<ul>":
            start, cuts = tag.start(), []
        depth += change
        if start is None:
            continue
        if depth == 1 and tag.group(0) == "</li>" and tag.end() - (cuts[-1] if cuts else start) >= limit:
            cuts.append(tag.end())
        elif depth == 0:
            parts += [
                rendered[done:start],
                _split_list(rendered[start : tag.end()], [c - start for c in cuts]),
            ]
            done, start = tag.end(), None
    return "".join([*parts, rendered[done:]])


def _split_list(whole: str, cuts: list[int]) -> str:
    cuts = [cut for cut in cuts if len(whole) - cut > len("\n</ul>")]
    if not cuts:
        return whole
    bounds = [len("<ul>"), *cuts, len(whole) - len("</ul>")]
    styles = [_JOINED[0], *[_JOINED[1]] * (len(cuts) - 1), _JOINED[2]]
    return "".join(
        f'<ul style="{style}">{whole[low:high]}</ul>'
        for style, low, high in zip(styles, bounds[:-1], bounds[1:], strict=True)
    )


def chunks(rendered: str, size: int) -> list[str]:
    """`rendered` cut between top-level elements into pieces of about `size` characters (one element may be
    longer). A piece never ends with a table: the view adds a block after a table that ends an insertion."""
    if len(rendered) <= size:
        return [rendered] if rendered else []
    pieces: list[str] = []
    start = 0
    depth = 0
    for tag in _TAG.finditer(rendered):
        depth += _depth_change(tag)
        end = tag.end()
        if depth == 0 and end - start >= size and tag.group(2).lower() != "table":
            pieces.append(rendered[start:end])
            start = end
    if start < len(rendered):
        pieces.append(rendered[start:])
    return pieces


def plain_preview(text: str, chars: int) -> str:
    """The end of a long text as escaped plain lines, for a block too long to render on every repaint."""
    shown = text[-chars:]
    if len(text) > chars:
        newline = shown.find("\n")
        shown = "…" + (shown[newline + 1 :] if 0 <= newline < chars // 2 else shown)
    lines = html.escape(shown).split("\n")
    return "".join(f'<p style="margin-top:0; margin-bottom:0">{line or "&nbsp;"}</p>' for line in lines)


def plain_text_html(text: str) -> str:
    """A text shown as it is, line by line, escaped: for Markdown that cannot be rendered in time."""
    lines = html.escape(text).split("\n")
    style = "margin-top:0; margin-bottom:0; white-space:pre-wrap"
    return "".join(f'<p style="{style}">{line or "&nbsp;"}</p>' for line in lines)

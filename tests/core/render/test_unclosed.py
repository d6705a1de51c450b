"""A streaming reply never shows a Markdown marker that is still opening ("`inl", "```p", "**bo", "[t](u")."""

from __future__ import annotations

import html
import re

import pytest

from core.render.markdown import IncrementalMarkdown, MarkdownRenderer
from core.render.unclosed import settled_code_tail, settled_tail

render = MarkdownRenderer().render

REPLY = (
    "Call `parse_args()` first, then **read the `config` file** and *check* it.\n\n"
    "```python\nprint(`x`)\n```\n\n"
    "See [the docs](https://example.com/docs_page) or ``a ` b`` for __more__.\n\n"
    "- one `item`\n- two **items**\n\n"
    "~~~\nplain\n~~~\n\nDone."
)


def visible_text(rendered: str) -> str:
    """What a reader sees of rendered HTML: the text without tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_streaming_in_single_characters_never_shows_a_marker_the_final_text_does_not() -> None:
    final = visible_text(render(REPLY))
    assert "print(`x`)" in final and "a ` b" in final  # backticks the reader is meant to see
    incremental = IncrementalMarkdown(render)
    shown: list[str] = []
    for position, char in enumerate(REPLY):
        done, tail = incremental.append(char)
        shown.append(done)
        visible = visible_text("".join(shown) + tail)
        # Outside the two places the final text shows backticks, none ever shows.
        stray = re.sub(r"print\(`(x`?\)?)?|a ` ?b?", "", visible)
        assert "`" not in stray and "~" not in stray, (REPLY[: position + 1], visible)
        assert "*" not in visible and "__" not in visible, (REPLY[: position + 1], visible)
        assert "[" not in visible and "](" not in visible, (REPLY[: position + 1], visible)
    streamed = visible_text("".join(shown) + incremental.finish())
    assert "".join(streamed.split()) == "".join(final.split())  # blocks join with newlines in the whole


@pytest.mark.parametrize(
    ("tail", "shown"),
    [
        ("Use `inl", "Use `inl`"),  # an open code span shows as code already
        ("Use `inline` and ``", "Use `inline` and "),
        ("text\n```py", "text"),  # a fence whose info string is being typed is held back
        ("``", ""),
        ("**bo", "**bo**"),
        ("a **", "a "),
        ("see [text](https://exa", "see text"),  # a link shows its text until its target arrives
        ("see [text]", "see text"),
        ("**see `co", "**see `co`**"),
        ("$$\\int_0", ""),
        ("and \\[x", "and "),
        ("2*x + 3", "2*x + 3"),  # not emphasis: nothing to close
        ("* item", "* item"),
        ("snake_case_name", "snake_case_name"),
        ("costs $5 and", "costs $5 and"),
        ("energy $E=mc", "energy "),  # inline math still arriving
        ("energy $E=mc^2$ and", "energy $E=mc^2$ and"),
        ("a lone $", "a lone "),
        ("first\n\nsecond `co", "first\n\nsecond `co`"),
        ("`a` \\` b", "`a` \\` b"),
        ("Intro\n\n| a | b |", "Intro\n\n"),  # a table's header row arriving
        ("Intro\n\n| a | b |\n|--", "Intro\n\n"),  # no separator line yet: no table yet
        ("| a | b |\n|---|---|\n| 1 | *x", "| a | b |\n|---|---|\n"),  # a row still arriving
        ("| a | b |\n| :-- | --: |\n| 1 | 2 |\n", "| a | b |\n| :-- | --: |\n| 1 | 2 |\n"),
        ("text | with a bar", "text | with a bar"),
    ],
)
def test_settled_tail(tail: str, shown: str) -> None:
    assert settled_tail(tail) == shown


TABLE_REPLY = (
    "The results:\n\n| name | value | note |\n|---|:---:|---|\n| alpha | 1 | *first* |\n"
    "| beta | 22 | `second` |\n| gamma | 333 | third |\n\nThat is all."
)


def test_a_table_streaming_in_grows_a_whole_row_at_a_time_and_ends_as_rendered_whole() -> None:
    rows = ["alpha1first", "beta22second", "gamma333third"]
    final = visible_text(render(TABLE_REPLY))
    incremental = IncrementalMarkdown(render)
    shown: list[str] = []
    tails: set[str] = set()
    for position, char in enumerate(TABLE_REPLY):
        done, tail = incremental.append(char)
        shown.append(done)
        tails.add(incremental.tail_text())
        visible = visible_text("".join(shown) + tail)
        assert "|" not in visible and "---" not in visible, (TABLE_REPLY[: position + 1], visible)
        cells = "".join(visible.split())
        # Rows show whole or not at all, in order.
        assert [row for row in rows if row in cells] == rows[: sum(row in cells for row in rows)], visible
        assert not any(row[:3] in cells and row not in cells for row in rows), visible
    streamed = visible_text("".join(shown) + incremental.finish())
    assert "".join(streamed.split()) == "".join(final.split())
    # The tail looked different only as the intro, each whole row and the last paragraph arrived: each
    # character of a row does not make a new tail to render.
    assert len(tails) < len(TABLE_REPLY) // 4


def test_a_closing_fence_arriving_is_held_back_inside_code() -> None:
    assert settled_code_tail("x = 1\n``", "```") == "x = 1"
    assert settled_code_tail("x = 1\ny", "```") == "x = 1\ny"
    incremental = IncrementalMarkdown(render)
    _, tail = incremental.append("```python\nx = 1\n``")
    assert "``" not in visible_text(tail)


def test_a_long_hostile_tail_settles_in_linear_time() -> None:
    import time

    start = time.process_time()
    settled_tail("*a _b [c `d " * 20_000)
    assert time.process_time() - start < 1.0

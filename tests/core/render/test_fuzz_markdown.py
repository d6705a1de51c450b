"""Fuzzing the Markdown renderer with untrusted text: whatever the model writes, the HTML has no script, no
element that loads anything, only http/https/mailto link targets, and it renders in bounded time."""

from __future__ import annotations

import html
import re
import time

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from core.render.markdown import IncrementalMarkdown, MarkdownRenderer, allowed_link

FAST_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
"""No explain phase: it can take a minute on a failure, for a hint the shrunk example already gives."""
RENDER_BUDGET = 0.5
"""Seconds for one render of at most a few KB: a generous bound that still catches a pathological regex."""

_TOKENS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<SCRIPT src=http://127.0.0.1:9/x.js>",
        "<img src=http://127.0.0.1:9/a.png>",
        "<img src='x' onerror=alert(1)>",
        "<iframe src=//evil>",
        '<a href="javascript:alert(1)">x</a>',
        "![x](http://127.0.0.1:9/a.png)",
        "![x][r]",
        "[r]: http://127.0.0.1:9/ref.png",
        "[x](file:///etc/passwd)",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](data:text/html,<script>)",
        "[x](vbscript:msgbox)",
        "[x](http://ok.example/)",
        "<http://auto.example>",
        "<mailto:a@b.c>",
        "&#106;avascript:",
        "```",
        "```python",
        "~~~",
        "    ",
        "> ",
        "- ",
        "1. ",
        "* ",
        "|a|b|\n|-|-|\n",
        "\n",
        "\n\n",
        "`",
        "*",
        "_",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "&",
        '"',
        "\\",
        "\r",
        "\u2028",
    ]
)
TEXTS = st.lists(_TOKENS | st.text(max_size=6), max_size=40).map("".join)
_TAG = re.compile(r"<\s*([a-zA-Z][\w-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')
_ALLOWED_TAGS = {
    "a", "p", "span", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div",
}  # fmt: skip
_RENDERER = MarkdownRenderer()


def assert_safe(rendered: str) -> None:
    for tag, attributes in _TAG.findall(rendered):
        assert tag.lower() in _ALLOWED_TAGS, f"<{tag}> in {rendered[:300]}"
        for name, value in _ATTRIBUTE.findall(attributes):
            assert name.lower() in ("href", "class", "style", "align"), f"{name}= in <{tag}>"
            if name.lower() == "href":
                assert allowed_link(html.unescape(value)), f"href={value}"
    assert not re.search(r"<\s*script", rendered, re.IGNORECASE)


@settings(max_examples=200, deadline=None, phases=FAST_PHASES)
@given(TEXTS)
def test_any_text_renders_to_safe_html_in_bounded_time(text: str) -> None:
    started = time.perf_counter()
    rendered = _RENDERER.render(text)
    assert time.perf_counter() - started < RENDER_BUDGET
    assert_safe(rendered)


@settings(max_examples=100, deadline=None, phases=FAST_PHASES)
@given(TEXTS, st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=10))
def test_streamed_text_renders_safely_however_it_is_cut(text: str, sizes: list[int]) -> None:
    incremental = IncrementalMarkdown(_RENDERER.render)
    position = 0
    while position < len(text):
        size = sizes[position % len(sizes)]
        done, tail = incremental.append(text[position : position + size])
        assert_safe(done)
        assert_safe(tail)
        position += size
    assert_safe(incremental.finish())


def test_the_safety_check_catches_what_it_looks_for() -> None:
    for unsafe in (
        '<img src="http://x/a.png">',
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="file:///etc/passwd">x</a>',
        '<span onclick="x">y</span>',
    ):
        try:
            assert_safe(unsafe)
        except AssertionError:
            continue
        raise AssertionError(f"assert_safe let {unsafe} through")


def test_a_long_line_streamed_in_tiny_deltas_costs_linear_time() -> None:
    # The live view feeds every delta and renders only when it repaints; feeding must not rejoin the line.
    incremental = IncrementalMarkdown(_RENDERER.render)
    incremental.feed("Intro.\n\n")
    started = time.perf_counter()
    for _ in range(100_000):
        incremental.feed("a")
    assert time.perf_counter() - started < 1.0
    assert incremental.finish().endswith("a" * 100 + "</p>")

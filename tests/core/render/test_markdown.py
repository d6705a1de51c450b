"""Markdown from the model: safe HTML, highlighted code, incremental rendering equal to a whole render."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.render.markdown import (
    IncrementalMarkdown,
    MarkdownRenderer,
    code_styles,
    fence_opening,
    inline_styles,
    pygments_css,
)

render = MarkdownRenderer().render


def test_raw_html_is_shown_as_text_not_markup() -> None:
    out = render('Hello <script>alert("x")</script> and <b onclick="x()">bold</b>\n\n<div>\nblock\n</div>')
    assert "<script" not in out
    assert "&lt;script&gt;" in out
    assert "<b " not in out and "<div>" not in out
    assert "&lt;div&gt;" in out


def test_images_are_never_loaded_only_linked() -> None:
    out = render(
        "![a cat](http://example.com/cat.png) ![local](file:///etc/passwd) ![x](data:image/png;base64,AA)"
    )
    assert "<img" not in out
    assert '<a href="http://example.com/cat.png">[image: a cat]</a>' in out
    assert "file:" not in out and "data:" not in out
    assert "[image: local]" in out


def test_image_text_is_configurable_for_translation() -> None:
    out = MarkdownRenderer(image_text=lambda alt: f"<{alt}>").render("![cat](https://e.org/c.png)")
    assert "&lt;cat&gt;" in out


def test_only_http_https_and_mailto_links_stay_links() -> None:
    out = render(
        "[passwd](file:///etc/passwd) [js](javascript:alert(1)) [JS](JavaScript:alert(1)) "
        "[rel](notes.html) [web](https://example.com/a?b=1) [plain](http://example.com) "
        "[mail](mailto:a@example.com) <b@example.org>"
    )
    hrefs = re.findall(r'href="([^"]*)"', out)
    assert "https://example.com/a?b=1" in hrefs
    assert "http://example.com" in hrefs
    assert "mailto:a@example.com" in hrefs
    assert len(hrefs) == 4  # the automatic mailto link is the fourth, entity-encoded
    assert "javascript" not in out.lower() and "file:" not in out and "notes.html" not in out
    assert "<span>passwd</span>" in out and "<span>js</span>" in out


def test_code_is_highlighted_with_css_classes_and_escaped() -> None:
    out = render('```python\ndef f(x):\n    return "<b>" if x else None\n```')
    assert '<pre class="code">' in out
    assert '<span class="k">def</span>' in out
    assert '<span class="nf">f</span>' in out
    assert "&lt;b&gt;" in out and "<b>" not in out


def test_unknown_language_and_indented_code_are_plain_code_blocks() -> None:
    out = render("```nosuchlanguage\n<x> & y\n```\n\n    indented <code>\n")
    assert out.count('<pre class="code">') == 2
    assert "&lt;x&gt; &amp; y" in out
    assert "indented &lt;code&gt;" in out


def test_code_header_receives_the_code_and_language() -> None:
    seen: list[tuple[str, str]] = []

    def header(code: str, language: str) -> str:
        seen.append((code, language))
        return '<p class="codebar">copy</p>'

    out = MarkdownRenderer(code_header=header).render("```js\nlet a = 1 < 2;\n```")
    assert seen == [("let a = 1 < 2;\n", "js")]
    assert out.startswith('<p class="codebar">copy</p><pre class="code">')


def test_tables_lists_and_headings_render() -> None:
    out = render("# Title\n\n| a | b |\n|---|---|\n| 1 | **2** |\n\n- one\n- two\n\n1. first\n2. second")
    assert "<h1>Title</h1>" in out
    assert "<table>" in out and "<th>a</th>" in out and "<td><strong>2</strong></td>" in out
    assert "<ul>" in out and "<ol>" in out


def test_pygments_css_and_inline_styles_agree() -> None:
    css = pygments_css(dark=False)
    styles = code_styles(dark=False)
    assert "pre.code .k {" in css and styles["k"] in css
    assert pygments_css(dark=True) != css
    html = render("```python\nimport os\n```")
    inlined = inline_styles(html, styles)
    assert 'class="k' not in inlined
    assert f'<span style="{styles["kn"]}">import</span>' in inlined
    assert f'<pre style="{styles["code"]}">' in inlined


def test_fence_opening_follows_python_markdown() -> None:
    assert fence_opening("```") == "```"
    assert fence_opening("~~~~ python") == "~~~~"
    assert fence_opening("``` {.py}") == "```"
    assert fence_opening("```python title") is None
    assert fence_opening("  ```") is None
    assert fence_opening("``") is None


# --- incremental rendering ---------------------------------------------------------------------------


def stream(text: str, cuts: list[int], render_each: bool = True) -> str:
    """Feed `text` cut at `cuts`, rendering after each piece or only at the end; return the final HTML."""
    incremental = IncrementalMarkdown(render)
    finished: list[str] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        if render_each:
            finished.append(incremental.append(text[start:cut])[0])
        else:
            incremental.feed(text[start:cut])
        start = cut
    finished.append(incremental.finish())
    return "\n".join(part for part in finished if part)


WORDS = st.sampled_from(
    ["alpha", "*beta*", "`gamma`", "**delta**", "[link](https://e.org)", "x<y", "1.", "-", "#"]
)
INLINE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
LINE = st.one_of(
    INLINE,
    INLINE.map(lambda s: f"# {s}"),
    INLINE.map(lambda s: f"- {s}"),
    INLINE.map(lambda s: f"* {s}"),
    INLINE.map(lambda s: f"1. {s}"),
    INLINE.map(lambda s: f"  - {s}"),
    INLINE.map(lambda s: f"    {s}"),
    INLINE.map(lambda s: f"\t{s}"),
    INLINE.map(lambda s: f"> {s}"),
    INLINE.map(lambda s: f"| {s} | b |"),
    st.sampled_from(
        ["|---|---|", "---", "===", "* * *", "```", "```python", "~~~", "````", "``` {.js}", "   ", ""]
    ),
)


@st.composite
def markdownish(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINE, max_size=30))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markdownish(), data=st.data())
def test_incremental_equals_whole_render(text: str, data: st.DataObject) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    assert stream(text, cuts) == render(text)


def test_spaces_on_the_first_line_make_a_paragraph_streamed_as_whole() -> None:
    # Found by the property above: only a line after a newline is blank to Python-Markdown, so the whole text
    # "   \n- alpha" is a paragraph, and so must its stream be.
    text = "   \n- alpha"
    assert stream(text, []) == render(text) == stream(text, [2, 4])


def test_spaces_on_the_blank_line_after_a_block_keep_the_next_list_a_list() -> None:
    # Found by the property above: the block after the fence began with "   ", and alone Python-Markdown read
    # "   \n- alpha" as a paragraph.
    text = "```\n```\n   \n- alpha"
    assert "<li>alpha</li>" in render(text)
    assert stream(text, []) == render(text)


@settings(max_examples=150, deadline=None)
@given(text=markdownish())
def test_incremental_in_single_characters_equals_whole_render(text: str) -> None:
    assert stream(text, list(range(1, len(text))), render_each=False) == render(text)


def test_open_fence_keeps_blank_lines_in_the_tail_and_shows_as_code() -> None:
    incremental = IncrementalMarkdown(render)
    done, _ = incremental.append("Intro.\n\n```python\nx = 1\n\n\ny = 2\n")
    assert "Intro." in done
    done, tail = incremental.append("\nz = 3\n")
    assert done == ""
    assert '<pre class="code">' in tail and "y" in tail and "z" in tail
    done, tail = incremental.append("```\n\nAfter.\n")
    assert '<pre class="code">' in done and "After." in tail


def test_loose_list_stays_one_list() -> None:
    text = "- one\n\n- two\n\n    more of two\n\n- three\n\nDone."
    finished = stream(text, list(range(1, len(text))))
    assert finished.count("<ul>") == 1
    assert finished == render(text)


def test_carriage_returns_split_across_deltas() -> None:
    assert stream("a\r\n\r\nb\rc", [1, 2, 3, 4, 6]) == render("a\n\nb\nc")


def rendered_chars(text: str, delta_chars: int) -> int:
    """Characters the renderer is given while `text` streams in deltas, each delta rendered at once.

    The count does not depend on what the renderer does, so a counting stand-in keeps the test fast.
    """
    total = 0

    def counting(source: str) -> str:
        nonlocal total
        total += len(source)
        return source

    incremental = IncrementalMarkdown(counting)
    for start in range(0, len(text), delta_chars):
        incremental.append(text[start : start + delta_chars])
    incremental.finish()
    return total


def naive_chars(text: str, delta_chars: int) -> int:
    return sum(min(end, len(text)) for end in range(delta_chars, len(text) + delta_chars, delta_chars))


def test_rendering_cost_grows_linearly_with_the_reply() -> None:
    """1-token deltas: the work per delta depends on the unfinished block, not on the reply's length."""
    short, long = long_reply(random.Random(7), tokens=2000), long_reply(random.Random(7), tokens=8000)
    short_ratio = rendered_chars(short, 4) / len(short)
    long_ratio = rendered_chars(long, 4) / len(long)
    naive_ratio = naive_chars(long, 4) / len(long)
    print(
        f"\n1-token deltas: {short_ratio:.1f}x at {len(short)} chars, "
        f"{long_ratio:.1f}x at {len(long)} chars; naive {naive_ratio:.0f}x"
    )
    assert long_ratio < 1.3 * short_ratio
    assert long_ratio < 60
    assert naive_ratio > 50 * long_ratio


def test_rendering_an_8k_token_reply_costs_under_20_times_its_length() -> None:
    """Deltas of ~3 tokens, the size the API usually sends, each rendered as it arrives."""
    text = long_reply(random.Random(7), tokens=8000)
    total = rendered_chars(text, 12)
    naive = naive_chars(text, 12)
    print(
        f"\n8k tokens in 12-char deltas: {len(text)} chars, incremental {total} ({total / len(text):.1f}x), "
        f"naive {naive} ({naive / len(text):.0f}x)"
    )
    assert total < 20 * len(text)
    assert naive > 50 * total


def long_reply(rng: random.Random, tokens: int) -> str:
    """A reply shaped like a model's: paragraphs, lists, code, a table, about `tokens` tokens long."""
    words = ["the", "model", "streams", "text", "while", "the", "view", "renders", "what", "changed"]

    def sentence() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize() + "."

    parts: list[str] = []
    while sum(map(len, parts)) < tokens * 4:
        kind = rng.choice(["para", "para", "list", "code", "table", "heading"])
        if kind == "para":
            parts.append(" ".join(sentence() for _ in range(rng.randint(2, 5))))
        elif kind == "list":
            parts.append("\n".join(f"- {sentence()}" for _ in range(rng.randint(2, 6))))
        elif kind == "code":
            body = "\n".join(
                f"    value_{i} = compute({i})  # {rng.choice(words)}" for i in range(rng.randint(3, 12))
            )
            parts.append(f"```python\ndef step():\n{body}\n\n    return value_0\n```")
        elif kind == "table":
            rows = "\n".join(
                f"| {rng.choice(words)} | {rng.randint(0, 99)} |" for _ in range(rng.randint(2, 6))
            )
            parts.append(f"| name | value |\n|---|---|\n{rows}")
        else:
            parts.append(f"## {sentence()}")
    return "\n\n".join(parts)

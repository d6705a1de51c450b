"""LaTeX math in Markdown: found where a reader means math (never money, code or an escaped dollar), drawn
as SVG, and shown as typed when it does not parse."""

from __future__ import annotations

import pytest

from core.render.markdown import MarkdownRenderer
from core.render.math import MAX_FORMULAS, math_svg, svg_math_html, valid_latex

found: list[tuple[str, bool]] = []


def marked(latex: str, display: bool) -> str:
    found.append((latex, display))
    return f"<math-{'d' if display else 'i'}>{latex}</math-{'d' if display else 'i'}>"


render = MarkdownRenderer(math_html=marked).render


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("between $x$ and $y^2$ here", "between <math-i>x</math-i> and <math-i>y^2</math-i> here"),
        ("see \\(a+b\\) and \\[c\\]", "see <math-i>a+b</math-i> and <math-d>c</math-d>"),
        ("$$\n\\int_0^1 x\\,dx\n$$", "<math-d>\\int_0^1 x\\,dx</math-d>"),
        ("$\\alpha_1 * \\beta_2 * x$ holds", "<math-i>\\alpha_1 * \\beta_2 * x</math-i> holds"),
    ],
)
def test_math_is_found(text: str, shown: str) -> None:
    assert shown in render(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("It costs $5 and $10.", "It costs $5 and $10."),  # money: the closing $ would follow a space
        ("From $5-$10 a day", "From $5-$10 a day"),  # a closing $ before a digit is not one
        ("a $ b $ c", "a $ b $ c"),  # an opening $ before a space is not one
        ("Escaped \\$x\\$ stays", "Escaped $x$ stays"),
        ("In code `$x$` and `\\(y\\)`", "<code>$x$</code> and <code>\\(y\\)</code>"),
    ],
)
def test_money_code_and_escaped_dollars_stay_text(text: str, shown: str) -> None:
    found.clear()
    assert shown in render(text)
    assert found == []


def test_math_in_code_blocks_stays_code() -> None:
    found.clear()
    out = render("```text\n$$\\int x$$\n```\n\n    $y$ indented\n\n```mermaid\ngraph TD; A-->B\n```")
    assert found == []
    assert "$$\\int x$$" in out and "$y$ indented" in out
    assert "graph TD; A--&gt;B" in out  # a mermaid block stays a code block


def test_mermaid_stays_code_with_a_copy_link() -> None:
    header = MarkdownRenderer(code_header=lambda code, language: f"[{language}: copy]", math_html=marked)
    out = header.render("```mermaid\ngraph TD; A-->B\n```")
    assert "[mermaid: copy]" in out and '<pre class="code">' in out


def test_latex_that_does_not_parse_shows_as_typed() -> None:
    assert valid_latex("\\frac{1}{2}") and not valid_latex("x^") and not valid_latex("\\nosuchcommand{x}")
    out = MarkdownRenderer(math_html=svg_math_html).render("Bad: $x^$ and $\\nosuchcommand{x}$ and \\(x^\\).")
    assert "Bad: $x^$ and $\\nosuchcommand{x}$ and \\(x^\\)." in out
    assert "<img" not in out


def test_a_formula_is_drawn_as_svg_with_its_baseline() -> None:
    drawn = math_svg("\\int_0^1 x\\,dx", True)
    assert drawn is not None
    assert drawn.svg.startswith("<svg") and "<path" in drawn.svg and "<symbol" not in drawn.svg
    assert drawn.width > 0 and drawn.height > drawn.depth > 0  # the integral reaches below the baseline
    assert math_svg("\\int_0^1 x\\,dx", True) is drawn  # cached
    assert math_svg("x^", False) is None


def test_the_exports_math_is_an_svg_image_with_its_source_as_text() -> None:
    out = MarkdownRenderer(math_html=svg_math_html).render("Energy $E=mc^2$ and $$a^2+b^2=c^2$$")
    assert out.count("data:image/svg+xml;base64,") == 2
    assert 'alt="E=mc^2"' in out and 'alt="a^2+b^2=c^2"' in out
    assert "vertical-align: -" in out  # on the text's baseline
    assert '<p class="math" style="text-align: center">' in out


def test_a_paragraph_of_lone_dollars_renders_in_linear_time() -> None:
    import time

    start = time.process_time()
    MarkdownRenderer(math_html=marked).render("$5 " * 20_000)
    assert time.process_time() - start < 2.0


def test_formulas_beyond_the_limit_of_one_text_show_as_typed() -> None:
    found.clear()
    text = " ".join(f"$x_{{{i}}}$" for i in range(MAX_FORMULAS + 50))
    out = render(text)
    assert len(found) == MAX_FORMULAS
    assert f"$x_{{{MAX_FORMULAS + 49}}}$" in out
    found.clear()
    render("again $y$")  # the count is per text
    assert found == [("y", False)]

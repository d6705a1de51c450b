"""LaTeX math in the model's Markdown: found, checked, and drawn as SVG, with no JavaScript engine.

`$…$` and `\\(…\\)` are inline, `$$…$$` and `\\[…\\]` displayed on a line of their own. A dollar sign is math
only as in pandoc: the opening `$` is followed by a non-space, the closing one follows a non-space and is
not followed by a digit, so "costs $5 and $10" stays text; `\\$` is a dollar sign. Code spans and code
blocks are never read for math (Python-Markdown has set them apart before this pattern runs).

What a formula becomes is the caller's (`MathHtml`): the exports embed the SVG as a data URI
(`svg_math_html`), the transcript an image it draws off the UI thread. LaTeX that does not parse, or names a
command nobody knows, shows as its source, as typed. `latex2mathml` parses; `ziamath` lays out and draws
(pure Python, its own STIX Two Math font), slowly (0.05-0.3 s a formula), so renders are cached and made
where the caller does its slow work.
"""

from __future__ import annotations

import base64
import html
import logging
import re
import threading
import warnings
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

log = logging.getLogger(__name__)

MathHtml = Callable[[str, bool], "str | None"]
"""(LaTeX, displayed) -> the HTML that shows it, or None to show the source as typed."""

MAX_FORMULAS = 400
"""Formulas shown as math in one text; the rest show as typed. Far beyond a real answer, and it bounds what a
text of thousands of `$x_i$` costs: each distinct formula is parsed here (~1 ms) and drawn later (~0.1 s)."""
MAX_INLINE = 1_000
MAX_DISPLAY = 10_000
"""Characters of a formula beyond which it is not looked for: bounds the scan for a closing delimiter (a
paragraph of lone dollar signs would otherwise cost quadratic time)."""

# Before the escape pattern (priority 180), which would eat the backslash of `\(` and `\[`; after code
# spans (190), whose contents are never math.
PRIORITY = 185
_MATH = re.compile(
    rf"""\$\$(?P<dollars>[^$]{{1,{MAX_DISPLAY}}}?)\$\$
    | \\\[(?P<bracket>.{{1,{MAX_DISPLAY}}}?)\\\]
    | \\\((?P<paren>.{{1,{MAX_INLINE}}}?)\\\)
    | (?<![\\$])\$(?P<dollar>[^\s$](?:[^$]{{0,{MAX_INLINE}}}?[^\s\\$])?)\$(?![\d$])""",
    re.VERBOSE | re.DOTALL,
)
_UNKNOWN_COMMAND = re.compile(r"<m(?:i|o|text)>\\")


@dataclass(frozen=True)
class MathSvg:
    svg: str
    width: float
    height: float
    depth: float
    """How far the drawing reaches below the baseline, in the SVG's pixels."""


def valid_latex(latex: str) -> bool:
    """Whether the formula parses and names only known commands (cheap: ~1 ms, no layout)."""
    return _mathml(latex) is not None


@lru_cache(maxsize=2048)
def _mathml(latex: str) -> str | None:
    from latex2mathml.converter import convert  # imported when math first appears (0.3 s)

    try:
        mathml = convert(latex)
    except Exception:  # the formula is untrusted text: any failure means "show the source"
        return None
    return None if _UNKNOWN_COMMAND.search(mathml) else mathml


_ziamath_lock = threading.Lock()


@lru_cache(maxsize=1024)
def math_svg(latex: str, display: bool, size: float = 16.0, color: str = "black") -> MathSvg | None:
    """The formula drawn as SVG at a font size of `size` pixels, or None if it cannot be drawn."""
    if not valid_latex(latex):
        return None
    with _ziamath_lock:  # its font tables and configuration are shared: one drawing at a time
        try:
            with warnings.catch_warnings():
                # Loads its font on import (1-3 s), only where math is drawn, through an importlib API
                # that Python 3.11 calls deprecated.
                warnings.simplefilter("ignore", DeprecationWarning)
                from ziamath.config import config
                from ziamath.zmath import Latex

            # SVG 1.1 paths, which Qt's SVG renderer draws (SVG 2's <symbol> reuse it leaves blank).
            config.svg2 = False
            svg = Latex(latex, size=size, color=color, inline=not display).svg()
        except Exception:
            log.warning(
                "A formula of %d characters could not be drawn; shown as source", len(latex), exc_info=True
            )
            return None
    return _measured(svg)


def _measured(svg: str) -> MathSvg | None:
    try:
        root = ElementTree.fromstring(svg)
        _, min_y, width, height = (float(part) for part in root.get("viewBox", "").split())
    except (ElementTree.ParseError, ValueError):
        return None
    return MathSvg(svg, width, height, depth=max(0.0, min_y + height))


def svg_math_html(latex: str, display: bool) -> str | None:
    """A formula as an SVG image in a data URI, its baseline on the text's: for an HTML file that stands
    alone (and the PDF made from it); the LaTeX stays as its alt text."""
    drawn = math_svg(latex, display)
    if drawn is None:
        return None
    data = base64.b64encode(drawn.svg.encode()).decode()
    alt = html.escape(latex, quote=True)
    style = f"vertical-align: -{drawn.depth:.2f}px"
    image = f'<img class="math" alt="{alt}" style="{style}" src="data:image/svg+xml;base64,{data}">'
    return f'<p class="math" style="text-align: center">{image}</p>' if display else image


class _MathPattern(InlineProcessor):
    def __init__(self, md: markdown.Markdown, math_html: MathHtml) -> None:
        super().__init__(_MATH.pattern, md)
        self.compiled_re = _MATH
        self._math_html = math_html
        self.shown = 0
        """Formulas shown as math in the text being converted."""

    def handleMatch(  # type: ignore[override]  # the stubs type the element as Element only
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        display = m.group("dollars") is not None or m.group("bracket") is not None
        latex = next(group for group in m.group("dollars", "bracket", "paren", "dollar") if group is not None)
        try:
            wanted = latex.strip() and self.shown < MAX_FORMULAS
            shown = self._math_html(latex.strip(), display) if wanted else None
        except Exception:  # the caller's drawing failing shows the source, never loses it
            log.warning("Showing a formula failed; shown as source")
            shown = None
        self.shown += shown is not None
        # A string is put in as text, exactly: the source as typed, or a placeholder for the math's HTML.
        return (m.group(0) if shown is None else self.md.htmlStash.store(shown)), m.start(0), m.end(0)


class _CountReset(Extension):
    """Starts the count of formulas again for each text: md.reset() resets every registered extension."""

    def __init__(self, pattern: _MathPattern) -> None:
        super().__init__()
        self._pattern = pattern

    def reset(self) -> None:
        self._pattern.shown = 0


def add_math(md: markdown.Markdown, math_html: MathHtml) -> None:
    """Teach a converter math: the pattern, and `\\$` as an escaped dollar sign."""
    pattern = _MathPattern(md, math_html)
    md.inlinePatterns.register(pattern, "triptych_math", PRIORITY)
    md.registerExtension(_CountReset(pattern))
    if "$" not in md.ESCAPED_CHARS:
        md.ESCAPED_CHARS.append("$")

"""Markdown from the model, rendered to HTML that is safe to show, whole or while it streams.

The model's text is untrusted: raw HTML in it is shown as text, images are never loaded (an image becomes a
link to it), and a link keeps its target only for http, https and mailto. Code blocks are highlighted by
pygments with CSS classes, so one stylesheet (`pygments_css`) colours them for a light or dark palette.

`IncrementalMarkdown` renders a streamed reply in time linear in its length: each finished top-level block
is rendered once, and only the unfinished tail is rendered again as more text arrives.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Mapping
from xml.etree import ElementTree

import markdown
import pygments
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from core.render.html_slices import plain_text_html
from core.render.limits import highlightable, too_hostile
from core.render.links import allowed_link
from core.render.math import MathHtml, add_math
from core.render.unclosed import settled_code_tail, settled_tail

CODE_CLASS = "code"
"""The class of every highlighted `<pre>`; `pygments_css` scopes its rules to it."""

CodeHeader = Callable[[str, str], str]
"""(code, language) -> HTML put above a code block, e.g. a "Copy" link."""
ImageText = Callable[[str], str]
"""alt text -> the plain text shown instead of an image."""

# Python-Markdown's code blocks after conversion; raw HTML is escaped, so only the converter makes these.
_CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>', re.DOTALL)
_CLASS_ATTRIBUTE = re.compile(r'(<(?:span|pre|p|div|td|table)) class="([\w-]+)"')
log = logging.getLogger(__name__)


def pygments_css(dark: bool) -> str:
    """CSS for highlighted code blocks, scoped to `pre.code`, for a stylesheet-driven viewer."""
    formatter = _style_formatter(dark)
    # types-Pygments leaves get_token_style_defs unannotated; it returns the rules as a list of str.
    rules: list[str] = formatter.get_token_style_defs(f"pre.{CODE_CLASS}")  # type: ignore[no-untyped-call]
    return "\n".join([f"pre.{CODE_CLASS} {{ {_block_style(formatter)} }}", *rules])


def code_styles(dark: bool) -> dict[str, str]:
    """The same styles as `pygments_css` as a class -> declarations map, for `inline_styles`."""
    formatter = _style_formatter(dark)
    # class2style is set by HtmlFormatter.__init__ but missing from types-Pygments.
    class2style = formatter.class2style  # type: ignore[attr-defined]
    styles = {name: style for name, (style, _, _) in class2style.items() if name and style}
    styles[CODE_CLASS] = _block_style(formatter)
    return styles


def inline_styles(html_text: str, styles: Mapping[str, str]) -> str:
    """Replace the known `class` attributes of rendered HTML by `style` attributes.

    Qt's rich text matches every element against every stylesheet rule, which doubles the time to show a
    long transcript; inline styles cost it nothing to match.
    """

    def replace(match: re.Match[str]) -> str:
        style = styles.get(match.group(2))
        return f'{match.group(1)} style="{style}"' if style is not None else match.group(0)

    return _CLASS_ATTRIBUTE.sub(replace, html_text)


def _style_formatter(dark: bool) -> HtmlFormatter[str]:
    return HtmlFormatter(style="github-dark" if dark else "default")


def _block_style(formatter: HtmlFormatter[str]) -> str:
    text = formatter.class2style.get("", ("", None, 0))[0]  # type: ignore[attr-defined]  # as above
    return "; ".join(part for part in (f"background-color: {formatter.style.background_color}", text) if part)


class _SafeElements(Treeprocessor):
    """Turns images into links to them and drops link targets of other schemes than LINK_SCHEMES."""

    def __init__(self, md: markdown.Markdown, image_text: ImageText) -> None:
        super().__init__(md)
        self._image_text = image_text

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                self._image_to_link(element)
            elif element.tag == "a" and not allowed_link(_attribute(element, "href")):
                element.tag = "span"
                element.attrib.clear()

    def _image_to_link(self, element: ElementTree.Element) -> None:
        source = _attribute(element, "src")
        label = self._image_text(element.get("alt", ""))
        element.attrib.clear()
        element.text = label
        if allowed_link(source) and not source.lower().startswith("mailto:"):
            element.tag = "a"
            element.set("href", source)
        else:
            element.tag = "span"


def _attribute(element: ElementTree.Element, name: str) -> str:
    # An automatic mailto link comes entity-encoded, with its ampersands stashed.
    return html.unescape(element.get(name, "").replace(AMP_SUBSTITUTE, "&"))


class MarkdownRenderer:
    """Markdown -> safe HTML. One instance is reused: building a converter costs more than a short render."""

    def __init__(
        self,
        code_header: CodeHeader | None = None,
        image_text: ImageText | None = None,
        math_html: MathHtml | None = None,
    ) -> None:
        """`math_html` shows LaTeX math (see `core.render.math`); without it math stays as typed."""
        self._code_header = code_header
        self._image_text = image_text or (lambda alt: f"[image: {alt}]")
        self._math_html = math_html
        self._md = self._converter()
        self._formatter = HtmlFormatter(nowrap=True)
        self._lexers: dict[str, Lexer] = {}

    def _converter(self) -> markdown.Markdown:
        md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists"])
        # Raw HTML is escaped instead of passed through: without these it is plain text to the parser.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeElements(md, self._image_text), "triptych_safe", 5)
        if self._math_html is not None:
            add_math(md, self._math_html)
        return md

    def render(self, text: str) -> str:
        """The text as safe HTML; never raises: what Markdown cannot render in time or at all (see
        `core.render.limits`) is shown as plain text, whole."""
        if too_hostile(text):
            return plain_text_html(text)
        try:
            converted = self._md.convert(text)
        except Exception:  # the text is untrusted: any failure of the parser shows it plain
            log.warning("Markdown failed on a text of %d characters; shown as plain text", len(text))
            self._md = self._converter()  # its state after a failure mid-parse is unknown
            return plain_text_html(text)
        finally:
            self._md.reset()
        return _CODE_BLOCK.sub(self._highlight, converted)

    def _highlight(self, match: re.Match[str]) -> str:
        language = html.unescape(match.group(1) or "")
        code = html.unescape(match.group(2))
        header = self._code_header(code, language) if self._code_header else ""
        return f'{header}<pre class="{CODE_CLASS}">{self._colour(code, language)}</pre>'

    def _colour(self, code: str, language: str) -> str:
        if not highlightable(code):
            return html.escape(code, quote=False)
        try:
            return pygments.highlight(code, self._lexer(language), self._formatter).removesuffix("\n")
        except Exception:  # a lexer failing on untrusted code leaves it uncoloured, not lost
            log.warning("Highlighting %s failed; shown uncoloured", language or "code")
            return html.escape(code, quote=False)

    def _lexer(self, language: str) -> Lexer:
        key = language.lower()
        if key not in self._lexers:
            try:
                self._lexers[key] = get_lexer_by_name(key) if key else TextLexer()
            except ClassNotFound:
                self._lexers[key] = TextLexer()
        return self._lexers[key]


# The opening line of a fenced code block exactly as Python-Markdown's fenced_code recognises it.
_FENCE_OPEN = re.compile(
    r"""(?P<fence>^(?:~{3,}|`{3,}))[ ]*
    ((\{(?P<attrs>[^\n]*)\})|
    (\.?(?P<lang>[\w#.+-]*)[ ]*)?
    (hl_lines=(?P<quot>"|')(?P<hl_lines>.*?)(?P=quot)[ ]*)?)$""",
    re.VERBOSE,
)
# Lines that may continue the list or quote before them across a blank line (Python-Markdown's patterns).
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d+\.)[ ]+")
_QUOTE = re.compile(r"^[ ]{0,3}>")
# The start of a line that may still become a list item or a fence as more of it arrives.
_UNDECIDED_START = re.compile(r"^(?:\d*|\d+\.|[*+-]|`{1,2}|~{1,2}|[`~]{3}.*)$")


def fence_opening(line: str) -> str | None:
    """The fence string if `line` opens a fenced code block, else None."""
    match = _FENCE_OPEN.match(line.expandtabs(4))
    if match is None:
        return None
    if match.group("attrs") is not None and get_attrs_and_remainder(match.group("attrs"))[1]:
        return None
    return match.group("fence")


class IncrementalMarkdown:
    """Renders Markdown that arrives in pieces: finished top-level blocks once, the unfinished tail each time.

    A block is finished when a later line starts a new top-level block that cannot join it: it follows a
    blank line, is not indented (indented lines continue lists and code), does not continue a list or quote
    the block holds, and no code fence is open. A fenced code block is finished when its fence closes, as
    Python-Markdown always sets it apart. The finished blocks' HTML, joined by newlines, equals the render
    of the whole text (reference-style link definitions aside: they reach across blocks).
    """

    def __init__(self, render: Callable[[str], str] | None = None) -> None:
        """Without `render`, the caller renders the blocks' text itself (`take_blocks`, `tail_text`)."""
        self._render = render
        self._finished: list[str] = []
        """Text of finished blocks not rendered yet."""
        self._lines: list[str] = []
        """Complete lines of the unfinished block."""
        self._partial: list[str] = []
        """The last line so far, in pieces."""
        self._pending_cr = False
        self._first_line = True
        """No line has arrived yet."""
        self._has_text = False
        self._after_blank = False
        self._holds_list = False
        self._holds_quote = False
        self._fence: str | None = None
        self._fence_start = 0

    def append(self, delta: str) -> tuple[str, str]:
        """Add text; return (HTML of blocks finished since the last call, HTML of the unfinished tail)."""
        self.feed(delta)
        return self.take()

    def feed(self, delta: str) -> None:
        """Add text without rendering: cheap, so a throttled view renders only when it repaints."""
        if self._pending_cr:
            delta = "\r" + delta
        self._pending_cr = delta.endswith("\r")
        pieces = delta.removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._partial.append(pieces[0])
        for piece in pieces[1:]:
            line = "".join(self._partial)
            self._partial = [piece]
            self._add_line(line)
        self._split_before_partial()

    def take(self) -> tuple[str, str]:
        """Render what finished since the last call, and the tail as it stands."""
        return self._take_finished(), self._rendered(self.tail_text())

    def finish(self) -> str:
        """The text is complete: render all that is not rendered yet as finished, and return its HTML."""
        return self._joined(self.finish_blocks())

    def untaken_chars(self) -> int:
        """Characters of the finished blocks not yet taken and of the unfinished tail."""
        return sum(len(block) for block in self._finished) + self.tail_chars()

    def tail_chars(self) -> int:
        """Characters of the unfinished tail, found without settling it."""
        return sum(len(line) + 1 for line in self._lines) + sum(len(piece) for piece in self._partial)

    def take_blocks(self) -> list[str]:
        """The text of the blocks finished since the last call, for a caller that renders them itself: the
        renders of non-empty ones joined by newlines equal the render of the whole."""
        finished, self._finished = self._finished, []
        return finished

    def finish_blocks(self) -> list[str]:
        """The text is complete: the text of all the blocks not taken yet, as finished."""
        if self._pending_cr:
            self.feed("\n")
        tail = "\n".join([*self._lines, "".join(self._partial)])
        if tail.strip():
            self._finished.append(tail)
        self._lines, self._partial = [], []
        return self.take_blocks()

    def _take_finished(self) -> str:
        return self._joined(self.take_blocks())

    def _joined(self, texts: list[str]) -> str:
        rendered = [self._rendered(text) for text in texts]
        return "\n".join(part for part in rendered if part)

    def _rendered(self, text: str) -> str:
        if self._render is None:
            raise TypeError("IncrementalMarkdown made without a renderer renders nothing")
        return self._render(text)

    def raw_tail(self) -> str:
        """The unfinished tail as it arrived."""
        return "\n".join([*self._lines, "".join(self._partial)])

    def tail_text(self) -> str:
        """The unfinished tail as it is rendered now: markers that have not closed yet held back (see
        `core.render.unclosed`), so none flashes raw while the text streams."""
        tail = self.raw_tail()
        # While a fence is open the tail shows as code, as it will once the fence closes.
        if self._fence:
            return f"{settled_code_tail(tail, self._fence)}\n{self._fence}"
        return settled_tail(tail)

    def _add_line(self, line: str) -> None:
        if self._fence is not None:
            self._lines.append(line)
            if re.fullmatch(re.escape(self._fence) + " *", line.expandtabs(4)):
                self._close_fenced_block()
            return
        first, self._first_line = self._first_line, False
        if not line.strip(" \t"):
            self._after_blank = self._has_text
            # Spaces on a blank line before a block's first text read, to Python-Markdown, as the start of a
            # paragraph when the block is rendered alone ("   \n- item" is no list); in the whole text they
            # are a blank line, unless they are its very first line (only a line after a newline is blank).
            self._lines.append(line if self._has_text or first else "")
            return
        if self._after_blank and self._starts_block(line):
            self._close_block(len(self._lines))
        self._after_blank = False
        self._has_text = True
        self._holds_list = self._holds_list or bool(_LIST_ITEM.match(line.expandtabs(4)))
        self._holds_quote = self._holds_quote or bool(_QUOTE.match(line))
        self._fence = fence_opening(line)
        self._fence_start = len(self._lines)
        self._lines.append(line)

    def _split_before_partial(self) -> None:
        """Finish the block early once the unfinished line after a blank surely starts a new one."""
        # The cheap tests first: joining the pieces of a long line on every delta would cost quadratic time.
        if self._fence is not None or not self._after_blank:
            return
        partial = "".join(self._partial)
        self._partial = [partial]
        decided = bool(partial) and not _UNDECIDED_START.match(partial)
        if decided and self._starts_block(partial):
            self._close_block(len(self._lines))

    def _starts_block(self, line: str) -> bool:
        if line[0] in " \t":
            return False
        if _LIST_ITEM.match(line.expandtabs(4)):
            return not self._holds_list
        if _QUOTE.match(line):
            return not self._holds_quote
        return True

    def _close_fenced_block(self) -> None:
        # Python-Markdown replaces a closed fence by a placeholder between blank lines, so the text before
        # it and the text after it are blocks of their own.
        self._fence = None
        if self._fence_start:
            self._close_block(self._fence_start)
        self._close_block(len(self._lines))

    def _close_block(self, end: int) -> None:
        self._finished.append("\n".join(self._lines[:end]))
        del self._lines[:end]
        self._has_text = self._after_blank = self._holds_list = self._holds_quote = False

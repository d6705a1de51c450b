"""HTML for the transcript: one turn from a stored message, and the pieces a streaming turn is made of.

Everything here is a string builder: the model's text goes through `core.render.markdown` (escaped, no
remote resources), every other value is escaped here. Colours come from the palette and are written
inline, because Qt's rich text matches every element against every stylesheet rule (twice as slow).
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from core.model.branching import Versions, can_edit
from core.model.conversation import ReplyError, StoredMessage
from core.model.output_estimate import output_estimate
from core.model.tools import ToolRun
from core.render.html_slices import split_long_lists, split_long_paragraphs
from core.render.limits import cut_markdown
from gui.startup.collector import freeze_long_lived
from gui.transcript.cards import SCHEME, Cards, Colors, format_cost
from gui.transcript.document import AFTER_TABLE
from gui.transcript.math_images import math_url
from gui.transcript.tool_cards import ToolCards, result_content

WARM_LEXERS = (
    "python",
    "javascript",
    "typescript",
    "bash",
    "json",
    "sql",
    "html",
    "css",
    "rust",
    "go",
    "java",
)
"""Languages whose Pygments lexer is made ahead, on the Markdown worker thread, once Markdown is loaded: a
lexer's first use compiles its rules (Python's ~50 ms, JavaScript's ~25 ms), which would stall the window at
the first code block in that language. Later uses of a lexer class share what it compiled."""


_prepared = False
"""The long-lived heap was frozen and the lexers' warming started (see `TurnHtml._load_markdown`)."""


def _warm_lexers() -> None:
    from pygments.lexers import get_lexer_by_name

    for name in WARM_LEXERS:
        get_lexer_by_name(name)


if TYPE_CHECKING:
    from core.render.markdown import MarkdownRenderer

_CITE_OPEN, _CITE_CLOSE = "\ue000", "\ue001"
_CITE_MARK = re.compile(f"{_CITE_OPEN}([0-9,]*){_CITE_CLOSE}")
_PRIVATE_MARKS = re.compile(f"[{_CITE_OPEN}{_CITE_CLOSE}]")
_CELL = re.compile(r'<(td|th)(?: style="(text-align: \w+;)")?>')
SHOWN_CHARS = 200_000
"""Characters of one text shown in the transcript; the rest is one click away ("Show all…", a plain-text
viewer). 200 KB of Markdown renders and lays out in well under a second; a 50 MB reply took minutes."""


class CachedMarkdown:
    """Markdown renders kept by source text, so reopening a conversation or re-rendering a turn is cheap."""

    def __init__(self, render: Callable[[str], str], max_chars: int = 40_000_000) -> None:
        self._render = render
        self._max_chars = max_chars
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._chars = 0

    def render(self, text: str) -> str:
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        rendered = self._render(text)
        self.remember(text, rendered)
        return rendered

    def remember(self, text: str, rendered: str) -> None:
        """Keep a render made elsewhere, e.g. of a streamed reply block by block."""
        if text in self._cache:
            return
        self._cache[text] = rendered
        self._chars += len(text) + len(rendered)
        while self._chars > self._max_chars and self._cache:
            old_text, old_html = self._cache.popitem(last=False)
            self._chars -= len(old_text) + len(old_html)

    def clear(self) -> None:
        self._cache.clear()
        self._chars = 0

    def __contains__(self, text: str) -> bool:
        return text in self._cache


_ARROW_PAD = "\u00a0" * 4
"""No-break spaces on the outer side of a version arrow (a space on the inner): with the glyph, a target
about 30 pixels wide (other spaces would collapse into one in Qt's rich text). The text still reads
`‹ 2/3 ›`."""


@dataclass
class TurnOptions:
    """What a turn's look depends on besides its message."""

    expanded: set[tuple[int, int]] = field(default_factory=set)
    """(message id, block index) of thinking blocks shown open."""
    tool_links: bool = False
    """The last turn's links: "Reply with result…" on its tool calls (stopped for tool use), or "Get reply"
    on a user turn nothing answers."""
    tool_names: Mapping[str, str] = field(default_factory=dict)
    """Tool names by tool_use id, for the cards of tool results."""
    versions: Versions | None = None
    """The turn's place among its versions: a switcher when it has more than one."""
    branch_links: bool = False
    """Offer Edit (user turns) or Regenerate (replies), and Branch, in the header."""
    alternatives: int = 0
    """Other compare columns' replies linked to this chosen reply: a link to view them when any."""
    thinking_words: Mapping[int, int] = field(default_factory=dict)
    """Word counts of thinking blocks by index, when known (counted as they streamed): a long thinking
    is not split again to count them."""
    tool_runs: Mapping[str, ToolRun] = field(default_factory=dict)
    """The runs of this reply's MCP tool calls by tool_use id: such a call is drawn as a tool card."""
    tool_results: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Saved tool_result blocks by tool_use id: the results a card shows once they were sent."""
    open_results: Mapping[str, bool] = field(default_factory=dict)
    """The user's choice to show (True) or hide a card's result, by tool_use id; else short ones show."""
    now: float = 0.0
    """The time a running call's elapsed seconds are counted to."""
    folded: bool = False
    """A user turn of tool results whose calls have cards: its results show in them, not as a turn."""


class TurnHtml(QObject):
    """Builds the HTML of turns. `error_text` words a ReplyError (kept with the app's other error wording)."""

    def __init__(
        self, error_text: Callable[[ReplyError], str], colors: Colors, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._error_text = error_text
        # Made at the first render (_load_markdown), not with the window: the first paint shows no Markdown.
        self._renderers: tuple[MarkdownRenderer, MarkdownRenderer] | None = None
        """(for the UI thread, for the worker)"""
        self._styles: dict[str, str] | None = None
        self.markdown = CachedMarkdown(self.live_markdown)
        """Renders as shown, colours included."""
        self._worker: ThreadPoolExecutor | None = None
        self._worker_words = (self.tr("Copy"), self.tr("[image: {alt}]"))
        self.cards = Cards(colors, self)
        self.tool_cards = ToolCards(self.cards, self)
        self.set_colors(colors)

    def set_colors(self, colors: Colors) -> None:
        self.markdown.clear()
        self.colors = colors
        self.cards.colors = colors
        self._styles = None if self._renderers is None else self._code_styles(colors)

    def _code_styles(self, colors: Colors) -> dict[str, str]:
        from core.render.markdown import CODE_CLASS, code_styles

        styles = {
            **code_styles(colors.dark),
            "codebar": f"margin-bottom: 0; color: {colors.muted}; font-size: small",
        }
        styles[CODE_CLASS] += "; margin-top: 2px"
        return styles

    def _load_markdown(self) -> tuple[MarkdownRenderer, MarkdownRenderer]:
        """The renderers and the code styles, made on the UI thread before the first render: importing
        Python-Markdown and Pygments and building a converter take ~60 ms that the window's first paint,
        which shows no Markdown, need not wait for."""
        if self._renderers is None:
            from core.render.markdown import MarkdownRenderer

            self._renderers = (
                MarkdownRenderer(self._code_header, self._image_text, self._math_html),
                MarkdownRenderer(self._worker_code_header, self._worker_image_text, self._math_html),
            )
            self._styles = self._code_styles(self.colors)
            global _prepared
            if not _prepared:  # once per process: the first transcript to show Markdown (the main window's)
                _prepared = True
                # By now the app's long-lived part is built (Markdown and Pygments just came in).
                freeze_long_lived()
                self._pool().submit(_warm_lexers)
        return self._renderers

    def _pool(self) -> ThreadPoolExecutor:
        if self._worker is None:
            self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="markdown")
        return self._worker

    # --- whole turns ------------------------------------------------------------------------------

    def turn(self, message: StoredMessage, options: TurnOptions) -> str:
        if options.folded:
            return self.folded_turn(message, options)
        parts = [self.header(message, options)]
        sources = _Sources()
        parts.extend(self._blocks(message, options, sources))
        parts.append(self.cards.sources(message.id, sources.items))
        if message.role == "assistant":
            parts.append(self.status_note(message.status))
            parts.extend(self.cards.warning(text) for text in message.warnings)
            if message.error is not None:
                parts.append(self.cards.error_box(message.id, self._error_text(message.error)))
            parts.append(self.footer(message))
        if options.alternatives:
            label = self.tr("%n alternative(s) from a comparison", "", options.alternatives)
            link = self._action_link("alternatives", message.id, label)
            parts.append(f'<p style="font-size:small">{link}</p>')
        return "".join(parts)

    def folded_turn(self, message: StoredMessage, options: TurnOptions) -> str:
        """A user turn of tool results shown in the cards above: only its anchor (a search hit scrolls to
        it), and "Get reply" when nothing answers it (the loop was stopped)."""
        anchor = (
            f'<p style="margin-top:0; margin-bottom:0; font-size:1px"><a name="turn-{message.id}"></a>'
            "&#8203;</p>"
        )
        if not options.tool_links:
            return anchor
        link = self._action_link("reply", message.id, self.tr("Get reply"))
        return f'{anchor}<p style="font-size:small">{link}</p>'

    def header(self, message: StoredMessage, options: TurnOptions | None = None) -> str:
        """The turn's name line; with options, its version switcher and branch links (not while streaming)."""
        if message.role == "user":
            name, detail = self.tr("You"), ""
        else:
            name, detail = self.tr("Claude"), message.model or ""
        detail_html = (
            f' <span style="color:{self.colors.muted}">· {html.escape(detail)}</span>' if detail else ""
        )
        return (
            f'<p style="margin-top:18px; margin-bottom:4px"><a name="turn-{message.id}"></a>'
            f'<span style="font-weight:600; color:{self.colors.accent}">{html.escape(name)}</span>'
            f"{detail_html}{self._branch_controls(message, options)}</p>"
        )

    def _branch_controls(self, message: StoredMessage, options: TurnOptions | None) -> str:
        if options is None:
            return ""
        parts = []
        versions = options.versions
        if versions is not None and versions.count > 1:
            parts.append(self.version_switcher(versions))
        if options.branch_links:
            links = []
            if can_edit(message):
                links.append(self._action_link("edit", message.id, self.tr("Edit")))
            elif message.role == "assistant" and message.parent_id is not None:
                links.append(self._action_link("regenerate", message.id, self.tr("Regenerate ▾")))
            links.append(self._action_link("branch", message.id, self.tr("Branch")))
            if message.role == "user" and options.tool_links:
                links.append(self._action_link("reply", message.id, self.tr("Get reply")))
            parts.append(f'<span style="font-size:small">{" · ".join(links)}</span>')
        return "".join(
            f'&nbsp;&nbsp;&nbsp;<span style="color:{self.colors.muted}">{part}</span>' for part in parts
        )

    def version_switcher(self, versions: Versions) -> str:
        """`‹ 2/3 ›`: each arrow a link to the neighbouring version, plain when there is none."""

        def arrow(symbol: str, target: int | None) -> str:
            # Spaces inside the link make it a target a pointer finds (the glyph alone is ~6 pixels wide);
            # a missing arrow keeps the same width, so the label does not move between versions.
            padded = f"{_ARROW_PAD}{symbol} " if symbol == "‹" else f" {symbol}{_ARROW_PAD}"
            if target is None:
                return f'<span style="font-size:large">{padded}</span>'
            link_style = "font-size:large; font-weight:600; text-decoration:none"
            return f'<a href="{SCHEME}:version/{target}" style="{link_style}">{padded}</a>'

        label = f"{versions.position}/{versions.count}"
        return f"{arrow('‹', versions.previous_id)}{label}{arrow('›', versions.next_id)}"

    def _action_link(self, action: str, message_id: int, label: str) -> str:
        return f'<a href="{SCHEME}:{action}/{message_id}">{html.escape(label)}</a>'

    def footer(self, message: StoredMessage) -> str:
        items = [message.model or "", message.stop_reason or ""]
        usage = message.usage
        if usage is not None:
            items.append(self.tr("{count} in").format(count=f"{usage.input_tokens:,}"))
        estimate = output_estimate(message)
        if estimate is not None:
            # Stopped before the API's final count: "1 out" would understate what arrived.
            items.append(self.tr("≈{count} out (estimated)").format(count=f"{estimate:,}"))
        elif usage is not None:
            items.append(self.tr("{count} out").format(count=f"{usage.output_tokens:,}"))
        if usage is not None:
            if usage.cache_read_input_tokens is not None:
                items.append(self.tr("cache read {count}").format(count=f"{usage.cache_read_input_tokens:,}"))
            if usage.cache_creation_input_tokens is not None:
                items.append(
                    self.tr("cache write {count}").format(count=f"{usage.cache_creation_input_tokens:,}")
                )
        if message.cost_usd is not None:
            items.append(format_cost(message.cost_usd))
        timing = message.timing
        if timing is not None and timing.time_to_first_token is not None:
            items.append(self.tr("first token {seconds:.2f} s").format(seconds=timing.time_to_first_token))
        if timing is not None and timing.duration is not None:
            items.append(self.tr("{seconds:.1f} s").format(seconds=timing.duration))
        text = " · ".join(html.escape(item) for item in items if item)
        if not text:
            return ""
        return f'<p style="margin-top:4px; font-size:small; color:{self.colors.muted}">{text}</p>'

    def status_note(self, status: str) -> str:
        notes = {
            "interrupted": self.tr(
                "Interrupted — the app closed before the reply ended; the partial reply is kept."
            ),
            "cancelled": self.tr("Stopped — partial reply kept."),
            "streaming": self.tr("Receiving…"),
        }
        return self.cards.note(notes[status]) if status in notes else ""

    # --- blocks -----------------------------------------------------------------------------------

    def _blocks(self, message: StoredMessage, options: TurnOptions, sources: _Sources) -> list[str]:
        parts: list[str] = []
        run: list[Mapping[str, Any]] = []
        for index, block in enumerate(message.content):
            if block.get("type") == "text":
                run.append(block)
                continue
            if run:
                parts.append(self.text_run(run, message.id, sources))
                run = []
            parts.append(self._block(message, index, block, options))
        if run:
            parts.append(self.text_run(run, message.id, sources))
        return parts

    def _block(
        self, message: StoredMessage, index: int, block: Mapping[str, Any], options: TurnOptions
    ) -> str:
        kind = block.get("type")
        if kind == "thinking":
            expanded = (message.id, index) in options.expanded
            text = str(block.get("thinking", ""))
            return self.thinking(message.id, index, text, expanded, options.thinking_words.get(index))
        if kind == "tool_use":
            run = options.tool_runs.get(str(block.get("id")))
            if run is not None:
                saved = options.tool_results.get(run.tool_use_id)
                return self.tool_cards.card(
                    message.id,
                    run,
                    result_content(run, saved),
                    expanded=options.open_results.get(run.tool_use_id),
                    now=options.now,
                )
            return self.cards.tool_use(message.id, block, with_link=options.tool_links)
        if kind == "tool_result":
            return self.cards.tool_result(block, options.tool_names.get(str(block.get("tool_use_id")), ""))
        if kind == "image":
            return self.cards.image(message.id, index, block)
        return self.cards.other(block)

    def markdown_sources(self, message: StoredMessage, options: TurnOptions) -> list[str]:
        """The Markdown texts `turn` renders for this message, as it passes them to the cache: what
        renders them ahead, a block at a time, so `turn` finds them rendered (see `Prerender`)."""
        texts: list[str] = []
        run: list[Mapping[str, Any]] = []
        sources = _Sources()
        for index, block in enumerate([*message.content, {"type": ""}]):
            if block.get("type") == "text":
                run.append(block)
                continue
            if run:
                texts.append(self._shown_source(self._run_source(run, sources)))
                run = []
            if block.get("type") == "thinking" and (message.id, index) in options.expanded:
                texts.append(self._shown_source(str(block.get("thinking", ""))))
        return [text for text in texts if text]

    def text_run(self, blocks: Sequence[Mapping[str, Any]], message_id: int, sources: _Sources) -> str:
        """Consecutive text blocks are one text to the reader: a citation splits a sentence into blocks."""
        rendered = self._cut_markdown_html(self._run_source(blocks, sources), message_id)
        rendered = _CITE_MARK.sub(
            lambda match: self.cards.citation_marks(message_id, match.group(1)), rendered
        )
        return _PRIVATE_MARKS.sub("", rendered)

    @staticmethod
    def _run_source(blocks: Sequence[Mapping[str, Any]], sources: _Sources) -> str:
        pieces: list[str] = []
        for block in blocks:
            pieces.append(_PRIVATE_MARKS.sub("", str(block.get("text", ""))))
            numbers = [sources.number(citation) for citation in block.get("citations") or []]
            if numbers:
                pieces.append(f"{_CITE_OPEN}{','.join(map(str, sorted(set(numbers))))}{_CITE_CLOSE}")
        return "".join(pieces)

    def _shown_source(self, text: str) -> str:
        """The Markdown shown of a text: all of it, or its first SHOWN_CHARS (see `_cut_markdown_html`)."""
        return text if len(text) <= SHOWN_CHARS or text in self.markdown else cut_markdown(text, SHOWN_CHARS)

    def _cut_markdown_html(self, text: str, message_id: int) -> str:
        """The text's Markdown, only its first SHOWN_CHARS (to a line end) when it is longer, with a link to
        show it all; whole if it is rendered already (a reply that streamed is in the document whole: cutting
        it now would cost a render and a repaint instead of saving them)."""
        shown = self._shown_source(text)
        if shown is text:
            return self.markdown_html(text)
        note = self.tr("Showing the first {shown} of {total} characters.").format(
            shown=f"{min(len(shown), len(text)):,}", total=f"{len(text):,}"
        )
        link = self._action_link("full-text", message_id, self.tr("Show all…"))
        style = f"color:{self.colors.muted}; font-style:italic"
        return f'{self.markdown_html(shown)}<p style="{style}">{html.escape(note)} {link}</p>'

    def thinking(
        self, message_id: int, index: int, text: str, expanded: bool, words: int | None = None
    ) -> str:
        link = f"{SCHEME}:thinking/{message_id}/{index}"
        count = len(text.split()) if words is None else words
        if not expanded:
            label = self.tr("Thinking ▸ (%n words)", "", count)
            return f'<p style="color:{self.colors.muted}"><a href="{link}">{html.escape(label)}</a></p>'
        rendered = self._cut_markdown_html(text, message_id)
        return self.thinking_open_header(message_id, index) + self.thinking_body(rendered)

    def thinking_open_header(self, message_id: int, index: int) -> str:
        link = f"{SCHEME}:thinking/{message_id}/{index}"
        label = html.escape(self.tr("Thinking ▾"))
        return f'<p style="margin-bottom:2px"><a href="{link}">{label}</a></p>'

    def thinking_body(self, rendered: str) -> str:
        if not rendered:
            return ""
        return f'<div style="color:{self.colors.muted}; margin-left:14px">{rendered}</div>'

    # --- markdown ---------------------------------------------------------------------------------

    def markdown_html(self, text: str) -> str:
        return self.markdown.render(text)

    def live_markdown(self, text: str) -> str:
        """Markdown rendered now and not cached, e.g. a piece of a streaming reply (rendered once)."""
        return self.style(self._load_markdown()[0].render(text))

    def offload(self, text: str) -> Future[str]:
        """Render Markdown as `live_markdown` does, on a worker thread: for a text that takes long."""
        self._worker_words = (self.tr("Copy"), self.tr("[image: {alt}]"))
        renderer = self._load_markdown()[1]
        return self._pool().submit(lambda: self.style(renderer.render(text)))

    def style(self, rendered: str) -> str:
        """Give rendered Markdown the palette's colours, inline."""
        from core.render.markdown import inline_styles

        self._load_markdown()  # (a no-op on the worker thread: offload made them first)
        assert self._styles is not None
        colors = self.colors
        cell = f"border: 1px solid {colors.border}; padding: 3px 6px"
        table = "border-collapse: collapse; margin-top: 6px; margin-bottom: 6px"
        rendered = rendered.replace("<table>", f'<table cellspacing="0" style="{table}">')
        rendered = rendered.replace("</table>", f"</table>{AFTER_TABLE}")
        rendered = _CELL.sub(lambda cell_tag: f'<{cell_tag[1]} style="{cell_tag[2] or ""} {cell}">', rendered)
        rendered = rendered.replace("<code>", f'<code style="background-color: {colors.card}">')
        rendered = rendered.replace("<blockquote>", f'<blockquote style="color: {colors.muted}">')
        return split_long_lists(split_long_paragraphs(inline_styles(rendered, self._styles)))

    def _code_header(self, code: str, language: str, copy: str | None = None) -> str:
        payload = base64.urlsafe_b64encode(code.encode()).decode()
        label = f"{html.escape(language)} · " if language else ""
        copy = html.escape(self.tr("Copy") if copy is None else copy)
        return f'<p class="codebar">{label}<a href="{SCHEME}:copy/{payload}">{copy}</a></p>'

    def _math_html(self, latex: str, display: bool) -> str | None:
        """A formula as an image drawn later, off the UI thread (see `math_images`); its source if it does
        not parse. Called on the worker thread too: reads only the colours."""
        from core.render.math import valid_latex

        if not valid_latex(latex):
            return None
        alt = html.escape(latex, quote=True)
        url = math_url(latex, display, self.colors.text)
        image = f'<img src="{url}" alt="{alt}" style="vertical-align: middle">'
        return f'<p align="center">{image}</p>' if display else image

    def _image_text(self, alt: str) -> str:
        return self.tr("[image: {alt}]").format(alt=alt)

    # The worker thread asks for no translation: it uses the words taken when its work was given.
    def _worker_code_header(self, code: str, language: str) -> str:
        return self._code_header(code, language, self._worker_words[0])

    def _worker_image_text(self, alt: str) -> str:
        return self._worker_words[1].format(alt=alt)


class _Sources:
    """The numbered sources of one turn's citations, one number per distinct source."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self.items: list[dict[str, Any]] = []

    def number(self, citation: dict[str, Any]) -> int:
        key = json.dumps(
            [citation.get(name) for name in ("url", "source", "document_index", "document_title", "title")]
        )
        if key not in self._numbers:
            self.items.append(citation)
            self._numbers[key] = len(self.items)
        return self._numbers[key]


def copy_link_code(payload: str) -> str:
    """The code a Copy link carries (the part of its path after `copy/`)."""
    return base64.urlsafe_b64decode(payload.encode()).decode()

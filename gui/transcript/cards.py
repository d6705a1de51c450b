"""HTML of the transcript's non-text pieces: tool calls and results, search results, sources, notes, errors.

Every value from a message is escaped here; a URL becomes a link only for http and https.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette

from core.render.links import allowed_link

SCHEME = "triptych"
"""Links the transcript handles itself: triptych:copy/…, triptych:thinking/…, triptych:retry/…"""
IMAGE_SCHEME = "triptych-image"
"""Attached images: triptych-image:<message id>/<block index>, served from the message, never fetched."""
_MAX_JSON_CHARS = 20_000


@dataclass(frozen=True)
class Colors:
    text: str
    muted: str
    card: str
    border: str
    accent: str
    error_text: str
    error_card: str
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette, dark: bool) -> Colors:
        return cls(
            text=palette.color(QPalette.ColorRole.Text).name(),
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            card=palette.color(QPalette.ColorRole.AlternateBase).name(),
            border=palette.color(QPalette.ColorRole.Mid).name(),
            accent=palette.color(QPalette.ColorRole.Highlight).name(),
            error_text="#ff8a80" if dark else "#b3261e",
            error_card="#3b1f1f" if dark else "#fdecea",
            dark=dark,
        )


class Cards(QObject):
    def __init__(self, colors: Colors, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.colors = colors

    # --- tools ------------------------------------------------------------------------------------

    def tool_use(self, message_id: int, block: Mapping[str, Any], with_link: bool) -> str:
        name = str(block.get("name", ""))
        title = self.tr("Tool call: {name}").format(name=name)
        link = ""
        if with_link:
            href = f"{SCHEME}:tool-result/{message_id}/{quote(str(block.get('id', '')), safe='')}"
            label = html.escape(self.tr("Reply with result…"))
            link = f'<p style="margin-top:6px"><a href="{href}">{label}</a></p>'
        return self._card(
            self._title(title, str(block.get("id", ""))) + self.code(pretty_json(block.get("input"))) + link
        )

    def streaming_block(self, kind: str) -> str:
        """A block whose content the stream does not show piece by piece; the final render shows it."""
        if kind == "redacted_thinking":
            return self.other({"type": kind})
        if kind == "web_search_tool_result":
            return self._card(self._title(self.tr("Web search results…"), ""))
        return self._card(self._title(self.tr("{kind} block").format(kind=kind), ""))

    def tool_use_streaming(self, partial_json: str, name: str = "") -> str:
        title = self.tr("Tool call: {name}…").format(name=name) if name else self.tr("Tool call…")
        return self._card(self._title(title, "") + self.code(partial_json))

    def tool_result(self, block: Mapping[str, Any], tool_name: str) -> str:
        name = tool_name or str(block.get("tool_use_id", ""))
        error = bool(block.get("is_error"))
        title = (self.tr("Tool error: {name}") if error else self.tr("Tool result: {name}")).format(name=name)
        return self._card(
            self._title(title, "") + self.code(self._result_text(block.get("content"))), error=error
        )

    def _result_text(self, content: Any) -> str:
        if isinstance(content, str):
            return pretty_if_json(content)
        if not isinstance(content, list):
            return "" if content is None else pretty_json(content)
        parts = []
        for item in content:
            if isinstance(item, dict) and item.get("type") == "text":
                parts.append(pretty_if_json(str(item.get("text", ""))))
            elif isinstance(item, dict) and item.get("type") == "image":
                parts.append(self.tr("[image]"))
            else:
                parts.append(pretty_json(item))
        return "\n\n".join(parts)

    def server_tool_use(self, block: Mapping[str, Any]) -> str:
        name = str(block.get("name", ""))
        raw_tool_input = block.get("input")
        tool_input: dict[str, Any] = raw_tool_input if isinstance(raw_tool_input, dict) else {}
        if name == "web_search" and isinstance(tool_input.get("query"), str):
            return self._card(
                self._title(self.tr("Web search: {query}").format(query=tool_input["query"]), "")
            )
        return self._card(
            self._title(self.tr("Server tool: {name}").format(name=name), "")
            + self.code(pretty_json(tool_input))
        )

    def web_search_results(self, block: Mapping[str, Any]) -> str:
        content = block.get("content")
        if isinstance(content, dict):
            code = str(content.get("error_code", ""))
            return self._card(
                self._title(self.tr("Web search failed: {code}").format(code=code), ""), error=True
            )
        items = []
        for result in content if isinstance(content, list) else []:
            if not isinstance(result, dict):
                continue
            url = str(result.get("url", ""))
            title = str(result.get("title") or url)
            items.append(f"<li>{link_or_text(url, title)} {self._muted(url)}</li>")
        title = self.tr("Web search results (%n)", "", len(items))
        return self._card(self._title(title, "") + (f"<ol>{''.join(items)}</ol>" if items else ""))

    # --- other blocks -----------------------------------------------------------------------------

    def image(self, message_id: int, index: int, block: Mapping[str, Any]) -> str:
        raw_source = block.get("source")
        source: dict[str, Any] = raw_source if isinstance(raw_source, dict) else {}
        if source.get("type") == "base64":
            return f'<p><img src="{IMAGE_SCHEME}:{message_id}/{index}"></p>'
        url = str(source.get("url", ""))
        text = self.tr("[image: {url}]").format(url=url)
        return f"<p>{link_or_text(url, text)}</p>"

    def document(self, block: Mapping[str, Any]) -> str:
        raw_source = block.get("source")
        source: dict[str, Any] = raw_source if isinstance(raw_source, dict) else {}
        title = str(block.get("title") or source.get("media_type") or self.tr("untitled"))
        label = html.escape(self.tr("Document: {title}").format(title=title))
        return f'<p><span style="background-color:{self.colors.card}">&nbsp;{label}&nbsp;</span></p>'

    def other(self, block: Mapping[str, Any]) -> str:
        kind = str(block.get("type"))
        if kind == "redacted_thinking":
            return self.note(
                self.tr("Part of the thinking was redacted by the API; it is kept for the next request.")
            )
        if kind == "server_tool_use":
            return self.server_tool_use(block)
        if kind == "web_search_tool_result":
            return self.web_search_results(block)
        if kind == "document":
            return self.document(block)
        return self._card(
            self._title(self.tr("{kind} block").format(kind=kind), "") + self.code(pretty_json(block))
        )

    # --- citations, notes, errors -----------------------------------------------------------------

    def citation_marks(self, message_id: int, numbers: str) -> str:
        marks = "".join(
            f'<a href="#cite-{message_id}-{number}">[{number}]</a>' for number in numbers.split(",") if number
        )
        return f"<sup>{marks}</sup>"

    def sources(self, message_id: int, citations: list[dict[str, Any]]) -> str:
        """The numbered list the citation marks point to (anchors cite-<message id>-<number>)."""
        if not citations:
            return ""
        items = [
            f'<li><a name="cite-{message_id}-{number}"></a>{self._source(citation)}</li>'
            for number, citation in enumerate(citations, start=1)
        ]
        heading = html.escape(self.tr("Sources"))
        style = f"margin-bottom:0; font-size:small; color:{self.colors.muted}"
        return f'<p style="{style}">{heading}</p><ol>{"".join(items)}</ol>'

    def _source(self, citation: dict[str, Any]) -> str:
        url = str(citation.get("url") or "")
        title = str(citation.get("title") or citation.get("document_title") or citation.get("source") or url)
        if not title:
            title = self.tr("Document {number}").format(number=int(citation.get("document_index") or 0) + 1)
        cited = str(citation.get("cited_text") or "")
        return link_or_text(url, title) + (" " + self._muted(f"“{_shorten(cited, 160)}”") if cited else "")

    def note(self, text: str) -> str:
        return f'<p style="color:{self.colors.muted}; font-style:italic">{html.escape(text)}</p>'

    def warning(self, text: str) -> str:
        return f'<p style="color:{self.colors.muted}; font-size:small">{html.escape(text)}</p>'

    def error_box(self, message_id: int, text: str) -> str:
        body = html.escape(text).replace("\n", "<br>")
        retry_label = html.escape(self.tr("Retry"))
        retry = f'<a href="{SCHEME}:retry/{message_id}">{retry_label}</a>'
        message = f'<p style="margin:0; color:{self.colors.error_text}">{body}</p>'
        return self._card(f'{message}<p style="margin-top:6px">{retry}</p>', error=True)

    # --- pieces -----------------------------------------------------------------------------------

    def code(self, text: str) -> str:
        if not text:
            return ""
        return f'<pre style="margin-top:4px; margin-bottom:0">{html.escape(text)}</pre>'

    def _title(self, title: str, detail: str) -> str:
        detail_html = " " + self._muted(detail) if detail else ""
        return f'<p style="margin:0"><b>{html.escape(title)}</b>{detail_html}</p>'

    def _muted(self, text: str) -> str:
        return f'<span style="color:{self.colors.muted}">{html.escape(text)}</span>'

    def _card(self, inner: str, error: bool = False) -> str:
        return self.card(inner, error=error)

    def card(self, inner: str, *, error: bool = False, anchor: str = "") -> str:
        """A framed box; `anchor` names it, for a link or a search hit to scroll to."""
        background = self.colors.error_card if error else self.colors.card
        border = self.colors.error_text if error else self.colors.border
        name = f'<a name="{html.escape(anchor, quote=True)}"></a>' if anchor else ""
        return (
            f'<table width="100%" cellspacing="0" cellpadding="8" border="1" style="border-color:{border}; '
            f'border-style:solid; background-color:{background}; margin-top:6px; margin-bottom:6px">'
            f"<tr><td>{name}{inner}</td></tr></table>"
        )


def pretty_json(value: Any) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    return _shorten(text, _MAX_JSON_CHARS)


def pretty_if_json(text: str) -> str:
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            return pretty_json(json.loads(stripped))
        except ValueError:
            pass
    return text


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def link_or_text(url: str, label: str) -> str:
    """A link for an http or https URL, plain text otherwise."""
    if allowed_link(url) and not url.lower().startswith("mailto:"):
        return f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>'
    return html.escape(label)


def format_cost(usd: float) -> str:
    return f"${usd:.4f}" if usd < 1 else f"${usd:.2f}"

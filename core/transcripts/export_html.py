"""A conversation as ONE self-contained HTML file: inline CSS, images as data URIs, highlighted code.

It looks like the app's transcript (a card per turn, thinking collapsible, tool calls as cards of JSON, LaTeX
math drawn as SVG images with their source as alt text) and prints well: print CSS drops the page
background, keeps turns whole where it can and opens long lines. The model's text goes through
`core.render.markdown` (raw HTML escaped, no remote resources); every other value is escaped here. The
same HTML feeds the PDF export. No key or header is known here: only the conversation.
"""

from __future__ import annotations

import html
from typing import Any

from core.model.tools import RunStatus, ToolRun
from core.render.links import allowed_link
from core.render.markdown import MarkdownRenderer, pygments_css
from core.render.math import svg_math_html
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.export_common import (
    ToolCards,
    base64_source,
    branch_on_screen,
    error_text,
    header_facts,
    json_or_text,
    pretty_json,
    reply_facts,
    reply_settings,
    run_notes,
    run_status,
    system_text,
    time_text,
    tool_cards,
)
from core.transcripts.export_labels import ENGLISH, ExportLabels

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
  margin: 0; background: #f4f4f6; color: #1d1d1f; line-height: 1.5; }
main { max-width: 52em; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.4em; }
table.facts { border-collapse: collapse; margin-bottom: 1em; font-size: 0.9em; }
table.facts th { text-align: left; padding: 0.1em 1em 0.1em 0; color: #555; font-weight: 600; }
table.facts td { padding: 0.1em 0; }
.system { border-left: 3px solid #8e8ea0; padding: 0.2em 0.8em; color: #444; white-space: pre-wrap; }
.turn { background: #fff; border: 1px solid #e0e0e6; border-radius: 8px; padding: 0.6em 1em;
  margin: 0.8em 0; }
.turn.user { background: #eef3fc; border-color: #d4e0f7; }
.role { font-weight: 600; }
.meta { color: #6b6b76; font-size: 0.85em; margin-left: 0.5em; }
.facts-line { color: #6b6b76; font-size: 0.85em; }
details.thinking { color: #555; border-left: 3px solid #c9c9d3; padding: 0 0.8em; margin: 0.5em 0; }
details.thinking summary { cursor: pointer; font-style: italic; }
.thinking-text { white-space: pre-wrap; }
.tool { border: 1px solid #e0e0e6; border-radius: 6px; background: #fafafc; padding: 0.3em 0.8em;
  margin: 0.5em 0; }
.tool .label { font-size: 0.85em; color: #555; }
.tool .run-failed { color: #b3261e; }
.error { background: #fdecea; color: #b3261e; border-radius: 6px; padding: 0.4em 0.8em; margin: 0.5em 0; }
pre { overflow-x: auto; padding: 0.6em; border-radius: 6px; white-space: pre-wrap; word-wrap: break-word; }
pre.json { background: #f6f8fa; }
img.attachment { max-width: 100%; max-height: 32em; border-radius: 6px; margin: 0.3em 0; }
p.math { overflow-x: auto; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .turn { break-inside: avoid-page; border-color: #bbb; }
  .turn.user { background: #f3f6fb; }
  pre { white-space: pre-wrap; }
  a { color: inherit; }
}
"""


def html_export(
    conversation: ArchivedConversation, *, include_thinking: bool = True, labels: ExportLabels = ENGLISH
) -> str:
    renderer = MarkdownRenderer(math_html=svg_math_html)
    title = _escape(conversation.title or labels.untitled)
    facts = "".join(
        f"<tr><th>{_escape(fact.label)}</th><td>{_escape(fact.value)}</td></tr>"
        for fact in header_facts(conversation, labels)
    )
    body = [f"<h1>{title}</h1>", f'<table class="facts">{facts}</table>']
    system = system_text(conversation)
    if system:
        body.append(f'<div class="system">{_escape(system)}</div>')
    path = branch_on_screen(conversation)
    writer = _Writer(renderer, include_thinking, labels, tool_cards(path))
    # A turn of tool results is written inside the cards of the calls it answers.
    body += [writer.turn(message) for message in path if message.id not in writer.cards.folded]
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{_CSS}{pygments_css(dark=False)}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


class _Writer:
    def __init__(
        self, renderer: MarkdownRenderer, include_thinking: bool, labels: ExportLabels, cards: ToolCards
    ) -> None:
        self._renderer = renderer
        self._thinking = include_thinking
        self._labels = labels
        self.cards = cards

    def turn(self, message: ArchivedMessage) -> str:
        labels = self._labels
        role = _escape(labels.user if message.role == "user" else labels.assistant)
        when = time_text(message.created_at)
        parts = [f'<div class="turn {message.role}"><div><span class="role">{role}</span>']
        if when:
            parts.append(f' <span class="meta">· {_escape(when)}</span>')
        parts.append("</div>")
        if message.role == "assistant" and (facts := reply_facts(message, labels)):
            parts.append(f'<div class="facts-line">{_escape(facts)}</div>')
        if message.role == "assistant" and (made_with := reply_settings(message, labels)):
            parts.append(f'<div class="facts-line">{_escape(made_with)}</div>')
        parts += [self._block(dict(block)) for block in message.content]
        if message.error is not None:
            error = f"{labels.error}: {error_text(message.error)}"
            parts.append(f'<div class="error">{_escape(error)}</div>')
        parts.append("</div>")
        return "".join(parts)

    def _block(self, block: dict[str, Any]) -> str:
        kind = block.get("type")
        labels = self._labels
        if kind == "text":
            return self._renderer.render(str(block.get("text", "")))
        if kind in ("thinking", "redacted_thinking"):
            if not self._thinking:
                return ""
            text = str(block.get("thinking", "")) if kind == "thinking" else labels.redacted_thinking
            # Open, so that it prints; a reader can still fold it.
            return (
                f'<details class="thinking" open><summary>{_escape(labels.thinking)}</summary>'
                f'<div class="thinking-text">{_escape(text)}</div></details>'
            )
        if kind in ("image", "document"):
            return self._attachment(block, str(kind))
        run = self.cards.runs.get(str(block.get("id"))) if kind == "tool_use" else None
        if run is not None:
            return self._run(run)
        if kind in ("tool_use", "server_tool_use"):
            label = labels.tool_call.format(name=block.get("name", "?"), id=block.get("id", ""))
            return _tool_card(label, _json_pre(pretty_json(block.get("input", {}))))
        if kind == "tool_result":
            return self._tool_result(block)
        return _tool_card(str(kind), _json_pre(pretty_json(block)))

    def _run(self, run: ToolRun) -> str:
        """A tool card: the tool and its server, how the call went, its arguments and its result."""
        labels = self._labels
        blocks, is_error = self.cards.result_blocks(run)
        failed = is_error or run.status in (RunStatus.FAILED, RunStatus.DENIED)
        name = labels.tool_run.format(name=run.tool, server=run.server or "—")
        parts = [
            f'<div class="label"><b>{_escape(name)}</b> · '
            f'<span class="{"run-failed" if failed else "run-status"}">{_escape(run_status(run, labels))}'
            "</span></div>"
        ]
        parts += [f'<div class="label">{_escape(note)}</div>' for note in run_notes(run, labels)]
        parts.append(f'<div class="label">{_escape(labels.tool_arguments)}</div>')
        parts.append(_json_pre(pretty_json(dict(run.arguments))))
        if blocks:
            parts.append(f'<div class="label">{_escape(labels.tool_output)}</div>')
            parts.append(self._result_items(blocks))
        return f'<div class="tool">{"".join(parts)}</div>'

    def _result_items(self, content: list[Any]) -> str:
        inner = []
        for item in content:
            if isinstance(item, dict) and item.get("type") in ("image", "document"):
                inner.append(self._attachment(item, str(item["type"])))
            elif isinstance(item, dict) and item.get("type") == "text":
                inner.append(_json_pre(json_or_text(str(item.get("text", "")))))
            else:
                inner.append(_json_pre(pretty_json(item)))
        return "".join(inner)

    def _tool_result(self, block: dict[str, Any]) -> str:
        template = self._labels.tool_error if block.get("is_error") else self._labels.tool_result
        label = template.format(id=block.get("tool_use_id", ""))
        content = block.get("content", "")
        if isinstance(content, str):
            return _tool_card(label, _json_pre(json_or_text(content)))
        return _tool_card(label, self._result_items(content if isinstance(content, list) else []))

    def _attachment(self, block: dict[str, Any], kind: str) -> str:
        title = str(block.get("title") or self._labels.kind(kind))
        found = base64_source(block)
        source = block.get("source")
        if found is not None:
            media_type, data = found
            uri = _escape(f"data:{media_type};base64,{data}")
            if kind == "image":
                return f'<p><img class="attachment" alt="{_escape(title)}" src="{uri}"></p>'
            return f'<p><a download="{_escape(title)}" href="{uri}">{_escape(title)}</a></p>'
        if isinstance(source, dict) and source.get("type") == "url":
            url = str(source.get("url", ""))
            if not allowed_link(url):
                return f"<p>{_escape(title)}: {_escape(url)}</p>"
            # Remote images are never loaded: a link to the file instead.
            return f'<p><a href="{_escape(url)}">{_escape(title)}: {_escape(url)}</a></p>'
        if isinstance(source, dict) and source.get("type") == "text":
            return _tool_card(title, f"<pre>{_escape(str(source.get('data', '')))}</pre>")
        return _tool_card(kind, _json_pre(pretty_json(block)))


def _tool_card(label: str, inner: str) -> str:
    return f'<div class="tool"><div class="label">{_escape(label)}</div>{inner}</div>'


def _json_pre(text: str) -> str:
    return f'<pre class="json">{_escape(text)}</pre>'


def _escape(text: str) -> str:
    return html.escape(text, quote=True)

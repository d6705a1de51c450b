"""A conversation as a readable Markdown transcript, with its images and documents as files beside it.

The header gives the title, date, model and the settings that matter; each turn its role and time. Thinking
is a collapsible `<details>` block (or left out, if the user chooses), tool calls and results are fenced
JSON, and every image or document the conversation carries is written into `<name>_assets/` and linked, so
nothing is dropped. No key or header is known here: only the conversation.

Each value from the conversation stays what it is: a title, a file's name or a tool's name is escaped, so
it cannot make a link or a heading, and a text that leaves a code fence open (a stopped reply, thinking)
has it closed, so the fence cannot swallow the rest of the file.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.model.tools import ToolRun
from core.render.limits import open_fence
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.atomic_file import write_bytes_atomic, write_text_atomic
from core.transcripts.export_common import (
    ToolCards,
    base64_source,
    branch_on_screen,
    error_text,
    extension_for,
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
    unique_stems,
)
from core.transcripts.export_labels import ENGLISH, ExportLabels

_BACKTICKS = re.compile(r"`+")
_PUNCTUATION = re.compile(r"([\\`*_\[\]!|#])")
"""What can make inline Markdown of plain text: backslash-escaped by `inline_text` (what can make HTML, or
strike through, becomes an entity: every Markdown reads those, not every one reads `\\<`)."""
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;"}


@dataclass(frozen=True)
class Asset:
    name: str
    """File name inside the assets folder."""
    data: bytes


@dataclass
class MarkdownExport:
    text: str
    assets: list[Asset] = field(default_factory=list)


@dataclass(frozen=True)
class FailedFile:
    title: str
    path: Path
    reason: str
    """The operating system's words (e.g. "No space left on device")."""


@dataclass
class FolderExport:
    """What a folder export wrote, and what it could not write."""

    written: list[Path] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)


def assets_folder_name(stem: str) -> str:
    return f"{stem}_assets"


def markdown_export(
    conversation: ArchivedConversation,
    assets_folder: str,
    *,
    include_thinking: bool = True,
    labels: ExportLabels = ENGLISH,
) -> MarkdownExport:
    """The transcript's text and the files its links point to (relative to the Markdown file)."""
    path = branch_on_screen(conversation)
    writer = _Writer(assets_folder, include_thinking, labels, tool_cards(path))
    lines = [f"# {inline_text(conversation.title or labels.untitled)}", ""]
    lines += [f"- **{fact.label}:** {inline_text(fact.value)}" for fact in header_facts(conversation, labels)]
    system = system_text(conversation)
    if system:
        lines += ["", f"**{labels.system_prompt}:**", "", *_quote(system)]
    for message in path:
        if message.id not in writer.cards.folded:  # its results are in the cards above
            lines += ["", *writer.turn(message)]
    return MarkdownExport("\n".join(lines).rstrip() + "\n", writer.assets)


def write_markdown(
    conversation: ArchivedConversation,
    path: Path,
    *,
    include_thinking: bool = True,
    labels: ExportLabels = ENGLISH,
) -> Path:
    """Write the transcript to `path` and its assets beside it (blocking: call it off the UI thread).

    Each file is written whole or not at all (`atomic_file`); the assets go first, so a transcript on disk
    never links to a file that is missing."""
    folder = assets_folder_name(path.stem)
    export = markdown_export(conversation, folder, include_thinking=include_thinking, labels=labels)
    if export.assets:
        (path.parent / folder).mkdir(exist_ok=True)
        for asset in export.assets:
            write_bytes_atomic(path.parent / folder / asset.name, asset.data)
    write_text_atomic(path, export.text)
    return path


def write_markdown_folder(
    conversations: list[ArchivedConversation],
    folder: Path,
    *,
    include_thinking: bool = True,
    labels: ExportLabels = ENGLISH,
) -> FolderExport:
    """One Markdown file per conversation (named after its title) in `folder`. A file that cannot be
    written is listed with the reason and the others are still written."""
    folder.mkdir(parents=True, exist_ok=True)
    stems = unique_stems([conversation.title for conversation in conversations])
    result = FolderExport()
    for conversation, stem in zip(conversations, stems, strict=True):
        path = folder / f"{stem}.md"
        try:
            write_markdown(conversation, path, include_thinking=include_thinking, labels=labels)
        except OSError as error:
            result.failed.append(FailedFile(conversation.title, path, error.strerror or str(error)))
        else:
            result.written.append(path)
    return result


class _Writer:
    def __init__(
        self, assets_folder: str, include_thinking: bool, labels: ExportLabels, cards: ToolCards
    ) -> None:
        self._folder = assets_folder
        self._thinking = include_thinking
        self._labels = labels
        self.cards = cards
        self.assets: list[Asset] = []

    def turn(self, message: ArchivedMessage) -> list[str]:
        labels = self._labels
        role = labels.user if message.role == "user" else labels.assistant
        when = time_text(message.created_at)
        lines = [f"## {role}" + (f" · {when}" if when else ""), ""]
        if message.role == "assistant" and (facts := reply_facts(message, labels)):
            lines += [f"*{facts}*", ""]
        if message.role == "assistant" and (made_with := reply_settings(message, labels)):
            lines += [f"*{inline_text(made_with)}*", ""]
        for block in message.content:
            lines += self._block(dict(block))
        if message.error is not None:
            lines += [*_quote(f"**{labels.error}:** {error_text(message.error)}"), ""]
        return lines

    def _block(self, block: dict[str, Any]) -> list[str]:
        kind = block.get("type")
        if kind == "text":
            return [*closed(str(block.get("text", ""))), ""]
        if kind == "thinking":
            if not self._thinking:
                return []
            body = html.escape(str(block.get("thinking", "")), quote=False)
            summary = html.escape(self._labels.thinking, quote=False)
            return [f"<details><summary>{summary}</summary>", "", *closed(body), "", "</details>", ""]
        if kind == "redacted_thinking":
            return [f"*{self._labels.redacted_thinking}*", ""] if self._thinking else []
        if kind in ("image", "document"):
            return self._attachment(block, kind)
        run = self.cards.runs.get(str(block.get("id"))) if kind == "tool_use" else None
        if run is not None:
            return self._run(run)
        if kind in ("tool_use", "server_tool_use"):
            call = self._labels.tool_call.format(
                name=code_span(str(block.get("name", "?"))), id=code_span(str(block.get("id", "")))
            )
            title = f"**{call}**"
            return [title, "", *fenced(pretty_json(block.get("input", {})), "json"), ""]
        if kind == "tool_result":
            return self._tool_result(block)
        return [f"**{inline_text(str(kind))}**", "", *fenced(pretty_json(block), "json"), ""]

    def _run(self, run: ToolRun) -> list[str]:
        """A tool card: what was called on which server, how it went, its arguments and its result."""
        labels = self._labels
        name = labels.tool_run.format(name=code_span(run.tool), server=code_span(run.server or "—"))
        lines = [f"**{name}** · {inline_text(run_status(run, labels))}", ""]
        lines += [f"*{inline_text(note)}*" for note in run_notes(run, labels)]
        lines += [f"{labels.tool_arguments}:", "", *fenced(pretty_json(dict(run.arguments)), "json"), ""]
        blocks, _is_error = self.cards.result_blocks(run)
        if blocks:
            lines += [f"{labels.tool_output}:", ""]
            lines += self._result_items(blocks)
        return lines

    def _result_items(self, content: list[Any]) -> list[str]:
        lines: list[str] = []
        for item in content:
            if isinstance(item, dict) and item.get("type") in ("image", "document"):
                lines += self._attachment(item, str(item["type"]))
            elif isinstance(item, dict) and item.get("type") == "text":
                lines += [*fenced(json_or_text(str(item.get("text", ""))), "json"), ""]
            else:
                lines += [*fenced(pretty_json(item), "json"), ""]
        return lines

    def _tool_result(self, block: dict[str, Any]) -> list[str]:
        template = self._labels.tool_error if block.get("is_error") else self._labels.tool_result
        tool_id = block.get("tool_use_id", "")
        lines = [f"**{template.format(id=code_span(str(tool_id)))}**", ""]
        content = block.get("content", "")
        if isinstance(content, str):
            return [*lines, *fenced(json_or_text(content), "json"), ""]
        return lines + self._result_items(content if isinstance(content, list) else [])

    def _attachment(self, block: dict[str, Any], kind: str) -> list[str]:
        number = len(self.assets) + 1
        title = inline_text(
            str(
                block.get("title")
                or self._labels.numbered.format(kind=self._labels.kind(kind), number=number)
            )
        )
        source = block.get("source")
        found = base64_source(block)
        if found is not None:
            media_type, data = found
            try:
                decoded = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                return [f"*({self._labels.bad_data.format(title=title)})*", ""]
            name = f"{kind}-{number}.{extension_for(media_type)}"
            self.assets.append(Asset(name, decoded))
            target = f"<{self._folder}/{name}>"
            return [f"![{title}]({target})" if kind == "image" else f"[{title}]({target})", ""]
        if isinstance(source, dict) and source.get("type") == "url":
            link = f"[{title}](<{source.get('url', '')}>)"
            return ["!" + link if kind == "image" else link, ""]
        if isinstance(source, dict) and source.get("type") == "text":
            return [f"**{title}**", "", *fenced(str(source.get("data", "")), ""), ""]
        return [f"**{inline_text(kind)}**", "", *fenced(pretty_json(block), "json"), ""]


def inline_text(text: str) -> str:
    """Plain text as Markdown that shows it as it is, on one line: no link, heading, markup or HTML."""
    escaped = _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))
    return "".join(_ENTITIES.get(char, char) for char in escaped)


def code_span(text: str) -> str:
    """Text as an inline code span that no backtick inside can close."""
    text = " ".join(text.split())
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    ticks = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{ticks}{padded}{ticks}"


def closed(text: str) -> list[str]:
    """The model's Markdown, with a code fence it leaves open (a reply stopped mid-code) closed."""
    fence = open_fence(text)
    return [text, fence] if fence else [text]


def fenced(text: str, language: str) -> list[str]:
    """A code fence longer than any run of backticks inside, so the text cannot close it."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}{language}", text, fence]


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines()] or [">"]

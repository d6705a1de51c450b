"""What the Markdown and HTML transcripts share: the branch they show, their header facts, times, file names.

A readable transcript shows the branch on screen (root to the current leaf); the other branches and compare
runs are in the JSON export, which keeps everything.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.model.compare_run import tokens_text
from core.model.conversation import ReplyError
from core.model.output_estimate import partial_output_estimate
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.model.tools import RunProblem, RunStatus, ToolRun
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.export_labels import ENGLISH, ExportLabels

_UNSAFE_FILE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_MAX_STEM = 80
"""Characters: a readable length."""
MAX_STEM_BYTES = 200
"""A stem's limit in UTF-8 bytes: 255 (ext4, APFS, NTFS in UTF-16 units) less room for ` (123)_assets`."""
_INVISIBLE_CATEGORIES = {"Cf", "Cc", "Cs", "Co", "Cn"}
"""Format characters (bidirectional overrides, zero-width spaces and joiners, BOM), controls, surrogates,
private use and unassigned code points: nothing a reader of a file name can see or trust."""
_WINDOWS_DEVICE_NAMES = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"{name}{digit}" for name in ("COM", "LPT") for digit in "123456789¹²³"),
}  # fmt: skip
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": "pdf",
    "text/plain": "txt",
}


@dataclass(frozen=True)
class HeaderFact:
    label: str
    value: str


def branch_on_screen(conversation: ArchivedConversation) -> list[ArchivedMessage]:
    """Root to the current leaf; without a leaf, the newest branch (the last message in the file)."""
    by_id = {message.id: message for message in conversation.messages}
    leaf = conversation.current_leaf
    if leaf is None and conversation.messages:
        leaf = conversation.messages[-1].id
    path: list[ArchivedMessage] = []
    while leaf is not None and leaf in by_id and len(path) <= len(by_id):
        path.append(by_id[leaf])
        leaf = by_id[leaf].parent
    path.reverse()
    return path


@dataclass(frozen=True)
class ToolCards:
    """The branch's tool runs, drawn as cards: each MCP call with its arguments, status and result. The user
    turn that carried the results to the model is written inside the cards, not as a turn of its own."""

    runs: dict[str, ToolRun]
    """By tool_use id."""
    results: dict[str, dict[str, Any]]
    """The saved tool_result blocks, by tool_use id."""
    folded: set[int]
    """The ids of the user turns written inside the cards."""

    def result_blocks(self, run: ToolRun) -> tuple[list[dict[str, Any]], bool]:
        """(the result's blocks, is it an error): the saved tool_result's, else the run's outcome."""
        saved = self.results.get(run.tool_use_id)
        if saved is not None:
            content = saved.get("content", "")
            blocks = (
                [{"type": "text", "text": content}]
                if isinstance(content, str)
                else [dict(item) for item in content if isinstance(item, dict)]
                if isinstance(content, list)
                else []
            )
            return blocks, bool(saved.get("is_error"))
        if run.outcome is None:
            return [], False
        return [dict(block) for block in run.outcome.content], run.outcome.is_error


def tool_cards(path: list[ArchivedMessage]) -> ToolCards:
    runs = {run.tool_use_id: run for message in path for run in message.tool_runs}
    results: dict[str, dict[str, Any]] = {}
    folded: set[int] = set()
    for message in path:
        if message.role != "user":
            continue
        blocks = [dict(block) for block in message.content]
        for block in blocks:
            if block.get("type") == "tool_result":
                results[str(block.get("tool_use_id"))] = block
        if blocks and all(
            block.get("type") == "tool_result" and str(block.get("tool_use_id")) in runs for block in blocks
        ):
            folded.add(message.id)
    return ToolCards(runs, results, folded)


def run_heading(run: ToolRun, labels: ExportLabels = ENGLISH) -> str:
    """ "Tool get_time on time · done in 0.4 s": the card's first line."""
    name = labels.tool_run.format(name=run.tool, server=run.server or "—")
    return f"{name} · {run_status(run, labels)}"


def run_status(run: ToolRun, labels: ExportLabels = ENGLISH) -> str:
    seconds = f"{run.duration:.1f}" if run.duration is not None else "—"
    status = run.status
    if status is RunStatus.DONE:
        return labels.run_done.format(seconds=seconds)
    if status is RunStatus.FAILED:
        outcome = run.outcome
        problem = None if outcome is None else outcome.problem
        if problem is None and outcome is not None and outcome.is_error:
            problem = RunProblem.TOOL_ERROR
        return labels.run_failed.format(seconds=seconds, reason=labels.problem(problem))
    if status is RunStatus.DENIED:
        return labels.run_declined
    # Waiting or running in a saved conversation: the app stopped before the call ended.
    return labels.run_stopped


def run_notes(run: ToolRun, labels: ExportLabels = ENGLISH) -> list[str]:
    """What else a reader should know of the call: the result was cut, the server's own words."""
    outcome = run.outcome
    if outcome is None:
        return []
    notes = []
    if outcome.truncated_from is not None:
        notes.append(labels.run_truncated.format(count=f"{outcome.truncated_from:,}"))
    if outcome.detail and run.status is RunStatus.FAILED:
        notes.append(outcome.detail)
    return notes


def header_facts(conversation: ArchivedConversation, labels: ExportLabels = ENGLISH) -> list[HeaderFact]:
    """Date, provider, and the conversation's settings that change what a reader sees (not transport
    details), said to be its current ones: each reply says what it was made with (`reply_settings`)."""
    facts = [HeaderFact(labels.date, time_text(conversation.created_at))]
    if conversation.profile_name:
        facts.append(HeaderFact(labels.provider, conversation.profile_name))
    facts.append(HeaderFact(labels.current_settings, labels.current_settings_note))
    return facts + settings_facts(conversation.settings, labels)


def reply_settings(message: ArchivedMessage, labels: ExportLabels = ENGLISH) -> str:
    """What a reply was made with, from its recorded request, on one line ("Made with: Model m · Max
    tokens 1024 · Temperature 0.2"); empty when its request was not recorded."""
    if message.sent_settings is None:
        return ""
    facts = settings_facts(message.sent_settings, labels)
    return labels.made_with.format(settings=" · ".join(f"{fact.label} {fact.value}" for fact in facts))


def settings_facts(settings: RequestSettings, labels: ExportLabels = ENGLISH) -> list[HeaderFact]:
    facts = [HeaderFact(labels.model, settings.model or "—")]
    if settings.max_tokens:
        facts.append(HeaderFact(labels.max_tokens, str(settings.max_tokens)))
    optional = {
        labels.temperature: settings.temperature,
        labels.top_p: settings.top_p,
        labels.top_k: settings.top_k,
        labels.effort: settings.effort,
    }
    facts += [HeaderFact(label, str(value)) for label, value in optional.items() if value is not None]
    if settings.thinking is not None:
        facts.append(HeaderFact(labels.thinking, _thinking_text(settings.thinking, labels)))
    if settings.stop_sequences:
        stops = ", ".join(repr(item) for item in settings.stop_sequences)
        facts.append(HeaderFact(labels.stop_sequences, stops))
    if settings.tools:
        names = [str(tool.get("name", tool.get("type", "?"))) for tool in settings.tools]
        facts.append(HeaderFact(labels.tools, ", ".join(names)))
    return facts


def _thinking_text(thinking: ThinkingSettings, labels: ExportLabels) -> str:
    if thinking.mode == "disabled":
        return labels.thinking_off
    if thinking.mode == "adaptive":
        return labels.thinking_adaptive
    return labels.thinking_on if thinking.budget_tokens is None else tokens_text(thinking.budget_tokens)


def system_text(conversation: ArchivedConversation) -> str:
    system = conversation.settings.system
    if isinstance(system, str):
        return system
    if isinstance(system, list):
        return "\n\n".join(str(block.get("text", "")) for block in system)
    return ""


def time_text(seconds: float) -> str:
    """Local time with its UTC offset, e.g. "2026-11-23 14:05 +0100"; empty when unknown."""
    if not seconds:
        return ""
    try:
        return datetime.fromtimestamp(seconds).astimezone().strftime("%Y-%m-%d %H:%M %z")
    except (OverflowError, OSError, ValueError):
        return ""


def reply_facts(message: ArchivedMessage, labels: ExportLabels = ENGLISH) -> str:
    """One line on what a reply measured: model, tokens, cost, time, stop reason."""
    parts = [message.model or ""]
    estimate = partial_output_estimate(message.status, message.usage, message.content)
    if message.usage is not None or estimate is not None:
        # A reply stopped before the API's final count says "1 out": the estimate from its text instead.
        usage = message.usage
        template = labels.tokens if estimate is None else labels.tokens_estimated
        output = usage.output_tokens if estimate is None and usage is not None else estimate
        parts.append(template.format(input=usage.input_tokens if usage is not None else 0, output=output))
    if message.cost_usd is not None:
        parts.append(f"${message.cost_usd:.4f}")
    if message.timing is not None and message.timing.duration is not None:
        parts.append(f"{message.timing.duration:.1f} s")
    if message.stop_reason:
        parts.append(labels.stop_reason.format(reason=message.stop_reason))
    if message.status not in ("complete", "error"):
        parts.append(labels.status(message.status))
    return " · ".join(part for part in parts if part)


def error_text(error: ReplyError) -> str:
    status = f" ({error.status})" if error.status is not None else ""
    return f"{error.kind}{status}: {error.message}"


def pretty_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def json_or_text(text: str) -> str:
    """A tool result is often JSON in a string: shown pretty when it is, as it is otherwise."""
    try:
        return pretty_json(json.loads(text))
    except (ValueError, RecursionError):
        return text


def file_stem(title: str) -> str:
    """A file name from a title, safe on every platform: no path or control characters, no invisible ones
    (a bidirectional override can make a name read backwards), no Windows device name, at most 80
    characters and at most MAX_STEM_BYTES in UTF-8, so that with a suffix such as ` (12)_assets` it stays
    within the 255-byte limit of common file systems (a title of emoji is four bytes a character)."""
    visible = "".join(char for char in title if unicodedata.category(char) not in _INVISIBLE_CATEGORIES)
    stem = _UNSAFE_FILE_CHARS.sub("_", visible).strip(" .")[:_MAX_STEM]
    stem = _cut_to_bytes(stem, MAX_STEM_BYTES).strip(" .")
    if stem.split(".")[0].strip().upper() in _WINDOWS_DEVICE_NAMES:
        stem = f"_{stem}"
    return stem or "conversation"


def _cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of `text` that is at most `limit` bytes in UTF-8, cut between characters."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def unique_stems(titles: list[str]) -> list[str]:
    """File stems for several conversations, numbered where titles repeat (case-insensitive file systems)."""
    used: set[str] = set()
    stems = []
    for title in titles:
        stem, number = file_stem(title), 2
        candidate = stem
        while candidate.casefold() in used:
            candidate, number = f"{stem} ({number})", number + 1
        used.add(candidate.casefold())
        stems.append(candidate)
    return stems


def extension_for(media_type: str) -> str:
    return _EXTENSIONS.get(media_type.lower(), "bin")


def base64_source(block: dict[str, Any]) -> tuple[str, str] | None:
    """(media type, base64 data) of an image or document block that carries its bytes."""
    source = block.get("source")
    if not isinstance(source, dict) or source.get("type") != "base64":
        return None
    data, media_type = source.get("data"), source.get("media_type")
    if not isinstance(data, str) or not isinstance(media_type, str):
        return None
    return media_type, data

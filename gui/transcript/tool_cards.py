"""HTML of a tool run's card: the MCP tool the model called, its arguments, where the call stands and what
it gave back.

A card is drawn from a `ToolRun` (its status, timing, progress and outcome) and, once the results were
saved, from the `tool_result` block of the user turn that answered the call: that turn is not shown as a
bubble of its own, its results are shown here (see `TranscriptView`). Every value is escaped here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QObject

from core.model.tools import RunProblem, RunStatus, ToolRun
from gui.transcript.cards import IMAGE_SCHEME, SCHEME, Cards, pretty_if_json, pretty_json

OPEN_LINES = 12
"""A result of at most this many lines is shown open; a longer one is one click away."""
OPEN_CHARS = 2_000
"""A result longer than this shows closed too, however few its lines (one line of 200,000 characters laid out
again at each update of a card stalls the window)."""
TOOL_IMAGE = "tool"
"""Images of a tool's result: triptych-image:tool/<reply id>/<tool_use id>/<index in the result>."""


@dataclass(frozen=True)
class ToolResultContent:
    """What answered a call: the outcome's blocks while it runs, else the saved tool_result block's."""

    content: Sequence[Mapping[str, Any]]
    is_error: bool = False


def result_content(run: ToolRun, saved: Mapping[str, Any] | None) -> ToolResultContent | None:
    """The blocks a card shows as the result: the saved tool_result's (what the model received), else the
    run's outcome (before the results are saved); None when nothing came back yet."""
    if saved is not None:
        raw = saved.get("content")
        blocks: list[Mapping[str, Any]] = (
            [{"type": "text", "text": raw}]
            if isinstance(raw, str)
            else [item for item in raw if isinstance(item, Mapping)]
            if isinstance(raw, list)
            else []
        )
        return ToolResultContent(blocks, bool(saved.get("is_error")))
    outcome = run.outcome
    if outcome is None:
        return None
    return ToolResultContent([dict(block) for block in outcome.content], outcome.is_error)


def result_image(content: Sequence[Mapping[str, Any]], index: int) -> str | None:
    """The base64 data of the image at `index` of a result, if it is one."""
    if not 0 <= index < len(content):
        return None
    block = content[index]
    source = block.get("source")
    if block.get("type") != "image" or not isinstance(source, Mapping) or source.get("type") != "base64":
        return None
    data = source.get("data")
    return data if isinstance(data, str) else None


def result_parts(run: ToolRun, result: ToolResultContent) -> tuple[str, list[int]]:
    """A result's text as shown (JSON laid out) and the indexes of its images."""
    texts: list[str] = []
    images: list[int] = []
    for index, block in enumerate(result.content):
        if block.get("type") == "text":
            texts.append(pretty_if_json(str(block.get("text", ""))))
        elif block.get("type") == "image":
            images.append(index)
        else:
            texts.append(pretty_json(dict(block)))
    if run.outcome is not None and run.outcome.structured is not None and not texts:
        texts.append(pretty_json(dict(run.outcome.structured)))
    return "\n\n".join(texts), images


def open_by_default(run: ToolRun, result: ToolResultContent) -> bool:
    """A short result (or an error) shows open; a long one shows its size, one click from open."""
    text, _images = result_parts(run, result)
    return result.is_error or (text.count("\n") + 1 <= OPEN_LINES and len(text) <= OPEN_CHARS)


class ToolCards(QObject):
    """Builds tool run cards with the transcript's card look (`Cards`)."""

    def __init__(self, cards: Cards, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards = cards

    def card(
        self,
        message_id: int,
        run: ToolRun,
        result: ToolResultContent | None,
        *,
        expanded: bool | None,
        now: float,
    ) -> str:
        """One run's card. `expanded`: the user's choice for the result (None: open when short);
        `now`: the time a running call's elapsed seconds are counted to."""
        colors = self._cards.colors
        title = f"<b>{html.escape(run.tool)}</b>"
        if run.server:
            title += f' <span style="color:{colors.muted}">· {html.escape(run.server)}</span>'
        status = self.status_text(run, now)
        failed = run.status is RunStatus.FAILED or (result is not None and result.is_error)
        status_color = colors.error_text if failed else colors.muted
        parts = [
            f'<p style="margin:0">{title}&nbsp;&nbsp;'
            f'<span style="color:{status_color}">{html.escape(status)}</span></p>'
        ]
        detail = self._detail(run)
        if detail:
            parts.append(f'<p style="margin:0; color:{colors.muted}">{html.escape(detail)}</p>')
        parts.append(self._label(self.tr("Arguments")))
        parts.append(self._cards.code(pretty_json(dict(run.arguments))))
        if result is not None:
            parts.append(self._result(message_id, run, result, expanded))
        return self._cards.card("".join(parts), error=failed, anchor=f"tool-{run.tool_use_id}")

    def status_text(self, run: ToolRun, now: float) -> str:
        """Where the call stands, in a few words: "Running… 3 s · 2/5 fetched", "Done in 1.2 s"."""
        status = run.status
        if status is RunStatus.WAITING:
            return self.tr("Waiting for your approval")
        if status is RunStatus.RUNNING:
            elapsed = max(0.0, now - run.started_at) if run.started_at is not None else 0.0
            text = self.tr("Running… {seconds} s").format(seconds=int(elapsed))
            progress = run.progress
            if progress is not None:
                amount = (
                    f"{progress.progress:g}/{progress.total:g}"
                    if progress.total is not None
                    else f"{progress.progress:g}"
                )
                text += f" · {amount}"
                if progress.message:
                    text += f" · {progress.message}"
            return text
        duration = self._seconds(run.duration)
        if status is RunStatus.DONE:
            if run.outcome is not None and run.outcome.is_error:
                return self.tr("The tool reported an error ({seconds})").format(seconds=duration)
            return self.tr("Done in {seconds}").format(seconds=duration)
        if status is RunStatus.DENIED:
            return self.tr("Declined: the model was told you declined this call")
        if status is RunStatus.CANCELLED:
            return self.tr("Stopped after {seconds}").format(seconds=duration)
        outcome = run.outcome
        problem = None if outcome is None else outcome.problem
        if problem is None and outcome is not None and outcome.is_error:
            problem = RunProblem.TOOL_ERROR
        return self.tr("Failed after {seconds}: {reason}").format(
            seconds=duration, reason=self.problem_text(problem)
        )

    def problem_text(self, problem: RunProblem | None) -> str:
        words = {
            RunProblem.TOOL_ERROR: self.tr("the tool reported an error"),
            RunProblem.TIMED_OUT: self.tr("the tool took longer than the server's time limit"),
            RunProblem.SERVER_CRASHED: self.tr("the server stopped during the call"),
            RunProblem.SERVER_UNAVAILABLE: self.tr("the server is not running"),
            RunProblem.NO_SUCH_TOOL: self.tr("no server offers a tool of that name"),
            RunProblem.INVALID_ARGUMENTS: self.tr("the arguments do not fit the tool's input schema"),
            RunProblem.MALFORMED_RESULT: self.tr("the server's answer could not be read"),
            RunProblem.DECLINED: self.tr("declined"),
            RunProblem.LIMIT_REACHED: self.tr("this turn reached its limit of tool calls"),
            RunProblem.CANCELLED: self.tr("stopped"),
        }
        return words.get(problem, self.tr("it did not give a result")) if problem else self.tr("no result")

    def _detail(self, run: ToolRun) -> str:
        outcome = run.outcome
        if outcome is None:
            return ""
        lines = []
        if outcome.detail and run.status in (RunStatus.FAILED, RunStatus.CANCELLED):
            lines.append(outcome.detail)
        if outcome.truncated_from is not None:
            lines.append(
                self.tr("The result was cut to fit: it had {count} characters.").format(
                    count=f"{outcome.truncated_from:,}"
                )
            )
        return "\n".join(lines)

    def _result(self, message_id: int, run: ToolRun, result: ToolResultContent, expanded: bool | None) -> str:
        text, images = result_parts(run, result)
        is_open = expanded if expanded is not None else open_by_default(run, result)
        href = f"{SCHEME}:tool-output/{message_id}/{quote(run.tool_use_id, safe='')}"
        if is_open:
            label = self.tr("Result ▾")
        elif images:
            label = self.tr("Result ▸ (%n image(s))", "", len(images))
        else:
            label = self.tr("Result ▸ (%n line(s))", "", text.count("\n") + 1 if text else 0)
        toggle = f'<p style="margin-top:6px; margin-bottom:0"><a href="{href}">{html.escape(label)}</a></p>'
        if not is_open:
            return toggle
        muted = self._cards.colors.muted
        body = self._cards.code(text) if text else ""
        if not text and not images:
            body = f'<p style="margin:0; color:{muted}">{html.escape(self.tr("(empty)"))}</p>'
        reply = quote(run.tool_use_id, safe="")
        for index in images:
            body += f'<p><img src="{IMAGE_SCHEME}:{TOOL_IMAGE}/{message_id}/{reply}/{index}"></p>'
        return toggle + body

    def _label(self, text: str) -> str:
        style = f"margin-top:6px; margin-bottom:0; font-size:small; color:{self._cards.colors.muted}"
        return f'<p style="{style}">{html.escape(text)}</p>'

    def _seconds(self, seconds: float | None) -> str:
        if seconds is None:
            return self.tr("—")
        if seconds < 10:
            return self.tr("{seconds:.1f} s").format(seconds=seconds)
        return self.tr("{seconds:.0f} s").format(seconds=seconds)

"""The doctor's findings in English words, for the command line and the Markdown export.

The GUI has the same table in `gui/providers/doctor_words.py`, through Qt's translation; a test keeps the
two covering the same checks and reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.model.provider_check import Change, Check, DoctorReport, Finding, Reason


@dataclass(frozen=True)
class FindingWords:
    """What a finding means, and what Triptych does about it."""

    meaning: str
    action: str


CHECK_TITLES: Mapping[Check, str] = {
    Check.MODELS: "Model list",
    Check.STREAMED_TEXT: "Streamed text",
    Check.WHOLE_TEXT: "Non-streamed text",
    Check.SSE_STRUCTURE: "Event stream structure",
    Check.MODEL_IDENTITY: "Model identity",
    Check.THINKING: "Thinking signatures",
    Check.TOOL_USE: "Tool use and results",
    Check.COUNT_TOKENS: "Token counting",
    Check.USAGE_HONESTY: "Usage honesty",
    Check.CACHING: "Prompt caching",
    Check.ERROR_SHAPE: "Error shape",
    Check.HEADERS: "Request ids",
    Check.FIRST_TOKEN: "Time to first token",
}

WORDS: Mapping[Reason, tuple[str, str]] = {
    Reason.MODELS_LISTED: ("Lists {count} models, {model} among them.", "The model picker offers them."),
    Reason.MODEL_NOT_LISTED: (
        "Lists {count} models, but not {model}.",
        "The picker still offers the catalog's models; check the model name with the provider.",
    ),
    Reason.NO_MODEL_LIST: ("Has no model list (HTTP {status}).", "The picker offers Triptych's own catalog."),
    Reason.REQUEST_FAILED: ("The request failed: {error}", "Nothing; fix the cause and check again."),
    Reason.TEXT_OK: ("Answered: “{text}”.", "Nothing to do."),
    Reason.NO_TEXT: ("Answered without any text (stop reason {stop_reason}).", "Replies may come out empty."),
    Reason.STREAM_VALID: ("{events} events, all in the protocol's order.", "Nothing to do."),
    Reason.STREAM_BROKEN: (
        "{violations} breaks of the protocol; the first at event {position}: {first}",
        "Triptych reads what it can and shows the break; replies may come out wrong.",
    ),
    Reason.NOT_ANTHROPIC_STYLE: ("Not checked: the provider speaks the OpenAI style.", "Nothing to do."),
    Reason.MODEL_MATCHES: ("Answered as {returned}, the model asked for.", "Nothing to do."),
    Reason.MODEL_SWAPPED: (
        "Asked for {requested}, answered as {returned}: the relay serves another model.",
        "Triptych shows the model that answered in each reply's footer; comparisons on this provider "
        "measure that model.",
    ),
    Reason.UNKNOWN_STOP_REASON: (
        "Ended with a stop reason the API does not have: {stop_reason}.",
        "Triptych shows it as it came.",
    ),
    Reason.MAX_OUTPUT_REFUSED: (
        "Refused max_tokens {max_tokens}, the model's own limit: {error}",
        "Keep max_tokens lower on this provider.",
    ),
    Reason.SIGNATURE_KEPT: (
        "Thinking came with its signature, and a follow-up sending it back was accepted.",
        "Thinking works with tools here.",
    ),
    Reason.SIGNATURE_LOST: (
        "Thinking came without its signature: the API refuses it when it is sent back.",
        "The parameter panel warns when thinking and tools are both on for this provider.",
    ),
    Reason.NO_THINKING: (
        "Thinking was asked for but none came back.",
        "The parameter panel warns that thinking is dropped on this provider.",
    ),
    Reason.THINKING_FOLLOW_UP_REFUSED: (
        "The follow-up sending thinking back with a tool result was refused: {error}",
        "The parameter panel warns when thinking and tools are both on for this provider.",
    ),
    Reason.MODEL_WITHOUT_THINKING: ("Not checked: {model} does not think.", "Nothing to do."),
    Reason.TOOL_ROUND_TRIP: ("Called {tool}, then answered from its result.", "Tools work here."),
    Reason.NO_TOOL_CALL: (
        "A tool call was required, but none came (stop reason {stop_reason}).",
        "The parameter panel warns that tools may be ignored on this provider.",
    ),
    Reason.TOOL_FOLLOW_UP_FAILED: (
        "The tool was called, but the answer to its result failed: {error}",
        "The parameter panel warns that tools may break on this provider.",
    ),
    Reason.COUNTED: ("Counted {tokens} tokens.", "The composer shows counts from the provider."),
    Reason.NO_COUNT_TOKENS: (
        "Has no count_tokens (HTTP {status}).",
        "Triptych shows its own estimate, marked as one.",
    ),
    Reason.USAGE_MATCHES: (
        "Reported {reported} input tokens; count_tokens says {counted}.",
        "Nothing to do.",
    ),
    Reason.USAGE_INFLATED: (
        "Reported {reported} input tokens for a body count_tokens puts at {counted}: {extra} tokens more, "
        "as a hidden prompt would add.",
        "Costs shown for this provider follow its reports; treat them, and its answers, with care.",
    ),
    Reason.USAGE_UNDER: (
        "Reported {reported} input tokens, fewer than the {counted} count_tokens gives.",
        "Costs shown for this provider may be low.",
    ),
    Reason.NOTHING_TO_COMPARE: ("Not checked: an earlier step gave nothing to compare.", "Nothing to do."),
    Reason.CACHE_WORKS: (
        "Wrote {written} tokens to the cache, then read {read}.",
        "Cache savings are shown.",
    ),
    Reason.CACHE_FIELDS_MISSING: (
        "Answers carry no cache fields at all: the provider drops them.",
        "Costs cannot show what caching saved; the panel warns that caching is not reported here.",
    ),
    Reason.CACHE_NOT_WRITTEN: (
        "A prefix marked for caching was not written to the cache.",
        "The panel warns that caching does not work here.",
    ),
    Reason.CACHE_NOT_READ: (
        "Wrote {written} tokens to the cache, but the same prefix again read none.",
        "The panel warns that caching does not work here.",
    ),
    Reason.ERROR_SHAPED: (
        "Refused an invalid request with {status} {type}.",
        "Errors are worded by their type.",
    ),
    Reason.ERROR_MISSHAPEN: (
        "Refused an invalid request with {status}, not in the API's error shape: {body}",
        "Errors from this provider are shown as they came.",
    ),
    Reason.INVALID_ACCEPTED: (
        "Accepted a request the API refuses (no messages), with {status}.",
        "Mistakes in settings may go unnoticed on this provider.",
    ),
    Reason.REQUEST_ID: ("Answers carry a request-id.", "Errors show it, for support."),
    Reason.RELAY_ID_ONLY: (
        "No request-id, only the relay's own id ({headers}).",
        "Errors show the relay's id.",
    ),
    Reason.NO_REQUEST_ID: ("Answers carry no request id of any kind.", "Errors cannot name the request."),
    Reason.FIRST_TOKEN_TIME: ("The first text came after {seconds} s.", "Nothing to do."),
    Reason.FIRST_TOKEN_SLOW: ("The first text came after {seconds} s.", "Replies will feel slow here."),
}


def words_for(finding: Finding) -> FindingWords:
    meaning, action = WORDS[finding.reason]
    return FindingWords(fill(meaning, finding), fill(action, finding))


def fill(template: str, finding: Finding) -> str:
    """The template with the finding's facts in it; a fact the template names but the finding lacks shows
    as "?" rather than failing."""
    facts = _Facts(finding.facts)
    return template.format_map(facts)


class _Facts(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


Describe = Callable[[Finding], FindingWords]


@dataclass(frozen=True)
class MarkdownLabels:
    """The export's fixed words; the GUI hands in translated ones."""

    heading: str = "Provider check"
    host: str = "Host"
    model: str = "Model"
    cost: str = "Cost"
    check: str = "Check"
    found: str = "Found"
    action: str = "What Triptych does"


def report_markdown(
    report: DoctorReport,
    changes: list[Change],
    *,
    describe: Describe = words_for,
    titles: Mapping[Check, str] = CHECK_TITLES,
    labels: MarkdownLabels = MarkdownLabels(),
) -> str:
    """The report as a Markdown table, the changes since the last run first."""
    lines = [
        f"# {labels.heading}: {report.profile_name}",
        "",
        f"- {labels.host}: {report.host} ({report.api_style})",
        f"- {labels.model}: {report.model}",
    ]
    if report.cost_usd is not None:
        lines.append(f"- {labels.cost}: ${report.cost_usd:.4f}")
    lines.append("")
    for change in changes:
        before, after = describe(change.before), describe(change.after)
        lines.append(
            f"- **{titles[change.check]}** {change.before.verdict.mark} → {change.after.verdict.mark}: "
            f"{_cell(before.meaning)} → {_cell(after.meaning)}"
        )
    if changes:
        lines.append("")
    lines += [f"| | {labels.check} | {labels.found} | {labels.action} |", "|---|---|---|---|"]
    for finding in report.findings:
        words = describe(finding)
        cells = (finding.verdict.mark, titles[finding.check], _cell(words.meaning), _cell(words.action))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())

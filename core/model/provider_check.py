"""What a provider check found: one finding per check, a report per run, and what changed since the last run.

Findings are typed (a check, a verdict, a reason code and the observed facts as numbers and names); the words
a person reads are chosen from the reason by whoever shows them (`core.doctor.wording` in English for the
command line, the GUI through Qt's translation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Check(StrEnum):
    """The doctor's checks, in the order they run."""

    MODELS = "models"
    STREAMED_TEXT = "streamed_text"
    WHOLE_TEXT = "whole_text"
    SSE_STRUCTURE = "sse_structure"
    MODEL_IDENTITY = "model_identity"
    THINKING = "thinking"
    TOOL_USE = "tool_use"
    COUNT_TOKENS = "count_tokens"
    USAGE_HONESTY = "usage_honesty"
    CACHING = "caching"
    ERROR_SHAPE = "error_shape"
    HEADERS = "headers"
    FIRST_TOKEN = "first_token"


class Verdict(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"

    @property
    def mark(self) -> str:
        return {"ok": "✓", "warn": "⚠", "fail": "✗", "skipped": "–"}[self.value]


class Reason(StrEnum):
    """Why a check ended as it did; each has its own words (what it means, what Triptych does)."""

    # models
    MODELS_LISTED = "models_listed"
    MODEL_NOT_LISTED = "model_not_listed"
    NO_MODEL_LIST = "no_model_list"
    # any request
    REQUEST_FAILED = "request_failed"
    # text
    TEXT_OK = "text_ok"
    NO_TEXT = "no_text"
    # stream structure
    STREAM_VALID = "stream_valid"
    STREAM_BROKEN = "stream_broken"
    NOT_ANTHROPIC_STYLE = "not_anthropic_style"
    # model identity
    MODEL_MATCHES = "model_matches"
    MODEL_SWAPPED = "model_swapped"
    UNKNOWN_STOP_REASON = "unknown_stop_reason"
    MAX_OUTPUT_REFUSED = "max_output_refused"
    # thinking
    SIGNATURE_KEPT = "signature_kept"
    SIGNATURE_LOST = "signature_lost"
    NO_THINKING = "no_thinking"
    THINKING_FOLLOW_UP_REFUSED = "thinking_follow_up_refused"
    MODEL_WITHOUT_THINKING = "model_without_thinking"
    # tools
    TOOL_ROUND_TRIP = "tool_round_trip"
    NO_TOOL_CALL = "no_tool_call"
    TOOL_FOLLOW_UP_FAILED = "tool_follow_up_failed"
    # count_tokens
    COUNTED = "counted"
    NO_COUNT_TOKENS = "no_count_tokens"
    # usage honesty
    USAGE_MATCHES = "usage_matches"
    USAGE_INFLATED = "usage_inflated"
    USAGE_UNDER = "usage_under"
    NOTHING_TO_COMPARE = "nothing_to_compare"
    # caching
    CACHE_WORKS = "cache_works"
    CACHE_FIELDS_MISSING = "cache_fields_missing"
    CACHE_NOT_READ = "cache_not_read"
    CACHE_NOT_WRITTEN = "cache_not_written"
    # error shape
    ERROR_SHAPED = "error_shaped"
    ERROR_MISSHAPEN = "error_misshapen"
    INVALID_ACCEPTED = "invalid_accepted"
    # headers
    REQUEST_ID = "request_id"
    RELAY_ID_ONLY = "relay_id_only"
    NO_REQUEST_ID = "no_request_id"
    # time to first token
    FIRST_TOKEN_TIME = "first_token_time"
    FIRST_TOKEN_SLOW = "first_token_slow"


@dataclass(frozen=True)
class Finding:
    """One check's result. `facts` holds what was observed, by name (numbers, model ids, header names,
    a quoted error), for the words to fill in and for the saved history."""

    check: Check
    verdict: Verdict
    reason: Reason
    facts: dict[str, str | int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class DoctorReport:
    """One run of the doctor against one provider and model."""

    profile_name: str
    api_style: str
    host: str
    model: str
    started_at: float
    """Seconds since the epoch (wall clock, for the history)."""
    findings: tuple[Finding, ...]
    cost_usd: float | None = None
    """What the run's replies cost by their reported usage, when the model's price is known."""

    def finding(self, check: Check) -> Finding | None:
        return next((found for found in self.findings if found.check == check), None)

    @property
    def worst(self) -> Verdict:
        verdicts = {found.verdict for found in self.findings}
        for verdict in (Verdict.FAIL, Verdict.WARN, Verdict.OK):
            if verdict in verdicts:
                return verdict
        return Verdict.SKIPPED


@dataclass(frozen=True)
class Change:
    """A check whose result differs from the previous run's: "signatures were kept last week, lost today"."""

    check: Check
    before: Finding
    after: Finding
    before_at: float


def changes_since(previous: DoctorReport | None, current: DoctorReport) -> list[Change]:
    """The checks whose verdict or reason changed since `previous` (skipped checks on either side count
    as no evidence, not as a change)."""
    if previous is None:
        return []
    changed: list[Change] = []
    for after in current.findings:
        before = previous.finding(after.check)
        if before is None or Verdict.SKIPPED in (before.verdict, after.verdict):
            continue
        if (before.verdict, before.reason) != (after.verdict, after.reason):
            changed.append(Change(after.check, before, after, previous.started_at))
    return changed


def report_to_dict(report: DoctorReport) -> dict[str, object]:
    """The report as JSON-ready values, for the store and the export."""
    return {
        "profile_name": report.profile_name,
        "api_style": report.api_style,
        "host": report.host,
        "model": report.model,
        "started_at": report.started_at,
        "cost_usd": report.cost_usd,
        "findings": [
            {"check": f.check.value, "verdict": f.verdict.value, "reason": f.reason.value, "facts": f.facts}
            for f in report.findings
        ],
    }


def report_from_dict(data: dict[str, Any]) -> DoctorReport:
    """The report back; findings of checks or reasons this version does not know are left out (a report
    saved by a newer Triptych still opens)."""
    findings: list[Finding] = []
    for item in data.get("findings") or []:
        try:
            check, verdict, reason = Check(item["check"]), Verdict(item["verdict"]), Reason(item["reason"])
        except (KeyError, ValueError, TypeError):
            continue
        facts = {str(k): v for k, v in (item.get("facts") or {}).items() if isinstance(v, str | int | float)}
        findings.append(Finding(check, verdict, reason, facts))
    cost = data.get("cost_usd")
    return DoctorReport(
        profile_name=str(data.get("profile_name", "")),
        api_style=str(data.get("api_style", "")),
        host=str(data.get("host", "")),
        model=str(data.get("model", "")),
        started_at=float(data.get("started_at", 0.0)),
        findings=tuple(findings),
        cost_usd=float(cost) if isinstance(cost, int | float) else None,
    )


class Loss(StrEnum):
    """What a provider was found to lose or bend, as the parameter panel and compare headers warn of it."""

    THINKING_WITH_TOOLS = "thinking_with_tools"
    """Thinking signatures lost: a thinking + tool-use follow-up is refused."""
    THINKING = "thinking"
    TOOLS = "tools"
    CACHING = "caching"
    MODEL_SWAPPED = "model_swapped"
    USAGE_INFLATED = "usage_inflated"


_LOSSES: dict[Reason, Loss] = {
    Reason.SIGNATURE_LOST: Loss.THINKING_WITH_TOOLS,
    Reason.THINKING_FOLLOW_UP_REFUSED: Loss.THINKING_WITH_TOOLS,
    Reason.NO_THINKING: Loss.THINKING,
    Reason.NO_TOOL_CALL: Loss.TOOLS,
    Reason.TOOL_FOLLOW_UP_FAILED: Loss.TOOLS,
    Reason.CACHE_FIELDS_MISSING: Loss.CACHING,
    Reason.CACHE_NOT_WRITTEN: Loss.CACHING,
    Reason.CACHE_NOT_READ: Loss.CACHING,
    Reason.MODEL_SWAPPED: Loss.MODEL_SWAPPED,
    Reason.USAGE_INFLATED: Loss.USAGE_INFLATED,
}


def known_losses(report: DoctorReport | None) -> frozenset[Loss]:
    """What the provider's latest check found lost (nothing known without a check)."""
    if report is None:
        return frozenset()
    return frozenset(_LOSSES[found.reason] for found in report.findings if found.reason in _LOSSES)

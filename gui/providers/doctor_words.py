"""The provider check's words in the user's language: the same table as `core.doctor.wording`, through Qt's
translation (a test keeps the two covering the same checks and reasons)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from core.doctor.wording import FindingWords, fill
from core.model.provider_check import Check, Finding, Reason


def _tr(text: str) -> str:
    return QCoreApplication.translate("DoctorWords", text)


def check_titles() -> Mapping[Check, str]:
    return {
        Check.MODELS: _tr("Model list"),
        Check.STREAMED_TEXT: _tr("Streamed text"),
        Check.WHOLE_TEXT: _tr("Non-streamed text"),
        Check.SSE_STRUCTURE: _tr("Event stream structure"),
        Check.MODEL_IDENTITY: _tr("Model identity"),
        Check.THINKING: _tr("Thinking signatures"),
        Check.TOOL_USE: _tr("Tool use and results"),
        Check.COUNT_TOKENS: _tr("Token counting"),
        Check.USAGE_HONESTY: _tr("Usage honesty"),
        Check.CACHING: _tr("Prompt caching"),
        Check.ERROR_SHAPE: _tr("Error shape"),
        Check.HEADERS: _tr("Request ids"),
        Check.FIRST_TOKEN: _tr("Time to first token"),
    }


def reason_words() -> Mapping[Reason, tuple[str, str]]:
    return {
        Reason.MODELS_LISTED: (
            _tr("Lists {count} models, {model} among them."),
            _tr("The model picker offers them."),
        ),
        Reason.MODEL_NOT_LISTED: (
            _tr("Lists {count} models, but not {model}."),
            _tr("The picker still offers the catalog's models; check the model name with the provider."),
        ),
        Reason.NO_MODEL_LIST: (
            _tr("Has no model list (HTTP {status})."),
            _tr("The picker offers Triptych's own catalog."),
        ),
        Reason.REQUEST_FAILED: (
            _tr("The request failed: {error}"),
            _tr("Nothing; fix the cause and check again."),
        ),
        Reason.TEXT_OK: (
            _tr("Answered: “{text}”."),
            _tr("Nothing to do."),
        ),
        Reason.NO_TEXT: (
            _tr("Answered without any text (stop reason {stop_reason})."),
            _tr("Replies may come out empty."),
        ),
        Reason.STREAM_VALID: (
            _tr("{events} events, all in the protocol's order."),
            _tr("Nothing to do."),
        ),
        Reason.STREAM_BROKEN: (
            _tr("{violations} breaks of the protocol; the first at event {position}: {first}"),
            _tr("Triptych reads what it can and shows the break; replies may come out wrong."),
        ),
        Reason.NOT_ANTHROPIC_STYLE: (
            _tr("Not checked: the provider speaks the OpenAI style."),
            _tr("Nothing to do."),
        ),
        Reason.MODEL_MATCHES: (
            _tr("Answered as {returned}, the model asked for."),
            _tr("Nothing to do."),
        ),
        Reason.MODEL_SWAPPED: (
            _tr("Asked for {requested}, answered as {returned}: the relay serves another model."),
            _tr(
                "Triptych shows the model that answered in each reply's footer; comparisons on this "
                "provider measure that model."
            ),
        ),
        Reason.UNKNOWN_STOP_REASON: (
            _tr("Ended with a stop reason the API does not have: {stop_reason}."),
            _tr("Triptych shows it as it came."),
        ),
        Reason.MAX_OUTPUT_REFUSED: (
            _tr("Refused max_tokens {max_tokens}, the model's own limit: {error}"),
            _tr("Keep max_tokens lower on this provider."),
        ),
        Reason.SIGNATURE_KEPT: (
            _tr("Thinking came with its signature, and a follow-up sending it back was accepted."),
            _tr("Thinking works with tools here."),
        ),
        Reason.SIGNATURE_LOST: (
            _tr("Thinking came without its signature: the API refuses it when it is sent back."),
            _tr("The parameter panel warns when thinking and tools are both on for this provider."),
        ),
        Reason.NO_THINKING: (
            _tr("Thinking was asked for but none came back."),
            _tr("The parameter panel warns that thinking is dropped on this provider."),
        ),
        Reason.THINKING_FOLLOW_UP_REFUSED: (
            _tr("The follow-up sending thinking back with a tool result was refused: {error}"),
            _tr("The parameter panel warns when thinking and tools are both on for this provider."),
        ),
        Reason.MODEL_WITHOUT_THINKING: (
            _tr("Not checked: {model} does not think."),
            _tr("Nothing to do."),
        ),
        Reason.TOOL_ROUND_TRIP: (
            _tr("Called {tool}, then answered from its result."),
            _tr("Tools work here."),
        ),
        Reason.NO_TOOL_CALL: (
            _tr("A tool call was required, but none came (stop reason {stop_reason})."),
            _tr("The parameter panel warns that tools may be ignored on this provider."),
        ),
        Reason.TOOL_FOLLOW_UP_FAILED: (
            _tr("The tool was called, but the answer to its result failed: {error}"),
            _tr("The parameter panel warns that tools may break on this provider."),
        ),
        Reason.COUNTED: (
            _tr("Counted {tokens} tokens."),
            _tr("The composer shows counts from the provider."),
        ),
        Reason.NO_COUNT_TOKENS: (
            _tr("Has no count_tokens (HTTP {status})."),
            _tr("Triptych shows its own estimate, marked as one."),
        ),
        Reason.USAGE_MATCHES: (
            _tr("Reported {reported} input tokens; count_tokens says {counted}."),
            _tr("Nothing to do."),
        ),
        Reason.USAGE_INFLATED: (
            _tr(
                "Reported {reported} input tokens for a body count_tokens puts at {counted}: "
                "{extra} tokens more, as a hidden prompt would add."
            ),
            _tr("Costs shown for this provider follow its reports; treat them, and its answers, with care."),
        ),
        Reason.USAGE_UNDER: (
            _tr("Reported {reported} input tokens, fewer than the {counted} count_tokens gives."),
            _tr("Costs shown for this provider may be low."),
        ),
        Reason.NOTHING_TO_COMPARE: (
            _tr("Not checked: an earlier step gave nothing to compare."),
            _tr("Nothing to do."),
        ),
        Reason.CACHE_WORKS: (
            _tr("Wrote {written} tokens to the cache, then read {read}."),
            _tr("Cache savings are shown."),
        ),
        Reason.CACHE_FIELDS_MISSING: (
            _tr("Answers carry no cache fields at all: the provider drops them."),
            _tr("Costs cannot show what caching saved; the panel warns that caching is not reported here."),
        ),
        Reason.CACHE_NOT_WRITTEN: (
            _tr("A prefix marked for caching was not written to the cache."),
            _tr("The panel warns that caching does not work here."),
        ),
        Reason.CACHE_NOT_READ: (
            _tr("Wrote {written} tokens to the cache, but the same prefix again read none."),
            _tr("The panel warns that caching does not work here."),
        ),
        Reason.ERROR_SHAPED: (
            _tr("Refused an invalid request with {status} {type}."),
            _tr("Errors are worded by their type."),
        ),
        Reason.ERROR_MISSHAPEN: (
            _tr("Refused an invalid request with {status}, not in the API's error shape: {body}"),
            _tr("Errors from this provider are shown as they came."),
        ),
        Reason.INVALID_ACCEPTED: (
            _tr("Accepted a request the API refuses (no messages), with {status}."),
            _tr("Mistakes in settings may go unnoticed on this provider."),
        ),
        Reason.REQUEST_ID: (
            _tr("Answers carry a request-id."),
            _tr("Errors show it, for support."),
        ),
        Reason.RELAY_ID_ONLY: (
            _tr("No request-id, only the relay's own id ({headers})."),
            _tr("Errors show the relay's id."),
        ),
        Reason.NO_REQUEST_ID: (
            _tr("Answers carry no request id of any kind."),
            _tr("Errors cannot name the request."),
        ),
        Reason.FIRST_TOKEN_TIME: (
            _tr("The first text came after {seconds} s."),
            _tr("Nothing to do."),
        ),
        Reason.FIRST_TOKEN_SLOW: (
            _tr("The first text came after {seconds} s."),
            _tr("Replies will feel slow here."),
        ),
    }


def describe(finding: Finding) -> FindingWords:
    """What the finding means and what Triptych does, translated, with its facts filled in."""
    meaning, action = reason_words()[finding.reason]
    return FindingWords(fill(meaning, finding), fill(action, finding))

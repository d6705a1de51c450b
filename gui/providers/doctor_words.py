"""The provider check's words in the user's language: the same table as `core.doctor.wording`, through Qt's
translation (a test keeps the two covering the same checks and reasons)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from core.doctor.wording import FindingWords, fill
from core.model.provider_check import Check, Finding, Reason


def check_titles() -> Mapping[Check, str]:
    return {
        Check.MODELS: QCoreApplication.translate("DoctorWords", "Model list"),
        Check.STREAMED_TEXT: QCoreApplication.translate("DoctorWords", "Streamed text"),
        Check.WHOLE_TEXT: QCoreApplication.translate("DoctorWords", "Non-streamed text"),
        Check.SSE_STRUCTURE: QCoreApplication.translate("DoctorWords", "Event stream structure"),
        Check.MODEL_IDENTITY: QCoreApplication.translate("DoctorWords", "Model identity"),
        Check.THINKING: QCoreApplication.translate("DoctorWords", "Thinking signatures"),
        Check.TOOL_USE: QCoreApplication.translate("DoctorWords", "Tool use and results"),
        Check.COUNT_TOKENS: QCoreApplication.translate("DoctorWords", "Token counting"),
        Check.USAGE_HONESTY: QCoreApplication.translate("DoctorWords", "Usage honesty"),
        Check.CACHING: QCoreApplication.translate("DoctorWords", "Prompt caching"),
        Check.ERROR_SHAPE: QCoreApplication.translate("DoctorWords", "Error shape"),
        Check.HEADERS: QCoreApplication.translate("DoctorWords", "Request ids"),
        Check.FIRST_TOKEN: QCoreApplication.translate("DoctorWords", "Time to first token"),
    }


def reason_words() -> Mapping[Reason, tuple[str, str]]:
    return {
        Reason.MODELS_LISTED: (
            QCoreApplication.translate("DoctorWords", "Lists {count} models, {model} among them."),
            QCoreApplication.translate("DoctorWords", "The model picker offers them."),
        ),
        Reason.MODEL_NOT_LISTED: (
            QCoreApplication.translate("DoctorWords", "Lists {count} models, but not {model}."),
            QCoreApplication.translate(
                "DoctorWords",
                "The picker still offers the catalog's models; check the model name with the provider.",
            ),
        ),
        Reason.NO_MODEL_LIST: (
            QCoreApplication.translate("DoctorWords", "Has no model list (HTTP {status})."),
            QCoreApplication.translate("DoctorWords", "The picker offers Triptych's own catalog."),
        ),
        Reason.REQUEST_FAILED: (
            QCoreApplication.translate("DoctorWords", "The request failed: {error}"),
            QCoreApplication.translate("DoctorWords", "Nothing; fix the cause and check again."),
        ),
        Reason.TEXT_OK: (
            QCoreApplication.translate("DoctorWords", "Answered: “{text}”."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.NO_TEXT: (
            QCoreApplication.translate(
                "DoctorWords", "Answered without any text (stop reason {stop_reason})."
            ),
            QCoreApplication.translate("DoctorWords", "Replies may come out empty."),
        ),
        Reason.STREAM_VALID: (
            QCoreApplication.translate("DoctorWords", "{events} events, all in the protocol's order."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.STREAM_BROKEN: (
            QCoreApplication.translate(
                "DoctorWords", "{violations} breaks of the protocol; the first at event {position}: {first}"
            ),
            QCoreApplication.translate(
                "DoctorWords", "Triptych reads what it can and shows the break; replies may come out wrong."
            ),
        ),
        Reason.NOT_ANTHROPIC_STYLE: (
            QCoreApplication.translate("DoctorWords", "Not checked: the provider speaks the OpenAI style."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.MODEL_MATCHES: (
            QCoreApplication.translate("DoctorWords", "Answered as {returned}, the model asked for."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.MODEL_SWAPPED: (
            QCoreApplication.translate(
                "DoctorWords",
                "Asked for {requested}, answered as {returned}: the relay serves another model.",
            ),
            QCoreApplication.translate(
                "DoctorWords",
                "Triptych shows the model that answered in each reply's footer; comparisons on this "
                "provider measure that model.",
            ),
        ),
        Reason.UNKNOWN_STOP_REASON: (
            QCoreApplication.translate(
                "DoctorWords", "Ended with a stop reason the API does not have: {stop_reason}."
            ),
            QCoreApplication.translate("DoctorWords", "Triptych shows it as it came."),
        ),
        Reason.MAX_OUTPUT_REFUSED: (
            QCoreApplication.translate(
                "DoctorWords", "Refused max_tokens {max_tokens}, the model's own limit: {error}"
            ),
            QCoreApplication.translate("DoctorWords", "Keep max_tokens lower on this provider."),
        ),
        Reason.SIGNATURE_KEPT: (
            QCoreApplication.translate(
                "DoctorWords",
                "Thinking came with its signature, and a follow-up sending it back was accepted.",
            ),
            QCoreApplication.translate("DoctorWords", "Thinking works with tools here."),
        ),
        Reason.SIGNATURE_LOST: (
            QCoreApplication.translate(
                "DoctorWords", "Thinking came without its signature: the API refuses it when it is sent back."
            ),
            QCoreApplication.translate(
                "DoctorWords",
                "The parameter panel warns when thinking and tools are both on for this provider.",
            ),
        ),
        Reason.NO_THINKING: (
            QCoreApplication.translate("DoctorWords", "Thinking was asked for but none came back."),
            QCoreApplication.translate(
                "DoctorWords", "The parameter panel warns that thinking is dropped on this provider."
            ),
        ),
        Reason.THINKING_FOLLOW_UP_REFUSED: (
            QCoreApplication.translate(
                "DoctorWords", "The follow-up sending thinking back with a tool result was refused: {error}"
            ),
            QCoreApplication.translate(
                "DoctorWords",
                "The parameter panel warns when thinking and tools are both on for this provider.",
            ),
        ),
        Reason.MODEL_WITHOUT_THINKING: (
            QCoreApplication.translate("DoctorWords", "Not checked: {model} does not think."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.TOOL_ROUND_TRIP: (
            QCoreApplication.translate("DoctorWords", "Called {tool}, then answered from its result."),
            QCoreApplication.translate("DoctorWords", "Tools work here."),
        ),
        Reason.NO_TOOL_CALL: (
            QCoreApplication.translate(
                "DoctorWords", "A tool call was required, but none came (stop reason {stop_reason})."
            ),
            QCoreApplication.translate(
                "DoctorWords", "The parameter panel warns that tools may be ignored on this provider."
            ),
        ),
        Reason.TOOL_FOLLOW_UP_FAILED: (
            QCoreApplication.translate(
                "DoctorWords", "The tool was called, but the answer to its result failed: {error}"
            ),
            QCoreApplication.translate(
                "DoctorWords", "The parameter panel warns that tools may break on this provider."
            ),
        ),
        Reason.COUNTED: (
            QCoreApplication.translate("DoctorWords", "Counted {tokens} tokens."),
            QCoreApplication.translate("DoctorWords", "The composer shows counts from the provider."),
        ),
        Reason.NO_COUNT_TOKENS: (
            QCoreApplication.translate("DoctorWords", "Has no count_tokens (HTTP {status})."),
            QCoreApplication.translate("DoctorWords", "Triptych shows its own estimate, marked as one."),
        ),
        Reason.USAGE_MATCHES: (
            QCoreApplication.translate(
                "DoctorWords", "Reported {reported} input tokens; count_tokens says {counted}."
            ),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.USAGE_INFLATED: (
            QCoreApplication.translate(
                "DoctorWords",
                "Reported {reported} input tokens for a body count_tokens puts at {counted}: "
                "{extra} tokens more, as a hidden prompt would add.",
            ),
            QCoreApplication.translate(
                "DoctorWords",
                "Costs shown for this provider follow its reports; treat them, and its answers, with care.",
            ),
        ),
        Reason.USAGE_UNDER: (
            QCoreApplication.translate(
                "DoctorWords",
                "Reported {reported} input tokens, fewer than the {counted} count_tokens gives.",
            ),
            QCoreApplication.translate("DoctorWords", "Costs shown for this provider may be low."),
        ),
        Reason.NOTHING_TO_COMPARE: (
            QCoreApplication.translate(
                "DoctorWords", "Not checked: an earlier step gave nothing to compare."
            ),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.CACHE_WORKS: (
            QCoreApplication.translate(
                "DoctorWords", "Wrote {written} tokens to the cache, then read {read}."
            ),
            QCoreApplication.translate("DoctorWords", "Cache savings are shown."),
        ),
        Reason.CACHE_FIELDS_MISSING: (
            QCoreApplication.translate(
                "DoctorWords", "Answers carry no cache fields at all: the provider drops them."
            ),
            QCoreApplication.translate(
                "DoctorWords",
                "Costs cannot show what caching saved; the panel warns that caching is not reported here.",
            ),
        ),
        Reason.CACHE_NOT_WRITTEN: (
            QCoreApplication.translate(
                "DoctorWords", "A prefix marked for caching was not written to the cache."
            ),
            QCoreApplication.translate("DoctorWords", "The panel warns that caching does not work here."),
        ),
        Reason.CACHE_NOT_READ: (
            QCoreApplication.translate(
                "DoctorWords", "Wrote {written} tokens to the cache, but the same prefix again read none."
            ),
            QCoreApplication.translate("DoctorWords", "The panel warns that caching does not work here."),
        ),
        Reason.ERROR_SHAPED: (
            QCoreApplication.translate("DoctorWords", "Refused an invalid request with {status} {type}."),
            QCoreApplication.translate("DoctorWords", "Errors are worded by their type."),
        ),
        Reason.ERROR_MISSHAPEN: (
            QCoreApplication.translate(
                "DoctorWords",
                "Refused an invalid request with {status}, not in the API's error shape: {body}",
            ),
            QCoreApplication.translate("DoctorWords", "Errors from this provider are shown as they came."),
        ),
        Reason.INVALID_ACCEPTED: (
            QCoreApplication.translate(
                "DoctorWords", "Accepted a request the API refuses (no messages), with {status}."
            ),
            QCoreApplication.translate(
                "DoctorWords", "Mistakes in settings may go unnoticed on this provider."
            ),
        ),
        Reason.REQUEST_ID: (
            QCoreApplication.translate("DoctorWords", "Answers carry a request-id."),
            QCoreApplication.translate("DoctorWords", "Errors show it, for support."),
        ),
        Reason.RELAY_ID_ONLY: (
            QCoreApplication.translate("DoctorWords", "No request-id, only the relay's own id ({headers})."),
            QCoreApplication.translate("DoctorWords", "Errors show the relay's id."),
        ),
        Reason.NO_REQUEST_ID: (
            QCoreApplication.translate("DoctorWords", "Answers carry no request id of any kind."),
            QCoreApplication.translate("DoctorWords", "Errors cannot name the request."),
        ),
        Reason.FIRST_TOKEN_TIME: (
            QCoreApplication.translate("DoctorWords", "The first text came after {seconds} s."),
            QCoreApplication.translate("DoctorWords", "Nothing to do."),
        ),
        Reason.FIRST_TOKEN_SLOW: (
            QCoreApplication.translate("DoctorWords", "The first text came after {seconds} s."),
            QCoreApplication.translate("DoctorWords", "Replies will feel slow here."),
        ),
    }


def describe(finding: Finding) -> FindingWords:
    """What the finding means and what Triptych does, translated, with its facts filled in."""
    meaning, action = reason_words()[finding.reason]
    return FindingWords(fill(meaning, finding), fill(action, finding))

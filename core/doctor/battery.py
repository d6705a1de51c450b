"""The doctor's battery: small real requests through Triptych's own client, each judged as one finding.

Every request goes through `ApiClient`, the code path a conversation takes, so a finding says what
Triptych gets from this provider, not what some other client would. Requests are tiny (a few output
tokens) except the caching pair, whose prefix must be long enough to be cached at all; `planned_requests`
lists them for the cost preview.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.api.client import ApiClient
from core.api.reply import ReplyResult
from core.doctor.plan import (
    CACHED_PREFIX_LINES,
    LOOKUP_TOOL,
    SHORT_PROMPT,
    TOOL_PROMPT,
    cached_prefix,
    thinking_for,
)
from core.model.catalog import lookup, price_for
from core.model.messages import AssistantMessage, ChatMessage, ContentBlock
from core.model.pricing import cost_usd
from core.model.provider_check import Check, DoctorReport, Finding, Reason, Verdict
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError, ApiStatusError
from core.wire.sse import SSEDecoder
from core.wire.stream_check import check_stream

STOP_REASONS = frozenset(
    {
        "end_turn",
        "max_tokens",
        "stop_sequence",
        "tool_use",
        "pause_turn",
        "refusal",
        "model_context_window_exceeded",
    }
)
# The ids relays put on their answers when they drop (or never had) Anthropic's `request-id`.
RELAY_ID_HEADERS = (
    "x-request-id",
    "x-litellm-call-id",
    "x-oneapi-request-id",
    "x-new-api-request-id",
    "openai-request-id",
    "x-amzn-requestid",
    "cf-ray",
)
SLOW_FIRST_TOKEN_SECONDS = 10.0
# count_tokens is documented as an estimate: a few tokens either way is honest; hidden prompts are hundreds.
USAGE_SLACK_TOKENS = 16
USAGE_SLACK_SHARE = 0.05

FindingSink = Callable[[Finding], None]


@dataclass
class _Run:
    client: ApiClient
    model: str
    report: Callable[[Finding], None]
    spent: list[ReplyResult]
    listed_max_tokens: int | None = None
    """The model's max output as the provider's own model list gives it, if it does."""

    async def send(self, messages: list[ChatMessage], settings: RequestSettings) -> ReplyResult:
        result = await self.client.send(messages, settings)
        self.spent.append(result)
        return result

    def settings(self, **fields: Any) -> RequestSettings:
        fields.setdefault("max_tokens", 32)
        return RequestSettings(model=self.model, **fields)


async def run_doctor(
    client: ApiClient, model: str, *, on_finding: FindingSink | None = None, profile_name: str = ""
) -> DoctorReport:
    """Run every check against `client`'s provider with `model`; `on_finding` hears each as it lands."""
    findings: list[Finding] = []

    def report(found: Finding) -> None:
        findings.append(found)
        if on_finding is not None:
            on_finding(found)

    run = _Run(client, model, report, [])
    started = time.time()
    await _models(run)
    streamed = await _text(run, stream=True)
    whole = await _text(run, stream=False)
    _sse_structure(run, streamed)
    answered = [result for result in (streamed, whole) if result is not None and result.complete]
    await _model_identity(run, answered)
    await _thinking(run)
    await _tool_use(run)
    counted = await _count_tokens(run)
    _usage_honesty(run, streamed if streamed is not None and streamed.complete else None, counted)
    await _caching(run)
    await _error_shape(run)
    _headers(run, streamed or whole)
    _first_token(run, streamed)
    return DoctorReport(
        profile_name=profile_name or client.profile.name,
        api_style=client.profile.api_style,
        host=_host_of(client),
        model=model,
        started_at=started,
        findings=tuple(findings),
        cost_usd=_spent(run),
    )


def _host_of(client: ApiClient) -> str:
    root = client.profile.api_root
    return root.split("://", 1)[-1].split("/", 1)[0]


def _spent(run: _Run) -> float | None:
    price = price_for(run.model, run.client.profile.price_overrides)
    if price is None:
        return None
    return sum(cost_usd(result.message.usage, price) for result in run.spent if result.message is not None)


def _failed(check: Check, error: ApiError | Exception) -> Finding:
    return Finding(check, Verdict.FAIL, Reason.REQUEST_FAILED, {"error": _short(str(error))})


def _short(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _text_of(message: AssistantMessage) -> str:
    return "".join(str(block.get("text", "")) for block in message.content if block.get("type") == "text")


# --- the checks ---------------------------------------------------------------------------------------


async def _models(run: _Run) -> None:
    try:
        models = await run.client.list_models()
    except ApiStatusError as error:
        if error.status in (404, 405):
            run.report(Finding(Check.MODELS, Verdict.WARN, Reason.NO_MODEL_LIST, {"status": error.status}))
        else:
            run.report(_failed(Check.MODELS, error))
        return
    except ApiError as error:
        run.report(_failed(Check.MODELS, error))
        return
    ids = {model.id for model in models}
    run.listed_max_tokens = next((m.max_tokens for m in models if m.id == run.model and m.max_tokens), None)
    facts: dict[str, str | int | float] = {"count": len(models), "model": run.model}
    info = lookup(run.model)
    known_as = {run.model, *(info.aliases if info else ()), *((info.id,) if info else ())}
    if ids & known_as:
        run.report(Finding(Check.MODELS, Verdict.OK, Reason.MODELS_LISTED, facts))
    else:
        run.report(Finding(Check.MODELS, Verdict.WARN, Reason.MODEL_NOT_LISTED, facts))


async def _text(run: _Run, *, stream: bool) -> ReplyResult | None:
    check = Check.STREAMED_TEXT if stream else Check.WHOLE_TEXT
    result = await run.send([ChatMessage.user_text(SHORT_PROMPT)], run.settings(stream=stream))
    if result.error is not None or result.message is None:
        run.report(_failed(check, result.error or RuntimeError("no reply")))
        return result  # what arrived still shows the stream's structure
    text = _text_of(result.message)
    if not text.strip():
        run.report(
            Finding(check, Verdict.FAIL, Reason.NO_TEXT, {"stop_reason": result.message.stop_reason or ""})
        )
    else:
        run.report(Finding(check, Verdict.OK, Reason.TEXT_OK, {"text": _short(text, 80)}))
    return result


def _sse_structure(run: _Run, streamed: ReplyResult | None) -> None:
    if run.client.profile.api_style != "anthropic":
        run.report(Finding(Check.SSE_STRUCTURE, Verdict.SKIPPED, Reason.NOT_ANTHROPIC_STYLE))
        return
    exchange = streamed.exchange if streamed is not None else None
    if exchange is None or not exchange.response_body:
        run.report(Finding(Check.SSE_STRUCTURE, Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE))
        return
    decoder = SSEDecoder()
    events = decoder.feed(exchange.response_body) + decoder.flush()
    parsed: list[tuple[str | None, dict[str, Any]]] = []
    for event in events:
        try:
            data = json.loads(event.data)
        except ValueError:
            data = {"unparsed": event.data}
        parsed.append((event.event, data if isinstance(data, dict) else {"unparsed": event.data}))
    checked = check_stream(parsed)
    if checked.valid:
        run.report(Finding(Check.SSE_STRUCTURE, Verdict.OK, Reason.STREAM_VALID, {"events": len(parsed)}))
    else:
        first = checked.violations[0]
        facts: dict[str, str | int | float] = {
            "violations": len(checked.violations),
            "first": _short(first.message),
            "position": first.position,
        }
        run.report(Finding(Check.SSE_STRUCTURE, Verdict.FAIL, Reason.STREAM_BROKEN, facts))


def same_model(requested: str, returned: str) -> bool:
    """Whether `returned` is the model asked for: itself, a dated snapshot of the alias asked for, or one of
    the catalog's names for it."""
    if returned == requested or returned.startswith(requested + "-"):
        return True
    info = lookup(requested)
    names = {info.id, *info.aliases} if info else set()
    return returned in names or any(returned.startswith(name + "-") for name in names)


async def _model_identity(run: _Run, results: list[ReplyResult]) -> None:
    messages = [result.message for result in results if result.message is not None]
    if not messages:
        run.report(Finding(Check.MODEL_IDENTITY, Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE))
        return
    for message in messages:
        if not same_model(run.model, message.model):
            facts: dict[str, str | int | float] = {"requested": run.model, "returned": message.model}
            run.report(Finding(Check.MODEL_IDENTITY, Verdict.FAIL, Reason.MODEL_SWAPPED, facts))
            return
    for message in messages:
        if message.stop_reason not in STOP_REASONS:
            facts = {"stop_reason": message.stop_reason or "(none)"}
            run.report(Finding(Check.MODEL_IDENTITY, Verdict.WARN, Reason.UNKNOWN_STOP_REASON, facts))
            return
    info = lookup(run.model)
    longest = run.listed_max_tokens or (info.max_output_tokens if info else None)
    if longest is not None:
        # The model's longest output (as the provider lists it, else as the catalog knows it), asked for
        # but not generated (the prompt wants one word): a relay capping max_tokens below it refuses.
        asked = await run.send([ChatMessage.user_text(SHORT_PROMPT)], run.settings(max_tokens=longest))
        if isinstance(asked.error, ApiStatusError) and asked.error.status == 400:
            facts = {"max_tokens": longest, "error": _short(str(asked.error))}
            run.report(Finding(Check.MODEL_IDENTITY, Verdict.WARN, Reason.MAX_OUTPUT_REFUSED, facts))
            return
    run.report(
        Finding(Check.MODEL_IDENTITY, Verdict.OK, Reason.MODEL_MATCHES, {"returned": messages[0].model})
    )


async def _thinking(run: _Run) -> None:
    thinking = thinking_for(run.model)
    if thinking is None:
        run.report(
            Finding(Check.THINKING, Verdict.SKIPPED, Reason.MODEL_WITHOUT_THINKING, {"model": run.model})
        )
        return
    settings = run.settings(thinking=thinking, max_tokens=2048, tools=[LOOKUP_TOOL])
    asked = [ChatMessage.user_text(TOOL_PROMPT)]
    first = await run.send(asked, settings)
    if first.error is not None or first.message is None:
        run.report(_failed(Check.THINKING, first.error or RuntimeError("no reply")))
        return
    blocks = [
        block for block in first.message.content if block.get("type") in ("thinking", "redacted_thinking")
    ]
    if not blocks:
        run.report(Finding(Check.THINKING, Verdict.WARN, Reason.NO_THINKING))
        return
    unsigned = [
        block for block in blocks if block.get("type") == "thinking" and not str(block.get("signature") or "")
    ]
    if unsigned:
        run.report(Finding(Check.THINKING, Verdict.FAIL, Reason.SIGNATURE_LOST, {"blocks": len(blocks)}))
        return
    calls = [block for block in first.message.content if block.get("type") == "tool_use"]
    if calls:
        # The follow-up the real API refuses when a signature was altered: thinking sent back with a result.
        follow_up = await run.send(asked + _answered(first.message, calls), settings)
        if follow_up.error is not None:
            run.report(
                Finding(
                    Check.THINKING,
                    Verdict.FAIL,
                    Reason.THINKING_FOLLOW_UP_REFUSED,
                    {"error": _short(str(follow_up.error))},
                )
            )
            return
    run.report(
        Finding(
            Check.THINKING,
            Verdict.OK,
            Reason.SIGNATURE_KEPT,
            {"blocks": len(blocks), "follow_up": len(calls)},
        )
    )


def _answered(message: AssistantMessage, calls: list[ContentBlock]) -> list[ChatMessage]:
    """The assistant's turn as it came, then a user turn answering each of its tool calls."""
    results: list[ContentBlock] = [
        {"type": "tool_result", "tool_use_id": str(call.get("id")), "content": "A three-panelled picture."}
        for call in calls
    ]
    return [
        ChatMessage(role="assistant", content=list(message.content)),
        ChatMessage(role="user", content=results),
    ]


async def _tool_use(run: _Run) -> None:
    settings = run.settings(
        max_tokens=256, tools=[LOOKUP_TOOL], tool_choice={"type": "tool", "name": LOOKUP_TOOL["name"]}
    )
    asked = [ChatMessage.user_text(TOOL_PROMPT)]
    first = await run.send(asked, settings)
    if first.error is not None or first.message is None:
        run.report(_failed(Check.TOOL_USE, first.error or RuntimeError("no reply")))
        return
    calls = [block for block in first.message.content if block.get("type") == "tool_use"]
    if not calls:
        facts: dict[str, str | int | float] = {"stop_reason": first.message.stop_reason or ""}
        run.report(Finding(Check.TOOL_USE, Verdict.FAIL, Reason.NO_TOOL_CALL, facts))
        return
    follow_up = await run.send(
        asked + _answered(first.message, calls), run.settings(max_tokens=256, tools=[LOOKUP_TOOL])
    )
    if follow_up.error is not None or follow_up.message is None or not _text_of(follow_up.message).strip():
        error = follow_up.error or "no text after the tool result"
        run.report(
            Finding(Check.TOOL_USE, Verdict.FAIL, Reason.TOOL_FOLLOW_UP_FAILED, {"error": _short(str(error))})
        )
        return
    run.report(
        Finding(Check.TOOL_USE, Verdict.OK, Reason.TOOL_ROUND_TRIP, {"tool": str(calls[0].get("name"))})
    )


async def _count_tokens(run: _Run) -> int | None:
    try:
        counted = await run.client.count_tokens([ChatMessage.user_text(SHORT_PROMPT)], run.settings())
    except ApiStatusError as error:
        if error.status in (404, 405, 501):
            run.report(
                Finding(Check.COUNT_TOKENS, Verdict.WARN, Reason.NO_COUNT_TOKENS, {"status": error.status})
            )
        else:
            run.report(_failed(Check.COUNT_TOKENS, error))
        return None
    except ApiError as error:
        run.report(_failed(Check.COUNT_TOKENS, error))
        return None
    run.report(Finding(Check.COUNT_TOKENS, Verdict.OK, Reason.COUNTED, {"tokens": counted}))
    return counted


def _usage_honesty(run: _Run, streamed: ReplyResult | None, counted: int | None) -> None:
    if streamed is None or streamed.message is None or not counted:
        run.report(Finding(Check.USAGE_HONESTY, Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE))
        return
    usage = streamed.message.usage
    reported = (
        usage.input_tokens + (usage.cache_creation_input_tokens or 0) + (usage.cache_read_input_tokens or 0)
    )
    slack = max(USAGE_SLACK_TOKENS, int(counted * USAGE_SLACK_SHARE))
    facts: dict[str, str | int | float] = {
        "reported": reported,
        "counted": counted,
        "extra": reported - counted,
    }
    if reported > counted + slack:
        run.report(Finding(Check.USAGE_HONESTY, Verdict.FAIL, Reason.USAGE_INFLATED, facts))
    elif reported < counted - slack:
        run.report(Finding(Check.USAGE_HONESTY, Verdict.WARN, Reason.USAGE_UNDER, facts))
    else:
        run.report(Finding(Check.USAGE_HONESTY, Verdict.OK, Reason.USAGE_MATCHES, facts))


async def _caching(run: _Run) -> None:
    if run.client.profile.api_style != "anthropic":
        # The OpenAI style has no cache_control to send nor cache fields to read back: nothing to judge.
        run.report(Finding(Check.CACHING, Verdict.SKIPPED, Reason.NOT_ANTHROPIC_STYLE))
        return
    # A fresh nonce: a prefix cached by an earlier run would make the first request a read, not a write.
    system = cached_prefix(secrets.token_hex(8))
    settings = run.settings(system=[{"type": "text", "text": system, "cache_control": {"type": "ephemeral"}}])
    asked = [ChatMessage.user_text(SHORT_PROMPT)]
    results: list[ReplyResult] = []
    for _ in range(2):
        result = await run.send(asked, settings)
        if result.error is not None or result.message is None:
            run.report(_failed(Check.CACHING, result.error or RuntimeError("no reply")))
            return
        results.append(result)
    first, second = (result.message.usage for result in results if result.message is not None)
    facts: dict[str, str | int | float] = {
        "written": first.cache_creation_input_tokens or 0,
        "read": second.cache_read_input_tokens or 0,
        "lines": CACHED_PREFIX_LINES,
    }
    if first.cache_creation_input_tokens is None and second.cache_read_input_tokens is None:
        run.report(Finding(Check.CACHING, Verdict.FAIL, Reason.CACHE_FIELDS_MISSING, facts))
    elif not (first.cache_creation_input_tokens or first.cache_read_input_tokens):
        run.report(Finding(Check.CACHING, Verdict.WARN, Reason.CACHE_NOT_WRITTEN, facts))
    elif not second.cache_read_input_tokens:
        run.report(Finding(Check.CACHING, Verdict.WARN, Reason.CACHE_NOT_READ, facts))
    else:
        run.report(Finding(Check.CACHING, Verdict.OK, Reason.CACHE_WORKS, facts))


async def _error_shape(run: _Run) -> None:
    """A request the API must refuse (no messages): is the refusal a 400 in the API's error shape?"""
    path = "messages" if run.client.profile.api_style == "anthropic" else "chat/completions"
    body: dict[str, Any] = {"model": run.model, "max_tokens": 16, "messages": []}
    try:
        response = await run.client.open(path, body)
    except ApiStatusError as error:
        shaped = _error_type_of(error.body)
        facts: dict[str, str | int | float] = {
            "status": error.status,
            "type": shaped or "",
            "body": _short(error.body, 160),
        }
        if 400 <= error.status < 500 and shaped:
            run.report(Finding(Check.ERROR_SHAPE, Verdict.OK, Reason.ERROR_SHAPED, facts))
        else:
            run.report(Finding(Check.ERROR_SHAPE, Verdict.WARN, Reason.ERROR_MISSHAPEN, facts))
        return
    except ApiError as error:
        run.report(_failed(Check.ERROR_SHAPE, error))
        return
    await response.aclose()
    run.report(
        Finding(Check.ERROR_SHAPE, Verdict.WARN, Reason.INVALID_ACCEPTED, {"status": response.status_code})
    )


def _error_type_of(body: str) -> str | None:
    """The `error.type` of an Anthropic (or OpenAI-style) error body, if it has that shape."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    error = data.get("error") if isinstance(data, dict) else None
    kind = error.get("type") if isinstance(error, dict) else None
    return kind if isinstance(kind, str) and kind else None


def _headers(run: _Run, result: ReplyResult | None) -> None:
    exchange = result.exchange if result is not None else None
    if exchange is None:
        run.report(Finding(Check.HEADERS, Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE))
        return
    headers = {name.lower() for name in exchange.response_headers}
    if "request-id" in headers:
        run.report(Finding(Check.HEADERS, Verdict.OK, Reason.REQUEST_ID))
        return
    relay_ids = [name for name in RELAY_ID_HEADERS if name in headers]
    if relay_ids:
        run.report(
            Finding(Check.HEADERS, Verdict.WARN, Reason.RELAY_ID_ONLY, {"headers": ", ".join(relay_ids)})
        )
    else:
        run.report(Finding(Check.HEADERS, Verdict.WARN, Reason.NO_REQUEST_ID))


def _first_token(run: _Run, streamed: ReplyResult | None) -> None:
    seconds = streamed.metrics.time_to_first_token if streamed is not None else None
    if seconds is None:
        run.report(Finding(Check.FIRST_TOKEN, Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE))
        return
    facts: dict[str, str | int | float] = {"seconds": round(seconds, 3)}
    if seconds > SLOW_FIRST_TOKEN_SECONDS:
        run.report(Finding(Check.FIRST_TOKEN, Verdict.WARN, Reason.FIRST_TOKEN_SLOW, facts))
    else:
        run.report(Finding(Check.FIRST_TOKEN, Verdict.OK, Reason.FIRST_TOKEN_TIME, facts))

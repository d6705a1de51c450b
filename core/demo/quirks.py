"""Relay quirk profiles: what real relays change on the way, each visible on the wire.

`FakeServer(quirks=...)` answers as the API would through a relay with these habits; the default, FAITHFUL,
changes nothing. Each profile is modelled on behaviour a public relay's code, docs or issues document (the
source is in its docstring), and each is observable from outside with ordinary requests, so a check of a
provider (the relay doctor) can tell it apart from a faithful one:

| profile               | what a client sees                                                              |
|-----------------------|---------------------------------------------------------------------------------|
| HEADERS_RENAMED       | no `retry-after` nor `request-id`; `llm_provider-…` forms and `x-litellm-call-id` |
| OVERLOADED_AS_500     | an overloaded model answers 500, `overloaded_error` only inside the message text |
| SIGNATURES_STRIPPED   | OpenAI route: `reasoning_content` only, no `thinking_blocks` with signatures     |
| CUT_THEN_ERROR        | streams cut mid-event, then the relay's `ping` and `error` events, then the end  |
| MODEL_REWRITTEN       | replies name another model than the one asked for                              |
| USAGE_INFLATED        | `input_tokens` above what `count_tokens` says for the same body                  |
| CACHE_FIELDS_DROPPED  | usage without `cache_read_input_tokens` / `cache_creation_input_tokens`          |
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from core.model.messages import AssistantMessage

RELAY_CALL_ID = "x-litellm-call-id"
UPSTREAM_CUT_MESSAGE = (
    "litellm.APIConnectionError: AnthropicException - peer closed connection without sending complete "
    "message body (incomplete chunked read)"
)
"""What LiteLLM says when its upstream's stream breaks (quoted in kortix-ai/suna#66)."""


@dataclass(frozen=True)
class Quirks:
    """What a relay changes. Every field's default leaves the answer as the API gave it."""

    name: str = "faithful"
    source: str = ""
    """Where the behaviour is documented (a repository path, an issue or a page)."""
    header_renames: Mapping[str, str | None] = field(default_factory=dict)
    """Response headers renamed (`{"retry-after": "llm_provider-retry-after"}`), or dropped (None)."""
    relay_id_header: str | None = None
    """A header the relay adds to every answer, holding its own id for the call."""
    overloaded_as_500: bool = False
    strip_thinking_signatures: bool = False
    """On the OpenAI route: thinking as `reasoning_content` only, the signed `thinking_blocks` left out."""
    cut_streams_after_deltas: int | None = None
    """Every streamed reply is cut inside the event after this many deltas, as an upstream that broke."""
    error_after_cut: bool = False
    """After a cut mid-event the relay keeps the connection: its own ping and error events follow the half
    event (with no line end between them), then the stream ends cleanly."""
    served_model: str | None = None
    hidden_prompt_tokens: int = 0
    drop_cache_fields: bool = False

    def reply(self, message: AssistantMessage) -> AssistantMessage:
        """The message as the relay hands it on: another model named, usage changed."""
        usage = message.usage
        if self.hidden_prompt_tokens:
            usage = dataclasses.replace(usage, input_tokens=usage.input_tokens + self.hidden_prompt_tokens)
        if self.drop_cache_fields:
            usage = dataclasses.replace(
                usage, cache_creation_input_tokens=None, cache_read_input_tokens=None, cache_creation=None
            )
        return dataclasses.replace(message, model=self.served_model or message.model, usage=usage)

    def headers(self, headers: Mapping[str, str], call_id: str) -> dict[str, str]:
        """The response headers after the relay's renames, with its own id added."""
        out: dict[str, str] = {}
        for name, value in headers.items():
            renamed = self.header_renames.get(name.lower(), name)
            if renamed is not None:
                out[renamed] = value
        if self.relay_id_header:
            out[self.relay_id_header] = call_id
        return out


def overloaded_500_body(message: str) -> bytes:
    """LiteLLM's answer for an upstream 529: its exception mapping raises InternalServerError (500) and the
    proxy writes the upstream's body into the message, with a null type."""
    upstream = json.dumps(
        {"type": "error", "error": {"type": "overloaded_error", "message": message}}, separators=(",", ":")
    )
    error = {
        "message": f"litellm.InternalServerError: AnthropicException - {upstream}",
        "type": None,
        "param": None,
        "code": "500",
    }
    return json.dumps({"error": error}).encode()


FAITHFUL = Quirks()

HEADERS_RENAMED = Quirks(
    name="headers renamed",
    source=(
        "BerriAI/litellm litellm/litellm_core_utils/llm_response_utils/get_headers.py (every upstream header "
        "forwarded as llm_provider-<name>); BerriAI/litellm#21553 (only llm_provider-retry-after reaches the "
        "client); BerriAI/litellm#27823 (x-litellm-call-id on every answer)"
    ),
    header_renames={
        "retry-after": "llm_provider-retry-after",
        "retry-after-ms": "llm_provider-retry-after-ms",
        "request-id": "llm_provider-request-id",
    },
    relay_id_header=RELAY_CALL_ID,
)

OVERLOADED_AS_500 = Quirks(
    name="529 as 500",
    source=(
        "BerriAI/litellm litellm/litellm_core_utils/exception_mapping_utils.py, as quoted in "
        "SWE-agent/mini-swe-agent#184: `litellm.InternalServerError: AnthropicError - "
        '{"type":"error","error":{"type":"overloaded_error",...}}`'
    ),
    header_renames={"request-id": None},
    relay_id_header=RELAY_CALL_ID,
    overloaded_as_500=True,
)

SIGNATURES_STRIPPED = Quirks(
    name="thinking signatures stripped (OpenAI route)",
    source=(
        "BerriAI/litellm#29428 (streamed thinking_blocks have empty signatures: none can be sent back); "
        "strands-agents/harness-sdk#1789 (a client reading only reasoning_content loses the signature)"
    ),
    strip_thinking_signatures=True,
)

CUT_THEN_ERROR = Quirks(
    name="cut mid-event, then an error event",
    source=(
        "BerriAI/litellm#32159 (the relay ends a stream its upstream cut with its own `error` event); "
        "BerriAI/litellm#4562 (the error event's shape); kortix-ai/suna#66 (the message for a cut upstream)"
    ),
    cut_streams_after_deltas=3,
    error_after_cut=True,
)

MODEL_REWRITTEN = Quirks(
    name="model rewritten",
    source=(
        "farion1231/cc-switch#2877 (a relay served another model than the one configured); "
        "farion1231/cc-switch#1535 (the model named differs from the one the upstream ran)"
    ),
    served_model="claude-haiku-4-5-20251001",
)

USAGE_INFLATED = Quirks(
    name="usage inflated",
    source=(
        "toby-bridges/api-relay-audit (its token-injection step: input tokens reported minus those of the "
        "prompt sent reveal a hidden prompt), after the papers it cites, 'Your Agent Is Mine' and 'Real "
        "Money, Fake Models'"
    ),
    hidden_prompt_tokens=1200,
)

CACHE_FIELDS_DROPPED = Quirks(
    name="cache fields dropped",
    source=(
        "sgl-project/sglang#20754 (an Anthropic-compatible server reporting no cache_read_input_tokens); "
        "sgl-project/sglang#21902 (the fix that adds them)"
    ),
    drop_cache_fields=True,
)

PROFILES: tuple[Quirks, ...] = (
    FAITHFUL,
    HEADERS_RENAMED,
    OVERLOADED_AS_500,
    SIGNATURES_STRIPPED,
    CUT_THEN_ERROR,
    MODEL_REWRITTEN,
    USAGE_INFLATED,
    CACHE_FIELDS_DROPPED,
)

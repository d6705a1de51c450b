"""Headers that relays rename or add: which one names the request when `request-id` is not there.

LiteLLM's proxy forwards every upstream header under an `llm_provider-` prefix (its
`litellm/litellm_core_utils/llm_response_utils/get_headers.py`), so the API's `request-id` arrives as
`llm_provider-request-id`, and adds its own `x-litellm-call-id` to every answer (BerriAI/litellm#27823 shows
one on a 429). Other gateways name the request `x-request-id` (nginx, Envoy) or `x-oneapi-request-id`
(one-api and its forks).
"""

from __future__ import annotations

from collections.abc import Mapping

REQUEST_ID_HEADERS = (
    "request-id",
    "llm_provider-request-id",
    "x-request-id",
    "x-litellm-call-id",
    "x-oneapi-request-id",
)
"""In order of preference: the API's own id first (it is what Anthropic's support can look up), then the
API's id as a relay forwarded it, then the relay's own ids."""


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The id that names this request, from the first of REQUEST_ID_HEADERS the answer has. `headers` may
    be httpx's (case-insensitive) or a dict with lower-case names."""
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None

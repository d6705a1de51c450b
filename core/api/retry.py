"""When to try a request again, and how long to wait first (the SDK's policy, bounded and cancellable).

Relays rarely pass `retry-after` on as it came: LiteLLM's proxy forwards every upstream header under an
`llm_provider-` prefix (BerriAI/litellm#21553: only `llm_provider-retry-after` reaches the client), its own
429s for a cooled-down deployment carry none at all (BerriAI/litellm#27823), and OpenAI-style servers say
when a limit resets in `x-ratelimit-reset-requests` / `-tokens` (`1s`, `6m0s`). Every such form is read.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from time import time

from core.wire.errors import OVERLOADED, ApiConnectionError, ApiError, ApiStatusError

_RETRYABLE_STATUSES = frozenset({408, 409, 429})
_THROTTLING_STATUSES = frozenset({429, 503, 529})
_LONGEST_HONOURED_WAIT = 60.0

_RELAY_PREFIXES = ("", "llm_provider-", "x-")
"""`retry-after` as sent, as LiteLLM forwards it, and as some gateways rename it."""
_RESET_HEADERS = (
    "x-ratelimit-reset-requests",
    "x-ratelimit-reset-tokens",
    "llm_provider-x-ratelimit-reset-requests",
    "llm_provider-x-ratelimit-reset-tokens",
    "anthropic-ratelimit-requests-reset",
    "anthropic-ratelimit-tokens-reset",
    "anthropic-ratelimit-input-tokens-reset",
    "anthropic-ratelimit-output-tokens-reset",
    "llm_provider-anthropic-ratelimit-requests-reset",
    "llm_provider-anthropic-ratelimit-tokens-reset",
    "llm_provider-anthropic-ratelimit-input-tokens-reset",
    "llm_provider-anthropic-ratelimit-output-tokens-reset",
)
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    throttled_initial_delay: float = 3.0
    """The first wait after a 429, 503 or overloaded answer that names no wait. A relay keeps a deployment
    that failed in a cooldown, 5 s by default in LiteLLM's router (`DEFAULT_COOLDOWN_TIME_SECONDS`): waits of
    0.5 s and 1 s would spend every retry inside it, 3 s and 6 s do not."""

    def delay(self, retries_made: int, retry_after: float | None, *, throttled: bool = False) -> float:
        """The server's retry-after when it is sane (0 < d <= 60 s), else exponential backoff with jitter;
        a throttled answer without a wait backs off from `throttled_initial_delay`, never less."""
        if retry_after is not None and 0 < retry_after <= _LONGEST_HONOURED_WAIT:
            return retry_after
        if throttled:
            # Jitter upwards only: a shorter wait could fall back inside the cooldown.
            longer: float = min(self.throttled_initial_delay * 2**retries_made, self.max_delay)
            return longer * (1 + 0.25 * random.random())
        backoff: float = min(self.initial_delay * 2**retries_made, self.max_delay)
        return backoff * (1 - 0.25 * random.random())


def is_retryable(error: ApiError) -> bool:
    """Only errors that happened before any output: the caller never asks after the reply began."""
    if isinstance(error, ApiConnectionError):
        return True
    if isinstance(error, ApiStatusError):
        if error.should_retry in ("true", "false"):
            return error.should_retry == "true"
        return error.status in _RETRYABLE_STATUSES or error.status >= 500
    return False


def is_throttled(error: ApiError) -> bool:
    """Too many requests, or the model overloaded, however the status was rewritten on the way."""
    return isinstance(error, ApiStatusError) and (
        error.status in _THROTTLING_STATUSES or error.error_type == OVERLOADED
    )


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait, from `retry-after-ms`, or `retry-after` as seconds or as an HTTP date, each also
    under the names relays give them; else from when the exhausted rate limit resets (the latest of the
    reset headers given). `headers` has lower-case names."""
    for prefix in _RELAY_PREFIXES:
        millis = _number(headers.get(f"{prefix}retry-after-ms"))
        if millis is not None:
            return millis / 1000
        value = headers.get(f"{prefix}retry-after")
        if value:
            seconds = _number(value)
            if seconds is not None:
                return seconds
            try:
                return parsedate_to_datetime(value).timestamp() - time()
            except (TypeError, ValueError):
                pass
    resets = [_reset_seconds(headers[name]) for name in _RESET_HEADERS if headers.get(name)]
    known = [seconds for seconds in resets if seconds is not None]
    return max(known) if known else None


def _number(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _reset_seconds(value: str) -> float | None:
    """`12`, `1s`, `6m0s`, `20ms` (OpenAI's reset durations) or an RFC 3339 time (Anthropic's resets)."""
    seconds = _number(value)
    if seconds is not None:
        return seconds
    text = value.strip()
    parts = _DURATION_PART.findall(text)
    if parts and "".join(number + unit for number, unit in parts) == text:
        return sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() - time()
    except ValueError:
        return None

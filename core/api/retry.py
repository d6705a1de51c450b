"""When to try a request again, and how long to wait first (the SDK's policy, bounded and cancellable)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from time import time

from core.wire.errors import ApiConnectionError, ApiError, ApiStatusError

_RETRYABLE_STATUSES = frozenset({408, 409, 429})
_LONGEST_HONOURED_WAIT = 60.0


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, retries_made: int, retry_after: float | None) -> float:
        """The server's retry-after when it is sane (0 < d <= 60 s), else exponential backoff with jitter."""
        if retry_after is not None and 0 < retry_after <= _LONGEST_HONOURED_WAIT:
            return retry_after
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


def parse_retry_after(headers: dict[str, str]) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `retry-after` as seconds or as an HTTP date."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).timestamp() - time()
    except (TypeError, ValueError):
        return None

"""The retry policy: what is retried, and how long it waits."""

import pytest

from core.api.retry import RetryPolicy, is_retryable, parse_retry_after
from core.wire.errors import ApiConnectionError, ApiStatusError, ApiTimeoutError, MalformedStreamError


def status(code: int, should_retry: str | None = None) -> ApiStatusError:
    return ApiStatusError("x", status=code, error_type=None, should_retry=should_retry)


@pytest.mark.parametrize("code", [408, 409, 429, 500, 502, 503, 504, 529])
def test_transient_statuses_are_retried(code: int) -> None:
    assert is_retryable(status(code))


@pytest.mark.parametrize("code", [400, 401, 403, 404, 413, 422])
def test_client_errors_are_not_retried(code: int) -> None:
    assert not is_retryable(status(code))


def test_the_server_can_override_with_x_should_retry() -> None:
    assert is_retryable(status(400, should_retry="true"))
    assert not is_retryable(status(529, should_retry="false"))


def test_connection_errors_and_timeouts_are_retried_but_broken_streams_are_not() -> None:
    assert is_retryable(ApiConnectionError("refused"))
    assert is_retryable(ApiTimeoutError("slow"))
    assert not is_retryable(MalformedStreamError("bad json"))


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    policy = RetryPolicy()
    for retries_made, nominal in [(0, 0.5), (1, 1.0), (2, 2.0), (5, 8.0), (10, 8.0)]:
        delay = policy.delay(retries_made, None)
        assert nominal * 0.75 <= delay <= nominal


def test_a_sane_retry_after_is_honoured_and_an_absurd_one_ignored() -> None:
    policy = RetryPolicy()
    assert policy.delay(0, 7.0) == 7.0
    assert policy.delay(0, 3600.0) <= 0.5
    assert policy.delay(0, -1.0) <= 0.5


def test_retry_after_headers_in_all_their_forms() -> None:
    assert parse_retry_after({"retry-after": "3"}) == 3.0
    assert parse_retry_after({"retry-after": "1.5"}) == 1.5
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert parse_retry_after({}) is None
    assert parse_retry_after({"retry-after": "soon"}) is None
    in_a_while = parse_retry_after({"retry-after": "Wed, 21 Oct 2099 07:28:00 GMT"})
    assert in_a_while is not None and in_a_while > 60

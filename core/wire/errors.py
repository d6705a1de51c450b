"""What can go wrong with a request, one class per case the user must be told apart.

ApiError
├── ApiStatusError              the server answered with an HTTP error
│   ├── BadRequestError             400 invalid_request_error
│   ├── AuthenticationError         401 authentication_error
│   ├── BillingError                402 billing_error
│   ├── PermissionDeniedError       403 permission_error
│   ├── NotFoundError               404 not_found_error (often a wrong base URL)
│   ├── RequestTooLargeError        413 request_too_large
│   ├── RateLimitError              429 rate_limit_error
│   ├── InternalServerError         500 and other 5xx
│   └── OverloadedError             529 overloaded_error
├── ApiConnectionError          no answer: refused, DNS, TLS, cut connection
│   ├── ProxyConnectionError        the proxy (not the API's host) could not be reached or refused
│   └── ApiTimeoutError             no answer in time
│       ├── ReplyNotStartedError        no headers, or no event but pings, within the limit
│       └── ReplyStalledError           the reply began, then nothing but pings for too long
├── ResponseTooLargeError       a body beyond its cap (an endless answer): reading stopped there
├── RedirectRefusedError        a redirect to another host, which would carry the key away
├── UnsendableKeyError          the saved key cannot go in a header (not ASCII, a space inside): nothing sent
├── ProxySettingError           the profile's or the environment's proxy cannot be used: nothing sent
├── UnsendableSettingError      a profile setting cannot go in the request (a header, the URL): nothing sent
├── StreamErrorEvent            an `error` event inside a stream that had begun with HTTP 200
└── MalformedStreamError        the stream broke the protocol (bad JSON, events out of order)
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, ClassVar, Literal

from core.model.conversation import ErrorKind
from core.model.error_detail import ErrorDetail
from core.wire.secret_forms import scrub_text

_RELAY_SNIPPET_CHARS = 300


class ApiError(Exception):
    kind: ClassVar[ErrorKind] = ErrorKind.OTHER
    """Which case this is, saved with the reply (`ReplyError.kind`) and worded by the GUI."""
    detail: ErrorDetail | None = None
    """What failed below HTTP, with its facts, for the GUI to word in the user's language."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request_id = request_id


class ApiStatusError(ApiError):
    kind = ErrorKind.OTHER_STATUS

    def __init__(
        self,
        message: str,
        *,
        status: int,
        error_type: str | None,
        request_id: str | None = None,
        retry_after: float | None = None,
        should_retry: str | None = None,
        body: str = "",
    ) -> None:
        super().__init__(message, request_id=request_id)
        self.status = status
        self.error_type = error_type
        self.retry_after = retry_after
        self.should_retry = should_retry
        """The server's `x-should-retry` header, which overrides the status's usual meaning."""
        self.body = body


class BadRequestError(ApiStatusError):
    kind = ErrorKind.BAD_REQUEST


class AuthenticationError(ApiStatusError):
    kind = ErrorKind.AUTHENTICATION


class BillingError(ApiStatusError):
    kind = ErrorKind.BILLING


class PermissionDeniedError(ApiStatusError):
    kind = ErrorKind.PERMISSION_DENIED


class NotFoundError(ApiStatusError):
    kind = ErrorKind.NOT_FOUND


class RequestTooLargeError(ApiStatusError):
    kind = ErrorKind.REQUEST_TOO_LARGE


class RateLimitError(ApiStatusError):
    kind = ErrorKind.RATE_LIMIT


class InternalServerError(ApiStatusError):
    kind = ErrorKind.INTERNAL_SERVER


class OverloadedError(ApiStatusError):
    kind = ErrorKind.OVERLOADED


class ApiConnectionError(ApiError):
    kind = ErrorKind.CONNECTION


class ApiTimeoutError(ApiConnectionError):
    kind = ErrorKind.TIMEOUT


class ProxyConnectionError(ApiConnectionError):
    """The connection failed at the proxy: the API's host was never reached, so it is not its fault."""

    kind = ErrorKind.PROXY_CONNECTION

    def __init__(self, message: str, *, proxy: str) -> None:
        super().__init__(message)
        self.proxy = proxy
        """The proxy's host and port, never its credentials."""


class ReplyNotStartedError(ApiTimeoutError):
    """No headers, or headers and then only pings or a trickle of bytes, within the limit."""

    kind = ErrorKind.REPLY_NOT_STARTED


class ReplyStalledError(ApiTimeoutError):
    """The reply began, then only keep-alive pings (or nothing that makes an event) for too long."""

    kind = ErrorKind.REPLY_STALLED


class ResponseTooLargeError(ApiError):
    """A body beyond its cap: nothing real is that large, so reading stopped (what arrived of a stream is
    kept)."""

    kind = ErrorKind.RESPONSE_TOO_LARGE

    def __init__(self, message: str, *, limit: int, request_id: str | None = None) -> None:
        super().__init__(message, request_id=request_id)
        self.limit = limit


class RedirectRefusedError(ApiError):
    kind = ErrorKind.REDIRECT_REFUSED

    def __init__(self, message: str, *, location: str) -> None:
        super().__init__(message)
        self.location = location


class StreamErrorEvent(ApiError):
    """The API reported an error after the stream had begun (e.g. overloaded_error)."""

    kind = ErrorKind.STREAM_ERROR_EVENT

    def __init__(self, message: str, *, error_type: str, request_id: str | None = None) -> None:
        super().__init__(message, request_id=request_id)
        self.error_type = error_type


class MalformedStreamError(ApiError):
    kind = ErrorKind.MALFORMED_STREAM

    def __init__(self, message: str, *, line: int | None = None, request_id: str | None = None) -> None:
        super().__init__(message, request_id=request_id)
        self.line = line


_STATUS_CLASSES: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: BillingError,
    403: PermissionDeniedError,
    404: NotFoundError,
    413: RequestTooLargeError,
    429: RateLimitError,
    529: OverloadedError,
}


ANTHROPIC_ERROR_TYPES = frozenset(
    {
        "invalid_request_error",
        "authentication_error",
        "billing_error",
        "permission_error",
        "not_found_error",
        "request_too_large",
        "rate_limit_error",
        "api_error",
        "timeout_error",
        "overloaded_error",
    }
)
"""The error types the Messages API documents. An error of any other type (or none) was written by something
between the user and the API: a relay or a gateway speaking for itself (LiteLLM answers a wrong key with
`no_db_connection` when it has no database, BerriAI/litellm#12273, and wraps its upstream's errors with a null
type)."""

OVERLOADED = "overloaded_error"


def written_by_relay(error_type: str | None) -> bool:
    """Whether an error of this type came from a relay rather than from the API itself."""
    return error_type not in ANTHROPIC_ERROR_TYPES


def status_error(
    status: int,
    body: bytes,
    *,
    request_id: str | None,
    retry_after: float | None,
    should_retry: str | None = None,
) -> ApiStatusError:
    """The typed error for an HTTP error response, from the Anthropic or OpenAI error body, or any body."""
    text = body.decode("utf-8", errors="replace")
    error_type, message, body_request_id = _parse_error_body(text)
    if message is None:
        message = _describe_unparsed_body(status, text)
    if error_type != OVERLOADED and OVERLOADED in message:
        # A relay that turns the upstream's 529 into a 500 (LiteLLM's exception mapping) still quotes the
        # upstream's body in its message: the body says what happened, whatever the status.
        error_type = OVERLOADED
    cls = _STATUS_CLASSES.get(status) or (InternalServerError if status >= 500 else ApiStatusError)
    return cls(
        message,
        status=status,
        error_type=error_type,
        request_id=request_id or body_request_id,
        retry_after=retry_after,
        should_retry=should_retry,
        body=text,
    )


def _parse_error_body(text: str) -> tuple[str | None, str | None, str | None]:
    """(error type, message, request id) from `{"type":"error","error":{...}}` or `{"error":{...}}`."""
    try:
        data: Any = json.loads(text)
    except ValueError:
        return None, None, None
    if not isinstance(data, dict) or not isinstance(data.get("error"), dict):
        return None, None, None
    error = data["error"]
    message = error.get("message")
    return (
        error.get("type") if isinstance(error.get("type"), str) else None,
        message if isinstance(message, str) else None,
        data.get("request_id") if isinstance(data.get("request_id"), str) else None,
    )


def _describe_unparsed_body(status: int, text: str) -> str:
    """Relays answer errors with HTML pages or plain text: keep a readable, short excerpt."""
    stripped = " ".join(text.split())
    if stripped.lower().startswith(("<!doctype", "<html")):
        title = _html_title(text)
        return f"HTTP {status}: the server sent an HTML page" + (f" ({title})" if title else "")
    if not stripped:
        return f"HTTP {status} with an empty body"
    snippet = stripped[:_RELAY_SNIPPET_CHARS] + ("…" if len(stripped) > _RELAY_SNIPPET_CHARS else "")
    return f"HTTP {status}: {snippet}"


def _html_title(text: str) -> str | None:
    lower = text.lower()
    start = lower.find("<title>")
    end = lower.find("</title>", start)
    if start < 0 or end < 0:
        return None
    return " ".join(text[start + len("<title>") : end].split()) or None


def stream_error(data: dict[str, Any], *, request_id: str | None) -> StreamErrorEvent:
    raw_error = data.get("error")
    error: dict[str, Any] = raw_error if isinstance(raw_error, dict) else {}
    error_type = str(error.get("type") or "api_error")
    message = str(error.get("message") or "The server reported an error mid-stream.")
    return StreamErrorEvent(message, error_type=error_type, request_id=request_id or data.get("request_id"))


SECRET_SHOWN_AS = "[API key]"


def without_secret(error: ApiError, *secrets: str) -> ApiError:
    """The same error with the key (and any other secret given: URL or proxy credentials) taken out of
    everything it says, in every form (`core.wire.secret_forms`): relays and proxies sometimes echo the key
    they refused, escaped or base64-encoded, and an error's words are saved with the reply, shown, and
    exported."""
    kept = [secret for secret in secrets if secret]
    if not kept:
        return error

    def scrubbed(text: str) -> str:
        return scrub_text(text, kept, SECRET_SHOWN_AS)

    error.message = scrubbed(error.message)
    if error.detail is not None:
        detail = error.detail
        error.detail = replace(detail, host=scrubbed(detail.host), proxy=scrubbed(detail.proxy),
                               cause=scrubbed(detail.cause))  # fmt: skip
    error.args = tuple(scrubbed(arg) if isinstance(arg, str) else arg for arg in error.args)
    if isinstance(error, ApiStatusError):
        error.body = scrubbed(error.body)
    if isinstance(error, RedirectRefusedError):
        error.location = scrubbed(error.location)
    return error


class BatchExpiredError(ApiError):
    """A request of a Message Batch was never processed: the batch reached its 24-hour limit first."""

    kind = ErrorKind.BATCH_EXPIRED


class BatchCanceledError(ApiError):
    """A request of a Message Batch was never processed: the batch was cancelled first."""

    kind = ErrorKind.BATCH_CANCELED


class BatchNoResultError(ApiError):
    """A Message Batch ended, and its results file had no line for this request."""

    kind = ErrorKind.BATCH_NO_RESULT


class MissingKeyError(ApiError):
    """The profile has no API key in the keyring (or for this session): nothing was sent."""

    kind = ErrorKind.MISSING_KEY

    def __init__(self, profile_name: str) -> None:
        super().__init__(f'No API key is saved for the profile "{profile_name}".')
        self.profile_name = profile_name


class UnsendableKeyError(ApiError):
    """The saved key cannot be sent in a header (saved by an older version, or by hand): nothing was sent."""

    kind = ErrorKind.INVALID_KEY

    def __init__(self, profile_name: str, problem: str) -> None:
        super().__init__(f'The API key saved for the profile "{profile_name}" cannot be sent: {problem}')
        self.profile_name = profile_name


class ProxySettingError(ApiError):
    """The proxy (the profile's, or one from the environment) cannot be used: nothing was sent."""

    kind = ErrorKind.PROXY_SETTING

    def __init__(self, message: str, *, source: Literal["profile", "environment"]) -> None:
        super().__init__(message)
        self.source = source


class UnsendableSettingError(ApiError):
    """A profile setting cannot go into a request (a header that is not ASCII, a URL that is not one)."""

    kind = ErrorKind.INVALID_SETTING


class UnknownProfileError(ApiError):
    """The conversation names a profile that no longer exists."""

    kind = ErrorKind.UNKNOWN_PROFILE

    def __init__(self, profile_name: str | None) -> None:
        super().__init__(f'The profile "{profile_name}" does not exist.')
        self.profile_name = profile_name

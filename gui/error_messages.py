"""What went wrong with a reply, in words a user can act on (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.model.conversation import ErrorKind, ReplyError
from core.model.error_detail import DetailKind, ErrorDetail
from core.wire.errors import OVERLOADED, written_by_relay

_QUOTED_CHARS = 200


def headline(error: ReplyError) -> str:
    """One sentence: what happened, and what to do about it."""
    kind = error.kind
    if kind is ErrorKind.MISSING_KEY:
        return QCoreApplication.translate(
            "ErrorMessages", "There is no API key for this provider. Add it in Providers, then retry."
        )
    if kind is ErrorKind.INVALID_KEY:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The saved API key cannot be sent (a character in it is not allowed). Paste it again in "
            "Providers, then retry.",
        )
    if kind is ErrorKind.PROXY_SETTING:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The proxy cannot be used: use an http://, https://, socks5:// or socks5h:// proxy URL in "
            "Providers (or in the environment), then retry.",
        )
    if kind is ErrorKind.INVALID_SETTING:
        return QCoreApplication.translate(
            "ErrorMessages", "A setting of this provider cannot be sent. Correct it in Providers, then retry."
        )
    if kind is ErrorKind.UNKNOWN_PROFILE:
        return QCoreApplication.translate(
            "ErrorMessages",
            "This conversation's provider no longer exists. Choose another provider, then retry.",
        )
    if kind in (ErrorKind.AUTHENTICATION, ErrorKind.BAD_REQUEST) and written_by_relay(error.error_type):
        return _relay_refused(error)
    if kind is ErrorKind.AUTHENTICATION:
        return QCoreApplication.translate(
            "ErrorMessages", "The provider rejected the API key (401). Check the key in Providers."
        )
    if kind is ErrorKind.PERMISSION_DENIED:
        return QCoreApplication.translate("ErrorMessages", "The key is not allowed to do this (403).")
    if kind is ErrorKind.NOT_FOUND:
        return QCoreApplication.translate(
            "ErrorMessages",
            "Nothing answers at this address (404). Check the provider's base URL and the model name.",
        )
    if kind is ErrorKind.RATE_LIMIT:
        if error.retry_after:
            return QCoreApplication.translate(
                "ErrorMessages", "Too many requests (429). The provider asks to wait {seconds} s."
            ).format(seconds=f"{error.retry_after:g}")
        return QCoreApplication.translate(
            "ErrorMessages", "Too many requests (429). Wait a little, then retry."
        )
    if kind is ErrorKind.STREAM_ERROR_EVENT:
        return _stream_error(error)
    if kind is ErrorKind.OVERLOADED:
        return QCoreApplication.translate(
            "ErrorMessages", "The model is overloaded right now (529). Retry in a moment."
        )
    if error.error_type == OVERLOADED and error.status is not None:
        # A relay turned the upstream's 529 into another status; its body still names the cause.
        return QCoreApplication.translate(
            "ErrorMessages",
            "The model is overloaded right now: the provider answered {status}, and its message names "
            "overloaded_error. Retry in a moment.",
        ).format(status=error.status)
    if kind is ErrorKind.INTERNAL_SERVER:
        return QCoreApplication.translate(
            "ErrorMessages", "The provider had an internal error ({status}). Retry in a moment."
        ).format(status=error.status)
    if kind is ErrorKind.REQUEST_TOO_LARGE:
        return QCoreApplication.translate(
            "ErrorMessages", "The request is too large (413). Remove attachments or start a new conversation."
        )
    if kind is ErrorKind.BAD_REQUEST:
        return QCoreApplication.translate("ErrorMessages", "The provider refused the request (400).")
    if kind is ErrorKind.BILLING:
        return QCoreApplication.translate("ErrorMessages", "The provider reports a billing problem (402).")
    if kind is ErrorKind.PROXY_CONNECTION:
        return QCoreApplication.translate(
            "ErrorMessages",
            "Could not connect through the proxy; the provider was not reached. Check the proxy in "
            "Providers (or HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), then retry.",
        )
    if kind is ErrorKind.REPLY_NOT_STARTED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The provider did not start the reply in time: it sent no answer, only keep-alive pings, or "
            "data too slowly. Retry, or check the base URL.",
        )
    if kind is ErrorKind.REPLY_STALLED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The reply stopped making progress: for too long nothing came but keep-alive pings. What "
            "arrived is kept.",
        )
    if kind is ErrorKind.RESPONSE_TOO_LARGE:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The provider's answer was far larger than any real reply, so Triptych stopped reading it. "
            "Check the base URL.",
        )
    if kind is ErrorKind.TIMEOUT:
        return QCoreApplication.translate("ErrorMessages", "The provider stopped answering in time.")
    if kind is ErrorKind.CONNECTION:
        return QCoreApplication.translate("ErrorMessages", "The connection failed.")
    if kind is ErrorKind.REDIRECT_REFUSED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The provider redirected to another host; Triptych did not follow, to keep your key safe.",
        )
    if kind is ErrorKind.MALFORMED_STREAM:
        return QCoreApplication.translate("ErrorMessages", "The provider's reply broke the protocol.")
    if kind is ErrorKind.BATCH_EXPIRED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The batch reached its 24-hour limit before this request was processed. Retry it (live or in a "
            "new batch).",
        )
    if kind is ErrorKind.BATCH_CANCELED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The batch was cancelled before this request was processed. Retry it if you need it.",
        )
    if kind is ErrorKind.BATCH_NO_RESULT:
        return QCoreApplication.translate(
            "ErrorMessages", "The batch ended without a result for this request. Retry it."
        )
    if kind is ErrorKind.BATCH_REQUEST_TOO_LARGE:
        return QCoreApplication.translate(
            "ErrorMessages",
            "This request is larger than a whole Message Batch may hold, so it cannot go as a batch. Shorten "
            "it, or run it live.",
        )
    if kind is ErrorKind.NOT_SAVED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The reply could not be saved: the disk may be full. Free some space, then retry.",
        )
    return QCoreApplication.translate("ErrorMessages", "The request failed.")


def _stream_error(error: ReplyError) -> str:
    """An `error` event after HTTP 200, worded by its type: no status was sent for it."""
    if error.error_type == OVERLOADED:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The model became overloaded in the middle of the reply (an overloaded_error event; the reply "
            "had begun normally). What arrived is kept; retry in a moment.",
        )
    return QCoreApplication.translate(
        "ErrorMessages",
        "The provider reported an error in the middle of the reply ({type}). What arrived is kept.",
    ).format(type=error.error_type or "error")


def _relay_refused(error: ReplyError) -> str:
    """A 400 or 401 that the API did not write (its error type is none of the API's): a relay answered for
    itself, e.g. LiteLLM's "No connected db." for every wrong key, or its upstream's 401 passed on. The key
    may be fine, so the relay's own words are quoted."""
    words = " ".join(error.message.split())
    if len(words) > _QUOTED_CHARS:
        words = words[:_QUOTED_CHARS] + "…"
    if error.kind is ErrorKind.AUTHENTICATION:
        return QCoreApplication.translate(
            "ErrorMessages",
            "The relay refused the request (401): “{words}” — check the key in Providers; if it is right, "
            "the relay's own key for the service behind it may be the one refused.",
        ).format(words=words)
    return QCoreApplication.translate(
        "ErrorMessages",
        "The relay refused the request ({status}): “{words}” — some relays answer a wrong key this way: "
        "check the key in Providers; if it is right, the relay is refusing for its own reasons.",
    ).format(status=error.status, words=words)


def describe(error: ReplyError) -> str:
    """The headline, what failed (worded here when core says it as a typed detail; else the provider's own
    words), and the request id, for the transcript's error box."""
    lines = [headline(error)]
    details = detail_text(error.detail) if error.detail is not None else error.message
    if details and details not in lines[0]:
        lines.append(
            QCoreApplication.translate("ErrorMessages", "Details: {message}").format(message=details)
        )
    if error.request_id:
        lines.append(
            QCoreApplication.translate("ErrorMessages", "Request id: {request_id}").format(
                request_id=error.request_id
            )
        )
    return "\n".join(lines)


def detail_text(detail: ErrorDetail) -> str:
    """What failed below HTTP, in the user's language; the system's own cause is quoted as it is."""
    # Written out in full for each sentence: lupdate finds a string only in a call it knows.
    translate = QCoreApplication.translate
    sentences = {
        DetailKind.CONNECT_TIMEOUT: lambda: translate(
            "ErrorMessages", "Could not connect to {host}: no answer in time."
        ),
        DetailKind.READ_TIMEOUT: lambda: translate(
            "ErrorMessages", "{host} stopped sending data: no data arrived in time."
        ),
        DetailKind.TIMED_OUT: lambda: translate("ErrorMessages", "The request to {host} timed out."),
        DetailKind.PROXY_REFUSED_HOST: lambda: translate(
            "ErrorMessages", "The proxy refused the connection to {host}: {cause}"
        ),
        DetailKind.HOST_NOT_FOUND: lambda: translate(
            "ErrorMessages", "Could not find the host {host}: check the base URL and your network."
        ),
        DetailKind.TLS: lambda: translate(
            "ErrorMessages", "A secure connection to {host} could not be made (TLS): {cause}"
        ),
        DetailKind.REFUSED: lambda: translate(
            "ErrorMessages", "Could not connect to {host}: the connection was refused. Is the server running?"
        ),
        DetailKind.CUT: lambda: translate(
            "ErrorMessages", "The connection to {host} was cut before the reply was complete."
        ),
        DetailKind.UNREACHABLE: lambda: translate("ErrorMessages", "Could not reach {host}: {cause}"),
        DetailKind.PROXY_WOULD_NOT_CONNECT: lambda: translate(
            "ErrorMessages", "The proxy at {proxy} would not connect to {host}: {cause}"
        ),
        DetailKind.PROXY_CONNECT_TIMEOUT: lambda: translate(
            "ErrorMessages",
            "Could not connect to the proxy at {proxy}: no answer in time. {host} was not reached.",
        ),
        DetailKind.PROXY_NOT_FOUND: lambda: translate(
            "ErrorMessages", "Could not find the proxy's host ({proxy}). {host} was not reached."
        ),
        DetailKind.PROXY_CONNECTION_REFUSED: lambda: translate(
            "ErrorMessages",
            "Could not connect to the proxy at {proxy}: the connection was refused. {host} was not reached.",
        ),
        DetailKind.PROXY_UNREACHABLE: lambda: translate(
            "ErrorMessages", "Could not connect to the proxy at {proxy}: {cause}. {host} was not reached."
        ),
        DetailKind.STREAM_STALLED_AFTER: lambda: translate(
            "ErrorMessages", "The stream stalled: no data arrived in time after {count} bytes."
        ),
        DetailKind.STREAM_CUT_AFTER: lambda: translate(
            "ErrorMessages", "The connection was cut after {count} bytes, before the reply was complete."
        ),
    }
    return sentences[detail.kind]().format(
        host=detail.host, proxy=detail.proxy, cause=detail.cause, count=detail.count
    )

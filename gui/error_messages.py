"""What went wrong with a reply, in words a user can act on (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.conversation import ReplyError

_CONTEXT = "ErrorMessages"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def headline(error: ReplyError) -> str:
    """One sentence: what happened, and what to do about it."""
    kind = error.kind
    if kind == "MissingKeyError":
        return _tr("There is no API key for this provider. Add it in Providers, then retry.")
    if kind == "UnknownProfileError":
        return _tr("This conversation's provider no longer exists. Choose another provider, then retry.")
    if kind == "AuthenticationError":
        return _tr("The provider rejected the API key (401). Check the key in Providers.")
    if kind == "PermissionDeniedError":
        return _tr("The key is not allowed to do this (403).")
    if kind == "NotFoundError":
        return _tr("Nothing answers at this address (404). Check the provider's base URL and the model name.")
    if kind == "RateLimitError":
        if error.retry_after:
            return _tr("Too many requests (429). The provider asks to wait {seconds} s.").format(
                seconds=f"{error.retry_after:g}"
            )
        return _tr("Too many requests (429). Wait a little, then retry.")
    if kind == "OverloadedError" or error.error_type == "overloaded_error":
        return _tr("The model is overloaded right now (529). Retry in a moment.")
    if kind == "InternalServerError":
        return _tr("The provider had an internal error ({status}). Retry in a moment.").format(
            status=error.status
        )
    if kind == "RequestTooLargeError":
        return _tr("The request is too large (413). Remove attachments or start a new conversation.")
    if kind == "BadRequestError":
        return _tr("The provider refused the request (400).")
    if kind == "BillingError":
        return _tr("The provider reports a billing problem (402).")
    if kind == "ApiTimeoutError":
        return _tr("The provider stopped answering in time.")
    if kind == "ApiConnectionError":
        return _tr("The connection failed.")
    if kind == "RedirectRefusedError":
        return _tr("The provider redirected to another host; Triptych did not follow, to keep your key safe.")
    if kind == "StreamErrorEvent":
        return _tr("The provider reported an error in the middle of the reply.")
    if kind == "MalformedStreamError":
        return _tr("The provider's reply broke the protocol.")
    return _tr("The request failed.")


def describe(error: ReplyError) -> str:
    """The headline, the provider's own words, and the request id, for the transcript's error box."""
    lines = [headline(error)]
    if error.message and error.message not in lines[0]:
        lines.append(_tr("Details: {message}").format(message=error.message))
    if error.request_id:
        lines.append(_tr("Request id: {request_id}").format(request_id=error.request_id))
    return "\n".join(lines)

"""What went wrong with a reply, in words a user can act on (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.model.conversation import ReplyError


def headline(error: ReplyError) -> str:
    """One sentence: what happened, and what to do about it."""
    kind = error.kind
    if kind == "MissingKeyError":
        return QCoreApplication.translate(
            "ErrorMessages", "There is no API key for this provider. Add it in Providers, then retry."
        )
    if kind == "UnknownProfileError":
        return QCoreApplication.translate(
            "ErrorMessages",
            "This conversation's provider no longer exists. Choose another provider, then retry.",
        )
    if kind == "AuthenticationError":
        return QCoreApplication.translate(
            "ErrorMessages", "The provider rejected the API key (401). Check the key in Providers."
        )
    if kind == "PermissionDeniedError":
        return QCoreApplication.translate("ErrorMessages", "The key is not allowed to do this (403).")
    if kind == "NotFoundError":
        return QCoreApplication.translate(
            "ErrorMessages",
            "Nothing answers at this address (404). Check the provider's base URL and the model name.",
        )
    if kind == "RateLimitError":
        if error.retry_after:
            return QCoreApplication.translate(
                "ErrorMessages", "Too many requests (429). The provider asks to wait {seconds} s."
            ).format(seconds=f"{error.retry_after:g}")
        return QCoreApplication.translate(
            "ErrorMessages", "Too many requests (429). Wait a little, then retry."
        )
    if kind == "OverloadedError" or error.error_type == "overloaded_error":
        return QCoreApplication.translate(
            "ErrorMessages", "The model is overloaded right now (529). Retry in a moment."
        )
    if kind == "InternalServerError":
        return QCoreApplication.translate(
            "ErrorMessages", "The provider had an internal error ({status}). Retry in a moment."
        ).format(status=error.status)
    if kind == "RequestTooLargeError":
        return QCoreApplication.translate(
            "ErrorMessages", "The request is too large (413). Remove attachments or start a new conversation."
        )
    if kind == "BadRequestError":
        return QCoreApplication.translate("ErrorMessages", "The provider refused the request (400).")
    if kind == "BillingError":
        return QCoreApplication.translate("ErrorMessages", "The provider reports a billing problem (402).")
    if kind == "ApiTimeoutError":
        return QCoreApplication.translate("ErrorMessages", "The provider stopped answering in time.")
    if kind == "ApiConnectionError":
        return QCoreApplication.translate("ErrorMessages", "The connection failed.")
    if kind == "RedirectRefusedError":
        return QCoreApplication.translate(
            "ErrorMessages",
            "The provider redirected to another host; Triptych did not follow, to keep your key safe.",
        )
    if kind == "StreamErrorEvent":
        return QCoreApplication.translate(
            "ErrorMessages", "The provider reported an error in the middle of the reply."
        )
    if kind == "MalformedStreamError":
        return QCoreApplication.translate("ErrorMessages", "The provider's reply broke the protocol.")
    return QCoreApplication.translate("ErrorMessages", "The request failed.")


def describe(error: ReplyError) -> str:
    """The headline, the provider's own words, and the request id, for the transcript's error box."""
    lines = [headline(error)]
    if error.message and error.message not in lines[0]:
        lines.append(
            QCoreApplication.translate("ErrorMessages", "Details: {message}").format(message=error.message)
        )
    if error.request_id:
        lines.append(
            QCoreApplication.translate("ErrorMessages", "Request id: {request_id}").format(
                request_id=error.request_id
            )
        )
    return "\n".join(lines)

"""Does a provider profile work? List its models, then send a 1-token message."""

from __future__ import annotations

from dataclasses import dataclass

from core.api.client import ApiClient
from core.api.retry import RetryPolicy
from core.model.conversation import ReplyError
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError, ApiStatusError

FALLBACK_MODEL = "claude-haiku-4-5-20251001"
"""Tried when the provider does not list its models: cheap, and served by most relays."""


@dataclass(frozen=True)
class ConnectionReport:
    """What a connection test found: does `/v1/models` answer, and does a 1-token message."""

    models_ok: bool
    models_count: int
    message_ok: bool
    detail: str = ""
    """The failures in English (for logs); `errors` has them typed, for the GUI to word."""
    errors: tuple[ReplyError, ...] = ()


async def check_connection(profile: Profile, key: str, *, model: str | None = None) -> ConnectionReport:
    """Both checks run even if the first fails: many relays serve messages but no model list."""
    async with ApiClient(profile, key, retry=RetryPolicy(max_retries=0)) as client:
        problems: list[ApiError] = []
        try:
            models = await client.list_models()
        except ApiError as error:
            models, models_ok = [], False
            problems.append(error)
        else:
            models_ok = True
        chosen = model or (models[0].id if models else FALLBACK_MODEL)
        result = await client.send([ChatMessage.user_text("Hi")], RequestSettings(model=chosen, max_tokens=1))
        if result.error is not None:
            problems.append(result.error)
        detail = "\n".join(dict.fromkeys(problem.message for problem in problems))
        errors = tuple(dict.fromkeys(_typed(problem) for problem in problems))
        return ConnectionReport(models_ok, len(models), result.complete, detail, errors)


def _typed(error: ApiError) -> ReplyError:
    status = error if isinstance(error, ApiStatusError) else None
    return ReplyError(
        kind=error.kind,
        message=error.message,
        status=status.status if status else None,
        error_type=status.error_type if status else None,
        request_id=error.request_id,
        retry_after=status.retry_after if status else None,
        detail=error.detail,
    )

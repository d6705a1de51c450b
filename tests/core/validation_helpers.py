"""Shared by the validation tests: run the checks on a changed default request, find one issue."""

import dataclasses
from typing import Any

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
from core.wire.validation import ValidationIssue, validate

HELLO = [ChatMessage.user_text("Hello")]
OBJECT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
}
WEATHER: dict[str, Any] = {"name": "get_weather", "input_schema": OBJECT_SCHEMA}


def check(messages: list[ChatMessage] | None = None, **changes: Any) -> list[ValidationIssue]:
    """The issues of a Claude Sonnet 4.6 request saying "Hello", with `changes` made to its settings."""
    settings = dataclasses.replace(RequestSettings(model="claude-sonnet-4-6"), **changes)
    return validate(HELLO if messages is None else messages, settings)


def only(issues: list[ValidationIssue], field: str, *phrases: str) -> ValidationIssue:
    """The one issue about `field`; its message starts by naming the field and contains `phrases`."""
    matching = [issue for issue in issues if issue.field == field]
    assert len(matching) == 1, issues
    issue = matching[0]
    assert issue.message.startswith(field), issue.message
    for phrase in phrases:
        assert phrase in issue.message
    return issue

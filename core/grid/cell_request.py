"""What one grid cell sends: the case's context and rendered prompt, with the variant's settings.

One place, so the cost preview counts exactly what the runner will send.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, cast

from core.model.grid import GridVariant, TestCase, TestSet, render_prompt
from core.model.messages import ChatMessage, ContentBlock, Role
from core.model.request_settings import RequestSettings


def cell_messages(test_set: TestSet, case: TestCase) -> list[ChatMessage]:
    """The case's context messages, then the rendered prompt as the user's turn. A context that ends with
    the user's own turn gets the prompt added to that turn (the API wants roles to alternate).
    Raises MissingVariableError when the case lacks a variable the template names."""
    prompt: ContentBlock = {"type": "text", "text": render_prompt(test_set.template, case)}
    messages = [_message(item) for item in case.context]
    if messages and messages[-1].role == "user":
        messages[-1].content.append(prompt)
    else:
        messages.append(ChatMessage(role="user", content=[prompt]))
    return messages


def cell_settings(test_set: TestSet, variant: GridVariant) -> RequestSettings:
    """The variant's settings; its own system prompt when it sets one (a column comparing system prompts),
    else the test set's."""
    if variant.settings.system or not test_set.system:
        return variant.settings
    return dataclasses.replace(variant.settings, system=test_set.system)


def _message(item: Mapping[str, Any]) -> ChatMessage:
    role: Role = "assistant" if item.get("role") == "assistant" else "user"
    content = item.get("content")
    if isinstance(content, str):
        return ChatMessage(role=role, content=[{"type": "text", "text": content}])
    blocks = (
        [dict(block) for block in content if isinstance(block, Mapping)] if isinstance(content, list) else []
    )
    return ChatMessage(role=role, content=cast(list[ContentBlock], blocks))

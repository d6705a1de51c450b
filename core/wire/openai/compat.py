"""The OpenAI-compatible API style (`POST /v1/chat/completions`), as one import for the rest of the app.

Requests are built in `core.wire.openai.request`; replies are translated into Anthropic events and messages in
`core.wire.openai.stream`.
"""

from core.wire.openai.request import ChatCompletionsRequest, build_chat_completions_body
from core.wire.openai.stream import (
    ChunkTranslator,
    convert_chat_completion,
    is_done_sentinel,
    parse_openai_error,
    stop_reason_of,
    usage_from_openai,
)

__all__ = [
    "ChatCompletionsRequest",
    "ChunkTranslator",
    "build_chat_completions_body",
    "convert_chat_completion",
    "is_done_sentinel",
    "parse_openai_error",
    "stop_reason_of",
    "usage_from_openai",
]

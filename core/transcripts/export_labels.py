"""The words a readable transcript is written with: English here, and the GUI passes them in the user's
language, so core stays free of any translation machinery.

A template's `{name}` placeholders are filled with values from the conversation (ids, names, counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model.conversation import MessageStatus


@dataclass(frozen=True)
class ExportLabels:
    untitled: str = "Conversation"
    date: str = "Date"
    model: str = "Model"
    provider: str = "Provider"
    max_tokens: str = "Max tokens"
    temperature: str = "Temperature"
    top_p: str = "Top P"
    top_k: str = "Top K"
    effort: str = "Effort"
    thinking: str = "Thinking"
    thinking_off: str = "off"
    thinking_adaptive: str = "adaptive"
    thinking_on: str = "on"
    stop_sequences: str = "Stop sequences"
    tools: str = "Tools"
    current_settings: str = "Settings"
    current_settings_note: str = (
        "the conversation's current ones, below; each reply says what it was made with"
    )
    made_with: str = "Made with: {settings}"
    system_prompt: str = "System prompt"
    user: str = "User"
    assistant: str = "Assistant"
    tokens: str = "{input} in / {output} out tokens"
    tokens_estimated: str = "{input} in / ≈{output} out tokens (estimated)"
    stop_reason: str = "stop: {reason}"
    streaming: str = "unfinished"
    interrupted: str = "interrupted"
    cancelled: str = "cancelled"
    error: str = "Error"
    redacted_thinking: str = "(redacted thinking)"
    tool_call: str = "Tool call {name} ({id})"
    tool_result: str = "Tool result for {id}"
    tool_error: str = "Tool result (error) for {id}"
    image: str = "image"
    document: str = "document"
    numbered: str = "{kind} {number}"
    bad_data: str = "{title}: its data is not valid base64"

    def status(self, status: MessageStatus) -> str:
        """A reply's state when it did not simply complete."""
        names = {"streaming": self.streaming, "interrupted": self.interrupted, "cancelled": self.cancelled}
        return names.get(status, status)

    def kind(self, kind: str) -> str:
        """An attachment's kind ("image" or "document") in words."""
        return {"image": self.image, "document": self.document}.get(kind, kind)


ENGLISH = ExportLabels()

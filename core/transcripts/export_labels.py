"""The words a readable transcript is written with: English here, and the GUI passes them in the user's
language, so core stays free of any translation machinery.

A template's `{name}` placeholders are filled with values from the conversation (ids, names, counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model.conversation import MessageStatus
from core.model.tools import RunProblem


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
    tool_run: str = "Tool {name} on {server}"
    tool_arguments: str = "Arguments"
    tool_output: str = "Result"
    run_done: str = "done in {seconds} s"
    run_failed: str = "failed after {seconds} s: {reason}"
    run_declined: str = "declined: the model was told the user declined"
    run_stopped: str = "stopped"
    run_truncated: str = "the result was cut to fit: it had {count} characters"
    problem_tool_error: str = "the tool reported an error"
    problem_timed_out: str = "the tool took longer than the server's time limit"
    problem_server_crashed: str = "the server stopped during the call"
    problem_server_unavailable: str = "the server is not running"
    problem_no_such_tool: str = "no server offers a tool of that name"
    problem_invalid_arguments: str = "the arguments do not fit the tool's input schema"
    problem_malformed_result: str = "the server's answer could not be read"
    problem_limit_reached: str = "the turn reached its limit of tool calls"
    problem_other: str = "no result"

    def status(self, status: MessageStatus) -> str:
        """A reply's state when it did not simply complete."""
        names = {"streaming": self.streaming, "interrupted": self.interrupted, "cancelled": self.cancelled}
        return names.get(status, status)

    def problem(self, problem: RunProblem | None) -> str:
        """Why a tool call gave no normal result."""
        names = {
            RunProblem.TOOL_ERROR: self.problem_tool_error,
            RunProblem.TIMED_OUT: self.problem_timed_out,
            RunProblem.SERVER_CRASHED: self.problem_server_crashed,
            RunProblem.SERVER_UNAVAILABLE: self.problem_server_unavailable,
            RunProblem.NO_SUCH_TOOL: self.problem_no_such_tool,
            RunProblem.INVALID_ARGUMENTS: self.problem_invalid_arguments,
            RunProblem.MALFORMED_RESULT: self.problem_malformed_result,
            RunProblem.LIMIT_REACHED: self.problem_limit_reached,
            RunProblem.DECLINED: self.run_declined,
            RunProblem.CANCELLED: self.run_stopped,
        }
        return names.get(problem, self.problem_other) if problem is not None else self.problem_other

    def kind(self, kind: str) -> str:
        """An attachment's kind ("image" or "document") in words."""
        return {"image": self.image, "document": self.document}.get(kind, kind)


ENGLISH = ExportLabels()

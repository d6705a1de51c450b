"""The words of exports and import reports in the user's language: core writes transcripts with the labels
given to it and reports what an import left out as codes, and this module words both."""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.transcripts.export_labels import ExportLabels
from core.transcripts.importers.base import SkippedItem, SkipReason


class TransferWords(QObject):
    def export_labels(self) -> ExportLabels:
        """Placeholders in braces are filled by core; keep them as they are in a translation."""
        return ExportLabels(
            untitled=self.tr("Conversation"),
            date=self.tr("Date"),
            model=self.tr("Model"),
            provider=self.tr("Provider"),
            max_tokens=self.tr("Max tokens"),
            temperature=self.tr("Temperature"),
            top_p=self.tr("Top P"),
            top_k=self.tr("Top K"),
            effort=self.tr("Effort"),
            thinking=self.tr("Thinking"),
            thinking_off=self.tr("off", "thinking"),
            thinking_adaptive=self.tr("adaptive", "thinking"),
            thinking_on=self.tr("on", "thinking"),
            stop_sequences=self.tr("Stop sequences"),
            tools=self.tr("Tools"),
            current_settings=self.tr("Settings"),
            current_settings_note=self.tr(
                "the conversation's current ones, below; each reply says what it was made with"
            ),
            made_with=self.tr("Made with: {settings}"),
            system_prompt=self.tr("System prompt"),
            user=self.tr("User"),
            assistant=self.tr("Assistant"),
            tokens=self.tr("{input} in / {output} out tokens"),
            tokens_estimated=self.tr("{input} in / ≈{output} out tokens (estimated)"),
            stop_reason=self.tr("stop: {reason}"),
            streaming=self.tr("unfinished", "reply status"),
            interrupted=self.tr("interrupted", "reply status"),
            cancelled=self.tr("cancelled", "reply status"),
            error=self.tr("Error"),
            redacted_thinking=self.tr("(redacted thinking)"),
            tool_call=self.tr("Tool call {name} ({id})"),
            tool_result=self.tr("Tool result for {id}"),
            tool_error=self.tr("Tool result (error) for {id}"),
            image=self.tr("image"),
            document=self.tr("document"),
            numbered=self.tr("{kind} {number}", "an attachment without a title"),
            bad_data=self.tr("{title}: its data is not valid base64"),
            tool_run=self.tr("Tool {name} on {server}"),
            tool_arguments=self.tr("Arguments"),
            tool_output=self.tr("Result"),
            run_done=self.tr("done in {seconds} s"),
            run_failed=self.tr("failed after {seconds} s: {reason}"),
            run_declined=self.tr("declined: the model was told the user declined"),
            run_stopped=self.tr("stopped"),
            run_truncated=self.tr("the result was cut to fit: it had {count} characters"),
            problem_tool_error=self.tr("the tool reported an error"),
            problem_timed_out=self.tr("the tool took longer than the server's time limit"),
            problem_server_crashed=self.tr("the server stopped during the call"),
            problem_server_unavailable=self.tr("the server is not running"),
            problem_no_such_tool=self.tr("no server offers a tool of that name"),
            problem_invalid_arguments=self.tr("the arguments do not fit the tool's input schema"),
            problem_malformed_result=self.tr("the server's answer could not be read"),
            problem_limit_reached=self.tr("the turn reached its limit of tool calls"),
            problem_other=self.tr("no result"),
        )

    def title(self, title: str) -> str:
        return title or self.tr("(untitled)")

    def skipped(self, item: SkippedItem) -> str:
        """Where the item was and why it was left out, e.g. `"Trip", message 4: a system message`."""
        return self.tr("{place}: {reason}").format(place=self._place(item), reason=self._reason(item))

    def _place(self, item: SkippedItem) -> str:
        if item.conversation is None:
            return self.tr("the file")
        if item.message is None:
            return self.tr("“{title}”").format(title=self.title(item.conversation))
        return self.tr("“{title}”, message {number}").format(
            title=self.title(item.conversation), number=item.message
        )

    def _reason(self, item: SkippedItem) -> str:
        detail = item.detail or self.tr("unknown")
        reasons = {
            SkipReason.REPAIRED_CHARACTERS: lambda: self.tr(
                "%n broken character(s) (half of a UTF-16 pair) replaced by U+FFFD", "", item.count
            ),
            SkipReason.NO_MESSAGES: lambda: self.tr("it has no messages"),
            SkipReason.UNKNOWN_SENDER: lambda: self.tr("its sender is neither the person nor the assistant"),
            SkipReason.NO_TEXT: lambda: self.tr("it has no text"),
            SkipReason.ATTACHMENT_WITHOUT_TEXT: lambda: self.tr(
                "attachment “{name}” has no text in the export"
            ).format(name=item.detail),
            SkipReason.FILE_NOT_IN_EXPORT: lambda: self.tr(
                "file “{name}”: its contents are not in the export"
            ).format(name=item.detail or self.tr("upload")),
            SkipReason.UNSIGNED_THINKING: lambda: self.tr(
                "thinking from Claude.ai has no signature the API accepts"
            ),
            SkipReason.CLAUDE_AI_ITEM: lambda: self.tr("a {kind} item (ran on Claude.ai)").format(
                kind=detail
            ),
            SkipReason.OTHER_ROLE: lambda: self.tr("a {role} message").format(role=detail),
            SkipReason.HIDDEN_MESSAGE: lambda: self.tr("a message ChatGPT hides"),
            SkipReason.CHATGPT_TOOL_CALL: lambda: self.tr("a call to a ChatGPT tool"),
            SkipReason.UNSUPPORTED_CONTENT: lambda: self.tr("{kind} content").format(kind=detail),
            SkipReason.ATTACHMENT_NOT_IN_FILE: lambda: self.tr(
                "an attachment ({kind}): not in conversations.json"
            ).format(kind=detail),
        }
        return reasons[item.reason]()

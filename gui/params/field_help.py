"""What each parameter does, in a sentence: the accessible description of its control (a screen reader reads
it after the name), keyed by the field path the panel routes validation issues by."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_help(field: str | None) -> str:
    return _help().get(field or "", "")


def _help() -> dict[str, str]:
    # Spelled out for lupdate, which reads the context and text of each translate() call.
    return {
        "system": QCoreApplication.translate(
            "FieldHelp", "Instructions sent to the model before the conversation, as the system prompt."
        ),
        "max_tokens": QCoreApplication.translate(
            "FieldHelp", "The most tokens the reply may have; it stops there."
        ),
        "temperature": QCoreApplication.translate(
            "FieldHelp", "Randomness of the reply: lower is more focused, higher more varied."
        ),
        "top_p": QCoreApplication.translate(
            "FieldHelp",
            "Nucleus sampling: only the most likely tokens up to this total probability are used.",
        ),
        "top_k": QCoreApplication.translate(
            "FieldHelp", "Only this many of the most likely tokens are considered at each step."
        ),
        "stop_sequences": QCoreApplication.translate(
            "FieldHelp", "The reply stops when it writes any of these, one per line."
        ),
        "thinking": QCoreApplication.translate(
            "FieldHelp", "Whether the model thinks before it answers: off, with a budget, or adaptive."
        ),
        "thinking.budget_tokens": QCoreApplication.translate(
            "FieldHelp", "The most tokens the model may spend thinking."
        ),
        "thinking.display": QCoreApplication.translate(
            "FieldHelp", "Whether the thinking comes back in full, summarized or omitted."
        ),
        "output_config.effort": QCoreApplication.translate(
            "FieldHelp", "How much effort the model puts in: more is slower and costs more."
        ),
        "tools": QCoreApplication.translate(
            "FieldHelp", "Tool definitions as JSON: the tools the model may call."
        ),
        "tool_choice": QCoreApplication.translate(
            "FieldHelp", "Whether the model may, must, or must not call a tool, or which one."
        ),
        "tool_choice.name": QCoreApplication.translate("FieldHelp", "The tool the model must call."),
        "web_search": QCoreApplication.translate(
            "FieldHelp", "Lets the model search the web (run by Anthropic)."
        ),
        "web_search.allowed_domains": QCoreApplication.translate(
            "FieldHelp", "The search uses only these domains, separated by commas."
        ),
        "web_search.blocked_domains": QCoreApplication.translate(
            "FieldHelp", "The search never uses these domains, separated by commas."
        ),
        "web_search.max_uses": QCoreApplication.translate("FieldHelp", "The most searches in one reply."),
        "web_search.user_location": QCoreApplication.translate(
            "FieldHelp", "Where the user is, so search results can be local."
        ),
        "web_fetch": QCoreApplication.translate(
            "FieldHelp", "Lets the model fetch web pages (run by Anthropic)."
        ),
        "web_fetch.citations": QCoreApplication.translate(
            "FieldHelp", "The reply cites the pages it fetched."
        ),
        "web_fetch.max_content_tokens": QCoreApplication.translate(
            "FieldHelp", "The most tokens of a fetched page given to the model."
        ),
        "cache_control": QCoreApplication.translate(
            "FieldHelp", "Caches the prompt so a next request with the same start costs less."
        ),
        "service_tier": QCoreApplication.translate(
            "FieldHelp", "Which capacity the request may use: priority when available, or standard only."
        ),
        "metadata": QCoreApplication.translate(
            "FieldHelp", "An id for the end user, sent as metadata.user_id; no personal data."
        ),
        "output_config.format": QCoreApplication.translate(
            "FieldHelp", "A JSON schema the reply must follow."
        ),
        "extra_json": QCoreApplication.translate(
            "FieldHelp", "JSON merged into the request body last, for fields the panel does not have."
        ),
    }

"""Prompt variables and the conversation filter, as plain functions."""

from __future__ import annotations

from core.model.conversation_filter import ConversationFilter, clean_tags
from core.model.saved_prompt import fill, variables


def test_variables_are_found_once_each_in_order_spaces_and_any_script_allowed() -> None:
    body = "Translate {{ text }} into {{语言}}. Then {{text}} again; {{}} and {single} are not variables."
    assert variables(body) == ["text", "语言"]


def test_fill_replaces_every_use_and_leaves_unknown_ones_as_written() -> None:
    body = "Dear {{name}}, about {{ topic }}: {{name}}! {{later}}"
    assert fill(body, {"name": "Ada", "topic": "engines"}) == "Dear Ada, about engines: Ada! {{later}}"
    # A value holding braces or backslashes is inserted as it is.
    assert fill("{{x}}", {"x": r"\1 {{y}}"}) == r"\1 {{y}}"


def test_the_filter_reads_tag_terms_and_plain_text() -> None:
    parsed = ConversationFilter.parse('Trip tag:Work tag:"side  project" to')
    assert parsed == ConversationFilter(("work", "side project"), "trip to")
    assert ConversationFilter.parse("TAG:工作") == ConversationFilter(("工作",), "")
    assert ConversationFilter.parse("tag:") == ConversationFilter((), "")


def test_the_filter_matches_titles_and_tags_ignoring_case() -> None:
    assert ConversationFilter.parse("tag:work").matches("Anything", ["Work", "home"])
    assert not ConversationFilter.parse("tag:work").matches("work in the title", ["home"])
    assert not ConversationFilter.parse("tag:wor").matches("x", ["work"])  # a tag term is the whole tag
    assert ConversationFilter.parse("wor").matches("x", ["Work"])  # plain text finds a tag too
    assert ConversationFilter.parse("STRASSE").matches("Straße", [])
    assert ConversationFilter.parse("").matches("x", [])
    assert not ConversationFilter.parse("tag:work trip").matches("Taxes", ["work"])


def test_clean_tags_trims_drops_repeats_and_sorts() -> None:
    assert clean_tags(["b", " a ", "B", "", "  ", "c  d"]) == ["a", "b", "c d"]

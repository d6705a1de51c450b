"""The output estimate of a reply whose usage never came whole."""

from __future__ import annotations

from core.model.conversation import StoredMessage
from core.model.messages import Usage
from core.model.output_estimate import estimate_tokens, output_estimate


def test_latin_text_is_about_four_characters_a_token_and_chinese_one_a_character() -> None:
    assert estimate_tokens("a" * 40) == 10
    assert estimate_tokens("你好世界") == 4
    assert estimate_tokens("ok 你好") == 2 + 1


def reply(status: str, output: int) -> StoredMessage:
    content = [{"type": "text", "text": "x" * 160}]
    return StoredMessage(2, 1, 1, "assistant", content, status=status, usage=Usage(5, output))  # type: ignore[arg-type,list-item]


def test_only_a_reply_that_did_not_complete_and_reports_less_gets_an_estimate() -> None:
    assert output_estimate(reply("cancelled", 1)) == 40
    assert output_estimate(reply("interrupted", 1)) == 40
    assert output_estimate(reply("complete", 1)) is None
    assert output_estimate(reply("cancelled", 55)) is None

from __future__ import annotations

import itertools

import pytest

from core.compare.word_diff import DiffSpan, new_side, old_side, tokenize, word_diff


def test_words_whitespace_and_punctuation_are_tokens() -> None:
    assert tokenize("Hello,  world!\nfoo_bar x2") == [
        "Hello",
        ",",
        "  ",
        "world",
        "!",
        "\n",
        "foo_bar",
        " ",
        "x2",
    ]


def test_each_cjk_character_is_a_token_of_its_own() -> None:
    assert tokenize("我爱北京 ok ひらがな한국") == [
        "我", "爱", "北", "京", " ", "ok", " ", "ひ", "ら", "が", "な", "한", "국",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text", ["", "plain words", "  leading and trailing  ", "混合 mixed, 文本!\t\r\n🙂 ça-va", "a_b\u2028c"]
)
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_a_changed_word_is_deleted_then_inserted_and_the_rest_is_equal() -> None:
    assert word_diff("The quick brown fox.", "The slow brown fox.") == [
        DiffSpan("equal", "The "),
        DiffSpan("deleted", "quick"),
        DiffSpan("inserted", "slow"),
        DiffSpan("equal", " brown fox."),
    ]


def test_chinese_differs_by_characters_not_by_whole_sentences() -> None:
    assert word_diff("我喜欢吃苹果。", "我喜欢吃香蕉。") == [
        DiffSpan("equal", "我喜欢吃"),
        DiffSpan("deleted", "苹果"),
        DiffSpan("inserted", "香蕉"),
        DiffSpan("equal", "。"),
    ]


def test_pure_insertions_and_deletions() -> None:
    assert word_diff("", "new text") == [DiffSpan("inserted", "new text")]
    assert word_diff("old text", "") == [DiffSpan("deleted", "old text")]
    assert word_diff("same", "same") == [DiffSpan("equal", "same")]
    assert word_diff("a c", "a b c") == [
        DiffSpan("equal", "a "),
        DiffSpan("inserted", "b "),
        DiffSpan("equal", "c"),
    ]


def test_each_side_rebuilds_its_own_text() -> None:
    old = "Temperature 0.2 gives a short, plain answer.\n\n- one\n- two"
    new = "Temperature 1.0 gives a longer and livelier answer!\n\n- one\n- three\n- two"
    spans = word_diff(old, new)
    assert "".join(span.text for span in old_side(spans)) == old
    assert "".join(span.text for span in new_side(spans)) == new
    assert all(a.kind != b.kind for a, b in itertools.pairwise(spans)), "neighbours are merged"


def test_frequent_tokens_still_match_in_long_texts() -> None:
    """Without autojunk off, spaces in a long text count as junk and everything looks changed."""
    old = " ".join(f"word{n}" for n in range(400))
    new = old.replace("word200", "changed")
    spans = word_diff(old, new)
    assert [span.kind for span in spans] == ["equal", "deleted", "inserted", "equal"]
    assert spans[1].text == "word200" and spans[2].text == "changed"

"""Imports of other formats: Claude.ai and ChatGPT data exports, an API request body, and bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model.request_settings import RequestSettings, ThinkingSettings
from core.store.repository import Store
from core.transcripts.importers.base import ImportFormatError, ParsedImport, SkippedItem, SkipReason
from core.transcripts.importers.detect import parse_data, parse_import, read_import_file
from tests.paths import FIXTURES

DEFAULTS = RequestSettings(model="claude-sonnet-4-6", temperature=0.5)


def _texts(store: Store, conversation_id: int) -> list[tuple[str, list[str]]]:
    return [
        (m.role, [str(b.get("text", b.get("type"))) for b in m.content])
        for m in store.current_path(conversation_id)
    ]


def test_a_claude_ai_export_imports_its_conversations_with_a_report(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    parsed = read_import_file(FIXTURES / "claude_ai_conversations.json", DEFAULTS)
    report = store.import_conversations(parsed)

    assert report.source_format == "claude-ai"
    assert report.imported == ["Packing list for Kyoto", "Haiku about rain"]
    cid = report.imported_ids[0]
    path = store.current_path(cid)
    assert [m.role for m in path] == ["user", "assistant", "user"]
    assert path[0].content[0] == {
        "type": "text",
        "text": "What should I pack for Kyoto in April? 京都の天気は？",
    }
    # The text Claude.ai extracted from an attachment comes along as a text document.
    assert path[0].content[1]["source"]["data"].startswith("Day 1: Fushimi Inari")
    assert path[1].content == [{"type": "text", "text": "Layers: April in Kyoto ranges from 8 °C to 20 °C."}]
    assert path[2].content == [{"type": "text", "text": "Thanks!"}]  # old exports: `text` without `content`
    assert store.get_conversation(cid).settings == DEFAULTS
    assert report.skipped == [
        SkippedItem(SkipReason.FILE_NOT_IN_EXPORT, "Packing list for Kyoto", 1, "photo_of_suitcase.jpg"),
        SkippedItem(SkipReason.UNSIGNED_THINKING, "Packing list for Kyoto", 2),
        # The conversation without messages is reported, not added.
        SkippedItem(SkipReason.NO_MESSAGES, "Claude.ai conversation 3"),
    ]


def test_claude_ai_edits_become_branches_and_the_newest_is_shown(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    report = store.import_conversations(read_import_file(FIXTURES / "claude_ai_conversations.json", DEFAULTS))
    cid = report.imported_ids[1]
    assert _texts(store, cid) == [
        ("user", ["Write a haiku about rain."]),
        ("assistant", ["Soft rain on the roof"]),
        ("user", ["Now in Chinese."]),
        ("assistant", ["屋顶细雨声"]),
    ]
    first_reply = store.current_path(cid)[1]
    assert [m.content[0]["text"] for m in store.children(first_reply.id)] == [
        "Now in French.",
        "Now in Chinese.",
    ]
    assert len(store.export_conversation(cid).messages) == 6


def test_a_chatgpt_export_imports_only_the_path_to_the_current_node(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    report = store.import_conversations(read_import_file(FIXTURES / "chatgpt_conversations.json", DEFAULTS))

    assert report.source_format == "chatgpt" and report.imported == ["Sourdough starter"]
    (cid,) = report.imported_ids
    assert _texts(store, cid) == [
        ("user", ["How often should I feed my starter?"]),
        ("assistant", ["Feed it once a day at room temperature."]),
        ("user", ["And in the fridge? 冰箱里呢？"]),
        ("assistant", ["Once a week is enough in the fridge."]),
    ]
    everything = store.export_conversation(cid)
    assert len(everything.messages) == 4  # the regenerated older answer is on another branch: not imported
    assert store.current_path(cid)[1].model == "gpt-4o"
    assert store.current_path(cid)[0].created_at == 1712000001.0
    assert report.skipped == [
        SkippedItem(SkipReason.OTHER_ROLE, "Sourdough starter", 2, "system"),
        SkippedItem(SkipReason.ATTACHMENT_NOT_IN_FILE, "Sourdough starter", 3, "image_asset_pointer"),
        SkippedItem(SkipReason.CHATGPT_TOOL_CALL, "Sourdough starter", 4),
        SkippedItem(SkipReason.OTHER_ROLE, "Sourdough starter", 5, "tool"),
    ]


def test_an_api_request_body_becomes_a_conversation_with_its_settings(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    report = store.import_conversations(read_import_file(FIXTURES / "anthropic_request.json", DEFAULTS))

    assert report.source_format == "anthropic-request"
    assert report.imported == ["What time is it in Lisbon?"]
    conversation = store.get_conversation(report.imported_ids[0])
    settings = conversation.settings
    assert settings.model == "claude-opus-4-1" and settings.max_tokens == 2048
    assert settings.system == "You are a terse assistant." and settings.temperature == 0.3
    assert settings.thinking == ThinkingSettings("enabled", 1024)
    assert settings.metadata_user_id == "user-7"
    assert [tool["name"] for tool in settings.tools] == ["get_time"]
    assert settings.extra_json == {"betas_note_for_relay": {"kept": True}}
    path = store.current_path(conversation.id)
    assert [m.role for m in path] == ["user", "assistant", "user"]
    assert path[1].content[0]["signature"] == "EqQBCkYIBRgCKkD=="
    assert path[2].content[0]["tool_use_id"] == "toolu_01XyZ"


@pytest.mark.parametrize(
    "name", ["claude_ai_conversations.json", "chatgpt_conversations.json", "anthropic_request.json"]
)
def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path: Path, name: str) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    first = store.import_conversations(read_import_file(FIXTURES / name, DEFAULTS))
    second = store.import_conversations(read_import_file(FIXTURES / name, DEFAULTS))
    assert second.imported == [] and second.duplicates == first.imported
    assert len(store.list_conversations()) == len(first.imported)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"model": "x", "messages": [', "not valid JSON"),
        (b'{"hello": "world"}', "not in a format Triptych imports"),
        (b"[]", "not in a format Triptych imports"),
        (b'{"model": "m", "messages": [{"role": "robot", "content": "x"}]}', r"messages\[0\]\.role"),
        (b'{"model": "m", "messages": [{"role": "user", "content": 5}]}', r"messages\[0\]\.content"),
        (b'[{"mapping": {}, "current_node": "gone"}]', "current_node"),
        (b'[{"mapping": {"a": {"parent": "b"}, "b": {"parent": "a"}}, "current_node": "a"}]', "loop"),
        (b'[{"chat_messages": 7}]', "chat_messages"),
        (b'{"format": "triptych", "version": 1, "conversations": {}}', "conversations"),
        (
            b'{"format": "triptych", "version": 1, "conversations": [{"created_at": 1' + b"0" * 400 + b"}]}",
            r"conversations\[0\]\.created_at should be a finite number, not a number too large to hold\.",
        ),
        (
            b'{"format": "triptych", "version": 1, "conversations": [{"created_at": NaN}]}',
            r"conversations\[0\]\.created_at should be a finite number, not NaN or infinity\.",
        ),
    ],
)
def test_a_malformed_file_gives_a_clear_error_and_adds_nothing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message):
        store.import_conversations(read_import_file(path, DEFAULTS))
    assert store.list_conversations() == []


def test_half_of_a_utf16_pair_is_replaced_not_fatal(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    content = b'"broken \\ud83d here, whole \\ud83d\\ude00"'
    body = b'{"model": "m", "messages": [{"role": "user", "content": ' + content + b"}]}"
    report = store.import_conversations(parse_import(body, DEFAULTS))
    (message,) = store.current_path(report.imported_ids[0])
    assert message.content == [{"type": "text", "text": "broken \ufffd here, whole \U0001f600"}]
    assert report.skipped == [SkippedItem(SkipReason.REPAIRED_CHARACTERS, count=1)]


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="Cannot read"):
        read_import_file(tmp_path / "nowhere.json", DEFAULTS)


def test_a_deeply_nested_file_is_a_clear_error() -> None:
    with pytest.raises(ImportFormatError, match="nested too deeply"):
        parse_import("[" * 100_000 + "]" * 100_000, DEFAULTS)


# -- property tests: whatever JSON comes in, the result is a report or the clear error ---------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["role", "content", "text", "type", "sender", "chat_messages", "mapping", "current_node", "parent",
     "message", "author", "parts", "content_type", "messages", "model", "format", "version", "conversations",
     "id", "attachments", "files", "metadata", "recipient", "compare_runs", "columns", "replies", "thinking"]
)  # fmt: skip
# JSON shaped like the formats, so the property reaches deep into each importer, not only its first check.
_shaped = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["user", "assistant", "human", "text", "a", 2**70, float("nan"), float("inf")]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=6),
    max_leaves=40,
)


def _parse_or_clear_error(data: Any, tmp_path: Path | None = None) -> None:
    try:
        parsed = parse_data(data, DEFAULTS, 1.0)
    except ImportFormatError as error:
        assert str(error)
        return
    assert isinstance(parsed, ParsedImport)


@settings(max_examples=100, deadline=None)
@given(_json)
def test_any_json_gives_a_report_or_the_clear_error(data: Any) -> None:
    _parse_or_clear_error(data)


_block = st.fixed_dictionaries(
    {"type": st.sampled_from(["text", "thinking", "image", "tool_use", "tool_result", "x"])},
    optional={"text": _shaped | st.text(max_size=5), "source": _shaped, "input": _shaped, "content": _shaped},
)
_api_message = st.fixed_dictionaries(
    {
        "role": st.sampled_from(["user", "assistant", "system"]),
        "content": st.text(max_size=5) | st.lists(_block),
    }
)
_request_body = st.fixed_dictionaries(
    {"model": st.text(max_size=5), "messages": st.lists(_api_message, max_size=4)},
    optional={key: _shaped for key in ("system", "thinking", "output_config", "metadata", "tools", "top_k")},
)
_claude_message = st.fixed_dictionaries(
    {"sender": st.sampled_from(["human", "assistant", "other"])},
    optional={
        "text": _shaped | st.text(max_size=5),
        "content": st.lists(_block | _shaped, max_size=3),
        "attachments": _shaped
        | st.lists(st.fixed_dictionaries({}, optional={"file_name": _shaped, "extracted_content": _shaped})),
        "files": _shaped,
        "created_at": _shaped | st.sampled_from(["2025-01-01T00:00:00Z", "yesterday"]),
        "uuid": st.sampled_from(["a", "b", "c"]) | _shaped,
        "parent_message_uuid": st.sampled_from(["a", "b", "c", None]) | _shaped,
    },
)
_claude_export = st.lists(
    st.fixed_dictionaries(
        {"chat_messages": st.lists(_claude_message, max_size=4)}, optional={"name": _shaped}
    ),
    max_size=2,
)


@st.composite
def _chatgpt_export(draw: st.DrawFn) -> list[dict[str, Any]]:
    size = draw(st.integers(1, 6))
    mapping: dict[str, Any] = {}
    for index in range(size):
        parent = draw(st.none() | st.integers(0, index - 1).map(str)) if index else None
        message = draw(
            st.none()
            | st.fixed_dictionaries(
                {
                    "author": st.fixed_dictionaries(
                        {"role": st.sampled_from(["user", "assistant", "tool", "x"])}
                    ),
                    "content": st.fixed_dictionaries(
                        {
                            "content_type": st.sampled_from(["text", "multimodal_text", "code", "thoughts"]),
                            "parts": st.lists(st.text(max_size=5) | _shaped, max_size=3),
                        },
                        optional={"text": _shaped},
                    ),
                },
                optional={
                    "metadata": _shaped,
                    "recipient": st.sampled_from(["all", "python"]),
                    "create_time": _shaped,
                },
            )
        )
        mapping[str(index)] = {"message": message, "parent": parent}
    current = draw(st.integers(0, size - 1).map(str) | _shaped)
    return [{"mapping": mapping, "current_node": current, "title": draw(_shaped)}]


@st.composite
def _triptych_export(draw: st.DrawFn) -> dict[str, Any]:
    size = draw(st.integers(0, 5))
    messages = [
        draw(
            st.fixed_dictionaries(
                {
                    "id": st.just(index + 1),
                    "parent": st.none() | st.integers(1, max(index, 1)),
                    "role": st.sampled_from(["user", "assistant", "user", "assistant", "system"]),
                    "content": st.lists(_block, max_size=2),
                },
                optional={
                    key: _shaped for key in ("status", "usage", "timing", "error", "warnings", "model")
                },
            )
        )
        for index in range(size)
    ]
    runs = st.lists(
        st.fixed_dictionaries(
            {
                "columns": st.lists(
                    st.fixed_dictionaries({}, optional={"replies": _shaped, "settings": _shaped})
                )
            },
            optional={"prompts": _shaped, "base_message": st.integers(0, size), "chosen_column": _shaped},
        ),
        max_size=2,
    )
    conversation = {
        "messages": messages,
        "compare_runs": draw(runs),
        "current_leaf": draw(st.none() | st.integers(1, max(size, 1))),
    }
    return {"format": "triptych", "version": 1, "conversations": [conversation]}


_formats = st.one_of(
    _shaped,
    st.lists(_shaped, max_size=3),
    _request_body,
    _claude_export,
    _chatgpt_export(),
    _triptych_export(),
)


@settings(max_examples=100, deadline=None)
@given(_formats)
def test_json_shaped_like_each_format_gives_a_report_or_the_clear_error(data: Any) -> None:
    _parse_or_clear_error(data)


@settings(max_examples=50, deadline=None)
@given(_formats)
def test_whatever_parses_can_be_saved(tmp_path_factory: pytest.TempPathFactory, data: Any) -> None:
    try:
        parsed = parse_data(data, DEFAULTS, 1.0)
    except ImportFormatError:
        return
    store = Store.open(tmp_path_factory.mktemp("db") / "db.sqlite3")
    report = store.import_conversations(parsed)
    assert len(store.list_conversations()) == len(report.imported)
    store.close()


def test_parse_import_accepts_text_as_well_as_bytes() -> None:
    body = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    assert parse_import(body, DEFAULTS).conversations[0].title == "hi"
    assert parse_import(body.encode(), DEFAULTS).conversations[0].title == "hi"

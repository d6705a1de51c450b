"""Triptych JSON: export -> import gives the same conversation whole; exact duplicates are skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.archive import FORMAT_VERSION, archive_json, content_hash, conversation_to_json
from core.transcripts.importers.base import ImportFormatError
from core.transcripts.importers.detect import parse_import
from tests.core.store_helpers import RICH_CONTENT, text
from tests.core.transfer_helpers import PNG_BASE64, WEATHER_RUN, rich_conversation

DEFAULTS = RequestSettings(model="claude-sonnet-4-6")


def _round_trip(source: Store, target: Store, conversation_id: int) -> int:
    document = archive_json([source.export_conversation(conversation_id)], exported_at=1.0)
    report = target.import_conversations(parse_import(document, DEFAULTS))
    assert len(report.imported_ids) == 1
    return report.imported_ids[0]


def test_export_then_import_gives_an_identical_conversation(tmp_path: Path) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    original = source.export_conversation(rich_conversation(source))
    copy = target.export_conversation(_round_trip(source, target, rich_conversation(source, "second")))

    assert conversation_to_json(copy) == conversation_to_json(source.export_conversation(2))
    assert copy.title == "second"
    # What the round trip must keep, checked one by one as well as whole.
    blocks = [block for message in copy.messages for block in message.content]
    assert RICH_CONTENT[0] in blocks  # thinking with its signature
    assert {
        "type": "tool_use",
        "id": "toolu_01A",
        "name": "get_weather",
        "input": {"city": "Paris"},
    } in blocks
    assert any(block.get("tool_use_id") == "toolu_01A" for block in blocks)
    assert any(block.get("source", {}).get("data") == PNG_BASE64 for block in blocks)
    replies = [message for message in copy.messages if message.request_id]
    assert replies[0].usage is not None and replies[0].usage.cache_read_input_tokens == 10
    assert replies[0].timing is not None and replies[0].timing.duration == 2.5
    assert replies[0].cost_usd == 0.00123 and replies[0].warnings == ["a warning kept with the reply"]
    assert replies[0].tool_runs == [WEATHER_RUN]  # the card of the MCP call, with its status and duration
    errored = [message for message in copy.messages if message.error is not None]
    assert errored[0].error is not None and errored[0].error.retry_after == 3.0
    # Choosing compare column 1 gave the conversation that column's settings and (no) profile.
    assert copy.settings == original.settings and copy.settings.model == "claude-opus-4-1"
    assert copy.profile_name is None and original.profile_name is None


def test_branches_and_the_current_leaf_survive(tmp_path: Path) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    cid = rich_conversation(source)
    new_id = _round_trip(source, target, cid)

    old_path = [m.content for m in source.current_path(cid)]
    assert [m.content for m in target.current_path(new_id)] == old_path
    tool_result = target.current_path(new_id)[2]
    # Below the tool result: the reply on screen, the failed attempt, and the two compare columns' prompts.
    assert len(target.children(tool_result.id)) == 2
    assert target.get_conversation(new_id).current_leaf_id == target.current_path(new_id)[-1].id


def test_compare_runs_survive_with_their_columns_rounds_metrics_and_choice(tmp_path: Path) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    cid = rich_conversation(source)
    new_id = _round_trip(source, target, cid)

    (before,), (after,) = source.list_compare_runs(cid), target.list_compare_runs(new_id)
    assert after.prompts == before.prompts == ["And tomorrow?"]
    assert after.chosen_column == 1
    assert [c.settings for c in after.columns] == [c.settings for c in before.columns]
    assert [c.metrics for c in after.columns] == [c.metrics for c in before.columns]
    assert [target.get_message(c.reply_ids[0]).content for c in after.columns] == [
        text("Column 0"),
        text("Column 1"),
    ]
    base = target.get_message(after.base_message_id or 0)
    assert base.content == source.get_message(before.base_message_id or 0).content


def test_a_second_import_skips_the_duplicate_and_says_so(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    cid = rich_conversation(store)
    document = archive_json([store.export_conversation(cid)], exported_at=1.0)

    report = store.import_conversations(parse_import(document, DEFAULTS))

    assert report.imported == [] and report.duplicates == ["Everything at once"]
    assert len(store.list_conversations()) == 1


def test_the_content_hash_ignores_ids_times_and_sibling_order_but_not_content(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    archived = store.export_conversation(rich_conversation(store))
    reordered = store.export_conversation(rich_conversation(store, "other title"))
    for message in reordered.messages:
        message.id += 100
        message.parent = None if message.parent is None else message.parent + 100
        message.created_at += 5000
    reordered.current_leaf = None
    assert content_hash(reordered) == content_hash(archived)
    reordered.messages[0].content = text("changed")
    assert content_hash(reordered) != content_hash(archived)


def test_the_file_is_versioned_and_holds_no_ids_of_the_database(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    store.create_conversation(DEFAULTS, None, "padding")  # database ids no longer start at 1
    cid = rich_conversation(store)
    document = json.loads(archive_json([store.export_conversation(cid)], exported_at=1.0))
    assert document["format"] == "triptych" and document["version"] == FORMAT_VERSION
    (conversation,) = document["conversations"]
    assert [m["id"] for m in conversation["messages"]] == list(range(1, len(conversation["messages"]) + 1))
    assert set(conversation) >= {
        "title",
        "settings",
        "messages",
        "compare_runs",
        "current_leaf",
        "content_hash",
    }


@pytest.mark.parametrize(
    ("mutate", "named"),
    [
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d["conversations"][0]["messages"][1].update(parent=999), "messages[1].parent"),
        (lambda d: d["conversations"][0]["messages"][0].update(role="system"), "messages[0].role"),
        (lambda d: d["conversations"][0]["messages"][0].update(content="hi"), "messages[0].content"),
        (lambda d: d["conversations"][0].update(current_leaf=12345), "current_leaf"),
        (lambda d: d["conversations"][0]["compare_runs"][0].update(columns=[]), "compare_runs[0].columns"),
    ],
)
def test_a_damaged_export_is_refused_whole_with_the_place_named(tmp_path: Path, mutate, named: str) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    good = store.export_conversation(rich_conversation(store))
    document = json.loads(archive_json([good, good], exported_at=1.0))
    document["conversations"][1]["title"] = "fine"
    mutate(document)
    target = Store.open(tmp_path / "b.sqlite3")

    with pytest.raises(ImportFormatError, match=named.replace("[", r"\[").replace("]", r"\]")):
        target.import_conversations(parse_import(json.dumps(document), DEFAULTS))
    assert target.list_conversations() == []


@pytest.mark.parametrize("leaf", ["missing", None], ids=["without current_leaf", "current_leaf null"])
def test_a_file_without_the_branch_on_screen_opens_on_its_newest_branch(tmp_path: Path, leaf: object) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    cid = rich_conversation(source)
    document = json.loads(archive_json([source.export_conversation(cid)], exported_at=1.0))
    conversation = document["conversations"][0]
    if leaf == "missing":
        del conversation["current_leaf"]
    else:
        conversation["current_leaf"] = leaf
    newest = conversation["messages"][-1]

    (new_id,) = target.import_conversations(parse_import(json.dumps(document), DEFAULTS)).imported_ids

    path = target.current_path(new_id)
    assert path, "the transcript is not empty"
    assert path[-1].content == newest["content"]
    assert path[0].role == "user"


def test_tags_survive_export_and_import_and_older_files_have_none(tmp_path: Path) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    conversation_id = rich_conversation(source)
    source.set_tags(conversation_id, ["work", "工作"])
    document = archive_json([source.export_conversation(conversation_id)], exported_at=1.0)
    assert json.loads(document)["conversations"][0]["tags"] == ["work", "工作"]

    copy = target.import_conversations(parse_import(document, DEFAULTS)).imported_ids[0]
    assert target.tags_of(copy) == ["work", "工作"]
    assert target.list_conversations()[0].tags == ("work", "工作")

    older = json.loads(document)
    del older["conversations"][0]["tags"]
    third = Store.open(tmp_path / "c.sqlite3")
    imported = third.import_conversations(parse_import(json.dumps(older), DEFAULTS)).imported_ids[0]
    assert third.tags_of(imported) == []


def test_tags_that_are_not_text_are_refused_with_the_place_named(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    exported = store.export_conversation(rich_conversation(store))
    document = json.loads(archive_json([exported], exported_at=1.0))
    document["conversations"][0]["tags"] = ["ok", 3]
    with pytest.raises(ImportFormatError, match=r"conversations\[0\]\.tags\[1\] should be text"):
        parse_import(json.dumps(document), DEFAULTS)


def test_importing_a_conversation_already_here_adds_the_files_tags_to_it(tmp_path: Path) -> None:
    source, target = Store.open(tmp_path / "a.sqlite3"), Store.open(tmp_path / "b.sqlite3")
    conversation_id = rich_conversation(source)
    untagged = archive_json([source.export_conversation(conversation_id)], exported_at=1.0)
    copy = target.import_conversations(parse_import(untagged, DEFAULTS)).imported_ids[0]
    target.set_tags(copy, ["Work"])
    source.set_tags(conversation_id, ["work", "home"])
    tagged = archive_json([source.export_conversation(conversation_id)], exported_at=2.0)

    report = target.import_conversations(parse_import(tagged, DEFAULTS))

    assert report.imported == [] and report.duplicates == ["Everything at once"]
    assert target.tags_of(copy) == ["home", "Work"]

"""The GUI's doors into the store: each verb does its work on the store's thread and returns typed values."""

import threading
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from core.model.request_settings import RequestSettings
from core.store.backup import daily_backup
from core.store.errors import RecordNotFoundError
from core.store.search_query import SearchQuery
from core.store.services import StoreServices
from core.store.worker import StoreWorker
from core.transcripts.importers.base import ParsedImport
from tests.core.store_helpers import FakeClock, relay_profile, text

SETTINGS = RequestSettings(model="claude-sonnet-4-6")


@pytest.fixture
async def worker(tmp_path: Path) -> AsyncIterator[StoreWorker]:
    started = StoreWorker(tmp_path / "triptych.sqlite3", clock=FakeClock())
    yield started
    await started.close()


async def conversation_with_a_reply(worker: StoreWorker, title: str) -> tuple[int, int, int]:
    """A conversation with a user turn and a reply; returns (conversation, user, reply) ids."""

    def build(store):  # type: ignore[no-untyped-def]
        conversation = store.create_conversation(SETTINGS, "Relay", title=title)
        user = store.add_message(conversation.id, None, "user", text(f"Plan {title}"), status="complete")
        reply = store.add_message(conversation.id, user.id, "assistant", text("Day one"), status="streaming")
        return conversation.id, user.id, reply.id

    return await worker.call(build)


async def test_conversations_are_listed_opened_changed_deleted_and_restored(worker: StoreWorker) -> None:
    doors = StoreServices.over(worker).conversations
    created = await doors.create(SETTINGS, "Relay")
    conversation_id, user_id, reply_id = await conversation_with_a_reply(worker, "Kyoto")
    await doors.rename(created.id, "Osaka")
    await doors.set_pinned(created.id, True)
    assert [row.title for row in await doors.summaries()] == ["Osaka", "Kyoto"]

    conversation, path = await doors.opened(conversation_id)
    assert conversation.title == "Kyoto" and [m.id for m in path] == [user_id, reply_id]
    await doors.update_settings(conversation_id, RequestSettings(model="claude-haiku-4-5"), None)
    assert (await doors.get(conversation_id)).settings.model == "claude-haiku-4-5"
    assert (await doors.conversation_of(reply_id)).id == conversation_id
    assert [m.id for m in await doors.messages([reply_id, user_id])] == [reply_id, user_id]
    assert (await doors.versions([user_id]))[user_id].count == 1

    deleted = await doors.delete(conversation_id)
    assert deleted.title == "Kyoto"
    assert [row.title for row in await doors.summaries()] == ["Osaka"]
    await doors.restore(conversation_id)
    assert [row.title for row in await doors.summaries()] == ["Osaka", "Kyoto"]
    with pytest.raises(RecordNotFoundError):
        await doors.message(10_000)


async def test_tidying_at_start_marks_cut_replies_interrupted_and_drops_deleted_conversations(
    worker: StoreWorker,
) -> None:
    doors = StoreServices.over(worker).conversations
    kept_id, _, reply_id = await conversation_with_a_reply(worker, "Kept")
    gone_id, _, _ = await conversation_with_a_reply(worker, "Gone")
    await doors.delete(gone_id)
    await doors.tidy_at_start()
    assert (await doors.message(reply_id)).status == "interrupted"
    assert (await doors.message(reply_id)).content == text("Day one")
    assert [row.id for row in await doors.summaries()] == [kept_id]
    with pytest.raises(RecordNotFoundError):  # purged for good: there is nothing left to restore
        await doors.restore(gone_id)


async def test_profiles_are_saved_renamed_and_deleted(worker: StoreWorker) -> None:
    profiles = StoreServices.over(worker).profiles
    await profiles.save(relay_profile("Relay"))
    await profiles.save(relay_profile("Relay two"), old_name="Relay")
    assert [p.name for p in await profiles.all()] == ["Relay two"]
    await profiles.delete("Relay two")
    assert await profiles.all() == []


async def test_search_runs_on_the_store_thread_and_an_empty_query_asks_nothing(worker: StoreWorker) -> None:
    services = StoreServices.over(worker)
    await conversation_with_a_reply(worker, "Kyoto")
    await services.conversations.tidy_at_start()  # the reply stops streaming, so it is indexed
    hits = await services.search.search(SearchQuery("day one"))
    assert [hit.snippet for hit in hits if hit.message_id is not None]
    assert await services.search.search(SearchQuery("   ")) == []
    assert (await services.search.choices()).profiles == ["Relay"]


async def test_transfer_exports_imports_and_restores_from_a_backup(
    worker: StoreWorker, tmp_path: Path
) -> None:
    services = StoreServices.over(worker)
    conversation_id, _, _ = await conversation_with_a_reply(worker, "Kyoto")
    archived = await services.transfer.export_conversation(conversation_id)
    assert [a.title for a in await services.transfer.export_all()] == ["Kyoto"]
    again = await services.transfer.import_conversations(ParsedImport("triptych", [archived]))
    assert again.imported_ids == [] and len(again.duplicates) == 1

    backup = daily_backup(worker.path, tmp_path / "backups", date(2026, 12, 1))
    assert backup is not None
    await services.conversations.delete(conversation_id)
    await services.conversations.tidy_at_start()
    report = await services.transfer.restore_backup(backup)
    assert len(report.imported_ids) == 1
    assert [row.title for row in await services.conversations.summaries()] == ["Kyoto"]


async def test_every_door_works_off_the_callers_thread(worker: StoreWorker) -> None:
    seen: list[int] = []
    original = worker.call

    def spying_call(function, *args, **kwargs):  # type: ignore[no-untyped-def]
        return original(
            lambda store: (seen.append(threading.get_ident()), function(store, *args, **kwargs))[1]
        )

    worker.call = spying_call  # type: ignore[method-assign]
    await StoreServices.over(worker).conversations.summaries()
    assert seen and threading.get_ident() not in seen


async def test_tool_settings_keep_servers_without_secrets_rules_and_the_loop_limit(
    worker: StoreWorker,
) -> None:
    from core.model.tools import ApprovalRule, Decision, ServerConfig
    from core.store.errors import NameTakenError

    doors = StoreServices.over(worker).tool_settings
    time_server = ServerConfig("time", command="uvx", args=("mcp-server-time",))
    github = ServerConfig(
        "github",
        transport="http",
        url="https://mcp.example/mcp",
        headers={"Authorization": "Bearer ghp_never_in_the_database"},
        secret_names=frozenset({"Authorization"}),
    )
    await doors.save_server(time_server)
    await doors.save_server(github)
    assert [s.name for s in await doors.servers()] == ["time", "github"]  # in the order added
    assert (await doors.servers())[1].headers == {"Authorization": ""}
    assert b"ghp_never" not in worker.path.read_bytes()

    conversation = await StoreServices.over(worker).conversations.create(SETTINGS, None)
    here = ApprovalRule("github", "create_issue", Decision.ALLOW, conversation_id=conversation.id)
    await doors.add_rule(ApprovalRule("github", None, Decision.ASK, created_at=1.0))
    await doors.add_rule(here)
    await doors.add_rule(ApprovalRule("time", "get_current_time", Decision.ALLOW))
    # A new answer for the same server, tool and conversation replaces the old one.
    await doors.add_rule(ApprovalRule("time", "get_current_time", Decision.DENY, created_at=2.0))
    assert [(r.server, r.tool, r.decision) for r in await doors.rules()] == [
        ("github", None, Decision.ASK),
        ("github", "create_issue", Decision.ALLOW),
        ("time", "get_current_time", Decision.DENY),
    ]

    # Renaming a server carries its rules; a name in use is refused.
    await doors.save_server(ServerConfig("gh", transport="http", url=github.url), old_name="github")
    assert {r.server for r in await doors.rules()} == {"gh", "time"}
    with pytest.raises(NameTakenError):
        await doors.save_server(ServerConfig("time"), old_name="gh")
    with pytest.raises(NameTakenError):
        await doors.save_server(ServerConfig("gh"), old_name="nonexistent")

    await doors.revoke_rule(
        ApprovalRule("gh", "create_issue", Decision.ALLOW, conversation_id=conversation.id)
    )
    assert [(r.server, r.tool) for r in await doors.rules()] == [("gh", None), ("time", "get_current_time")]
    await doors.delete_server("gh")
    assert [s.name for s in await doors.servers()] == ["time"]
    assert [r.server for r in await doors.rules()] == ["time"]

    assert await doors.tool_limit() == 20
    await doors.set_tool_limit(5)
    assert await doors.tool_limit() == 5
    with pytest.raises(ValueError):
        await doors.set_tool_limit(0)


async def test_a_conversations_rules_go_with_it(worker: StoreWorker) -> None:
    from core.model.tools import ApprovalRule, Decision

    doors = StoreServices.over(worker)
    conversation = await doors.conversations.create(SETTINGS, None)
    await doors.tool_settings.add_rule(
        ApprovalRule("time", None, Decision.ALLOW, conversation_id=conversation.id)
    )
    await doors.conversations.delete(conversation.id)
    assert len(await doors.tool_settings.rules()) == 1  # deleting can be undone until the next start
    await worker.call(lambda store: store.purge_deleted(-1))
    assert await doors.tool_settings.rules() == []

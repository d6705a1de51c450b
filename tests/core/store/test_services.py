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

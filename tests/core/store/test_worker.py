"""The store runs on its own thread: awaiting a call never blocks the event loop's thread."""

import asyncio
import random
import re
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.repository import (
    RecordNotFoundError,
    Store,
    StoreClosedError,
    StoreError,
    UnreadableDatabaseError,
)
from core.store.worker import StoreWorker
from tests.core.store_helpers import FakeClock, text

SETTINGS = RequestSettings(model="claude-sonnet-4-6")


@pytest.fixture
async def worker(tmp_path: Path) -> AsyncIterator[StoreWorker]:
    started = StoreWorker(tmp_path / "triptych.sqlite3", clock=FakeClock())
    yield started
    await started.close()


def store_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("triptych-store")]


async def test_every_call_runs_on_one_thread_that_is_not_the_callers(worker: StoreWorker) -> None:
    here = threading.get_ident()
    first = await worker.call(lambda store: threading.get_ident())
    second = await worker.call(lambda store: threading.get_ident())
    assert first == second != here


async def test_calls_take_unbound_methods_with_arguments_or_lambdas(worker: StoreWorker) -> None:
    created = await worker.call(Store.create_conversation, SETTINGS, "Demo", title="Kyoto")
    await worker.call(Store.add_message, created.id, None, "user", text("Plan it"), status="complete")
    listed = await worker.call(lambda store: store.list_conversations("kyo"))
    assert [c.title for c in listed] == ["Kyoto"]
    assert worker.call_sync(Store.current_path, created.id)[0].content == text("Plan it")


async def test_an_error_on_the_store_thread_is_raised_to_the_awaiting_coroutine(worker: StoreWorker) -> None:
    with pytest.raises(RecordNotFoundError, match="404"):
        await worker.call(Store.get_conversation, 404)
    with pytest.raises(ZeroDivisionError):
        await worker.call(lambda store: 1 / 0)
    assert await worker.call(lambda store: "still working") == "still working"


async def test_sqlite_failures_arrive_as_store_errors_naming_the_file(worker: StoreWorker) -> None:
    with pytest.raises(StoreError, match=r"triptych\.sqlite3") as caught:
        await worker.call(lambda store: store._db.execute("SELECT * FROM no_such_table"))
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)


async def test_calls_run_in_the_order_they_were_made(worker: StoreWorker) -> None:
    chat = (await worker.call(Store.create_conversation, SETTINGS, None)).id
    reply = await worker.call(Store.add_message, chat, None, "assistant", [], "streaming")
    updates = [worker.call(Store.update_reply, reply.id, content=text(f"v{n}")) for n in range(30)]
    await asyncio.gather(*updates)
    assert (await worker.call(Store.get_message, reply.id)).content == text("v29")


async def test_a_write_still_happens_when_its_awaiting_task_is_cancelled(worker: StoreWorker) -> None:
    chat = (await worker.call(Store.create_conversation, SETTINGS, None)).id
    gate = threading.Event()
    blocker = asyncio.ensure_future(worker.call(lambda store: gate.wait(5)))
    save = asyncio.ensure_future(worker.call(Store.rename, chat, "saved while closing"))
    await asyncio.sleep(0)
    save.cancel()
    gate.set()
    await blocker
    with pytest.raises(asyncio.CancelledError):
        await save
    assert (await worker.call(Store.get_conversation, chat)).title == "saved while closing"


async def test_close_finishes_the_calls_made_before_it_then_refuses_more(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    worker = StoreWorker(path)
    chat = worker.call_sync(Store.create_conversation, SETTINGS, None).id
    pending = asyncio.ensure_future(worker.call(Store.rename, chat, "last words"))
    await worker.close()
    await pending
    assert worker.closed
    with pytest.raises(StoreClosedError):
        await worker.call(Store.list_conversations)
    with pytest.raises(StoreClosedError):
        worker.call_sync(Store.list_conversations)
    await worker.close()  # closing twice is harmless
    assert store_threads() == []
    reopened = Store.open(path)
    assert reopened.get_conversation(chat).title == "last words"
    reopened.close()


def test_close_sync_for_shutdown_without_a_loop(tmp_path: Path) -> None:
    worker = StoreWorker(tmp_path / "triptych.sqlite3")
    worker.call_sync(Store.save_profile, Profile("P", "https://x"))
    worker.close_sync()
    worker.close_sync()
    assert store_threads() == []


def test_a_damaged_file_fails_at_once_and_leaves_no_thread(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    path.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(UnreadableDatabaseError, match=re.escape(str(path))):
        StoreWorker(path)
    assert store_threads() == []

"""The store on a real SQLite file: opening safely, the conversation list, profiles, and no secrets."""

import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.errors import ReadOnlyDatabaseError
from core.store.migrations import migrate
from core.store.repository import (
    ForeignDatabaseError,
    NameTakenError,
    NewerDatabaseError,
    RecordNotFoundError,
    Store,
    StoreError,
    UnreadableDatabaseError,
)
from tests.core.store_helpers import FakeClock, full_settings, relay_profile, text
from tests.read_only import read_only_folder

SETTINGS = RequestSettings(model="claude-sonnet-4-6")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "triptych.sqlite3", clock=clock)
    yield opened
    opened.close()


def pragma(store: Store, name: str) -> object:
    return store._db.execute(f"PRAGMA {name}").fetchone()[0]


# -- opening ---------------------------------------------------------------------------------------------


def test_a_new_database_uses_wal_foreign_keys_and_waits_when_busy(store: Store) -> None:
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "busy_timeout") == 5000


def test_what_was_saved_is_there_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    first = Store.open(path)
    created = first.create_conversation(full_settings(), "Relay", title="Trip to Kyoto")
    first.add_message(created.id, None, "user", text("Plan my trip"))
    first.close()
    again = Store.open(path)
    assert again.get_conversation(created.id).settings == full_settings()
    assert [m.content for m in again.current_path(created.id)] == [text("Plan my trip")]
    again.close()


@pytest.mark.parametrize(
    "content",
    [random.Random(4).randbytes(8192), b"Not a database, just my notes.\n" * 50],
    ids=["random bytes", "a text file"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "triptych.sqlite3"
    path.write_bytes(content)
    with pytest.raises(UnreadableDatabaseError) as caught:
        Store.open(path)
    assert isinstance(caught.value, StoreError)
    assert str(path) in str(caught.value)
    assert caught.value.path == path
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["triptych.sqlite3"]


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE bookmarks (url TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    newer = sqlite3.connect(path, isolation_level=None)
    migrate(newer)
    newer.execute("INSERT INTO _migrations VALUES ('m050_something_new', 0)")
    newer.close()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Store.open(path)


def test_a_folder_in_place_of_the_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=re.escape(str(tmp_path))):
        Store.open(tmp_path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    path.touch()
    opened = Store.open(path)
    assert opened.list_conversations() == []
    opened.close()


# -- conversations -------------------------------------------------------------------------------------


def test_a_new_conversation_has_its_settings_and_no_messages(store: Store, clock: FakeClock) -> None:
    created = store.create_conversation(full_settings(), "Relay")
    assert created.settings == full_settings()
    assert created.profile_name == "Relay"
    assert (created.title, created.pinned, created.current_leaf_id) == ("", False, None)
    assert created.created_at == created.updated_at == clock.now
    assert store.current_path(created.id) == []


def test_pinned_come_first_then_the_most_recently_active(store: Store, clock: FakeClock) -> None:
    old = store.create_conversation(SETTINGS, None, title="old")
    clock.advance(10)
    middle = store.create_conversation(SETTINGS, None, title="middle")
    clock.advance(10)
    new = store.create_conversation(SETTINGS, None, title="new")
    assert [c.title for c in store.list_conversations()] == ["new", "middle", "old"]

    clock.advance(10)
    store.add_message(old.id, None, "user", text("back to this one"))
    assert [c.title for c in store.list_conversations()] == ["old", "new", "middle"]

    store.set_pinned(middle.id, True)
    store.rename(new.id, "renamed")  # renaming is not activity: the order stays
    listed = store.list_conversations()
    assert [(c.title, c.pinned) for c in listed] == [("middle", True), ("old", False), ("renamed", False)]
    assert listed[1].updated_at == clock.now


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("kyoto", ["Trip to KYOTO"]),
        ("  TRIP ", ["Trip to KYOTO"]),
        ("你好", ["你好，世界"]),
        ("ÉTÉ", ["Vacances d'été"]),
        ("straße", ["STRASSE names"]),
        ("", ["STRASSE names", "Vacances d'été", "你好，世界", "Trip to KYOTO"]),
        ("   ", ["STRASSE names", "Vacances d'été", "你好，世界", "Trip to KYOTO"]),
        ("nowhere", []),
    ],
)
def test_the_filter_matches_part_of_a_title_in_any_case_and_script(
    store: Store, clock: FakeClock, needle: str, expected: list[str]
) -> None:
    for title in ("Trip to KYOTO", "你好，世界", "Vacances d'été", "STRASSE names"):
        store.create_conversation(SETTINGS, None, title=title)
        clock.advance(1)
    assert [c.title for c in store.list_conversations(needle)] == expected


def test_percent_and_underscore_in_the_filter_are_plain_characters(store: Store) -> None:
    store.create_conversation(SETTINGS, None, title="100% done")
    store.create_conversation(SETTINGS, None, title="1000 done")
    assert [c.title for c in store.list_conversations("0%")] == ["100% done"]
    assert store.list_conversations("_") == []


def test_an_automatic_title_never_replaces_the_users_title(store: Store) -> None:
    untitled = store.create_conversation(SETTINGS, None)
    assert store.set_auto_title(untitled.id, "Weather in Paris")
    assert store.set_auto_title(untitled.id, "Weather in Paris today")
    store.rename(untitled.id, "Mine")
    assert not store.set_auto_title(untitled.id, "Something else")
    assert store.get_conversation(untitled.id).title == "Mine"
    titled = store.create_conversation(SETTINGS, None, title="Named at creation")
    assert not store.set_auto_title(titled.id, "Generated")
    assert store.get_conversation(titled.id).title == "Named at creation"


def test_settings_and_profile_of_a_conversation_are_updated(store: Store) -> None:
    created = store.create_conversation(SETTINGS, "Demo")
    store.update_conversation_settings(created.id, full_settings(), "Relay")
    loaded = store.get_conversation(created.id)
    assert (loaded.settings, loaded.profile_name) == (full_settings(), "Relay")


def test_delete_hides_restore_brings_back(store: Store, clock: FakeClock) -> None:
    kept = store.create_conversation(SETTINGS, None, title="kept")
    gone = store.create_conversation(SETTINGS, None, title="gone")
    message = store.add_message(gone.id, None, "user", text("hello"))
    store.delete_conversation(gone.id)
    assert [c.title for c in store.list_conversations()] == ["kept"]
    assert store.get_conversation(gone.id).title == "gone"  # still there for undo

    store.restore_conversation(gone.id)
    assert [c.title for c in store.list_conversations()] == ["gone", "kept"]
    assert store.get_message(message.id).content == text("hello")
    assert store.get_conversation(kept.id).title == "kept"


def test_purge_removes_only_what_was_deleted_long_enough_ago(store: Store, clock: FakeClock) -> None:
    first = store.create_conversation(SETTINGS, None, title="first")
    reply = store.add_message(first.id, None, "user", text("hi"))
    second = store.create_conversation(SETTINGS, None, title="second")
    alive = store.create_conversation(SETTINGS, None, title="alive")
    store.delete_conversation(first.id)
    clock.advance(50)
    store.delete_conversation(second.id)
    clock.advance(20)
    store.delete_conversation(first.id)  # deleting again keeps the first deletion time
    assert store.purge_deleted(older_than_seconds=60) == 1
    with pytest.raises(RecordNotFoundError):
        store.get_conversation(first.id)
    with pytest.raises(RecordNotFoundError):
        store.get_message(reply.id)  # its messages went with it
    store.restore_conversation(second.id)
    assert store.purge_deleted(0) == 0
    assert [c.id for c in store.list_conversations()] == [alive.id, second.id]


def test_a_missing_conversation_is_a_lookup_error(store: Store) -> None:
    for action in (
        lambda: store.get_conversation(404),
        lambda: store.rename(404, "x"),
        lambda: store.set_auto_title(404, "x"),
        lambda: store.set_pinned(404, True),
        lambda: store.delete_conversation(404),
        lambda: store.restore_conversation(404),
        lambda: store.current_path(404),
        lambda: store.update_conversation_settings(404, SETTINGS, None),
    ):
        with pytest.raises(RecordNotFoundError, match="404") as caught:
            action()
        assert isinstance(caught.value, LookupError)


# -- profiles --------------------------------------------------------------------------------------------


def test_profiles_are_listed_in_the_order_they_were_added(store: Store) -> None:
    store.save_profile(relay_profile("Zeta"))
    store.save_profile(Profile(name="Anthropic", base_url="https://api.anthropic.com"))
    store.save_profile(relay_profile("Middle"))
    assert [p.name for p in store.list_profiles()] == ["Zeta", "Anthropic", "Middle"]
    assert store.list_profiles()[0] == relay_profile("Zeta")


def test_saving_again_updates_in_place(store: Store) -> None:
    store.save_profile(relay_profile("A"))
    store.save_profile(relay_profile("B"))
    changed = Profile(name="A", base_url="https://other.example", betas=("x",))
    store.save_profile(changed)
    assert store.list_profiles() == [changed, relay_profile("B")]


def test_renaming_a_profile_keeps_its_place_and_its_conversations(store: Store) -> None:
    store.save_profile(relay_profile("Old name"))
    store.save_profile(relay_profile("Other"))
    chat = store.create_conversation(SETTINGS, "Old name")
    unrelated = store.create_conversation(SETTINGS, "Other")
    store.save_profile(relay_profile("New name"), old_name="Old name")
    assert [p.name for p in store.list_profiles()] == ["New name", "Other"]
    assert store.get_conversation(chat.id).profile_name == "New name"
    assert store.get_conversation(unrelated.id).profile_name == "Other"


def test_renaming_onto_another_profiles_name_is_refused(store: Store) -> None:
    store.save_profile(relay_profile("A"))
    store.save_profile(relay_profile("B"))
    with pytest.raises(NameTakenError, match="'B'"):
        store.save_profile(relay_profile("B"), old_name="A")
    assert store.list_profiles() == [relay_profile("A"), relay_profile("B")]


def test_deleting_a_profile_leaves_its_conversations(store: Store) -> None:
    store.save_profile(relay_profile("Gone"))
    chat = store.create_conversation(SETTINGS, "Gone")
    store.delete_profile("Gone")
    store.delete_profile("never existed")
    assert store.list_profiles() == []
    assert store.get_conversation(chat.id).profile_name == "Gone"


def test_no_file_the_store_writes_contains_the_api_key(tmp_path: Path) -> None:
    """A whole exchange is saved (profile, settings, messages, request id) while the key makes the headers.

    The store's API has no parameter a key could travel through; this scan (main file and write-ahead log)
    fails if a later change stores request headers or a profile field holding the key.
    """
    key = "sk-ant-api03-UNIQUE-test-key-4f9c2b"
    profile = relay_profile()
    assert key in profile.headers(key)["authorization"]  # what the client sends, and all it sends it in
    store = Store.open(tmp_path / "triptych.sqlite3")
    store.save_profile(profile)
    settings = full_settings()
    chat = store.create_conversation(settings, profile.name)
    user = store.add_message(chat.id, None, "user", text("Hello"))
    store.add_message(chat.id, user.id, "assistant", text("Hi!"), request_id="req_011CS")
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    store.close()
    files |= {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert "triptych.sqlite3-wal" in files  # the write-ahead log is checked too, not only the main file
    assert all(key.encode() not in content for content in files.values())
    assert b"relay.example" in files["triptych.sqlite3"]  # the scan does see what was saved


def test_a_database_in_a_read_only_folder_is_called_read_only_not_damaged(tmp_path: Path) -> None:
    def fill(folder: Path) -> None:
        store = Store.open(folder / "triptych.sqlite3")
        store.create_conversation(RequestSettings(model="m"), None, "Kept")
        store.close()

    with read_only_folder(tmp_path / "data", fill) as folder:
        before = (folder / "triptych.sqlite3").read_bytes()
        with pytest.raises(ReadOnlyDatabaseError, match="cannot be written") as raised:
            Store.open(folder / "triptych.sqlite3")
        assert not isinstance(raised.value, UnreadableDatabaseError), "not called damaged"
        assert (folder / "triptych.sqlite3").read_bytes() == before


def test_a_database_whose_folder_is_missing_is_not_called_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="its folder does not exist") as caught:
        Store.open(tmp_path / "gone" / "triptych.sqlite3")
    assert not isinstance(caught.value, ReadOnlyDatabaseError)

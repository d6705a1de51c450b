"""Cancelling an import while it adds conversations rolls it all back: nothing of the file is added."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.store.repository import Store
from core.transcripts.archive import archive_json
from core.transcripts.importers.detect import parse_import
from core.transcripts.importers.progress import ImportCancelledError, ImportProgress, ImportStage
from tests.core.store_helpers import full_settings, text


class CancelledAfter(ImportProgress):
    """The user presses Cancel once `count` conversations of the given stage are done."""

    def __init__(self, stage: ImportStage, count: int) -> None:
        super().__init__()
        self._when = (stage, count)

    def advance(self) -> None:
        if (self.stage, self.done) == self._when:
            self.cancel()
        super().advance()


def _file(tmp_path: Path) -> str:
    source = Store.open(tmp_path / "source.sqlite3")
    for title in ("one", "two", "three"):
        cid = source.create_conversation(full_settings(), None, title).id
        source.add_message(cid, None, "user", text(f"Only in {title}"))
    return archive_json(source.export_all(), exported_at=1.0)


def test_a_cancel_while_adding_adds_nothing(tmp_path: Path) -> None:
    document = _file(tmp_path)
    target = Store.open(tmp_path / "target.sqlite3")
    progress = CancelledAfter(ImportStage.ADDING, 2)
    parsed = parse_import(document, full_settings(), progress=progress)
    assert progress.stage is ImportStage.READING and progress.done == progress.total == 3

    with pytest.raises(ImportCancelledError):
        target.import_conversations(parsed, progress)

    assert target.list_conversations() == [], "the two added before the cancel were rolled back"
    assert len(target.import_conversations(parsed).imported) == 3, "the same file imports whole later"


def test_a_cancel_while_reading_stops_the_parse(tmp_path: Path) -> None:
    with pytest.raises(ImportCancelledError):
        parse_import(_file(tmp_path), full_settings(), progress=CancelledAfter(ImportStage.READING, 1))

"""The model picker: catalog models by family, the provider's own models, typed ids; the profile picker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from core.wire.models_list import DiscoveredModel
from gui.params.model_picker import ModelPicker, ProfilePicker


def _rows(picker: ModelPicker) -> list[tuple[str, bool]]:
    """(text, selectable) for every row of the list, as the popup shows it."""
    model = picker.combo.model()
    assert isinstance(model, QStandardItemModel)
    return [
        (model.item(row).text(), bool(model.item(row).flags() & Qt.ItemFlag.ItemIsSelectable))
        for row in range(model.rowCount())
    ]


def _picker(qtbot: QtBot) -> ModelPicker:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    return picker


def _type(qtbot: QtBot, picker: ModelPicker, text: str) -> None:
    """Paste text into the box and press Enter (pasting, so the completer's popup stays closed)."""
    line = picker.combo.lineEdit()
    line.setText(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_catalog_models_are_grouped_by_family_under_headings(qtbot: QtBot) -> None:
    rows = _rows(_picker(qtbot))
    headings = [text for text, selectable in rows if not selectable]
    assert headings == ["Opus", "Sonnet", "Haiku"]
    texts = [text for text, _ in rows]
    assert "Claude Sonnet 4.6 — 1M context" in texts
    assert "Claude Haiku 4.5 — 200K context" in texts
    sonnet_start, haiku_start = texts.index("Sonnet"), texts.index("Haiku")
    assert all("Sonnet" in text for text in texts[sonnet_start + 1 : haiku_start])
    assert all("Haiku" in text for text in texts[haiku_start + 1 :])


def test_provider_models_outside_the_catalog_follow_the_catalog(qtbot: QtBot) -> None:
    picker = _picker(qtbot)
    picker.set_model_id("claude-sonnet-4-6")
    picker.set_discovered(
        [
            DiscoveredModel("claude-sonnet-4-6", "Claude Sonnet 4.6", max_input_tokens=1_000_000),
            DiscoveredModel("glm-4.6", max_input_tokens=128_000),
            DiscoveredModel("deepseek-chat"),
        ]
    )
    texts = [text for text, _ in _rows(picker)]
    provider_rows = texts[texts.index("From this provider") + 1 :]
    assert provider_rows == ["glm-4.6 — 128K context", "deepseek-chat"]
    # The chosen model stays chosen when the list is rebuilt.
    assert picker.model_id() == "claude-sonnet-4-6"
    assert picker.combo.currentText() == "Claude Sonnet 4.6 — 1M context"


def test_picking_a_row_chooses_its_model_id(qtbot: QtBot) -> None:
    picker = _picker(qtbot)
    index = picker.combo.findText("Claude Opus 4.6 — 1M context")
    with qtbot.waitSignal(picker.modelChanged) as signal:
        picker.combo.setCurrentIndex(index)
        picker.combo.activated.emit(index)
    assert signal.args == ["claude-opus-4-6"]
    assert picker.model_id() == "claude-opus-4-6"
    assert picker.current_row() is not None
    assert picker.current_row().max_output_tokens == 128_000


def test_a_typed_unknown_id_becomes_a_custom_model(qtbot: QtBot) -> None:
    picker = _picker(qtbot)
    with qtbot.waitSignal(picker.modelChanged) as signal:
        _type(qtbot, picker, "my-relay/claude-next")
    assert signal.args == ["my-relay/claude-next"]
    assert picker.model_id() == "my-relay/claude-next"
    texts = [text for text, _ in _rows(picker)]
    assert texts[-2:] == ["Custom", "my-relay/claude-next"]
    assert picker.combo.currentText() == "my-relay/claude-next"


def test_typing_a_known_id_or_label_selects_that_row(qtbot: QtBot) -> None:
    picker = _picker(qtbot)
    _type(qtbot, picker, "claude-haiku-4-5-20251001")
    assert picker.model_id() == "claude-haiku-4-5-20251001"
    assert picker.combo.currentText() == "Claude Haiku 4.5 — 200K context"
    _type(qtbot, picker, "Claude Opus 4.6 — 1M context")
    assert picker.model_id() == "claude-opus-4-6"
    assert "Custom" not in [text for text, _ in _rows(picker)]


def test_set_model_id_shows_it_without_emitting(qtbot: QtBot) -> None:
    picker = _picker(qtbot)
    emitted: list[str] = []
    picker.modelChanged.connect(emitted.append)
    picker.set_model_id("claude-opus-4-5-20251101")
    picker.set_model_id("gpt-oss-120b")  # a conversation saved with a relay's model
    assert emitted == []
    assert picker.model_id() == "gpt-oss-120b"
    assert picker.combo.currentText() == "gpt-oss-120b"


def test_profile_picker_reports_user_choices_and_a_vanished_profile(qtbot: QtBot) -> None:
    picker = ProfilePicker()
    qtbot.addWidget(picker)
    picker.set_profiles(["Anthropic", "Relay"])
    assert picker.profile() == "Anthropic"
    with qtbot.waitSignal(picker.profileChanged) as signal:
        picker.setCurrentIndex(1)
    assert signal.args == ["Relay"]
    with qtbot.waitSignal(picker.profileChanged) as signal:
        picker.set_profiles(["Anthropic", "Demo"])
    assert signal.args == ["Anthropic"]
    with qtbot.assertNotEmitted(picker.profileChanged):
        picker.set_profiles(["Demo", "Anthropic"])
        picker.set_profile("Demo")
    assert picker.profile() == "Demo"

"""The test set editor offscreen: a column per template variable as the template is typed, values kept by
name, and what keeps a test set from being saved said naming the row and the variable."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.grid import TestCase, TestSet
from gui.grid.cell_dialog import CellDialog
from gui.grid.test_set_editor import TestSetEditor, context_messages


def headers(editor: TestSetEditor) -> list[str]:
    table = editor.table
    return [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]


def test_columns_follow_the_template_and_values_are_kept_by_name(qapp: QApplication, qtbot: QtBot) -> None:
    editor = TestSetEditor()
    qtbot.addWidget(editor)
    editor.name.setText("Translate")
    editor.template.setPlainText("Translate {{text}} into {{ language }}.")
    assert headers(editor) == ["Case", "{{text}}", "{{language}}", "Expected"]
    editor.add_row()
    editor.table.item(0, 1).setText("good morning")
    editor.table.item(0, 2).setText("French")
    editor.table.item(0, 3).setText("bonjour")
    # The template changes: {{language}} leaves and comes back; its value survives.
    editor.template.setPlainText("Say {{text}} politely.")
    assert headers(editor) == ["Case", "{{text}}", "Expected"]
    editor.template.setPlainText("Translate {{text}} into {{language}}.")
    assert editor.table.item(0, 2).text() == "French"

    assert editor.problem() is None
    test_set = editor.test_set()
    assert test_set.name == "Translate"
    assert test_set.cases == (
        TestCase("Case 1", {"text": "good morning", "language": "French"}, expected="bonjour"),
    )


def test_bad_input_is_named_with_its_place(qapp: QApplication, qtbot: QtBot) -> None:
    editor = TestSetEditor()
    qtbot.addWidget(editor)
    assert editor.problem() == "Give the test set a name."
    editor.name.setText("Set")
    assert "prompt template" in (editor.problem() or "")
    editor.template.setPlainText("Summarise {{article}} for {{audience}}")
    assert editor.problem() == "The test set has no cases: add a row or import a CSV or JSONL file."
    editor.add_cases(
        [TestCase("first", {"article": "A", "audience": "kids"}), TestCase("second", {"article": "B"})]
    )
    # A template naming a variable a row has no value for.
    assert editor.problem() == (
        'Row 2 ("second") has no value for {{audience}}: fill it in or remove the row.'
    )
    editor.table.selectRow(1)
    editor.remove_selected()
    assert editor.problem() is None


def test_a_saved_test_set_round_trips_with_its_context(qapp: QApplication, qtbot: QtBot) -> None:
    context = ({"role": "user", "content": [{"type": "text", "text": "Hi"}]},
               {"role": "assistant", "content": [{"type": "text", "text": "Hello"}]})  # fmt: skip
    saved = TestSet(
        id=4, name="From chats", template="{{prompt}}", system="Be brief",
        cases=(TestCase("turn", {"prompt": "And then?"}, context=context),), version=3,
    )  # fmt: skip
    editor = TestSetEditor()
    qtbot.addWidget(editor)
    editor.show_test_set(saved)
    assert editor.test_set() == saved
    assert "after 2 earlier message" in editor.table.item(0, 0).toolTip()


def test_context_keeps_text_turns_as_a_valid_request() -> None:
    messages = [
        {"role": "assistant", "content": [{"type": "text", "text": "greeting before any user turn"}]},
        {"role": "user", "content": [{"type": "text", "text": "What time is it?"}]},
        {
            "role": "assistant",
            "content": [{"type": "thinking", "thinking": "…"}, {"type": "tool_use", "id": "t"}],
        },
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": "12:00"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "It is noon."}]},
    ]
    assert context_messages(messages) == (
        {"role": "user", "content": [{"type": "text", "text": "What time is it?"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "It is noon."}]},
    )


def test_the_cell_dialog_shows_every_repeat_and_diffs_two(qapp: QApplication, qtbot: QtBot) -> None:
    from core.model.grid import CellKey, CellResult, CellStatus

    results = [
        CellResult(CellKey(0, 0, n), CellStatus.DONE, content=({"type": "text", "text": text},))
        for n, text in enumerate(["The cat sat on the mat.", "The dog sat on the mat."])
    ]
    dialog = CellDialog("case 1", "temperature 1", "Tell me a story", results)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.transcript.browser.toPlainText()
    assert "Tell me a story" in shown
    assert "Repeat 1" in shown and "Repeat 2" in shown
    assert "The cat sat" in shown and "The dog sat" in shown
    dialog.diff_button.click()
    assert dialog.diff_dialog is not None
    assert dialog.diff_dialog.summary.text() == "1 passages only on the left, 1 only on the right."

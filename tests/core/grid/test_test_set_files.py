"""Test cases imported from CSV and JSONL files: what a good file gives, and each bad one refused with its
place named."""

import json
from pathlib import Path

import pytest

from core.grid.test_set_files import (
    MAX_CELL_BYTES,
    FileErrorKind,
    FileFormat,
    TestSetFileError,
    read_cases,
    read_cases_file,
    with_imported,
)
from core.model.grid import TestCase, TestSet, render_prompt

TEMPLATE = "Translate into {{language}}: {{text}}"


def refused(data: bytes | str, file_format: FileFormat = FileFormat.CSV, template: str = TEMPLATE):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(TestSetFileError) as raised:
        read_cases(raw, file_format, template)
    return raised.value


def test_a_csv_file_gives_named_cases_with_notes_and_context(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    context = json.dumps([{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}])
    path.write_text(
        "name,language,text,expected,system,context\n"
        'greeting,French,"Good morning, friend",Bonjour,Be brief.,\n'
        f'thanks,German,"Thank you\nvery much",,Be brief.,"{context.replace(chr(34), chr(34) * 2)}"\n'
        ",Chinese,See you,,,\n"
        ",,,,,\n",  # a spreadsheet's empty row: not a case
        encoding="utf-8",
        newline="",
    )
    imported = read_cases_file(path, TEMPLATE)
    assert [case.name for case in imported.cases] == ["greeting", "thanks", "#3"]
    first, second, third = imported.cases
    assert render_prompt(TEMPLATE, first) == "Translate into French: Good morning, friend"
    assert render_prompt(TEMPLATE, second) == "Translate into German: Thank you\nvery much"
    assert first.expected == "Bonjour" and third.expected == ""
    assert second.context == ({"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"})
    assert (imported.system, imported.encoding, imported.columns) == (
        "Be brief.",
        "utf-8",
        ("language", "text"),
    )

    test_set = TestSet(4, "Translations", TEMPLATE, (TestCase("old", {"language": "x", "text": "y"}),))
    replaced = with_imported(test_set, imported)
    assert (replaced.cases, replaced.system, replaced.id) == (imported.cases, "Be brief.", 4)
    assert [case.name for case in with_imported(test_set, imported, append=True).cases][:2] == [
        "old",
        "greeting",
    ]


def test_a_jsonl_file_gives_cases_with_variables_at_the_top_or_nested() -> None:
    lines = [
        {"name": "a", "language": "French", "text": "Hi", "expected": "Salut"},
        {
            "name": "b",
            "variables": {"language": "German", "text": 42},
            "context": [{"role": "user", "content": "x"}],
        },
    ]
    data = "\r\n".join(json.dumps(line) for line in lines) + "\n\n"
    imported = read_cases(data.encode(), FileFormat.JSONL, TEMPLATE)
    assert [render_prompt(TEMPLATE, case) for case in imported.cases] == [
        "Translate into French: Hi",
        "Translate into German: 42",
    ]
    assert imported.cases[1].context == ({"role": "user", "content": "x"},)
    assert imported.system is None


def test_utf8_with_bom_and_gbk_are_read_and_other_encodings_refused() -> None:
    text = "name,language,text\n问候,中文,早上好\n"
    with_bom = read_cases(b"\xef\xbb\xbf" + text.encode("utf-8"), FileFormat.CSV, TEMPLATE)
    # Without the BOM stripped the first column would be "\ufeffname" and the case unnamed.
    assert (with_bom.encoding, with_bom.cases[0].name) == ("utf-8-sig", "问候")
    gbk = read_cases(text.encode("gbk"), FileFormat.CSV, TEMPLATE)
    assert gbk.encoding == "gbk"
    assert render_prompt(TEMPLATE, gbk.cases[0]) == "Translate into 中文: 早上好"
    utf16 = read_cases(text.encode("utf-16"), FileFormat.CSV, TEMPLATE)
    assert utf16.cases[0].variables == {"language": "中文", "text": "早上好"}

    # Latin-1 (a French Excel file) is neither: refused, not imported as mojibake.
    assert refused("language,text\nfrançais,café crème\n".encode("latin-1")).kind is FileErrorKind.ENCODING
    assert refused("language,text\nx,y\n".encode("utf-16-le")).kind is FileErrorKind.ENCODING


def test_a_csv_without_a_column_the_template_names_is_refused_naming_it() -> None:
    error = refused("name,language\na,French\n")
    assert (error.kind, error.row, error.column) == (FileErrorKind.MISSING_COLUMN, 1, "text")
    # Named even when there are no rows yet: the header is the problem.
    assert refused("language\n").column == "text"


def test_a_ragged_row_is_refused_with_its_row_and_counts() -> None:
    error = refused('language,text\nFrench,Hi\nGerman,"Guten, Tag",extra\n')
    assert (error.kind, error.row, error.expected, error.found) == (FileErrorKind.RAGGED_ROW, 3, 2, 3)
    short = refused("language,text\nFrench\n")
    assert (short.row, short.found) == (2, 1)
    # A multi-line cell is one row, as a spreadsheet shows it.
    assert refused('language,text\nFrench,"two\nlines"\nGerman\n').row == 3


def test_an_unclosed_quote_is_refused_rather_than_swallowing_the_rest() -> None:
    error = refused('language,text\nFrench,"Hi\nGerman,Hallo\n')
    assert (error.kind, error.row) == (FileErrorKind.MALFORMED, 2)


def test_a_10_mb_cell_is_refused_naming_the_cell_and_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        f"name,language,text\nsmall,French,Hi\nhuge,German,{'x' * 10_000_000}\n", encoding="utf-8"
    )
    with pytest.raises(TestSetFileError) as raised:
        read_cases_file(path, TEMPLATE)
    error = raised.value
    assert (error.kind, error.row, error.column) == (FileErrorKind.CELL_TOO_LARGE, 3, "text")
    assert (error.limit, error.found) == (MAX_CELL_BYTES, 10_000_000)
    # A cell just under the limit is fine (the csv module's own 128 KiB limit is not in the way).
    read_cases(f"language,text\nFrench,{'y' * (MAX_CELL_BYTES - 1)}\n".encode(), FileFormat.CSV, TEMPLATE)
    big_line = json.dumps({"language": "x", "text": "é" * 600_000})  # 1.2 MB in UTF-8
    jsonl = refused(big_line.encode(), FileFormat.JSONL)
    assert (jsonl.kind, jsonl.row, jsonl.column) == (FileErrorKind.CELL_TOO_LARGE, 1, "text")


def test_a_template_variable_no_row_gives_is_refused() -> None:
    error = refused("language,text\nFrench,\nGerman,\n")
    assert (error.kind, error.column) == (FileErrorKind.VARIABLE_NEVER_SET, "text")
    jsonl = refused(b'{"language": "French"}\n{"language": "German"}\n', FileFormat.JSONL)
    assert (jsonl.kind, jsonl.column) == (FileErrorKind.VARIABLE_NEVER_SET, "text")
    # Given by some rows, absent from one: that row is named.
    partial = refused(b'{"language": "French", "text": "a"}\n{"language": "German"}\n', FileFormat.JSONL)
    assert (partial.kind, partial.row, partial.column) == (FileErrorKind.MISSING_VALUE, 2, "text")


def test_a_file_with_no_rows_is_refused() -> None:
    assert refused("language,text\n\n").kind is FileErrorKind.NO_ROWS
    assert refused(b"\n\n", FileFormat.JSONL).kind is FileErrorKind.NO_ROWS
    assert refused(b"").kind is FileErrorKind.NO_HEADER


def test_header_and_line_problems_are_named() -> None:
    assert (refused("language,,text\n").kind, refused("language,,text\n").column) == (
        FileErrorKind.UNNAMED_COLUMN,
        "2",
    )
    duplicate = refused("language,text,text\n")
    assert (duplicate.kind, duplicate.column) == (FileErrorKind.DUPLICATE_COLUMN, "text")
    bad_json = refused(b'{"language": "x", "text": "y"}\n{"language": \n', FileFormat.JSONL)
    assert (bad_json.kind, bad_json.row) == (FileErrorKind.BAD_JSON, 2)
    not_object = refused(b'["language"]\n', FileFormat.JSONL)
    assert (not_object.kind, not_object.row) == (FileErrorKind.NOT_AN_OBJECT, 1)
    differs = refused("language,text,system\nFrench,a,Be brief.\nGerman,b,Be long.\n")
    assert (differs.kind, differs.row, differs.column) == (FileErrorKind.SYSTEM_DIFFERS, 3, "system")
    context = refused('language,text,context\nFrench,a,"[{""role"": ""robot""}]"\n')
    assert (context.kind, context.row, context.column) == (FileErrorKind.BAD_CONTEXT, 2, "context")


def test_the_file_kind_comes_from_its_name(tmp_path: Path) -> None:
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(TestSetFileError) as raised:
        read_cases_file(path, TEMPLATE)
    assert raised.value.kind is FileErrorKind.UNKNOWN_FORMAT
    with pytest.raises(TestSetFileError) as missing:
        read_cases_file(tmp_path / "gone.csv", TEMPLATE)
    assert missing.value.kind is FileErrorKind.UNREADABLE
    (tmp_path / "cases.jsonl").write_text('{"language": "French", "text": "Hi"}\n', encoding="utf-8")
    assert len(read_cases_file(tmp_path / "cases.jsonl", TEMPLATE).cases) == 1

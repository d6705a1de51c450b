"""Test cases read from CSV or JSONL files, refused with the place named when the file cannot be trusted.

A CSV has a header row; each column named by a template variable fills it, and the optional columns
`name`, `expected`, `system` and `context` fill the case's name, notes, the test set's system prompt and the
messages before the prompt. A JSONL file has one object a line with the same keys (the variables at the top
level or under "variables"). Any other column is kept as a variable: the template may name it later.

Errors are `TestSetFileError` values carrying a kind and the place (row as a spreadsheet numbers it, the
header being row 1; a JSONL file's line), for the GUI to word. Nothing is returned half-read: a file is
refused whole at the first problem.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from core.model.grid import TestCase, TestSet, template_variables

MAX_CELL_BYTES = 1_000_000
"""One cell's value (UTF-8): a prompt variable of 1 MB is already ~250k tokens, past any useful test."""
MAX_FILE_BYTES = 64_000_000
"""Checked before the file is read, so a wrong pick (a video) is refused without filling memory."""

NAME, EXPECTED, SYSTEM, CONTEXT, VARIABLES = "name", "expected", "system", "context", "variables"
RESERVED = frozenset({NAME, EXPECTED, SYSTEM, CONTEXT})


class FileFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


class FileErrorKind(StrEnum):
    UNKNOWN_FORMAT = "unknown_format"
    """The file name ends in neither .csv nor .jsonl."""
    FILE_TOO_LARGE = "file_too_large"
    UNREADABLE = "unreadable"
    """The OS refused to read it; `detail` has its words."""
    ENCODING = "encoding"
    """Neither UTF-8 (with or without BOM), UTF-16 with a BOM, nor GBK."""
    MALFORMED = "malformed"
    """The CSV cannot be split into cells (an unclosed quote…); `detail` has the parser's words."""
    BAD_JSON = "bad_json"
    """A JSONL line is not JSON; `detail` has the parser's words."""
    NOT_AN_OBJECT = "not_an_object"
    """A JSONL line is JSON but not an object."""
    NO_HEADER = "no_header"
    UNNAMED_COLUMN = "unnamed_column"
    """A header cell is empty; `column` is its number (1-based, as text)."""
    DUPLICATE_COLUMN = "duplicate_column"
    RAGGED_ROW = "ragged_row"
    """A row has more or fewer cells than the header (`expected`, `found`)."""
    CELL_TOO_LARGE = "cell_too_large"
    """A cell over `limit` bytes (`found` its size)."""
    NO_ROWS = "no_rows"
    MISSING_COLUMN = "missing_column"
    """The template names a variable (`column`) the CSV has no column for."""
    VARIABLE_NEVER_SET = "variable_never_set"
    """The template names a variable (`column`) that no row gives a value."""
    MISSING_VALUE = "missing_value"
    """A JSONL row lacks a variable (`column`) the template names (other rows have it)."""
    SYSTEM_DIFFERS = "system_differs"
    """Rows give different system prompts: a test set has one."""
    BAD_CONTEXT = "bad_context"
    """A `context` is not a list of messages with roles user/assistant; `detail` says what is wrong."""


class TestSetFileError(ValueError):
    """A file refused, with the place: `row` (the header is row 1; a JSONL line) and `column` (a name)."""

    __test__ = False

    def __init__(
        self,
        kind: FileErrorKind,
        row: int | None = None,
        column: str | None = None,
        detail: str = "",
        *,
        limit: int | None = None,
        expected: int | None = None,
        found: int | None = None,
    ) -> None:
        where = ", ".join(
            part for part in (f"row {row}" if row else "", f"column {column!r}" if column else "") if part
        )
        super().__init__(f"{kind.value}{f' at {where}' if where else ''}{f': {detail}' if detail else ''}")
        self.kind = kind
        self.row = row
        self.column = column
        self.detail = detail
        self.limit = limit
        self.expected = expected
        self.found = found


@dataclass(frozen=True)
class ImportedCases:
    cases: tuple[TestCase, ...]
    system: str | None
    """The system prompt the rows gave (all the same), or None when no row gave one."""
    encoding: str
    """What the file was read as: "utf-8", "utf-8-sig", "utf-16" or "gbk" (the GUI may say so for GBK)."""
    columns: tuple[str, ...]
    """The variables the file gives, in the file's order."""


def format_for(path: Path) -> FileFormat:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("jsonl", "ndjson"):
        return FileFormat.JSONL
    if suffix == "csv":
        return FileFormat.CSV
    raise TestSetFileError(FileErrorKind.UNKNOWN_FORMAT, detail=path.suffix)


def read_cases_file(path: Path, template: str) -> ImportedCases:
    """The cases of a .csv or .jsonl file for `template`; raises TestSetFileError."""
    file_format = format_for(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TestSetFileError(FileErrorKind.FILE_TOO_LARGE, limit=MAX_FILE_BYTES, found=size)
        data = path.read_bytes()
    except OSError as error:
        raise TestSetFileError(FileErrorKind.UNREADABLE, detail=error.strerror or str(error)) from error
    return read_cases(data, file_format, template)


def read_cases(data: bytes, file_format: FileFormat, template: str) -> ImportedCases:
    """The cases the file's bytes give for `template`; raises TestSetFileError naming the first problem."""
    if len(data) > MAX_FILE_BYTES:
        raise TestSetFileError(FileErrorKind.FILE_TOO_LARGE, limit=MAX_FILE_BYTES, found=len(data))
    text, encoding = decode(data)
    if file_format is FileFormat.CSV:
        header, rows = _csv_table(text)
        return _cases(header, rows, template, encoding)
    return _cases(None, _jsonl_rows(text), template, encoding)


def with_imported(test_set: TestSet, imported: ImportedCases, *, append: bool = False) -> TestSet:
    """The test set with the imported cases (after its own when appending) and the file's system prompt
    when it gave one."""
    cases = (*test_set.cases, *imported.cases) if append else imported.cases
    system = imported.system if imported.system is not None else test_set.system
    return dataclasses.replace(test_set, cases=cases, system=system)


# -- decoding ---------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 first (a BOM is dropped); GBK (Chinese Windows' default for CSV from Excel)
    when the bytes are not UTF-8 but are GBK and read as Chinese; anything else is refused rather than
    guessed (a guess would import mojibake)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:  # UTF-16 without a BOM, or a binary file
            raise TestSetFileError(FileErrorKind.ENCODING)
        return text, "utf-8"
    try:
        text = data.decode("gbk")
    except UnicodeDecodeError:
        raise TestSetFileError(FileErrorKind.ENCODING) from None
    # Bytes of another legacy encoding can happen to be valid GBK; real GBK text has Chinese in it.
    if not any("\u4e00" <= char <= "\u9fff" for char in text) or "\x00" in text:
        raise TestSetFileError(FileErrorKind.ENCODING)
    return text, "gbk"


def _decoded(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise TestSetFileError(FileErrorKind.ENCODING) from None


# -- rows -------------------------------------------------------------------------------------------------

Row = tuple[int, dict[str, Any]]
"""(row number as shown to the user, the row's values by column)."""


def _csv_table(text: str) -> tuple[list[str], Iterator[Row]]:
    """The header's column names, and the rows after it (read as they are iterated)."""
    # The csv module refuses fields over 128 KiB; the limit here is our own, checked per cell with its place.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise TestSetFileError(FileErrorKind.MALFORMED, row=1, detail=str(error)) from error
    if header is None or not any(cell.strip() for cell in header):
        raise TestSetFileError(FileErrorKind.NO_HEADER, row=1)
    names = [cell.strip() for cell in header]
    for index, name in enumerate(names):
        if not name:
            raise TestSetFileError(FileErrorKind.UNNAMED_COLUMN, row=1, column=str(index + 1))
        if name in names[:index]:
            raise TestSetFileError(FileErrorKind.DUPLICATE_COLUMN, row=1, column=name)
    return names, _csv_rows(reader, names)


def _csv_rows(reader: Iterator[list[str]], names: list[str]) -> Iterator[Row]:
    record = 1
    try:
        for cells in reader:
            record += 1
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or a spreadsheet's empty row (",,,"): not a case
            if len(cells) != len(names):
                raise TestSetFileError(
                    FileErrorKind.RAGGED_ROW, row=record, expected=len(names), found=len(cells)
                )
            yield record, dict(zip(names, cells, strict=True))
    except csv.Error as error:
        raise TestSetFileError(FileErrorKind.MALFORMED, row=record + 1, detail=str(error)) from error


def _jsonl_rows(text: str) -> Iterator[Row]:
    if text.startswith("\ufeff"):
        text = text[1:]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise TestSetFileError(FileErrorKind.BAD_JSON, row=number, detail=error.msg) from error
        if not isinstance(value, dict):
            raise TestSetFileError(FileErrorKind.NOT_AN_OBJECT, row=number)
        nested = value.pop(VARIABLES, None)
        if isinstance(nested, dict):
            value = {**nested, **value}
        elif nested is not None:
            value[VARIABLES] = nested
        yield number, value


# -- cases ------------------------------------------------------------------------------------------------


def _cases(header: list[str] | None, rows: Iterator[Row], template: str, encoding: str) -> ImportedCases:
    """The cases of the rows; `header` is a CSV's (its columns are checked before any row), None for JSONL."""
    wanted = template_variables(template)
    if header is not None:
        missing = next((name for name in wanted if name not in header), None)
        if missing is not None:
            raise TestSetFileError(FileErrorKind.MISSING_COLUMN, row=1, column=missing)
    cases: list[TestCase] = []
    columns: dict[str, None] = dict.fromkeys(name for name in header or () if name not in RESERVED)
    system: str | None = None
    given: set[str] = set()
    """Variables some row gives a value (a CSV's blank cell gives none)."""
    first_absent: tuple[int, str] | None = None
    """A JSONL row without a variable the template names: (line, variable), the first one."""
    for number, row in rows:
        values = {column: _cell(value, number, column) for column, value in row.items() if column != CONTEXT}
        variables = {name: value for name, value in values.items() if name not in RESERVED}
        columns.update(dict.fromkeys(variables))
        given.update(name for name, value in variables.items() if value != "")
        if first_absent is None:
            absent = next((name for name in wanted if name not in variables), None)
            first_absent = (number, absent) if absent is not None else None
        row_system = values.get(SYSTEM, "")
        if row_system.strip():
            if system is not None and system != row_system:
                raise TestSetFileError(FileErrorKind.SYSTEM_DIFFERS, row=number, column=SYSTEM)
            system = row_system
        cases.append(
            TestCase(
                name=values.get(NAME, "").strip() or f"#{len(cases) + 1}",
                variables=variables,
                expected=values.get(EXPECTED, ""),
                context=_context(row.get(CONTEXT), number),
            )
        )
    if not cases:
        raise TestSetFileError(FileErrorKind.NO_ROWS)
    never = next((name for name in wanted if name not in given), None)
    if never is not None:
        raise TestSetFileError(FileErrorKind.VARIABLE_NEVER_SET, column=never)
    if first_absent is not None:
        raise TestSetFileError(FileErrorKind.MISSING_VALUE, row=first_absent[0], column=first_absent[1])
    return ImportedCases(cases=tuple(cases), system=system, encoding=encoding, columns=tuple(columns))


def _cell(value: Any, row: int, column: str) -> str:
    """A cell's value as text (a JSONL number or list as its JSON), refused over MAX_CELL_BYTES."""
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_CELL_BYTES:
        raise TestSetFileError(
            FileErrorKind.CELL_TOO_LARGE, row=row, column=column, limit=MAX_CELL_BYTES, found=size
        )
    return text


def _context(value: Any, row: int) -> tuple[Mapping[str, Any], ...]:
    """The messages before the prompt: a list of {role, content} (JSON text in a CSV cell), or plain text
    read as one user message."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ()
    if isinstance(value, str):
        _cell(value, row, CONTEXT)
        if not value.lstrip().startswith("["):
            return ({"role": "user", "content": value},)
        try:
            value = json.loads(value)
        except json.JSONDecodeError as error:
            raise TestSetFileError(FileErrorKind.BAD_CONTEXT, row, CONTEXT, error.msg) from error
    else:
        _cell(value, row, CONTEXT)
    if not isinstance(value, list):
        raise TestSetFileError(FileErrorKind.BAD_CONTEXT, row, CONTEXT, "not a list of messages")
    messages: list[Mapping[str, Any]] = []
    for index, message in enumerate(value, start=1):
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            raise TestSetFileError(
                FileErrorKind.BAD_CONTEXT, row, CONTEXT, f"message {index} has no role user or assistant"
            )
        content = message.get("content")
        if not isinstance(content, str | list):
            raise TestSetFileError(FileErrorKind.BAD_CONTEXT, row, CONTEXT, f"message {index} has no content")
        messages.append({"role": message["role"], "content": content})
    return tuple(messages)

"""The grid's core values in the user's words: the cost preview and the test-case file errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from core.grid.test_set_files import FileErrorKind, TestSetFileError

if TYPE_CHECKING:
    from core.grid.cost import CostPreview


class GridWords(QObject):
    """Plurals: pyside6-lupdate reads `%n` only from `tr(text, "", count)` (from `translate` only with a
    literal count)."""

    def requests(self, count: int) -> str:
        return self.tr("%n request(s)", "", count)


def money(low: float, high: float) -> str:
    if abs(high - low) < 0.00005:
        return f"${high:.4f}"
    return f"${low:.4f}–${high:.4f}"


def cost_text(preview: CostPreview, names: list[str]) -> str:
    """The run's request count and cost range ("900 requests, $0.12–$0.45 …"), then a line per column."""
    requests = GridWords().requests(preview.requests)
    head = requests + ", " + money(preview.low_usd, preview.high_usd)
    head += " " + (
        QCoreApplication.translate("GridWords", "(input estimated here: the provider does not count tokens)")
        if preview.estimated
        else QCoreApplication.translate("GridWords", "(input counted by the provider)")
    )
    lines = [head]
    for item in preview.variants:
        name = names[item.variant] if item.variant < len(names) else item.model
        if item.low_usd is None or item.high_usd is None:
            cost = QCoreApplication.translate("GridWords", "no known price")
        else:
            cost = money(item.low_usd, item.high_usd)
        lines.append(f"{name}: {cost}")
    if preview.unpriced_models:
        lines.append(
            QCoreApplication.translate("GridWords", "Not in the total (no known price): {models}").format(
                models=", ".join(preview.unpriced_models)
            )
        )
    return "\n".join(lines)


def file_error_text(error: TestSetFileError, file_name: str) -> str:
    """Why a file of test cases was refused, naming the file, the row and the column; nothing was imported."""
    kind = error.kind
    row = error.row or 0
    column = error.column or ""
    texts = {
        FileErrorKind.UNKNOWN_FORMAT: QCoreApplication.translate(
            "GridWords", "{file}: only .csv and .jsonl files can be imported."
        ),
        FileErrorKind.FILE_TOO_LARGE: QCoreApplication.translate(
            "GridWords", "{file} is {found}; files of test cases may be up to {limit}."
        ),
        FileErrorKind.UNREADABLE: QCoreApplication.translate(
            "GridWords", "{file} could not be read: {detail}"
        ),
        FileErrorKind.ENCODING: QCoreApplication.translate(
            "GridWords",
            "{file} is neither UTF-8 nor GBK text. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it "
            "again.",
        ),
        FileErrorKind.MALFORMED: QCoreApplication.translate(
            "GridWords", "{file}, row {row}: the CSV cannot be read ({detail})."
        ),
        FileErrorKind.BAD_JSON: QCoreApplication.translate(
            "GridWords", "{file}, line {row}: not JSON ({detail})."
        ),
        FileErrorKind.NOT_AN_OBJECT: QCoreApplication.translate(
            "GridWords", "{file}, line {row}: each line must be a JSON object with a key per variable."
        ),
        FileErrorKind.NO_HEADER: QCoreApplication.translate(
            "GridWords", "{file} has no header row: its first row must name the columns."
        ),
        FileErrorKind.UNNAMED_COLUMN: QCoreApplication.translate(
            "GridWords", "{file}: column {column} of the header has no name."
        ),
        FileErrorKind.DUPLICATE_COLUMN: QCoreApplication.translate(
            "GridWords", "{file}: the header names the column “{column}” twice."
        ),
        FileErrorKind.RAGGED_ROW: QCoreApplication.translate(
            "GridWords", "{file}, row {row}: {found} cells where the header has {expected}."
        ),
        FileErrorKind.CELL_TOO_LARGE: QCoreApplication.translate(
            "GridWords",
            "{file}, row {row}, column “{column}”: the cell is {found}; a cell may be up to {limit}.",
        ),
        FileErrorKind.NO_ROWS: QCoreApplication.translate("GridWords", "{file} has no test cases in it."),
        FileErrorKind.MISSING_COLUMN: QCoreApplication.translate(
            "GridWords", "{file} has no column “{column}”, which the template names as {{{{{column}}}}}."
        ),
        FileErrorKind.VARIABLE_NEVER_SET: QCoreApplication.translate(
            "GridWords", "The template names {{{{{column}}}}}, but no row of {file} gives it a value."
        ),
        FileErrorKind.MISSING_VALUE: QCoreApplication.translate(
            "GridWords", "{file}, line {row}: no value for {{{{{column}}}}}, which the template names."
        ),
        FileErrorKind.SYSTEM_DIFFERS: QCoreApplication.translate(
            "GridWords",
            "{file}, row {row}: a different system prompt from the rows before; a test set has one.",
        ),
        FileErrorKind.BAD_CONTEXT: QCoreApplication.translate(
            "GridWords",
            "{file}, row {row}: the context is not a list of user and assistant messages ({detail}).",
        ),
    }
    text = texts.get(kind, QCoreApplication.translate("GridWords", "{file} could not be imported: {detail}"))
    return (
        text.format(
            file=file_name,
            row=row,
            column=column,
            detail=error.detail,
            limit=size_text(error.limit or 0),
            found=size_text(error.found or 0) if kind != FileErrorKind.RAGGED_ROW else error.found,
            expected=error.expected,
        )
        + " "
        + QCoreApplication.translate("GridWords", "Nothing was imported.")
    )


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return QCoreApplication.translate("GridWords", "{n:.1f} MB").format(n=size / 1_000_000)
    if size >= 1_000:
        return QCoreApplication.translate("GridWords", "{n:.0f} KB").format(n=size / 1_000)
    return QCoreApplication.translate("GridWords", "{n} bytes").format(n=size)

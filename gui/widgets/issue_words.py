"""A request problem found by core.wire.validation, in the interface's language where a translation exists.

Core writes its issues in English (it knows no Qt); the ones a user meets in the normal course of things are
translated here by the field they name. The rest read as core wrote them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.wire.validation import ValidationIssue


def issue_text(issue: ValidationIssue) -> str:
    if issue.field == "model":
        # The only issue core reports on "model": no model named at all.
        return QCoreApplication.translate(
            "IssueWords", "Choose a model, or type a model id (for example claude-sonnet-4-6)."
        )
    return issue.message


def issues_text(issues: list[ValidationIssue]) -> str:
    """Several issues on one line, as a notice shows them."""
    return " ".join(issue_text(issue) for issue in issues)

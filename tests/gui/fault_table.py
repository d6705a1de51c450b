"""Prints the fault-injection matrix (fault → outcome → what the user read) after the test run.

Registered by tests/gui/conftest.py; tests/gui/test_faults.py adds one row per case through the
`fault_table` fixture. A row travels in its test's report (`user_properties`), so the table is whole when
pytest-xdist runs the cases in worker processes, and nothing is shared between runs.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

import pytest

_MESSAGE_CHARS = 90
_PROPERTY = "fault_row"


@dataclass(frozen=True)
class FaultRow:
    fault: str
    outcome: str
    message: str
    seconds: float
    worst_stall: float


class FaultTable:
    """One case's handle on the run's table."""

    def __init__(self, item: pytest.Item) -> None:
        self._item = item

    def append(self, row: FaultRow) -> None:
        self._item.user_properties.append((_PROPERTY, astuple(row)))


@pytest.fixture
def fault_table(request: pytest.FixtureRequest) -> FaultTable:
    """The run's table; append a FaultRow per case."""
    return FaultTable(request.node)


def _rows(terminalreporter: pytest.TerminalReporter) -> list[FaultRow]:
    return [
        FaultRow(*value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if isinstance(report, pytest.TestReport) and report.when == "call"
        for name, value in report.user_properties
        if name == _PROPERTY and isinstance(value, tuple)
    ]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    rows = _rows(terminalreporter)
    if not rows:
        return
    width = max(len(row.fault) for row in rows)
    outcome_width = max(len(row.outcome) for row in rows)
    terminalreporter.section("fault-injection matrix")
    terminalreporter.write_line(
        f"{'fault':<{width}}  {'outcome':<{outcome_width}}  {'s':>5}  {'stall':>6}  the user reads"
    )
    for row in rows:
        message = " ".join(row.message.split())
        if len(message) > _MESSAGE_CHARS:
            message = message[: _MESSAGE_CHARS - 1] + "…"
        terminalreporter.write_line(
            f"{row.fault:<{width}}  {row.outcome:<{outcome_width}}  {row.seconds:5.2f}  "
            f"{row.worst_stall * 1000:4.0f}ms  {message}"
        )

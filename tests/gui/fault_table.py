"""Prints the fault-injection matrix (fault → outcome → what the user read) after the test run.

Registered by tests/gui/conftest.py; tests/gui/test_faults.py adds one row per case through the
`fault_table` fixture. Rows live in the run's config stash, so nothing is shared between runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

_MESSAGE_CHARS = 90


@dataclass(frozen=True)
class FaultRow:
    fault: str
    outcome: str
    message: str
    seconds: float
    worst_stall: float


ROWS = pytest.StashKey[list[FaultRow]]()


@pytest.fixture
def fault_table(request: pytest.FixtureRequest) -> list[FaultRow]:
    """The run's table; append a FaultRow per case."""
    return request.config.stash.setdefault(ROWS, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    rows = config.stash.get(ROWS, [])
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

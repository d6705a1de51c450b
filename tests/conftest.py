"""The whole suite's rules: which tests are `gui`, and a switch that proves the rest needs no Qt.

- Every test under tests/gui, and any other test that uses a Qt fixture (`qtbot`, `qapp`, directly or through
  another fixture), is marked `gui`: `pytest -m "not gui"` runs the core alone, `pytest -m gui` the GUI alone.
- `pytest -m gui` reads (without importing) a test module outside tests/gui, and the conftest.py files above
  it, and collects it only if they name a Qt fixture or the marker: the core is not collected twice. Every run
  checks that this finds each gui test outside tests/gui.
- With `TRIPTYCH_TESTS_NO_QT=1`, importing PySide6, shiboken6, qasync or pytest-qt fails and tests/gui is not
  collected, so a non-gui test that reaches Qt (itself, through a helper or a conftest) errors instead of
  quietly passing. `make test` runs the core that way, without a display:

      env -u DISPLAY -u QT_QPA_PLATFORM TRIPTYCH_TESTS_NO_QT=1 python -m pytest -m "not gui" -p no:pytest-qt

  (`-p no:pytest-qt` names the plugin as it is registered; `no:pytestqt`, its module, does not stop it.)
"""

from __future__ import annotations

import functools
import importlib.abc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

# The fault matrix's summary (no Qt): here, as pytest-xdist's controller loads only this conftest.
from tests.gui.fault_table import pytest_terminal_summary  # noqa: F401  (a plugin)
from tests.paths import REPO

TESTS = REPO / "tests"
GUI_TESTS = TESTS / "gui"
QT_FIXTURES = frozenset({"qtbot", "qapp"})
"""pytest-qt's fixtures that create or need the QApplication (our `qloop` and the like build on them)."""
GUI_WORDS = (*QT_FIXTURES, "mark.gui")
"""What a module or conftest outside tests/gui says if it may hold a gui test."""
QT_MODULES = ("PySide6", "shiboken6", "qasync", "pytestqt")
NO_QT = os.environ.get("TRIPTYCH_TESTS_NO_QT") == "1"


class QtBlocked(importlib.abc.MetaPathFinder):
    """Refuses every Qt module: installed first on sys.meta_path when TRIPTYCH_TESTS_NO_QT=1."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if fullname.partition(".")[0] in QT_MODULES:
            raise ModuleNotFoundError(
                f"{fullname} is blocked: TRIPTYCH_TESTS_NO_QT=1 runs the tests that need no Qt "
                "(a test that needs Qt belongs in tests/gui, or uses qtbot or qapp and imports Qt inside)",
                name=fullname,
            )


if NO_QT:
    already = sorted(name for name in sys.modules if name.partition(".")[0] in QT_MODULES)
    if already:
        raise pytest.UsageError(
            "TRIPTYCH_TESTS_NO_QT=1, but Qt was imported before the tests were collected "
            f"({', '.join(already)}): run pytest with -p no:pytest-qt"
        )
    sys.meta_path.insert(0, QtBlocked())
    collect_ignore = ["gui"]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    if not pluginmanager.has_plugin("pytest-qt"):
        # pyproject.toml sets pytest-qt's options; --strict-config would refuse them without the plugin.
        parser.addini("qt_log_level_fail", "pytest-qt's (not loaded)")
        parser.addini("qt_log_ignore", "pytest-qt's (not loaded)", type="linelist")


def is_gui(item: pytest.Item) -> bool:
    return item.path.is_relative_to(GUI_TESTS) or not QT_FIXTURES.isdisjoint(
        getattr(item, "fixturenames", ())
    )


@functools.cache
def may_hold_gui_tests(module: Path) -> bool:
    """Whether the gui run collects this test module: in tests/gui, or it or a conftest.py between it and
    this one names a Qt fixture or the gui marker."""
    if module.is_relative_to(GUI_TESTS):
        return True
    folders = [folder for folder in module.parents if folder.is_relative_to(TESTS) and folder != TESTS]
    sources = [module, *(folder / "conftest.py" for folder in folders)]
    return any(
        word in source.read_text(encoding="utf-8")
        for source in sources
        if source.is_file()
        for word in GUI_WORDS
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if (
        config.option.markexpr.strip() == "gui"
        and collection_path.suffix == ".py"
        and collection_path.name.startswith("test_")
        and not may_hold_gui_tests(collection_path)
    ):
        return True
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if is_gui(item):
            item.add_marker(pytest.mark.gui)
    unseen = [
        item.nodeid
        for item in items
        if item.get_closest_marker("gui") is not None and not may_hold_gui_tests(item.path)
    ]
    if unseen:
        raise pytest.UsageError(
            "`pytest -m gui` would not collect these gui tests (move them to tests/gui, or name the Qt "
            f"fixture or `mark.gui` in their module): {', '.join(unseen)}"
        )


@pytest.fixture
def short_tmp_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test's own temporary folder, as `tmp_path`, on a short path: for a TMPDIR given to the app, which
    makes its single-instance socket there (a Unix socket's path holds at most 107 bytes; tmp_path ends in
    the test's name, and under pytest-xdist sits in a worker's folder too, which can push it past that)."""
    return tmp_path_factory.mktemp("t")


def pytest_report_header() -> str | None:
    return "Qt blocked (TRIPTYCH_TESTS_NO_QT=1): tests/gui not collected" if NO_QT else None

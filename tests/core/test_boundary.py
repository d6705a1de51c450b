"""core is a plain Python library: importing all of it loads no Qt (import-linter checks the source too)."""

import subprocess
import sys

from tests.paths import REPO

ROOT = REPO

PROBE = """
import importlib, pkgutil, sys
import core
for module in pkgutil.walk_packages(core.__path__, "core."):
    importlib.import_module(module.name)
forbidden = ("PySide6", "shiboken6", "qasync", "gui")
loaded = sorted(name for name in sys.modules if name.split(".")[0] in forbidden)
print(len(list(pkgutil.walk_packages(core.__path__, "core."))), loaded)
"""


def test_importing_every_core_module_loads_no_qt_and_no_gui() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split(" ", 1)
    assert int(count) >= 10
    assert loaded.strip() == "[]"


def test_core_and_gui_hold_packages_not_flat_lists_and_each_package_says_what_it_owns() -> None:
    assert len(list((REPO / "core").glob("*.py"))) <= 3
    assert len(list((REPO / "gui").glob("*.py"))) <= 10
    for init in [*(REPO / "core").rglob("__init__.py"), *(REPO / "gui").rglob("__init__.py")]:
        first = init.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith('"""') and len(first) > 20, f"{init.relative_to(REPO)} says nothing"

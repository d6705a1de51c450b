"""The wheel is the app: it holds every module and the compiled translations (not the .ts sources, not the
README's screenshots), and a copy installed from it runs the demo's smoke test from another folder, in
Chinese, importing nothing from the checkout.

The wheel is built as `pip wheel . --no-deps` builds it, from a copy of the sources (a build in place would
leave build/ in the checkout, and a stale build/lib can slip deleted modules into a wheel), with the
environment's setuptools and no index: nothing here touches the network, but the test marked `packaging`
(`make packaging-test`), which installs with pipx as the README says, the dependencies from the package index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

import pytest

from tests.paths import REPO

TOP_LEVEL = {"core", "gui", "resources", "main"}
# What a wheel never needs: dot folders (.venv, .git), build output, caches, tests, benchmarks.
NOT_SOURCES = shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench")
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-cache-dir"]


@dataclass(frozen=True)
class Installed:
    wheel: Path
    site: Path
    """The folder the wheel was installed into (`pip install --target`)."""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("wheel")
    sources, wheels, site = root / "sources", root / "wheels", root / "site"
    shutil.copytree(REPO, sources, ignore=NOT_SOURCES)
    build = [
        *PIP,
        "wheel",
        str(sources),
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        str(wheels),
    ]
    _run(build)
    (wheel,) = wheels.glob("triptych-*.whl")
    _run([*PIP, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)])
    return Installed(wheel, site)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _from_elsewhere(installed: Installed, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python in an empty folder with only the installed copy on the path, its window offscreen and its
    system language Simplified Chinese."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env.update(
        PYTHONPATH=str(installed.site),
        QT_QPA_PLATFORM="offscreen",
        LANG="zh_CN.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, *args],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )


def test_the_wheel_holds_modules_compiled_translations_icons_and_the_desktop_entry_only(
    installed: Installed,
) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {
        path.relative_to(REPO).as_posix()
        for package in ("core", "gui", "resources")
        for path in (REPO / package).rglob("*.py")
    }
    translations = {path.relative_to(REPO).as_posix() for path in (REPO / "resources" / "i18n").glob("*.qm")}
    assert {"resources/i18n/triptych_zh_CN.qm", "resources/i18n/triptych_en.qm"} <= translations
    icons = {
        path.relative_to(REPO).as_posix()
        for pattern in ("*.svg", "app/*.png")
        for path in (REPO / "resources" / "icons").glob(pattern)
    }
    assert "resources/icons/triptych.svg" in icons and "resources/icons/app/triptych-256.png" in icons
    desktop = {"resources/desktop/triptych.desktop"}
    missing = (modules | translations | icons | desktop | {"main.py"}) - names
    assert not missing
    data = {name for name in names if not name.endswith(".py") and ".dist-info/" not in name}
    assert data == translations | icons | desktop, "no .ts sources, no screenshots, nothing unlisted"
    tops = {name.split("/")[0].removesuffix(".py") for name in names if ".dist-info/" not in name}
    assert tops == TOP_LEVEL
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    assert "triptych = main:main" in zipfile.ZipFile(installed.wheel).read(entry_points).decode()


def test_the_installed_copy_runs_the_demo_smoke_test_in_chinese(installed: Installed, tmp_path: Path) -> None:
    # What the `triptych` script that pip writes for `main:main` runs.
    result = _from_elsewhere(
        installed,
        tmp_path,
        "-c",
        "import sys; from main import main; sys.exit(main())",
        "--demo",
        "--smoke-test",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip().splitlines()[-1]
    passed = re.fullmatch(
        r'smoke test passed: a reply of \d+ characters .*; the send button reads "(.*)"; code in (.*)', line
    )
    assert passed, line
    assert passed[1] == "发送"
    assert Path(passed[2]) == installed.site.resolve(), "main, core, gui and resources all from the wheel"


def test_the_installed_copy_finds_its_chinese_translation_through_importlib_resources(
    installed: Installed, tmp_path: Path
) -> None:
    probe = """
from PySide6.QtCore import QTranslator
import resources
found = resources.translation_file("zh_CN")
translator = QTranslator()
data = found.read_bytes()
assert translator.load(data)
print(resources.__file__)
print(found)
print(translator.translate("Composer", "Send"))
"""
    result = _from_elsewhere(installed, tmp_path, "-c", probe)
    assert result.returncode == 0, result.stderr
    module, found, send = result.stdout.splitlines()
    site = installed.site.resolve()
    assert Path(module).resolve().is_relative_to(site)
    assert Path(found).resolve() == site / "resources" / "i18n" / "triptych_zh_CN.qm"
    assert send == "发送"


def test_no_other_installed_distribution_claims_the_apps_top_level_names() -> None:
    """core, gui, resources and main are generic names: another distribution shipping one would overwrite the
    app's (or be overwritten) in a shared environment. A pipx install has only the app's dependencies."""
    claims = {}
    for distribution in distributions():
        if distribution.metadata["Name"] == "triptych":
            continue
        tops = {file.parts[0].removesuffix(".py") for file in distribution.files or [] if file.parts}
        if tops & TOP_LEVEL:
            claims[distribution.metadata["Name"]] = sorted(tops & TOP_LEVEL)
    assert not claims


@pytest.mark.packaging
def test_pipx_install_then_the_desktop_entry_as_the_readme_says(tmp_path: Path) -> None:
    """`pipx install .` in a checkout, then `triptych --demo --smoke-test` from another folder in Chinese and
    `triptych --install-desktop-entry`, with pipx's folders and XDG_DATA_HOME in a temporary folder; the
    dependencies come from the package index, as for a user (marked `packaging`: `make packaging-test`)."""
    checkout = tmp_path / "checkout"
    shutil.copytree(REPO, checkout, ignore=NOT_SOURCES)
    pipx_home, bin_dir, share = tmp_path / "pipx", tmp_path / "bin", tmp_path / "share"
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(
        PIPX_HOME=str(pipx_home),
        PIPX_BIN_DIR=str(bin_dir),
        PIPX_MAN_DIR=str(tmp_path / "man"),
        XDG_DATA_HOME=str(share),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
    )

    def run(*command: str | Path, cwd: Path = checkout, **extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            env={**env, **extra},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=900,
        )
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
        return result

    run(sys.executable, "-m", "pipx", "install", ".")
    triptych = bin_dir / "triptych"
    assert triptych.is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    smoke = run(triptych, "--demo", "--smoke-test", cwd=elsewhere, LANG="zh_CN.UTF-8")
    line = smoke.stdout.strip().splitlines()[-1]
    passed = re.fullmatch(r'smoke test passed: .*; the send button reads "(.*)"; code in (.*)', line)
    assert passed, line
    assert passed[1] == "发送"
    assert Path(passed[2]).is_relative_to((pipx_home / "venvs" / "triptych").resolve()), "pipx's own venv"

    run(triptych, "--install-desktop-entry", cwd=elsewhere, LANG="en_US.UTF-8")
    entry = (share / "applications" / "triptych.desktop").read_text(encoding="utf-8")
    assert f"\nExec={triptych}\n" in entry and f"\nTryExec={triptych}\n" in entry, "the menu starts pipx's"

    run(triptych, "--uninstall-desktop-entry", cwd=elsewhere, LANG="en_US.UTF-8")
    assert not (share / "applications" / "triptych.desktop").exists()
    run(sys.executable, "-m", "pipx", "uninstall", "triptych")
    assert not triptych.exists()

"""The one-folder bundle (`make bundle`, packaging/triptych.spec) runs on its own: started from another folder
with an empty environment (no Python on the path, no virtual environment), offscreen and in Chinese, it sends
the demo model one message and quits, every module coming from inside the bundle; it carries the app's
resources and the metadata Help -> About reads, and no test tool. Its size is printed (the README states it).

Marked `packaging` (minutes, and the package index): `make packaging-test` runs it, as CI does.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        ["make", "bundle", f"BUNDLE_DIST={dist}", "PYTHON=python3"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    folder = dist / "triptych"
    # PyInstaller links Qt's libraries into _internal: each file counted once.
    size = sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_symlink() and path.is_file())
    print(f"\nthe bundle: {folder}, {size / 1e6:.0f} MB")
    return folder


def _run(bundle: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The bundle's executable from an empty folder, with nothing from this environment but its locale."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    environment = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [str(bundle / "triptych"), *args],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_bundle_sends_one_message_in_chinese_and_quits(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle, tmp_path, "--demo", "--smoke-test", LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip().splitlines()[-1]
    passed = re.fullmatch(
        r'smoke test passed: a reply of \d+ characters .*; the send button reads "(.*)"; code in (.*)', line
    )
    assert passed, line
    assert passed[1] == "发送", "the translation came from the bundle"
    assert Path(passed[2]).is_relative_to(bundle.resolve()), "main, core, gui and resources from the bundle"
    assert "Traceback" not in result.stderr


def test_the_bundle_installs_its_desktop_entry_starting_the_bundle(bundle: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    result = _run(bundle, tmp_path, "--install-desktop-entry", XDG_DATA_HOME=str(share), LANG="en_US.UTF-8")
    assert result.returncode == 0, result.stdout + result.stderr
    entry = (share / "applications" / "triptych.desktop").read_text(encoding="utf-8")
    executable = bundle / "triptych"
    assert f"\nExec={executable}\n" in entry and f"\nTryExec={executable}\n" in entry
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "triptych.png").is_file()


def test_the_bundle_holds_the_resources_and_metadata_and_no_test_tool(bundle: Path) -> None:
    inside = bundle / "_internal"
    for name in (
        "resources/i18n/triptych_zh_CN.qm",
        "resources/icons/triptych.svg",
        "resources/icons/app/triptych-256.png",
        "resources/desktop/triptych.desktop",
    ):
        assert (inside / name).is_file(), name
    assert list(inside.glob("ziamath/fonts/*")), "the math font"
    metadata = {path.name.split("-")[0].lower() for path in inside.glob("*.dist-info")}
    assert {"triptych", "pyside6_essentials", "httpx", "keyring", "ziamath"} <= metadata, "Help → About"
    top = {path.name.split(".")[0].lower() for path in inside.iterdir()}
    assert not top & {"pytest", "_pytest", "hypothesis", "mypy", "anthropic", "openai", "tests", "bench"}

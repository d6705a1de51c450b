"""The data folder: --data-dir, then TRIPTYCH_DATA_DIR, then the platform's user data folder."""

import sys
from pathlib import Path

import pytest

from core.store import paths


def test_the_override_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "from-flag") == (tmp_path / "from-flag").resolve()
    assert (tmp_path / "from-flag").is_dir()
    assert not (tmp_path / "from-env").exists()


def test_the_environment_is_used_without_an_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir() == (tmp_path / "from-env").resolve()
    assert paths.data_dir("") == (tmp_path / "from-env").resolve()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is how Linux names the data folder")
def test_otherwise_the_platform_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == (tmp_path / "xdg" / "Triptych").resolve()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is how Linux names the data folder")
def test_an_empty_environment_variable_counts_as_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == (tmp_path / "xdg" / "Triptych").resolve()


def test_missing_folders_are_created_and_home_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = paths.data_dir("~/deep/er/data")
    assert folder == (tmp_path / "deep" / "er" / "data").resolve()
    assert folder.is_dir()


def test_the_database_and_settings_files_live_in_the_folder(tmp_path: Path) -> None:
    assert paths.database_path(tmp_path) == tmp_path / "triptych.sqlite3"
    assert paths.settings_path(tmp_path) == tmp_path / "settings.ini"

"""Atomic writes: the old file or the new one, never half; clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ltv_journal.exchange.errors import ExchangeError
from ltv_journal.exchange.files import write_atomically


def test_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "2025.toml"
    write_atomically(target, "a = 1\n")
    write_atomically(target, "a = 2\n")
    assert target.read_text(encoding="utf-8") == "a = 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2025.toml"]


def test_keeps_the_permissions_of_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "2025.toml"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "2025.toml"
    with pytest.raises(ExchangeError, match=r"the folder .*no-such-folder does not exist"):
        write_atomically(target, "a = 1\n")
    assert not target.parent.exists()


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("")
    with pytest.raises(ExchangeError, match="is not a folder"):
        write_atomically(tmp_path / "plain" / "2025.toml", "a = 1\n")


def test_a_folder_in_place_of_the_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "2025.toml").mkdir()
    with pytest.raises(ExchangeError, match="it is a folder"):
        write_atomically(tmp_path / "2025.toml", "a = 1\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_a_clear_error_and_the_old_file_stays(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "2025.toml"
    target.write_text("old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExchangeError, match="is not writable"):
            write_atomically(target, "new")
    finally:
        folder.chmod(0o700)
    assert target.read_text() == "old"


def test_an_unwritable_folder_is_a_clear_error_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores folder permissions, so the refusal is simulated where it happens.
    def refuse(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ExchangeError, match=r"is not writable \(Permission denied\)"):
        write_atomically(tmp_path / "2025.toml", "a = 1\n")
    assert not (tmp_path / "2025.toml").exists()

"""Every failure is one line: seeded generated command lines and interchange files end
in a message (exit 2) and leave the journal as it was, or are accepted — never in a
traceback. `LTV_FUZZ_CASES=2000 pytest tests/safety/test_fuzz.py -s` runs a long one."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from .fuzzing import fuzz_cli, fuzz_files, toml_case

CASES = int(os.environ.get("LTV_FUZZ_CASES", "300"))
SEED = int(os.environ.get("LTV_FUZZ_SEED", "20261129"))


def test_generated_command_lines_never_end_in_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # `export -o NAME` writes relative names: keep them here
    files = []
    rng = random.Random(SEED)
    for number in range(20):
        path = tmp_path / f"file{number}.toml"
        path.write_bytes(toml_case(rng))
        files.append(path)
    figures = fuzz_cli(tmp_path / "journal.db", CASES, SEED, files)
    print(figures.line("command lines"))
    assert figures.failures == [], (
        figures.line("command lines") + "\n" + "\n".join(figures.failures[:20])
    )
    assert figures.refused > CASES // 2  # the generator makes mostly bad input


def test_generated_files_never_end_in_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "files"
    folder.mkdir()
    figures = fuzz_files(tmp_path / "journal.db", folder, CASES, SEED + 1)
    print(figures.line("files"))
    assert figures.failures == [], figures.line("files") + "\n" + "\n".join(figures.failures[:20])
    assert figures.without_line_number == 0, figures.unlocated[:5]
    assert figures.refused > CASES // 3

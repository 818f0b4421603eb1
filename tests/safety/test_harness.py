"""Crashes and concurrent writers lose nothing that was reported and corrupt nothing.

`LTV_CRASH_CYCLES=300 .venv/bin/pytest tests/safety/test_harness.py -s` runs the long
version and prints its figures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .harness import concurrent_adds, crash_cycles

CYCLES = int(os.environ.get("LTV_CRASH_CYCLES", "10"))
SEED = int(os.environ.get("LTV_CRASH_SEED", "20261129"))


def test_kill_9_during_adds_imports_and_rescores_loses_nothing(tmp_path: Path) -> None:
    figures = crash_cycles(tmp_path / "journal.db", CYCLES, SEED)
    print(figures.line())
    assert figures.cycles == CYCLES, figures.problems[:5]
    assert figures.problems == [], figures.line() + "\n" + "\n".join(figures.problems[:10])
    assert figures.reported > 0


@pytest.mark.parametrize("processes", [2, 4])
def test_processes_adding_at_once_lose_nothing(tmp_path: Path, processes: int) -> None:
    figures = concurrent_adds(tmp_path / "journal.db", processes=processes, adds=30)
    print(figures.line("processes adding at once"))
    assert figures.problems == [], figures.problems[:10]
    assert (figures.reported, figures.lost, figures.busy) == (30 * processes, 0, 0)

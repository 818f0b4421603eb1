"""A journal with Max Muster and his online business, and `serve` running on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ltv_journal.cli import main

from .served import Served, start_serve

MAX_PROFILE = ["profile", "--name", "Max Muster", "--birth-date", "1979-01-01", "--income", "35000"]
BUSINESS = [
    "add",
    "Build an online business",
    "--kind",
    "investment",
    "--date",
    "2025-01-01",
    "--effect",
    "money 500/m delay=12 until=retirement",
]


@pytest.fixture
def max_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed's journal: LTV money 1,695,000.00 EUR."""
    monkeypatch.delenv("LTV_JOURNAL_DB", raising=False)
    db = tmp_path / "journal" / "journal.db"
    for args in (MAX_PROFILE, BUSINESS):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, (result.stdout, result.stderr)
    return db


@pytest.fixture
def served(max_db: Path, tmp_path: Path) -> Iterator[Served]:
    """`ltv-journal serve --port 0` on the journal; stopped (SIGTERM) afterwards."""
    server = start_serve(max_db, tmp_path)
    try:
        yield server
    finally:
        server.stop()

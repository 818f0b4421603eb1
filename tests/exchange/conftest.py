"""Fixtures for the interchange tests: journals on real SQLite files or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import journal_location
from ltv_journal.store.journal import Journal


@pytest.fixture
def empty_journal(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> Iterator[Journal]:
    """A journal with no profile and no decisions (SQLite, or PostgreSQL)."""
    location = journal_location(request, backend, tmp_path / "empty" / "journal.db")
    with Journal(str(location)) as opened:
        yield opened


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write text to a file in tmp_path and return its path."""

    def writer(text: str, name: str = "journal.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return writer

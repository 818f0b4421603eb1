"""Where a test's journal lives: a SQLite file, or a fresh database on the test run's
PostgreSQL server (the `pg_databases` fixture in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def journal_location(request: pytest.FixtureRequest, backend: str, path: Path) -> Any:
    """`path` on SQLite; a fresh database's URL (str) on PostgreSQL."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_databases")()
    return path
